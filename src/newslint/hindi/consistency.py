"""In-article consistency: the same word or name spelled two ways (उत्तर कोरिया ×8, कोरियां ×1).

Works for names no lexicon has: two spellings are compared only with each other.  A
minority spelling is reported when

* undoing one confusion slip (``rules/hi/confusions.txt``: nasal, vowel length, nukta,
  sibilants …) turns it into the majority spelling;
* the majority is clear: at least ``MIN_MAJORITY`` occurrences and ``RATIO`` times as
  many as the minority;
* the minority is not a word of its own: not attested in corpora, not hand-listed, and
  not a listed word when the majority is one too (कोरिया/कोरियाई, है/हैं, की/कि are
  different words and are never merged).

Spellings that differ only by an accepted variant (हिंदी/हिन्दी, गए/गये, हाँ/हां,
ज़रूर/जरूर) share a lookup key and are a house-style matter (SP105), not this one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .text import is_devanagari_word, lookup_key, nfc
from newslint.compiled import compile_re

if TYPE_CHECKING:
    from .speller import Speller

MIN_MAJORITY = 3
RATIO = 3

_FOLD = str.maketrans(
    {
        "ं": None,
        "ँ": None,
        "़": None,
        "ी": "ि",
        "ू": "ु",
        "ई": "इ",
        "ऊ": "उ",
        "ै": "े",
        "ौ": "ो",
        "ऐ": "ए",
        "औ": "ओ",
        "ष": "श",
        "स": "श",
        "ण": "न",
    }
)
_DOUBLED = compile_re(r"([क-ह])्\1")


def skeleton(word: str) -> str:
    """A coarse key under which spellings one confusion slip apart meet."""
    return _DOUBLED.sub(r"\1", nfc(word).translate(_FOLD))


class Consistency:
    def __init__(self, speller: Speller):
        self.speller = speller
        self._skeletons: dict[str, str | None] = {}
        self._related: dict[tuple, bool] = {}

    def shape(self, word: str) -> str | None:
        """The skeleton of a Devanagari word (None for other words); cached per word."""
        found = self._skeletons.get(word, False)
        if found is False:
            found = skeleton(word) if len(word) > 1 and is_devanagari_word(nfc(word)) else None
            self._skeletons[word] = found
        return found

    def _one_slip(self, minority: str, majority: str) -> bool:
        memo = (minority, majority)
        if memo not in self._related:
            target = lookup_key(majority)
            self._related[memo] = any(
                lookup_key(edit.candidate) == target for edit in self.speller.confusions.single_edits(nfc(minority))
            )
        return self._related[memo]

    def _is_own_word(self, minority: str, majority: str) -> bool:
        memo = ("own", minority, majority)
        if memo not in self._related:
            self._related[memo] = self._own_word(minority, majority)
        return self._related[memo]

    def _own_word(self, minority: str, majority: str) -> bool:
        lexicon = self.speller.lexicon
        if lexicon.is_attested(minority) or lexicon.is_hand_listed(minority):
            return True
        return lexicon.is_stored(minority) and lexicon.is_known(majority)

    def may_be_minority(self, word: str) -> bool:
        """Could ``word`` be reported as a minority spelling? (Not a word of its own.)"""
        lexicon = self.speller.lexicon
        return self.shape(word) is not None and not lexicon.is_attested(word) and not lexicon.is_hand_listed(word)

    def pairs(
        self,
        counts: Counter | dict[str, int],
        shapes: dict[str, str | None] | None = None,
        by_shape: dict[str, set[str]] | None = None,
        minorities: Iterable[str] | None = None,
    ) -> list[tuple[str, str, int, int]]:
        """``(minority as written, majority as written, n_majority, n_minority)`` to report.

        Optional, for speed (SP103 keeps them across documents): ``shapes`` maps words to
        their skeleton, ``by_shape`` skeletons to every word seen with it, ``minorities`` the
        words of ``counts`` that may be a minority (:meth:`may_be_minority`).
        """
        if shapes is None:
            shapes = {w: self.shape(w) for w in counts}
        if by_shape is None:
            by_shape = {}
            for w, shape in shapes.items():
                if shape is not None:
                    by_shape.setdefault(shape, set()).add(w)
        if minorities is None:
            minorities = [w for w in counts if self.may_be_minority(w)]
        found = []
        done: set[str] = set()
        for candidate in minorities:
            shape = shapes.get(candidate)
            if shape is None or shape in done:
                continue
            done.add(shape)
            words = [w for w in by_shape.get(shape, ()) if w in counts]
            if len(words) < 2 or sum(counts[w] for w in words) < MIN_MAJORITY + 1:
                continue
            by_key: dict[str, Counter] = defaultdict(Counter)
            for word in words:
                by_key[lookup_key(word)][word] += counts[word]
            if len(by_key) < 2:
                continue
            ranked = sorted(by_key.items(), key=lambda item: (-sum(item[1].values()), item[0]))
            major_key, major_written = ranked[0]
            n_major = sum(major_written.values())
            if n_major < MIN_MAJORITY:
                continue
            major = major_written.most_common(1)[0][0]
            for _, minor_written in ranked[1:]:
                n_minor = sum(minor_written.values())
                if n_major < RATIO * n_minor:
                    continue
                for minor in sorted(minor_written):
                    if self._one_slip(minor, major) and not self._is_own_word(minor, major):
                        found.append((minor, major, n_major, n_minor))
        return found
