"""rules/hi/phrases.txt: every group has example sentences, and every spec holds.

Like never-valid.txt's specs: each ``> wrong => right`` sentence is run through *all* the
spelling rules, the first suggestion of every finding is applied, and the result must be
the right sentence, which itself must raise no spelling finding.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.api import fix_text, lint_text
from newslint.hindi.context import parse

RULES = Path(__file__).resolve().parents[2] / "rules"
CLASSES, GROUPS = parse((RULES / "hi" / "phrases.txt").read_text(encoding="utf-8").splitlines())
SPECS = [(group.id, spec) for group in GROUPS for spec in group.specs]


def test_every_group_has_a_pattern_a_description_and_specs():
    assert GROUPS
    for group in GROUPS:
        assert group.patterns, group.id
        assert group.description, group.id
        assert any(s.wrong != s.right for s in group.specs), f"[{group.id}] has no spec with a slip"


@pytest.mark.parametrize(("group", "spec"), SPECS, ids=[f"{g}:{s.line}" for g, s in SPECS])
def test_spec(group, spec):
    assert fix_text(spec.wrong, select=["spelling"], unsafe=True) == spec.right
    assert lint_text(spec.right, select=["spelling"]) == []


@pytest.mark.parametrize("group", GROUPS, ids=[g.id for g in GROUPS])
def test_every_group_is_exercised_by_its_specs(group):
    """At least one spec slip is reported by the context rule with this group's description
    (another may be caught by a word rule first: अमेरिकां is unknown on its own)."""
    messages = [f.message for spec in group.specs for f in lint_text(spec.wrong, select=["SP104"])]
    assert any(group.description[1:40] in m for m in messages), messages


def test_parse_errors():
    with pytest.raises(ValueError, match="no {target}"):
        parse(["[g] d", "हो रहें => रहे"])
    with pytest.raises(ValueError, match="unknown word class"):
        parse(["[g] d", "@nothing {रहें} => रहे"])
    with pytest.raises(ValueError, match="needs a built-in class"):
        parse(["[g] d", "{रहें} => @"])
    classes, groups = parse(["@aux = है हैं", "[g] d", "{रहें} @aux => रहे", "> a => b"])
    assert classes["aux"] and groups[0].patterns[0].target == 0 and groups[0].specs[0].right == "b"
