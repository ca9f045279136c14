"""Character classes and helpers shared by the Unicode-hygiene rules (SP201–SP206).

These are facts of the Unicode Standard (code charts, Table 12-1 of the core specification), not
editorial data, so they live here rather than in `rules/`: a newsroom has nothing to add to them.
No rule is defined in this module.
"""

from __future__ import annotations

import unicodedata

NUKTA = "\u093c"
VIRAMA = "\u094d"
ZWNJ = "\u200c"
ZWJ = "\u200d"

# Regex character-class bodies (for use inside [...]; `expand` turns one into a set).
CONSONANTS = "\u0915-\u0939\u0958-\u095f\u0978-\u097f"
# All dependent vowel signs, including the Kashmiri, Sanskrit and historic ones.
ALL_MATRAS = "\u093a\u093b\u093e-\u094c\u094e\u094f\u0955-\u0957\u0962\u0963"
# Inverted candrabindu, candrabindu, anusvara.
NASALS = "\u0900-\u0902"

PRECOMPOSED_NUKTA = "\u0958\u0959\u095a\u095b\u095c\u095d\u095e\u095f"  # क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़
# Their canonical decompositions: base letter + nukta.
DECOMPOSE_NUKTA = {ch: unicodedata.normalize("NFD", ch) for ch in PRECOMPOSED_NUKTA}
COMPOSE_NUKTA = {pair: ch for ch, pair in DECOMPOSE_NUKTA.items()}
NUKTA_BASES = "".join(pair[0] for pair in COMPOSE_NUKTA)  # क ख ग ज ड ढ फ य

# Invisible format characters, by the name a copy editor is shown.
INVISIBLE_NAMES = {
    "\u200b": "zero-width space (U+200B)",
    "\u200c": "zero-width non-joiner (U+200C)",
    "\u200d": "zero-width joiner (U+200D)",
    "\u00ad": "soft hyphen (U+00AD)",
    "\ufeff": "byte-order mark / zero-width no-break space (U+FEFF)",
    "\u2060": "word joiner (U+2060)",
}


def expand(class_body: str) -> frozenset[str]:
    """The characters of a regex class body such as "\u0900-\u0902\u094d" (ranges expanded)."""
    chars = set()
    i = 0
    while i < len(class_body):
        if i + 2 < len(class_body) and class_body[i + 1] == "-":
            chars.update(chr(c) for c in range(ord(class_body[i]), ord(class_body[i + 2]) + 1))
            i += 3
        else:
            chars.add(class_body[i])
            i += 1
    return frozenset(chars)


def is_consonant(ch: str) -> bool:
    return "\u0915" <= ch <= "\u0939" or "\u0958" <= ch <= "\u095f" or "\u0978" <= ch <= "\u097f"


def is_independent_vowel(ch: str) -> bool:
    return "\u0904" <= ch <= "\u0914" or ch in "\u0960\u0961" or "\u0972" <= ch <= "\u0977"


def is_matra(ch: str) -> bool:
    return (
        "\u093e" <= ch <= "\u094c"
        or ch in "\u093a\u093b\u094e\u094f\u0955\u0956\u0957\u0962\u0963"
    )


def is_devanagari(ch: str) -> bool:
    return "\u0900" <= ch <= "\u097f" or "\ua8e0" <= ch <= "\ua8ff"


def visible(text: str) -> str:
    """Spell out invisible and combining-only characters so a message shows what is there.

    "क\u200dम" → "क<U+200D>म".
    """
    return "".join(f"<U+{ord(ch):04X}>" if ch in INVISIBLE_NAMES or ch in "\u2060\ufffc" else ch for ch in text)


def word_around(text: str, start: int, end: int, limit: int = 30) -> str:
    """The word (letters, marks, digits and invisible characters) around text[start:end]."""
    def inside(ch: str) -> bool:
        return ch.isalnum() or unicodedata.category(ch)[0] == "M" or ch in INVISIBLE_NAMES

    lo = start
    while lo > 0 and start - lo < limit and inside(text[lo - 1]):
        lo -= 1
    hi = end
    while hi < len(text) and hi - end < limit and inside(text[hi]):
        hi += 1
    return text[lo:hi]


def sign_name(ch: str) -> str:
    """'the vowel sign ि (U+093F)'-style description of a combining Devanagari sign."""
    name = unicodedata.name(ch, f"U+{ord(ch):04X}")
    kind = {
        "\u0900": "inverted candrabindu",
        "\u0901": "chandrabindu",
        "\u0902": "anusvara",
        "\u0903": "visarga",
        NUKTA: "nukta",
        VIRAMA: "halant (virama)",
    }.get(ch)
    if kind is None:
        kind = "vowel sign" if "VOWEL SIGN" in name else name.lower()
    return f"{kind} “\u25cc{ch}” (U+{ord(ch):04X})"
