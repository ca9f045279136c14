"""Confusion classes: the slips Hindi writers make, and how to undo them.

The rules live in ``rules/hi/confusions.txt`` (format documented there).  A
:class:`ConfusionSet` turns a possibly misspelled word into the words it
could have been meant as, one slip undone per :class:`Edit`.  Candidate
words are *not* checked against a lexicon here; the speller does that.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from pathlib import Path

from .text import ANUSVARA, CHANDRABINDU, CONSONANTS, INDEPENDENT_VOWELS, NUKTA, VIRAMA, VOWEL_SIGNS, nfc

EMPTY = "∅"
SAME_CONSONANT = "C"
VISARGA = "ः"
# Signs that must follow a consonant (or, for the nasal signs, a vowel).
_DEPENDENT_SIGNS = set(VOWEL_SIGNS + VIRAMA + NUKTA + ANUSVARA + CHANDRABINDU + VISARGA)
_CONSONANTS = set(CONSONANTS)
_VOWEL_SIGNS = set(VOWEL_SIGNS)
_INDEPENDENT_VOWELS = set(INDEPENDENT_VOWELS)
PLACES = {"anywhere", "word-end", "word-start", "syllable-end", "between-consonants", "reph-move"}


@dataclasses.dataclass(frozen=True)
class ConfusionRule:
    kind: str
    written: str  # "" = insertion
    meant: str  # "" = deletion
    cost: float
    where: str = "anywhere"
    suspect_gap: float | None = None  # see confusions.txt: build-time likely-misspelling test


@dataclasses.dataclass(frozen=True)
class Edit:
    """One slip undone: ``candidate`` is the word as it was probably meant."""

    candidate: str
    kinds: tuple[str, ...]
    cost: float


def parse_rules(lines: Iterable[str], source: str = "<rules>") -> list[ConfusionRule]:
    rules = []
    for number, raw in enumerate(lines, 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        fields = line.split()
        suspect_gap = None
        if fields[-1].startswith("suspect="):
            suspect_gap = float(fields.pop()[len("suspect="):])
        if len(fields) not in (4, 5):
            raise ValueError(f"{source}:{number}: expected 'kind written meant cost [where]': {raw!r}")
        kind, written, meant, cost = fields[:4]
        where = fields[4] if len(fields) == 5 else "anywhere"
        if where not in PLACES:
            raise ValueError(f"{source}:{number}: unknown place {where!r}")
        rules.append(
            ConfusionRule(
                kind,
                "" if written == EMPTY else nfc(written),
                "" if meant == EMPTY else nfc(meant),
                float(cost),
                where,
                suspect_gap,
            )
        )
    return rules


def is_well_formed(word: str) -> bool:
    """Reject letter sequences no Hindi word has (a vowel sign after a vowel…)."""
    if not word or word[0] in _DEPENDENT_SIGNS:
        return False
    previous = word[0]
    for char in word[1:]:
        if char in _VOWEL_SIGNS or char == VIRAMA:
            if previous not in _CONSONANTS and previous != NUKTA:
                return False
        elif char == NUKTA:
            if previous not in _CONSONANTS:
                return False
        elif char in (ANUSVARA, CHANDRABINDU, VISARGA):
            if previous in (VIRAMA, ANUSVARA, CHANDRABINDU, VISARGA, NUKTA):
                return False
        previous = char
    return previous != VIRAMA or len(word) > 2


class ConfusionSet:
    def __init__(self, rules: list[ConfusionRule]):
        self.rules = rules

    @classmethod
    def load(cls, paths: Iterable[Path]) -> ConfusionSet:
        rules: list[ConfusionRule] = []
        for path in paths:
            rules.extend(parse_rules(path.read_text(encoding="utf-8").splitlines(), str(path)))
        return cls(rules)

    # ── one slip ──────────────────────────────────────────────────────────
    def single_edits(self, word: str) -> Iterator[Edit]:
        for rule, candidate in self.rule_applications(word):
            yield Edit(candidate, (rule.kind,), rule.cost)

    def rule_applications(self, word: str) -> Iterator[tuple[ConfusionRule, str]]:
        """``(rule, candidate)`` for every well-formed single slip undone."""
        for rule in self.rules:
            for candidate in _apply(rule, word):
                if candidate != word and is_well_formed(candidate):
                    yield rule, candidate

    # ── up to ``max_edits`` slips, cheapest path to each candidate ────────
    def edits(self, word: str, max_edits: int = 2) -> dict[str, Edit]:
        best: dict[str, Edit] = {}
        frontier = [Edit(word, (), 0.0)]
        for _ in range(max_edits):
            next_frontier = []
            for done in frontier:
                for edit in self.single_edits(done.candidate):
                    combined = Edit(edit.candidate, done.kinds + edit.kinds, done.cost + edit.cost)
                    if combined.candidate == word:
                        continue
                    known = best.get(combined.candidate)
                    if known is None or combined.cost < known.cost:
                        best[combined.candidate] = combined
                        next_frontier.append(combined)
            frontier = next_frontier
        return best


def _apply(rule: ConfusionRule, word: str) -> Iterator[str]:
    if rule.where == "reph-move":
        yield from _move_reph(word)
    elif SAME_CONSONANT in rule.written or SAME_CONSONANT in rule.meant:
        yield from _apply_same_consonant(rule, word)
    elif not rule.written:
        for i in _insertion_points(word, rule.where):
            yield word[:i] + rule.meant + word[i:]
    else:
        start = word.find(rule.written)
        while start != -1:
            end = start + len(rule.written)
            if _place_fits(rule.where, word, start, end):
                yield word[:start] + rule.meant + word[end:]
            start = word.find(rule.written, start + 1)


def _place_fits(where: str, word: str, start: int, end: int) -> bool:
    if where == "word-end":
        return end == len(word)
    if where == "word-start":
        return start == 0
    # A substitution must not split a letter from its nukta.
    return end >= len(word) or word[end] != NUKTA


def _insertion_points(word: str, where: str) -> Iterator[int]:
    for i in range(1, len(word) + 1):
        before = word[i - 1]
        after = word[i] if i < len(word) else ""
        if where == "syllable-end":
            # after a letter or vowel sign, not inside a cluster, not before a sign
            if before in (VIRAMA, ANUSVARA, CHANDRABINDU, VISARGA):
                continue
            if after and after in _DEPENDENT_SIGNS:
                continue
            yield i
        elif where == "between-consonants":
            if (before in _CONSONANTS or before == NUKTA) and after in _CONSONANTS:
                yield i
        elif where == "word-end":
            if i == len(word):
                yield i
        else:
            yield i


def _apply_same_consonant(rule: ConfusionRule, word: str) -> Iterator[str]:
    doubled = SAME_CONSONANT + VIRAMA + SAME_CONSONANT
    if rule.written == doubled and rule.meant == SAME_CONSONANT:
        for i in range(len(word) - 2):
            if word[i] in _CONSONANTS and word[i + 1] == VIRAMA and word[i + 2] == word[i]:
                yield word[: i + 1] + word[i + 3:]
    elif rule.written == SAME_CONSONANT and rule.meant == doubled:
        for i, char in enumerate(word):
            if i == 0 or char not in _CONSONANTS:
                continue
            if word[i - 1] == VIRAMA:  # already the second half of a cluster
                continue
            if i + 1 < len(word) and word[i + 1] == NUKTA:
                continue
            yield word[:i] + char + VIRAMA + word[i:]
    else:
        raise ValueError(f"unsupported same-consonant rule {rule}")


def _syllable_onsets(word: str) -> list[int]:
    """Indices where a consonant cluster starts a new syllable."""
    onsets = []
    for i, char in enumerate(word):
        if char in _CONSONANTS and (i == 0 or word[i - 1] != VIRAMA):
            onsets.append(i)
    return onsets


def _move_reph(word: str) -> Iterator[str]:
    reph = "र" + VIRAMA
    start = word.find(reph)
    while start != -1:
        end = start + 2
        if end < len(word) and word[end] in _CONSONANTS and (start == 0 or word[start - 1] != VIRAMA):
            without = word[:start] + word[end:]
            onsets = _syllable_onsets(without)
            # the cluster the reph sat on now starts at ``start``
            if start in onsets:
                k = onsets.index(start)
                for neighbour in (k - 1, k + 1):
                    if 0 <= neighbour < len(onsets) and onsets[neighbour] > 0:
                        i = onsets[neighbour]
                        yield without[:i] + reph + without[i:]
        start = word.find(reph, start + 1)
