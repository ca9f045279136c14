"""Small text helpers shared by the fact-check modules: tokens with clause breaks, paragraphs."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from newslint.factcheck.phrases import key

# A word (letters, marks, digits, inner hyphens and apostrophes) or a sign that counts as a word.
TOKEN_RE = regex.compile(r"[\p{L}\p{M}\p{Nd}]+(?:['’\-][\p{L}\p{M}\p{Nd}]+)*|[%₹$€£]")
# Punctuation that ends a clause: the window of a figure or of a source stops there.
BREAK_RE = regex.compile(r"[,;:।॥!?\"“”‘’—–\n]|\s-\s|\.(?!\d)")


WORD_OR_DIGITS_RE = regex.compile(r"[\p{L}\p{M}\u200c\u200d]+|[0-9०-९]+")


def first_words(entries) -> set[str]:
    """Lookup keys of the first word of each list entry (for candidate search)."""
    out = set()
    for e in entries:
        e = e.split(" = ")[0].strip() if " = " in e else e.strip()
        e = e.lstrip("!")
        if e:
            out.add(key(e.split()[0]))
    return out


_CANDIDATE_CACHE: dict[frozenset, "regex.Pattern[str]"] = {}


def candidate_re(words: set[str], digits: bool) -> "regex.Pattern[str]":
    """One trie pattern for the first words of several lists (and digit runs)."""
    cache_key = frozenset(words) | ({"\0digits"} if digits else set())
    if cache_key not in _CANDIDATE_CACHE:
        from newslint.factcheck.phrases import alternation, bounded, first_chars

        pattern = first_chars(words) + bounded(alternation(words)) if words else "(?!)"
        if digits:
            pattern = rf"[0-9०-९]|{pattern}"
        _CANDIDATE_CACHE[cache_key] = regex.compile(pattern, regex.IGNORECASE)
    return _CANDIDATE_CACHE[cache_key]


def candidate_offsets(prose: str, start: int, words: set[str], digits: bool = False) -> list[int]:
    """Offsets where a list entry (or a number) may start: a cheap pass over prose[start:]; the full
    patterns then run only on the sentences and lines where a candidate is."""
    return [m.start() for m in candidate_re(words, digits).finditer(prose, start)]


@dataclass(frozen=True)
class Tok:
    text: str
    start: int
    end: int
    key: str
    brk_before: bool  # clause punctuation between the previous token and this one


def tokens(prose: str, start: int, end: int) -> list[Tok]:
    result: list[Tok] = []
    cursor = start
    for m in TOKEN_RE.finditer(prose, start, end):
        gap = prose[cursor:m.start()]
        result.append(Tok(m.group(), m.start(), m.end(), key(m.group()), bool(gap and BREAK_RE.search(gap))))
        cursor = m.end()
    return result


def tokens_after(prose: str, start: int, end: int, limit: int) -> list[Tok]:
    """Up to `limit` tokens from `start`, stopping before the first clause break."""
    out: list[Tok] = []
    cursor = start
    for m in TOKEN_RE.finditer(prose, start, end):
        gap = prose[cursor:m.start()]
        if gap and BREAK_RE.search(gap):
            break
        out.append(Tok(m.group(), m.start(), m.end(), key(m.group()), False))
        cursor = m.end()
        if len(out) >= limit:
            break
    return out


def tokens_before(prose: str, start: int, end: int, limit: int) -> list[Tok]:
    """Up to `limit` tokens ending at `end` (in text order), stopping at a clause break."""
    lo = max(start, end - 12 * limit)
    toks = tokens(prose, lo, end)
    if lo > start and len(toks) <= limit:
        lo = max(start, end - 40 * limit)
        toks = tokens(prose, lo, end)
    if lo > start and toks and toks[0].start == lo and WORD_OR_DIGITS_RE.match(prose, lo - 1, lo):
        toks = toks[1:]  # the window began inside a word
    out: list[Tok] = []
    nxt_gap = prose[toks[-1].end:end] if toks else ""
    if nxt_gap and BREAK_RE.search(nxt_gap):
        return []
    for tok in reversed(toks):
        out.append(tok)
        if tok.brk_before or len(out) >= limit:
            break
    out.reverse()
    return out


def paragraphs(doc):
    """(block, sentences) for every prose paragraph, skipping headings and a .txt headline.

    A headline states figures that the story attributes below, so it is not checked: Markdown
    heading blocks, and in plain text a first line without sentence punctuation when more
    paragraphs follow it.
    """
    blocks = doc.blocks
    all_sentences = doc.sentences
    starts = [s.start for s in all_sentences]  # once: Document.sentences_in rebuilds it per call
    for index, block in enumerate(blocks):
        if block.kind == "heading":
            continue
        if index == 0 and not doc.is_markdown and len(blocks) > 1:
            line = doc.prose[block.start:block.end].rstrip()
            if line and line[-1] not in "।॥.?!\"”'’)":
                continue
        sentences = all_sentences[bisect.bisect_left(starts, block.start):bisect.bisect_left(starts, block.end)]
        if doc.is_markdown:
            # a Markdown table row is data laid out for the eye; its source is in the prose around it
            sentences = [s for s in sentences if not doc.prose[doc.line_at(s.start).start:s.start].lstrip().startswith("|") and not doc.prose[s.start:s.start + 1] == "|"]
        yield block, sentences
