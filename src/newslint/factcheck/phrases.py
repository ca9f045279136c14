"""Phrase lists from the rule packs, compiled into tolerant regexes.

A list entry matches the text however the newsroom spelled it:
- a nukta letter matches with or without its nukta, precomposed (U+0958–U+095F) or not
  (ज़रूर / जरूर, करोड़ / करोड) — a misspelt nukta is another rule's business;
- chandrabindu and anusvara are interchangeable (पाँच / पांच);
- English is case-insensitive unless the list asks otherwise;
- a space in an entry matches any run of spaces.

`key()` folds a matched text the same way, to look it up in a dict built from the list.
An entry `!x` in a newsroom pack removes the entry `x` of the packs before it.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Iterable

import regex

NUKTA = "\u093c"
# base letter → its precomposed nukta form
_NUKTA_FORMS = {
    "क": "\u0958", "ख": "\u0959", "ग": "\u095a", "ज": "\u095b",
    "ड": "\u095c", "ढ": "\u095d", "फ": "\u095e", "य": "\u095f",
}
_PRECOMPOSED = {v: k for k, v in _NUKTA_FORMS.items()}
DEVANAGARI_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")

# Word boundaries that work for Devanagari (vowel signs are marks, not \w in every engine).
WB_BEFORE = r"(?<![\p{L}\p{M}\p{Nd}])"
WB_AFTER = r"(?![\p{L}\p{M}\p{Nd}])"


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """Lookup key: NFD without nukta, ँ → ं, spaces collapsed, lower case."""
    if text.isascii():
        return " ".join(text.split()).lower()
    text = unicodedata.normalize("NFD", text)
    text = text.replace(NUKTA, "").replace("\u0901", "\u0902").replace("\u200c", "").replace("\u200d", "")
    return " ".join(text.split()).lower()


def to_ascii_digits(text: str) -> str:
    return text.translate(DEVANAGARI_DIGITS)


def merge_entries(entries: Iterable[str]) -> list[str]:
    """Apply `!entry` removals in order; keep the first spelling of each key."""
    result: dict[str, str] = {}
    for entry in entries:
        if entry.startswith("!") and len(entry) > 1:
            result.pop(key(entry[1:].split("=")[0].strip()), None)
            continue
        k = key(entry.split(" = ")[0].strip()) if " = " in entry else key(entry)
        if k and k not in result:
            result[k] = entry
    return list(result.values())


def load_list(packs, name: str) -> list[str]:
    return merge_entries(packs.lines(name))


def load_values(packs, name: str) -> dict[str, str]:
    """A `word = value` list → {key(word): value}; the first spelling also kept under "_names"."""
    values: dict[str, str] = {}
    for entry in load_list(packs, name):
        if " = " not in entry:
            continue
        word, value = entry.split(" = ", 1)
        values.setdefault(key(word.strip()), value.strip())
    return values


def _char_pattern(ch: str) -> str:
    if ch in _PRECOMPOSED:
        ch = _PRECOMPOSED[ch]
    if ch in _NUKTA_FORMS:
        return f"(?:{ch}{NUKTA}?|{_NUKTA_FORMS[ch]})"
    if ch == NUKTA:
        return ""  # folded into the letter before
    if ch in ("\u0901", "\u0902"):
        return "[\u0901\u0902]"
    return regex.escape(ch)


def phrase_pattern(phrase: str) -> str:
    """Regex source for one entry (no boundaries)."""
    phrase = unicodedata.normalize("NFD", phrase.strip())
    words = phrase.split()
    return r"\s+".join("".join(_char_pattern(c) for c in word) for word in words)


def _units(phrase: str) -> list[str]:
    """The phrase as a list of single-character patterns (a space is one unit: one or more spaces)."""
    phrase = unicodedata.normalize("NFD", phrase.strip())
    units: list[str] = []
    for word_index, word in enumerate(phrase.split()):
        if word_index:
            units.append(r"\s+")
        for c in word:
            pattern = _char_pattern(c)
            if pattern:
                units.append(pattern)
    return units


def _emit(node: dict) -> str:
    """Regex for a trie node. The end marker "" is tried last, so the longest entry wins."""
    branches = []
    for unit in sorted(k for k in node if k):
        branches.append(unit + _emit(node[unit]))
    optional_end = "" in node
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if optional_end:
        body = "(?:" + body + ")?"
    return body


def alternation(phrases: Iterable[str]) -> str:
    """A non-capturing alternation of the entries, built as a trie: shared beginnings are matched
    once (the `regex` engine is several times faster on it) and the longest entry wins
    ("बताया जा रहा है" beats "बताया")."""
    unique = {p.split(" = ")[0].strip() if " = " in p else p.strip() for p in phrases}
    unique.discard("")
    if not unique:
        return "(?!)"
    trie: dict = {}
    for phrase in unique:
        node = trie
        for unit in _units(phrase):
            node = node.setdefault(unit, {})
        node[""] = {}
    return "(?:" + _emit(trie) + ")"


def first_chars(phrases: Iterable[str]) -> str:
    """A lookahead that fails fast at positions where no entry can start."""
    chars: set[str] = set()
    for p in phrases:
        p = p.split(" = ")[0].strip() if " = " in p else p.strip()
        if not p:
            continue
        c = unicodedata.normalize("NFD", p)[0]
        chars.add(c)
        if c in _NUKTA_FORMS:
            chars.add(_NUKTA_FORMS[c])
        if c in ("\u0901", "\u0902"):
            chars.update(("\u0901", "\u0902"))
        if c.isascii() and c.isalpha():
            chars.update((c.lower(), c.upper()))
    if not chars:
        return "(?!)"
    return "(?=[" + "".join(regex.escape(c) for c in sorted(chars)) + "])"


def bounded(pattern: str) -> str:
    return WB_BEFORE + pattern + WB_AFTER


def compile_list(phrases: Iterable[str], flags: int = regex.IGNORECASE) -> "regex.Pattern[str]":
    """Whole-word matcher for a list."""
    phrases = list(phrases)
    return regex.compile(first_chars(phrases) + bounded(alternation(phrases)), flags)
