"""House style: spelling variants a newsroom may choose between (SP105 house-style-mix).

Standard Hindi accepts both spellings in four places, and newslint's lexicon treats them as
one word (``lookup_key``).  A newsroom may pick one; at the least an article should not mix
them:

==================  ==============================  ==================================
dimension           marked spelling                 unmarked spelling
==================  ==============================  ==================================
``ye-e``            ये / यी (गये, लिये, नयी)         ए / ई (गए, लिए, नई)
``chandrabindu``    chandrabindu ँ (हाँ, गाँव)        anusvara ं (हां, गांव)
``panchamakshar``   nasal consonant + ् (हिन्दी)      anusvara ं (हिंदी)
``nukta``           nukta on क़ ख़ ग़ ज़ फ़ (ज़रूर)         no nukta (जरूर)
==================  ==============================  ==================================

A word counts for a dimension only where the variant really exists: the panchamakshar sites
are fixed by rule (a nasal before a stop of its own class); for the other three the build
(``scripts/build_lexicon.py``) lists in ``rules/hi/variants.tsv`` the words that corpora
spell both ways (wordfreq: each spelling at least 5 % of the word's uses), with which of
their *sites* carry the mark.  A site is a place where the variant can occur: every nasal sign
for ``chandrabindu``, every क ख ग ज फ for ``nukta``, every ये/यी or ए/ई that
``lookup_key`` folds for ``ye-e``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .text import ANUSVARA, CHANDRABINDU, CONSONANTS, INDEPENDENT_VOWELS, NUKTA, VIRAMA, VOWEL_SIGNS, lookup_key, nfc
from newslint.compiled import compile_re

DIMENSIONS = ("ye-e", "chandrabindu", "panchamakshar", "nukta")
VARIANTS_FILE = "variants.tsv"

# Vowel signs that sit above the headline: after them only the anusvara is written.
_TOP_SIGNS = set("िीेैोौॅॉ")
_NASAL_SITE = compile_re(f"[{ANUSVARA}{CHANDRABINDU}]")
_NUKTA_SITE = compile_re(f"[कखगजफ]{NUKTA}?")
_YE_SITE = compile_re(
    f"(?<=[{CONSONANTS}{VOWEL_SIGNS}{INDEPENDENT_VOWELS}{NUKTA}])(?:ये|ए)"
    f"|(?<=[{CONSONANTS}{NUKTA}])(?:यी|ई)(?=ं|ँ|$)"
)
# A nasal consonant + virama before a stop of its class, or an anusvara before a stop whose
# nasal is still written in modern Hindi (ण न म: पण्डित, हिन्दी, सम्बन्ध — not ङ ञ: nobody
# writes सङ्कट or चञ्चल any more, so संकट is no sign of a style).
_STOPS = {"ङ": "कखगघ", "ञ": "चछजझ", "ण": "टठडढ", "न": "तथदध", "म": "पफबभ"}
_PANCHAMAKSHAR_SITE = compile_re(
    "(?<=.)(?:"
    + "|".join(f"{n}{VIRAMA}(?=[{s}])" for n, s in _STOPS.items())
    + f"|{ANUSVARA}(?=[{_STOPS['ण'] + _STOPS['न'] + _STOPS['म']}]))"
)
_CLASS_NASAL = {stop: nasal for nasal, stops in _STOPS.items() for stop in stops}
# A letter every site of a dimension contains (see the patterns above): a word with none of
# them has no site, and `sites` need not run.
_SITE_LETTERS = {
    "chandrabindu": frozenset(ANUSVARA + CHANDRABINDU),
    "nukta": frozenset("कखगजफ"),
    "ye-e": frozenset("यएई"),
    "panchamakshar": frozenset(VIRAMA + ANUSVARA),
}


def sites(word: str, dimension: str) -> list[tuple[int, int, bool]]:
    """``(start, end, marked)`` for every place in ``word`` where ``dimension`` can vary."""
    if dimension == "chandrabindu":
        found = []
        for m in _NASAL_SITE.finditer(word):
            before = word[m.start() - 1] if m.start() else ""
            if before in _TOP_SIGNS or before in (VIRAMA, NUKTA, ""):
                continue  # only the anusvara can stand here (में, हैं)
            found.append((m.start(), m.end(), m.group() == CHANDRABINDU))
        return found
    if dimension == "nukta":
        return [(m.start(), m.end(), m.group().endswith(NUKTA)) for m in _NUKTA_SITE.finditer(word)]
    if dimension == "ye-e":
        return [(m.start(), m.end(), m.group().startswith("य")) for m in _YE_SITE.finditer(word)]
    if dimension == "panchamakshar":
        return [(m.start(), m.end(), m.group() != ANUSVARA) for m in _PANCHAMAKSHAR_SITE.finditer(word)]
    raise ValueError(f"unknown dimension {dimension!r}")


def mask(word: str, dimension: str) -> str:
    """Which sites carry the mark: "0110"."""
    return "".join("1" if marked else "0" for _, _, marked in sites(word, dimension))


def respell(word: str, dimension: str, marks: str) -> str | None:
    """``word`` with its ``dimension`` sites set as in ``marks``; None if it cannot be done."""
    found = sites(word, dimension)
    if len(found) != len(marks):
        return None
    out, last = [], 0
    for (start, end, _), mark in zip(found, marks):
        text = word[start:end]
        out.append(word[last:start])
        out.append(_set_mark(text, dimension, mark == "1", word[end:end + 1]))
        last = end
    out.append(word[last:])
    result = "".join(out)
    return result if lookup_key(result) == lookup_key(word) else None


def _set_mark(text: str, dimension: str, marked: bool, following: str) -> str:
    if dimension == "chandrabindu":
        return CHANDRABINDU if marked else ANUSVARA
    if dimension == "nukta":
        return text[0] + NUKTA if marked else text[0]
    if dimension == "ye-e":
        if text in ("ये", "ए"):
            return "ये" if marked else "ए"
        return "यी" if marked else "ई"
    if dimension == "panchamakshar":
        return _CLASS_NASAL[following] + VIRAMA if marked else ANUSVARA
    raise ValueError(dimension)


class HouseStyle:
    """The variants table of every pack root: dimension → {lookup key: marks}."""

    def __init__(self, table: dict[str, dict[str, str]]):
        self.table = table
        self._cache: dict[tuple[str, str], tuple[bool, str | None] | None] = {}

    @classmethod
    def load(cls, roots: Sequence[Path]) -> HouseStyle:
        table: dict[str, dict[str, str]] = {d: {} for d in DIMENSIONS}
        for root in roots:
            path = Path(root) / "hi" / VARIANTS_FILE
            if not path.is_file():
                continue
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line or line.startswith("#"):
                    continue
                key, dimension, marks = line.split("\t")[:3]
                table.setdefault(dimension, {})[key] = marks
        return cls(table)

    def classify(self, word: str, dimension: str) -> tuple[bool, str | None] | None:
        """``(marked, respelled)`` if ``word`` takes part in ``dimension``, else None.

        ``respelled`` is the word in the other style (None if it cannot be made).
        """
        memo = (word, dimension)
        if memo in self._cache:
            return self._cache[memo]
        result = self._classify(nfc(word), dimension)
        self._cache[memo] = result
        return result

    def classify_all(self, word: str) -> dict[str, tuple[bool, str | None]]:
        """`classify` in every dimension, for a word seen the first time: ``{dimension: result}``
        of the dimensions it takes part in. The word is normalised once, and the dimensions
        it has no site letter of cost one set test each (no memo entries for them)."""
        text = nfc(word)
        found = {}
        for dimension in DIMENSIONS:
            if _SITE_LETTERS[dimension].isdisjoint(text):
                continue
            result = self.classify(word, dimension)
            if result is not None:
                found[dimension] = result
        return found

    def _classify(self, word: str, dimension: str) -> tuple[bool, str | None] | None:
        if _SITE_LETTERS[dimension].isdisjoint(word):
            return None  # no site possible: most words, for three of the four dimensions
        marks = None
        if dimension != "panchamakshar":
            # Asked before the sites are searched: few words are in the table.
            marks = self.table.get(dimension, {}).get(lookup_key(word))
            if marks is None or "1" not in marks:
                return None  # a word corpora spell one way only (विजयी, में)
        found = sites(word, dimension)
        if not found:
            return None
        own = "".join("1" if marked else "0" for _, _, marked in found)
        if marks is None:  # panchamakshar
            marked = "1" in own
            other = ("0" if marked else "1") * len(own)
            return marked, respell(word, dimension, other)
        if "1" in own:
            return True, respell(word, dimension, "0" * len(own))
        return False, respell(word, dimension, marks)
