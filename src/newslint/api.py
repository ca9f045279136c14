"""A small Python API, for tests, editors and newsroom tooling.

    from newslint.api import lint_text, fix_text
    findings = lint_text("…", select=["SP101"])
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newslint.config import Config
from newslint.document import parse_document
from newslint.engine import lint_document
from newslint.fixer import fix_text as _fix_text
from newslint.registry import check_selectors, select_rules
from newslint.rule import Finding
from newslint.source import Source, kind_for, source_from_bytes


def _config(select: list[str] | None, ignore: list[str] | None, options: dict[str, dict[str, Any]] | None, packs: list[Path] | None) -> Config:
    check_selectors(select or [], "select")
    check_selectors(ignore or [], "ignore")
    return Config(select=select, ignore=list(ignore or []), options=dict(options or {}), packs=list(packs or []))


def _rules(config: Config):
    rules = []
    for cls in select_rules(config.select, config.extend_select, config.ignore):
        rules.append(cls(config.options.get(cls.name) or config.options.get(cls.code)))
    return rules


def lint_text(
    text: str,
    filename: str = "article.txt",
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    options: dict[str, dict[str, Any]] | None = None,
    packs: list[Path] | None = None,
) -> list[Finding]:
    """Lint a string as if it were the file `filename` (its suffix picks text or Markdown)."""
    config = _config(select, ignore, options, packs)
    source = source_from_bytes(text.encode("utf-8"), filename, max_bytes=0)
    return lint_document(parse_document(source), config, _rules(config))


def fix_text(
    text: str,
    filename: str = "article.txt",
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    options: dict[str, dict[str, Any]] | None = None,
    unsafe: bool = False,
) -> str:
    """Apply fixes to a string (safe ones; with unsafe=True also the first unsafe suggestion)."""
    config = _config(select, ignore, options, None)
    rules = _rules(config)

    def lint(current: str) -> list[Finding]:
        # Built from the text itself, not re-decoded: a leading U+FEFF is text here, not a BOM.
        source = Source(path=filename, text=current, kind=kind_for(filename))
        return lint_document(parse_document(source), config, rules)

    return _fix_text(text, lint, unsafe)[0]
