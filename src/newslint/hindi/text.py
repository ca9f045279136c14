"""Devanagari text helpers: normalisation, lookup keys and tokenising.

All comparison in the spelling engine happens on NFC text.  NFC *decomposes*
the precomposed nukta letters U+0958–U+095F (क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़) into base letter
+ U+093C, because Unicode excludes them from composition; every word list is
normalised the same way so that both spellings of ड़ compare equal.

On top of NFC, :func:`lookup_key` folds the spelling variants that Hindi
newsrooms use interchangeably, so that the lexicon stores one entry for
all of them and never reports one variant as a misspelling of another:

* chandrabindu ँ and anusvara ं  (हाँ / हां, जाएँगे / जाएंगे);
* a homorganic nasal + virama before a stop and the anusvara
  (हिन्दी / हिंदी, सम्बन्ध / संबंध, पण्डित / पंडित);
* the nukta of the Perso-Arabic letters क़ ख़ ग़ ज़ फ़ (ज़रूर / जरूर) — but *not*
  of ड़ ढ़, which are separate Hindi sounds (पढ़ें is right, पढें is wrong);
* य + े after a vowel or consonant and ए  (गये / गए, लिये / लिए, जायेगा / जाएगा);
* य + ी / य + ीं after a consonant and ई / ईं  (गयी / गई, नयी / नई) — not after ा,
  because स्थायी (right) and स्थाई (a common slip) must stay apart;
* zero-width joiners and non-joiners, which change rendering only.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING
from newslint.compiled import compile_re

if TYPE_CHECKING:
    import regex

VIRAMA = "\u094d"
NUKTA = "\u093c"
ANUSVARA = "\u0902"
CHANDRABINDU = "\u0901"

CONSONANTS = "कखगघङचछजझञटठडढणतथदधनपफबभमयरलळवशषसह"
VOWEL_SIGNS = "ािीुूृॄॅॆेैॉॊोौ"
INDEPENDENT_VOWELS = "अआइईउऊऋॠऌएऐऑओऔ"

# The homorganic nasal of each stop group, written as a half letter.  These
# folding patterns use the standard ``re`` module (already loaded by Python
# itself) to keep import time low; tokenising uses ``regex`` for \p{L}\p{M}.
# (Not at the start of a word: म्बाप्पे cannot begin with an anusvara.)
_NASAL_CONJUNCT = compile_re(
    "(?<=.)(?:ङ्(?=[कखगघ])|ञ्(?=[चछजझ])|ण्(?=[टठडढ])|न्(?=[तथदध])|म्(?=[पफबभ]))"
)
_PERSO_ARABIC_NUKTA = compile_re(f"(?<=[कखगजफ]){NUKTA}")
_YA_E = compile_re(f"(?<=[{CONSONANTS}{VOWEL_SIGNS}{INDEPENDENT_VOWELS}{NUKTA}])ये")
_YA_I = compile_re(f"(?<=[{CONSONANTS}{NUKTA}])यी(?=ं|$)")

# A word: a run of letters, marks (Devanagari vowel signs are \p{M}) and
# digits, with ZWJ/ZWNJ allowed inside.  Digits stay in the token so that
# "5वीं" is one token (the speller skips it) rather than a stray "वीं".
_WORD_PATTERN = r"[\p{L}\p{M}\p{Nd}](?:[\p{L}\p{M}\p{Nd}\u200c\u200d]*[\p{L}\p{M}\p{Nd}])?"
_DEVANAGARI_WORD = compile_re("[\u0900-\u0963\u0971-\u097f\u200c\u200d]+")


@functools.lru_cache(maxsize=1)
def _word_regex() -> regex.Pattern[str]:
    import regex  # imported on first use: it costs ~10 ms, and loading need not pay it

    return regex.compile(_WORD_PATTERN)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@functools.lru_cache(maxsize=1 << 17)
def lookup_key(word: str) -> str:
    """The form under which a word is stored in and looked up from the lexicon."""
    key = nfc(word)
    if "\u200c" in key or "\u200d" in key:
        key = key.replace("\u200c", "").replace("\u200d", "")
    if CHANDRABINDU in key:
        key = key.replace(CHANDRABINDU, ANUSVARA)
    if VIRAMA in key:
        key = _NASAL_CONJUNCT.sub(ANUSVARA, key)
    if NUKTA in key:
        key = _PERSO_ARABIC_NUKTA.sub("", key)
    if "य" in key:
        key = _YA_E.sub("ए", key)
        key = _YA_I.sub("ई", key)
    return key


def is_devanagari_word(word: str) -> bool:
    """True for a word written wholly in Devanagari letters and signs."""
    return (
        bool(_DEVANAGARI_WORD.fullmatch(word))
        and (word[0] in CONSONANTS or word[0] in INDEPENDENT_VOWELS or word[0] == "ॐ")
    )


def tokenize(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, word)`` for each word of ``text`` (offsets into ``text``).

    The text is *not* normalised here, so offsets stay valid for the caller;
    normalise each word with :func:`nfc` before comparing it.
    """
    for match in _word_regex().finditer(text):
        yield match.start(), match.end(), match.group()
