"""The Hindi speller: is a word misspelled, and what was meant?

A word is flagged only when

* it is a **never-valid** form (``rules/hi/never-valid.txt``: थें, नही, करेगें), or
* it is **not a known word** (see :class:`~newslint.hindi.lexicon.Lexicon`) —
  including forms the build found to be likely slips of a far commoner word —
  **and** undoing one or two typical Hindi slips (``rules/hi/confusions.txt``)
  gives a known word that is frequent enough to be the likely intent.

An unknown word with no such candidate — a name, a loanword, a coinage — is
never flagged: a newsroom switches off a linter that cries wolf.

Suggestions are generated only by confusion classes, never by generic edit
distance (which would offer में for थें), and ranked by frequency minus the
implausibility of the slips undone.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

from .records import record
from .confusions import ConfusionSet
from .lexicon import UNLISTED_CEILING, Lexicon
from .text import ANUSVARA, CHANDRABINDU, CONSONANTS, INDEPENDENT_VOWELS, is_devanagari_word, lookup_key, nfc, tokenize

# Verdict kinds: why a word was flagged.
NEVER_VALID = "never-valid"
LIKELY_MISSPELLING = "likely-misspelling"
UNKNOWN_WORD = "unknown-word"

# Confidence of an unknown-word verdict is a logistic function of the best
# candidate's score (Zipf frequency minus slip cost): a candidate scoring
# ``_MIDPOINT`` gives 0.5.  Calibrated on hand-written news sentences and
# misspellings (see "Evaluation" in rules/hi/README.md).
_MIDPOINT = 1.6
_STEEPNESS = 1.6
# Two slips must buy a clearly commoner word than one.
_SECOND_EDIT_PENALTY = 0.6
_NEVER_VALID_CONFIDENCE = 0.97
_PATTERN_CONFIDENCE = 0.9
_LIKELY_PATTERN_CONFIDENCE = 0.8
_CACHE_SIZE = 200_000  # distinct words whose verdicts are remembered
# What undoing a likely-misspelling pattern costs, as for a confusion slip.
_PATTERN_COST = 0.5
# About how many searches of words.tsv judging an unknown word's candidates costs without the
# valued-keys index (what Lexicon.valued_index weighs its reading against).
_CANDIDATE_SEARCHES = 200
# A compound's parts have at least this many code points (व्हाट्स + ऐप).
_MIN_PART = 2
# No Hindi word is longer (the longest in words.tsv has 34 code points, a compound). A longer run of
# letters is a URL-like string or a keyboard accident, and the two-slip search over it grows
# with the square of its length (a 800-code-point "word" took minutes): not judged.
MAX_WORD_LENGTH = 40


@record(frozen=True)
class Candidate:
    """A word the writer may have meant; ``kind`` names the slip(s) undone."""

    word: str
    score: float
    kind: str
    edits: int = 1


@record(frozen=True)
class Verdict:
    """Why ``wrong`` is flagged and what to write instead (best first)."""

    wrong: str
    suggestions: tuple[Candidate, ...]
    kind: str  # NEVER_VALID | LIKELY_MISSPELLING | UNKNOWN_WORD
    confidence: float  # 0..1: how sure the engine is that ``wrong`` is a slip
    explanation: str = ""
    # what decided it: a never-valid.txt group id, "likely-misspellings.tsv"
    # (the build's scan) or "confusions.txt" (an unknown word)
    source: str = ""


@record(frozen=True)
class Finding:
    start: int
    end: int
    verdict: Verdict


class Speller:
    def __init__(
        self,
        lexicon: Lexicon,
        confusions: ConfusionSet,
        *,
        max_edits: int = 2,
        min_confidence: float = 0.6,
    ):
        self.lexicon = lexicon
        self.confusions = confusions
        self.max_edits = max_edits
        self.min_confidence = min_confidence
        self._verdicts: dict[str, Verdict | None] = {}  # cache per distinct word

    @classmethod
    def load(cls, roots: Sequence[Path], *, max_edits: int = 2, min_confidence: float = 0.6) -> Speller:
        """Load the lexicon and confusion classes of the given pack roots."""
        lexicon = Lexicon.load(roots)
        confusions = ConfusionSet.load(lexicon.confusion_files)
        return cls(lexicon, confusions, max_edits=max_edits, min_confidence=min_confidence)

    # ── candidates ─────────────────────────────────────────────────────────
    def suggest(self, word: str, limit: int = 5) -> list[Candidate]:
        """Known words one or two confusion slips away from ``word``, best first."""
        word = nfc(word)
        own_key = lookup_key(word)
        by_key: dict[str, Candidate] = {}
        for edit in self.confusions.edits(word, self.max_edits).values():
            key = lookup_key(edit.candidate)
            if key == own_key or not self.lexicon.is_known(edit.candidate):
                continue
            edits = len(edit.kinds)
            score = (
                self.lexicon.frequency(edit.candidate)
                - edit.cost
                - _SECOND_EDIT_PENALTY * (edits - 1)
            )
            kind = "+".join(dict.fromkeys(edit.kinds))
            candidate = Candidate(edit.candidate, round(score, 3), kind, edits)
            known = by_key.get(key)
            if known is None or candidate.score > known.score:
                by_key[key] = candidate
        ranked = sorted(by_key.values(), key=lambda c: (-c.score, c.edits, c.word))
        return ranked[:limit]

    # ── verdicts ───────────────────────────────────────────────────────────
    def verdict(self, word: str) -> Verdict | None:
        """A :class:`Verdict` if ``word`` is probably misspelled, else ``None``."""
        word = nfc(word)
        if word not in self._verdicts:
            if len(self._verdicts) >= _CACHE_SIZE:  # a long-running linter: start afresh
                self._verdicts.clear()
            self._verdicts[word] = self._judge(word)
        return self._verdicts[word]

    def _judge(self, word: str) -> Verdict | None:
        if len(word) < 2 or len(word) > MAX_WORD_LENGTH or not is_devanagari_word(word):
            return None
        entry = self.lexicon.never_valid_entry(word)
        if entry is not None:
            suggestions = tuple(
                Candidate(right, 10.0 - i, self._slip_kind(word, right, entry.group))
                for i, right in enumerate(entry.rights)
            )
            return Verdict(
                word,
                suggestions,
                NEVER_VALID,
                _NEVER_VALID_CONFIDENCE,
                self._describe(entry.group),
                entry.group,
            )
        inflected = self.lexicon.never_valid_stem(word)
        if inflected is not None:
            corrected, entry = inflected
            return Verdict(
                word,
                (Candidate(corrected, 10.0, self._slip_kind(word, corrected, entry.group)),),
                LIKELY_MISSPELLING,
                _PATTERN_CONFIDENCE,
                f"an inflected form of “{entry.wrong}”, which is never valid (“{entry.rights[0]}”)",
                entry.group,
            )
        known = self.lexicon.is_known(word)
        pattern_verdict = self._judge_by_pattern(word, known)
        if pattern_verdict is not None or known:
            return pattern_verdict
        if not self._may_have_strong_candidate(word):
            return None  # what the test below would conclude after suggest
        candidates = self.suggest(word)
        if not candidates:
            return None
        confidence = _logistic(candidates[0].score)
        if confidence < self.min_confidence:
            return None
        likely = self.lexicon.likely_misspelling(word)
        if likely is not None:
            return Verdict(
                word,
                tuple(candidates),
                LIKELY_MISSPELLING,
                round(confidence, 3),
                f"a rare form, one {likely.kind} slip from the common {likely.right}",
                "likely-misspellings.tsv",
            )
        if self._looks_like_a_name_or_compound(word, candidates[0]):
            return None
        return Verdict(
            word,
            tuple(candidates),
            UNKNOWN_WORD,
            round(confidence, 3),
            f"unknown word, one {candidates[0].kind} slip from {candidates[0].word}",
            "confusions.txt",
        )

    def _may_have_strong_candidate(self, word: str) -> bool:
        """False only if no candidate of `suggest` can reach ``min_confidence``.

        Most unknown words are names and loanwords with no strong candidate, and `suggest`
        would ask the lexicon whether each of their ~100 candidates is a word, and how frequent.
        An upper bound of each candidate's frequency is known from memory (the valued keys and
        hand lists, `Lexicon.frequency_bound`) and gives an upper bound of its score, computed
        as `suggest` computes the score; only if none is strong enough is the word let go. True
        (ask `suggest`) when the bound is unavailable.
        """
        lexicon = self.lexicon
        # (a word's candidates cost ~200 searches of words.tsv without the index)
        valued = lexicon.valued_index(_CANDIDATE_SEARCHES)
        if valued is None:
            return True
        listed = lexicon.hand_listed_keys
        min_confidence = self.min_confidence
        # Whether a candidate of a given cost could be strong at the unlisted ceiling, the most
        # a word with no Zipf value and not hand-listed can have: most candidates (two slips
        # away) cannot, which spares their stem test. A few distinct costs: remembered.
        strong_unlisted: dict[tuple[float, int], bool] = {}
        for edit in self.confusions.edits(word, self.max_edits).values():
            edits = len(edit.kinds)
            key = lookup_key(edit.candidate)
            if key not in valued and key not in listed:
                cost = (edit.cost, edits)
                strong = strong_unlisted.get(cost)
                if strong is None:
                    ceiling = UNLISTED_CEILING - edit.cost - _SECOND_EDIT_PENALTY * (edits - 1)
                    strong = strong_unlisted[cost] = _logistic(round(ceiling, 3)) >= min_confidence
                if not strong:
                    continue  # frequency_bound is at most the ceiling
            bound = lexicon.frequency_bound(edit.candidate)
            score = bound - edit.cost - _SECOND_EDIT_PENALTY * (edits - 1)
            if _logistic(round(score, 3)) >= min_confidence:
                return True
        return False

    def _looks_like_a_name_or_compound(self, word: str, best: Candidate) -> bool:
        """An unknown word that is more likely a name or a compound than a slip.

        * Its best correction only adds a final nasal (नोटो → नोटों, गोरिया → गोरियां):
          unknown words ending in -ो/-िया are mostly names and loanwords (नोटो, सोफिया);
          the context rule SP104 still catches an oblique plural before a postposition.
        * It is two common words written together, the second starting with a vowel letter
          after a consonant (व्हाट्स + ऐप): the shape of a loanword compound, spelled freely.
        """
        if best.word in (word + ANUSVARA, word + CHANDRABINDU):
            return True
        lexicon = self.lexicon
        for i in range(_MIN_PART, len(word) - _MIN_PART + 1):
            head, tail = word[:i], word[i:]
            if tail[0] not in INDEPENDENT_VOWELS or head[-1] not in CONSONANTS:
                continue
            if lexicon.is_attested(head) and lexicon.is_attested(tail):
                return True
        return False

    def _judge_by_pattern(self, word: str, known: bool) -> Verdict | None:
        """Patterns of never-valid.txt; see :mod:`.never_valid` for ``gap``/``not-verb``.

        Never-valid patterns are tried before likely-misspelling (``gap``)
        patterns, and a ``gap`` pattern may not "correct" a word into a form
        that a never-valid pattern rejects (बताएगें is not बताएगे but बताएंगे).
        """
        lexicon = self.lexicon
        corrections = sorted(
            lexicon.never_valid.pattern_corrections(word), key=lambda item: item[1].gap is not None
        )
        for corrected, pattern in corrections:
            if not lexicon.is_known(corrected):
                continue
            if pattern.not_verb and lexicon.is_stored(pattern.stem(word) + "ना"):
                continue
            if known and lexicon.is_hand_listed(word):
                continue
            kind = self._slip_kind(word, corrected, pattern.group)
            if pattern.gap is None:
                return Verdict(
                    word,
                    (Candidate(corrected, 10.0, kind),),
                    NEVER_VALID,
                    _PATTERN_CONFIDENCE,
                    self._describe(pattern.group),
                    pattern.group,
                )
            if any(p.gap is None for _, p in lexicon.never_valid.pattern_corrections(corrected)):
                continue
            if not known:
                # an unknown word: the pattern is one more candidate, and must
                # be as convincing as one (a rare correction is no evidence)
                if _logistic(lexicon.frequency(corrected) - _PATTERN_COST) < self.min_confidence:
                    continue
                # nothing but a final nasal added (नोटो → नोटों): as likely a name (नोटो
                # प्रायद्वीप); left to the context rule unless the build saw the slip
                if corrected in (word + ANUSVARA, word + CHANDRABINDU) and lexicon.likely_misspelling(word) is None:
                    continue
            elif lexicon.is_stored(word) and not lexicon.is_attested(word):
                # "far rarer" needs a measured frequency; a listed form that
                # corpora never saw is left to the build's likely-misspelling scan
                continue
            elif lexicon.frequency(corrected) - lexicon.frequency(word) < pattern.gap:
                continue
            return Verdict(
                word,
                (Candidate(corrected, round(lexicon.frequency(corrected), 3), kind),),
                LIKELY_MISSPELLING,
                _LIKELY_PATTERN_CONFIDENCE,
                self._describe(pattern.group),
                pattern.group,
            )
        return None

    def _slip_kind(self, wrong: str, right: str, fallback: str) -> str:
        """The confusion class(es) that turn ``wrong`` into ``right``, if any."""
        edit = self.confusions.edits(wrong, self.max_edits).get(right)
        return "+".join(dict.fromkeys(edit.kinds)) if edit else fallback

    def _describe(self, group_id: str) -> str:
        group = self.lexicon.never_valid.groups.get(group_id)
        return group.description if group else ""

    def check_text(self, text: str) -> list[Finding]:
        """Every flagged word of ``text``, with offsets into ``text``."""
        findings = []
        for start, end, token in tokenize(text):
            if any(ch.isdigit() for ch in token):  # 5वीं, 2025
                continue
            verdict = self.verdict(token)
            if verdict is not None:
                findings.append(Finding(start, end, verdict))
        return findings

    # ── names ──────────────────────────────────────────────────────────────
    def spurious_anusvara_on_name(self, word: str) -> str | None:
        """The gazetteer name ``word`` is with a stray nasal added, else ``None``.

        ``spurious_anusvara_on_name("कोरियां") == "कोरिया"``.  कोरियां is also a
        (rare) plural form, so the speller cannot flag it alone; a caller that
        sees the name spelled without the nasal elsewhere in the article can.
        """
        word = nfc(word)
        if len(word) > 2 and word[-1] in (ANUSVARA, CHANDRABINDU):
            base = word[:-1]
            if self.lexicon.is_name(base):
                return base
        return None


def _logistic(score: float) -> float:
    return 1.0 / (1.0 + math.exp(-_STEEPNESS * (score - _MIDPOINT)))
