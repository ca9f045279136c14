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

from newslint.compiled import compile_regex
from newslint.launcher import cache_folder

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


def caching_patterns() -> bool:
    """Is the pattern cache on (`newslint.compiled`: compiled forms kept between runs)?"""
    return cache_folder() is not None


def compile_pattern(source: str, flags: int = 0):
    """`regex.compile` for a pattern built from the lists: through the pattern cache when it is
    on, so that a run loads what an earlier run compiled (a large alternation costs 5-12 ms to
    compile, 0.1-0.2 ms to load). With the cache off, the plain compile (the cache's recording
    of the compiled form would only add to it)."""
    if caching_patterns():
        return compile_regex(source, flags)
    return regex.compile(source, flags)


class LazyPattern:
    """A compiled pattern built on first use: compiling the large alternations of the lists is
    most of a process's start-up, and most documents never need most of them. `build` returns
    the compiled pattern (or its source, compiled with `flags`). Its methods are bound once."""

    __slots__ = ("_build", "_flags", "_pattern", "findall", "finditer", "fullmatch", "match", "search", "sub")

    def __init__(self, build, flags: int = 0):
        self._build = build
        self._flags = flags
        self._pattern = None

    def compiled(self):
        pattern = self._pattern
        if pattern is None:
            built = self._build()
            pattern = self._pattern = built if not isinstance(built, str) else compile_pattern(built, self._flags)
            self._build = None
            self.search, self.match, self.finditer = pattern.search, pattern.match, pattern.finditer
            self.fullmatch, self.findall, self.sub = pattern.fullmatch, pattern.findall, pattern.sub
        return pattern

    def __getattr__(self, name):  # only reached before the first compile (slots unset)
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)


def bounded(pattern: str) -> str:
    return WB_BEFORE + pattern + WB_AFTER


def compile_list(phrases: Iterable[str], flags: int = regex.IGNORECASE) -> regex.Pattern[str]:
    """Whole-word matcher for a list."""
    phrases = list(phrases)
    return regex.compile(first_chars(phrases) + bounded(alternation(phrases)), flags)


class PhraseIndex:
    """Whole-word lookup of a list's entries in a run of tokens (`text.Tok`): what `compile_list`
    would find in the text the tokens span, without a regex pass. Tokens are split at their inner
    hyphens and apostrophes (a word boundary for the regex too); an entry of several words needs
    white space alone between them. The leftmost entry wins, and the longest at one place."""

    def __init__(self, phrases: Iterable[str]):
        self.single: set[str] = set()
        self.multi: dict[str, list[tuple[str, ...]]] = {}
        for p in phrases:
            words = tuple(key(w) for w in p.split())
            if not words:
                continue
            if len(words) == 1:
                self.single.add(words[0])
            else:
                self.multi.setdefault(words[0], []).append(words[1:])
        for rests in self.multi.values():
            rests.sort(key=len, reverse=True)

    def find(self, prose: str, toks) -> tuple[int, int] | None:
        """(start, end) of the first entry among `toks`, or None."""
        single, multi = self.single, self.multi
        parts = None
        for i, tok in enumerate(toks):
            k = tok.key
            if "-" in k or "'" in k or "’" in k:
                parts = parts or _parts(prose, toks)
                return _find_parts(self, prose, parts)
            if k in multi:
                parts = parts or _parts(prose, toks)
                return _find_parts(self, prose, parts)
            if k in single:
                return tok.start, tok.end
        return None


_JOINERS = compile_regex(r"['’\-]")


def _parts(prose: str, toks) -> list[tuple[str, int, int, bool]]:
    """(key, start, end, white space alone before it) for every hyphen- or apostrophe-separated
    part of the tokens."""
    out = []
    previous_end = None
    for tok in toks:
        space = previous_end is not None and prose[previous_end:tok.start].isspace()
        if "-" in tok.key or "'" in tok.key or "’" in tok.key:
            offset = tok.start
            for n, piece in enumerate(_JOINERS.split(tok.text)):
                out.append((key(piece), offset, offset + len(piece), space if n == 0 else False))
                offset += len(piece) + 1
        else:
            out.append((tok.key, tok.start, tok.end, space))
        previous_end = tok.end
    return out


def _find_parts(index: PhraseIndex, prose: str, parts) -> tuple[int, int] | None:
    single, multi = index.single, index.multi
    for i, (k, start, end, _space) in enumerate(parts):
        for rest in multi.get(k, ()):
            n = len(rest)
            if i + n < len(parts) and all(parts[i + 1 + j][0] == rest[j] and parts[i + 1 + j][3] for j in range(n)):
                return start, parts[i + n][2]
        if k in single:
            return start, end
    return None
