#!/usr/bin/env python3
"""Regenerate the rule table in README.md from the rule registry (`--check`: fail if stale)."""

from __future__ import annotations

import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- rules-table:start -->", "<!-- rules-table:end -->"


def rules_table() -> str:
    from newslint.registry import all_rules

    rows = [
        "| code | name | category | severity | fix | what it catches |",
        "|---|---|---|---|---|---|",
    ]
    for rule in all_rules():
        fix = {"safe": "safe", "unsafe": "suggestion", "no": ""}[rule.fixable]
        note = "" if rule.default_enabled else " *(off by default)*"
        summary = rule.summary().replace("|", "\\|")
        rows.append(f"| `{rule.code}` | `{rule.name}` | {rule.category} | {rule.severity_text()} | {fix} | {summary}{note} |")
    return "\n".join(rows)


def render(readme: str) -> str:
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{rules_table()}\n{END}{tail}"


def main() -> int:
    current = README.read_text(encoding="utf-8")
    wanted = render(current)
    if "--check" in sys.argv:
        if current != wanted:
            print("README.md rule table is stale: run scripts/update_readme.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
