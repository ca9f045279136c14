"""never-valid.txt: every entry is a real correction and every spec holds.

Like textlint-rule-prh ``specs``: each ``> wrong => right`` line is run
through the *whole* speller, every flagged word is replaced by its first
suggestion, and the result must be the right sentence — so a spec fails
both when a slip is missed and when a correct word in it is flagged.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.hindi import NEVER_VALID, Speller, lookup_key
from newslint.hindi.never_valid import parse

RULES = Path(__file__).resolve().parents[2] / "rules"
GROUPS = parse((RULES / "hi" / "never-valid.txt").read_text(encoding="utf-8").splitlines())
ENTRIES = [entry for group in GROUPS for entry in group.entries]
SPECS = [(group.id, spec) for group in GROUPS for spec in group.specs]


def apply_first_suggestions(speller: Speller, text: str) -> str:
    out, last = [], 0
    for finding in speller.check_text(text):
        out.append(text[last:finding.start])
        out.append(finding.verdict.suggestions[0].word)
        last = finding.end
    out.append(text[last:])
    return "".join(out)


def test_every_group_has_specs():
    assert GROUPS, "never-valid.txt has no groups"
    for group in GROUPS:
        assert group.specs, f"group [{group.id}] has no example sentence"
        assert group.description, f"group [{group.id}] has no description"


@pytest.mark.parametrize(("group", "spec"), SPECS, ids=[f"{g}:{s.line}" for g, s in SPECS])
def test_spec_sentence_is_corrected(speller, group, spec):
    assert spec.wrong != spec.right
    assert apply_first_suggestions(speller, spec.wrong) == spec.right
    # the right sentence itself raises nothing
    assert speller.check_text(spec.right) == []


def test_every_spec_exercises_its_group(speller):
    for group in GROUPS:
        fired = set()
        for spec in group.specs:
            for finding in speller.check_text(spec.wrong):
                fired.add(finding.verdict.source)
        assert group.id in fired, f"no spec of [{group.id}] is corrected by that group"


@pytest.mark.parametrize("entry", ENTRIES, ids=[f"{e.wrong}:{e.line}" for e in ENTRIES])
def test_entry_is_flagged_with_its_correction(speller, lexicon, entry):
    assert lookup_key(entry.wrong) not in {lookup_key(r) for r in entry.rights}, "a variant, not a slip"
    verdict = speller.verdict(entry.wrong)
    assert verdict is not None and verdict.kind == NEVER_VALID
    assert verdict.suggestions[0].word == entry.rights[0]
    assert not lexicon.is_known(entry.wrong)
    for right in entry.rights:
        assert lexicon.is_known(right), f"{right} (correction of {entry.wrong}) is not a known word"
        assert speller.verdict(right) is None


def test_no_entry_is_listed_twice():
    spellings = [entry.wrong for entry in ENTRIES]
    assert len(spellings) == len(set(spellings))
