"""Confusion classes: the slips Hindi writers make, and how to undo them.

The rules live in ``rules/hi/confusions.txt`` (format documented there).  A
:class:`ConfusionSet` turns a possibly misspelled word into the words it
could have been meant as, one slip undone per :class:`Edit`.  Candidate
words are *not* checked against a lexicon here; the speller does that.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator
from pathlib import Path

from .records import record
from .text import ANUSVARA, CHANDRABINDU, CONSONANTS, INDEPENDENT_VOWELS, NUKTA, VIRAMA, VOWEL_SIGNS, nfc
from newslint.compiled import compile_re

EMPTY = "∅"
SAME_CONSONANT = "C"
VISARGA = "ः"
# Signs that must follow a consonant (or, for the nasal signs, a vowel).
_DEPENDENT_SIGNS = set(VOWEL_SIGNS + VIRAMA + NUKTA + ANUSVARA + CHANDRABINDU + VISARGA)
_CONSONANTS = set(CONSONANTS)
_VOWEL_SIGNS = set(VOWEL_SIGNS)
_INDEPENDENT_VOWELS = set(INDEPENDENT_VOWELS)
PLACES = {"anywhere", "word-end", "word-start", "syllable-end", "between-consonants", "reph-move"}


@record(frozen=True)
class ConfusionRule:
    kind: str
    written: str  # "" = insertion
    meant: str  # "" = deletion
    cost: float
    where: str = "anywhere"
    suspect_gap: float | None = None  # see confusions.txt: build-time likely-misspelling test


@record(frozen=True)
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


# A sign where no Hindi word has one — what `_is_well_formed_slow` rejects, as one C-speed scan:
# a dependent sign first; a vowel sign or virama not after a consonant (or nukta); a nukta not
# after a consonant; a nasal sign or visarga after a virama, nasal, visarga or nukta.
_ILL_FORMED = compile_re(
    f"^[{''.join(sorted(_DEPENDENT_SIGNS))}]"
    f"|(?<![{CONSONANTS}{NUKTA}])[{VOWEL_SIGNS}{VIRAMA}]"
    f"|(?<![{CONSONANTS}]){NUKTA}"
    f"|(?<=[{VIRAMA}{ANUSVARA}{CHANDRABINDU}{VISARGA}{NUKTA}])[{ANUSVARA}{CHANDRABINDU}{VISARGA}]"
)


def is_well_formed(word: str) -> bool:
    """Reject letter sequences no Hindi word has (a vowel sign after a vowel…)."""
    return bool(word) and _ILL_FORMED.search(word) is None and (word[-1] != VIRAMA or len(word) > 2)


def _is_well_formed_slow(word: str) -> bool:
    """`is_well_formed`, character by character (the specification; used by the tests)."""
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


def _needle(rule: ConfusionRule) -> str | None:
    """A substring a word must contain for ``rule`` to apply to it (None: any word)."""
    if rule.where == "reph-move":
        return "र" + VIRAMA
    if SAME_CONSONANT in rule.written or SAME_CONSONANT in rule.meant:
        return VIRAMA if rule.written == SAME_CONSONANT + VIRAMA + SAME_CONSONANT else None
    return rule.written or None


_EDITS_CACHE_SIZE = 256


class ConfusionSet:
    def __init__(self, rules: list[ConfusionRule]):
        self.rules = rules
        # (rule, needle): most rules replace a letter or sign that most words lack, and one
        # substring test skips them without starting a generator.
        # A plain substitution (the most common rule) is applied inline, without a generator.
        self._needled = [
            (rule, _needle(rule), rule.where != "reph-move" and bool(rule.written) and SAME_CONSONANT not in rule.written + rule.meant)
            for rule in rules
        ]
        # The rules a word can trigger, found from its letters: rule indices by the first
        # character of their needle, and the rules without one. A word has a few of the ~70
        # rules' letters; testing every needle was most of the cost of a word's edits (two slips
        # deep, ~100 words are expanded per word judged). Kept in rule order (see
        # rule_applications).
        self._by_char: dict[str, list[int]] = {}
        self._always: list[int] = []
        for index, (_, needle, _) in enumerate(self._needled):
            if needle is None:
                self._always.append(index)
            else:
                self._by_char.setdefault(needle[0], []).append(index)
        # The speller asks for the same word's edits more than once (suggest, then the slip
        # kind of each suggestion); they are the costly part of judging an unknown word.
        self._edits_cache: dict[tuple[str, int], dict[str, Edit]] = {}

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

    def rule_applications(self, word: str, formed: Container[str] = ()) -> Iterator[tuple[ConfusionRule, str]]:
        """``(rule, candidate)`` for every well-formed single slip undone.

        ``formed``: words known to be well formed, not tested again (`edits` reaches most
        candidates two slips away by several paths: A then B, B then A).
        """
        by_char = self._by_char
        picked = [index for char in set(word) if char in by_char for index in by_char[char]]
        picked.extend(self._always)
        # In rule order, as a loop over all the rules would yield them: the first path found to
        # a candidate wins ties in `edits`, and the suggestions' order depends on it.
        picked.sort()
        needled = self._needled
        for index in picked:
            rule, needle, plain = needled[index]
            if needle is not None and needle not in word:
                continue
            if plain:  # _apply's substitution branch, inline
                written, meant, where = rule.written, rule.meant, rule.where
                size = len(written)
                start = word.find(written)
                while start != -1:
                    end = start + size
                    if _place_fits(where, word, start, end):
                        candidate = word[:start] + meant + word[end:]
                        if candidate != word and (candidate in formed or is_well_formed(candidate)):
                            yield rule, candidate
                    start = word.find(written, start + 1)
                continue
            if not rule.written:  # an insertion (_apply's branch, with the positions as a list)
                meant = rule.meant
                for i in _insertion_positions(word, rule.where):
                    candidate = word[:i] + meant + word[i:]
                    if candidate != word and (candidate in formed or is_well_formed(candidate)):
                        yield rule, candidate
                continue
            for candidate in _apply(rule, word):
                if candidate != word and (candidate in formed or is_well_formed(candidate)):
                    yield rule, candidate

    # ── up to ``max_edits`` slips, cheapest path to each candidate ────────
    def edits(self, word: str, max_edits: int = 2) -> dict[str, Edit]:
        """Every candidate within ``max_edits`` slips, by its cheapest path. The result is
        shared between callers (cached): do not modify it."""
        cache_key = (word, max_edits)
        cached = self._edits_cache.get(cache_key)
        if cached is not None:
            return cached
        # (kinds, cost) per candidate; Edit objects are made once, for the survivors.
        best: dict[str, tuple[tuple[str, ...], float]] = {}
        frontier: list[tuple[str, tuple[str, ...], float]] = [(word, (), 0.0)]
        for _ in range(max_edits):
            next_frontier = []
            for done, done_kinds, done_cost in frontier:
                # every candidate in `best` was yielded, so is well formed
                for rule, candidate in self.rule_applications(done, best):
                    if candidate == word:
                        continue
                    cost = done_cost + rule.cost
                    known = best.get(candidate)
                    if known is None or cost < known[1]:
                        kinds = done_kinds + (rule.kind,)
                        best[candidate] = (kinds, cost)
                        next_frontier.append((candidate, kinds, cost))
            frontier = next_frontier
        result = {candidate: Edit(candidate, kinds, cost) for candidate, (kinds, cost) in best.items()}
        if len(self._edits_cache) >= _EDITS_CACHE_SIZE:
            self._edits_cache.clear()
        self._edits_cache[cache_key] = result
        return result


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


_NO_SIGN_AFTER = frozenset((VIRAMA, ANUSVARA, CHANDRABINDU, VISARGA))
_CONSONANT_OR_NUKTA = _CONSONANTS | {NUKTA}


def _insertion_positions(word: str, where: str) -> list[int]:
    """`_insertion_points` as one list comprehension (it runs for every word expanded)."""
    n = len(word)
    if where == "syllable-end":
        return [
            i
            for i in range(1, n + 1)
            if word[i - 1] not in _NO_SIGN_AFTER and (i == n or word[i] not in _DEPENDENT_SIGNS)
        ]
    if where == "between-consonants":
        return [i for i in range(1, n) if word[i - 1] in _CONSONANT_OR_NUKTA and word[i] in _CONSONANTS]
    if where == "word-end":
        return [n] if n else []
    return list(range(1, n + 1))


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
