"""The PASS/FAIL/FIX examples in the docstrings of SP101–SP105 hold (`newslint rule SP10x`)."""

from __future__ import annotations

import re

import pytest

from newslint.api import fix_text, lint_text
from newslint.registry import all_rules

RULES = [rule for rule in all_rules() if rule.code.startswith("SP1")]
BLOCK_RE = re.compile(r"(PASS|FAIL|FIX)::\n\n((?:    .*\n?)+)")


def examples(rule) -> dict[str, str]:
    return {kind: text.strip() for kind, text in BLOCK_RE.findall(rule.explanation() + "\n")}


def test_all_five_rules_are_registered():
    assert [r.code for r in RULES] == ["SP101", "SP102", "SP103", "SP104", "SP105"]


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_docstring_examples(rule):
    blocks = examples(rule)
    assert lint_text(blocks["PASS"], select=["spelling"]) == []
    found = lint_text(blocks["FAIL"], select=["spelling"])
    assert found and {f.code for f in found} == {rule.code}
    if "FIX" in blocks:
        assert fix_text(blocks["FAIL"], select=[rule.code]) == blocks["FIX"]
