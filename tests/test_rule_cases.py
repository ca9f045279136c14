"""Rule test cases as data, one YAML file per rule (like sqlfluff's std_rule_cases).

    rule: TY107                     # the rule under test (code or name)
    test_two_spaces:                # one case per key
      fail_str: "यह  पंक्ति"         # must produce at least one finding of the rule
      findings:                     # optional: exactly these positions (1-based, end exclusive)
        - {line: 1, column: 3, end_column: 5}
      fix_str: "यह पंक्ति"           # optional: text after `newslint fix` with this rule only
    test_clean:
      pass_str: "ठीक है।"            # must produce no finding of the rule

Optional keys per case: `filename` (default article.txt; .md for Markdown), `options` (the
rule's options), `unsafe: true` (fix_str applies unsafe suggestions too), `suggestion` (the
first suggestion's replacement), `message_contains`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from newslint.api import fix_text, lint_text
from newslint.registry import all_rules, rule_by_key

CASES_DIR = Path(__file__).parent / "rule_cases"


def load_cases():
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        rule_key = data.pop("rule")
        for case_name, case in data.items():
            yield pytest.param(rule_key, case, id=f"{path.stem}:{case_name}")


@pytest.mark.parametrize(("rule_key", "case"), list(load_cases()))
def test_rule_case(rule_key, case):
    rule = rule_by_key(rule_key)
    assert rule is not None, f"no rule {rule_key}"
    filename = case.get("filename", "article.txt")
    options = {rule.name: case["options"]} if "options" in case else None
    select = [rule.code, *case.get("with_rules", [])]
    if "pass_str" in case:
        findings = [f for f in lint_text(case["pass_str"], filename, select=select, options=options) if f.code == rule.code]
        assert findings == [], "expected no finding, got: " + "; ".join(f"{f.line}:{f.column} {f.message}" for f in findings)
        return
    text = case["fail_str"]
    findings = [f for f in lint_text(text, filename, select=select, options=options) if f.code == rule.code]
    assert findings, f"expected a {rule.code} finding"
    if "findings" in case:
        got = [
            {"line": f.line, "column": f.column, "end_line": f.end_line, "end_column": f.end_column}
            for f in findings
        ]
        want = [{"end_line": item.get("end_line", item["line"]), **item} for item in case["findings"]]
        assert got == want
    if "suggestion" in case:
        assert findings[0].suggestions, "expected a suggestion"
        assert findings[0].suggestions[0].replacement == case["suggestion"]
    if "message_contains" in case:
        assert case["message_contains"] in findings[0].message
    if "fix_str" in case:
        assert fix_text(text, filename, select=select, options=options, unsafe=case.get("unsafe", False)) == case["fix_str"]


def test_every_rule_has_cases_and_docs():
    covered = set()
    for path in CASES_DIR.glob("*.yaml"):
        key = yaml.safe_load(path.read_text(encoding="utf-8"))["rule"]
        rule = rule_by_key(key)
        assert rule is not None, f"{path.name}: unknown rule {key}"
        covered.add(rule.code)
    for rule in all_rules():
        assert rule.explanation(), f"{rule.code} has no docstring"
        assert rule.code in covered or rule.code.startswith("LT"), f"{rule.code} ({rule.name}) has no tests/rule_cases/*.yaml"


def test_rules_that_change_severity_per_finding_say_so():
    """The README's table, `newslint rules` and `newslint rule` show each rule's default
    severity; a rule that reports some findings at another severity (AT101: casualty counts are
    errors, which fail the default gate) must say when, in `severity_note`."""
    from newslint.api import lint_text

    examples = Path(__file__).resolve().parent.parent / "examples"
    texts = [(p.read_text(encoding="utf-8"), p.name) for p in sorted(examples.glob("*.*")) if p.suffix in (".txt", ".md")]
    texts += [(case[key], case.get("filename", "article.txt")) for case in (param.values[1] for param in load_cases()) for key in ("fail_str", "pass_str")
              if isinstance(case.get(key), str)]
    other = {}
    for text, name in texts:
        for finding in lint_text(text, filename=name, select=["ALL"]):
            rule = rule_by_key(finding.code)
            if finding.severity != rule.severity:
                other.setdefault(finding.code, set()).add(finding.severity)
    assert other, "no rule changed severity on the examples: the test sees nothing"
    unexplained = {code: levels for code, levels in other.items() if not rule_by_key(code).severity_note}
    assert not unexplained
