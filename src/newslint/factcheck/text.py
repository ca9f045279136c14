"""Small text helpers shared by the fact-check modules: tokens with clause breaks, cheap candidate
search, paragraphs.

Speed matters here (the rules run on every commit, and a newsroom lints whole archives): the
windows around a figure or a marker are read with one `regex` call each (repeated captures, and a
reverse pattern for the words before a position), and the words that can start a figure, a source
marker or a date are found without a regex pass over the text — see `WordFinder`.
"""

from __future__ import annotations

import bisect
import unicodedata
from itertools import compress, islice
from typing import NamedTuple

import regex

from newslint.factcheck.phrases import _NUKTA_FORMS, NUKTA, LazyPattern, caching_patterns, key
from newslint.compiled import compile_regex

# A word (letters, marks, digits, inner hyphens and apostrophes) or a sign that counts as a word.
TOKEN = r"[\p{L}\p{M}\p{Nd}]+(?:['’\-][\p{L}\p{M}\p{Nd}]+)*|[%₹$€£]"
TOKEN_RE = compile_regex(TOKEN)
# Punctuation that ends a clause: the window of a figure or of a source stops there.
BREAK_RE = compile_regex(r"[,;:।॥!?\"“”‘’—–\n]|\s-\s|\.(?!\d)")
# A character between two words that is not a clause break. (A full stop between words is always
# a break: between digits it belongs to the number, "8.7".)
_GAP = r"(?:(?![,;:।॥!?\"“”‘’—–\n.]|\s-\s)[^\p{L}\p{M}\p{Nd}%₹$€£])"

WORD_OR_DIGITS_RE = compile_regex(r"[\p{L}\p{M}\u200c\u200d]+|[0-9०-९]+")


class Tok(NamedTuple):
    text: str
    start: int
    end: int
    key: str
    brk_before: bool = False  # clause punctuation between the previous token and this one


# The token windows read with a regex (see `tokens_after`): one pattern per direction for every
# window of up to WINDOW_LIMIT tokens, of which a window keeps the first `limit` captures (each
# repetition is a possessive gap and a token: reading on does not change the tokens before), so
# that a process compiles two patterns rather than one per window size. Compiled on first use.
WINDOW_LIMIT = 16
_AFTER: dict[int, regex.Pattern[str]] = {}
_BEFORE: dict[int, regex.Pattern[str]] = {}


def _after_re(limit: int) -> regex.Pattern[str]:
    limit = max(limit, WINDOW_LIMIT)
    pattern = _AFTER.get(limit)
    if pattern is None:
        pattern = _AFTER[limit] = regex.compile(rf"(?:{_GAP}*+({TOKEN})){{0,{limit}}}")
    return pattern


def _before_re(limit: int) -> regex.Pattern[str]:
    limit = max(limit, WINDOW_LIMIT)
    pattern = _BEFORE.get(limit)
    if pattern is None:
        pattern = _BEFORE[limit] = regex.compile(rf"(?r)(?:({TOKEN}){_GAP}*+){{0,{limit}}}")
    return pattern


def first_words(entries) -> set[str]:
    """Lookup keys of the first word of each list entry (for candidate search)."""
    out = set()
    for e in entries:
        e = e.split(" = ")[0].strip() if " = " in e else e.strip()
        e = e.lstrip("!")
        if e:
            out.add(key(e.split()[0]))
    return out


def tokens(prose: str, start: int, end: int) -> list[Tok]:
    result: list[Tok] = []
    cursor = start
    for m in TOKEN_RE.finditer(prose, start, end):
        gap = prose[cursor:m.start()]
        result.append(Tok(m.group(), m.start(), m.end(), key(m.group()), bool(gap and BREAK_RE.search(gap))))
        cursor = m.end()
    return result


_CHUNK_RE = compile_regex(rf"([^\p{{L}}\p{{M}}\p{{Nd}}%₹$€£]*)({TOKEN})([^\p{{L}}\p{{M}}\p{{Nd}}%₹$€£]*)")
_GAP_ONLY_RE = compile_regex(r"[^\p{L}\p{M}\p{Nd}%₹$€£]+")
_BREAK_CHARS = frozenset(",;:।॥!?\"“”‘’—–.\n")
_CHUNKS: dict[str, tuple | None] = {}
_new = tuple.__new__


def _chunk(chunk: str) -> tuple | None:
    """What a space-delimited chunk holds: (lead length, word, key, break in lead, break in trail)
    for one word with punctuation around it ("मौत," "(भाषा)" "“उन्होंने"); (-1, None, None, break,
    break) for punctuation alone ("(", "।"); None for anything else ("10:30", "₹500", "X/Y", a lone
    "-", whose clause break depends on the spaces around it). Memoised: news repeats its words."""
    info = _CHUNKS.get(chunk, 0)
    if info == 0:
        m = _CHUNK_RE.fullmatch(chunk)
        if m is not None:
            lead, word, trail = m.groups()
            info = (len(lead), word, key(word), not _BREAK_CHARS.isdisjoint(lead), not _BREAK_CHARS.isdisjoint(trail))
        elif chunk != "-" and _GAP_ONLY_RE.fullmatch(chunk):
            brk = not _BREAK_CHARS.isdisjoint(chunk)
            info = (-1, None, None, brk, brk)
        else:
            info = None
        if len(_CHUNKS) > 200_000:
            _CHUNKS.clear()
        _CHUNKS[chunk] = info
    return info


def _regex_after(prose: str, start: int, end: int, limit: int) -> list[Tok]:
    m = _after_re(limit).match(prose, start, end)
    return [_new(Tok, (t, s, e, key(t), False)) for t, s, e in islice(zip(m.captures(1), m.starts(1), m.ends(1)), limit)]


def _regex_before(prose: str, start: int, end: int, limit: int) -> list[Tok]:
    """In reverse text order."""
    m = _before_re(limit).match(prose, start, end)
    return [_new(Tok, (t, s, e, key(t), False)) for t, s, e in islice(zip(m.captures(1), m.starts(1), m.ends(1)), limit)]


def tokens_after(prose: str, start: int, end: int, limit: int) -> list[Tok]:
    """Up to `limit` tokens from `start`, stopping before the first clause break.

    Fast path: the space-separated chunks of a window, each one word with punctuation around it
    (white space between words is never a clause break; a line break is). At a chunk it cannot
    read ("10:30", "₹500") the token regex takes over from the last word taken."""
    hi = min(end, start + 16 * limit)
    window = prose[start:hi]
    nl = window.find("\n")
    if nl >= 0:
        window = window[:nl]
        end = start + nl
    chunks = window.split(None, limit)
    whole = start + len(window) >= end  # the chunks cover the range to its end (or a line break)
    if len(chunks) > limit:
        chunks.pop()  # the rest, after `limit` chunks
        whole = False
    elif chunks and not whole and not window[-1].isspace():
        chunks.pop()  # the window ends inside a chunk: read it with the regex
    out: list[Tok] = []
    cursor = start
    pos = 0
    # the memo's None (a chunk it cannot read) sends the chunk to _chunk again, which answers None
    get = _CHUNKS.get
    find = window.find
    add = out.append
    left = limit
    for chunk in chunks:
        info = get(chunk) or _chunk(chunk)
        if info is None:
            break
        i = find(chunk, pos)
        pos = i + len(chunk)
        lead, word, k, lead_break, trail_break = info
        if lead_break:
            return out
        if word is not None:
            s = start + i + lead
            cursor = s + len(word)
            add(_new(Tok, (word, s, cursor, k, False)))
            left -= 1
            if not left or trail_break:
                return out
        else:
            cursor = start + pos
    else:
        if whole:
            return out
    return out + _regex_after(prose, cursor, end, left)


def tokens_before(prose: str, start: int, end: int, limit: int) -> list[Tok]:
    """Up to `limit` tokens ending at `end` (in text order), stopping at a clause break.

    Fast path as in `tokens_after`, reading the chunks of a window from the right."""
    lo = max(start, end - 16 * limit)
    window = prose[lo:end]
    nl = window.rfind("\n")
    if nl >= 0:
        window = window[nl + 1:]
        lo += nl + 1
        start = lo
    chunks = window.split()
    if lo > start and chunks and not prose[lo - 1].isspace():
        chunks[0] = None  # the window begins inside this chunk: read from there with the regex
    out: list[Tok] = []
    cursor = end
    pos = len(window)
    # the memo's None (a chunk it cannot read) sends the chunk to _chunk again, which answers None
    get = _CHUNKS.get
    rfind = window.rfind
    add = out.append
    left = limit
    for chunk in reversed(chunks):
        if chunk is None:
            break
        info = get(chunk) or _chunk(chunk)
        if info is None:
            break
        i = rfind(chunk, 0, pos)
        pos = i
        lead, word, k, lead_break, trail_break = info
        if trail_break:
            out.reverse()
            return out
        if word is not None:
            s = lo + i + lead
            add(_new(Tok, (word, s, s + len(word), k, False)))
            left -= 1
            if not left or lead_break:
                out.reverse()
                return out
        cursor = lo + i
    else:
        if lo == start:
            out.reverse()
            return out
    out += _regex_before(prose, start, cursor, left)
    out.reverse()
    return out


def token_before(prose: str, start: int, end: int) -> Tok | None:
    """`tokens_before(prose, start, end, 1)`: the one word before `end` in its clause, or None.

    `classify` asks this of every number. Usually the word is the last white-space chunk of a
    short window, one word with punctuation around it, and is read off directly; anything else
    (no white space before the chunk inside the window, a chunk `_chunk` cannot read, punctuation
    alone) is left to `tokens_before`."""
    lo = max(start, end - 16)
    window = prose[lo:end]
    parts = window.rsplit(None, 1)
    if len(parts) == 2:
        chunk = parts[1]
        i = window.rfind(chunk)
        if window.find("\n", i) >= 0:
            return None  # a line break after the last chunk: nothing before `end` in its line
        info = _CHUNKS.get(chunk) or _chunk(chunk)
        if info is not None:
            lead, word, k, _lead_break, trail_break = info
            if trail_break:
                return None
            if word is not None:
                s = lo + i + lead
                return _new(Tok, (word, s, s + len(word), k, False))
    found = tokens_before(prose, start, end, 1)
    return found[0] if found else None

# -- candidates ---------------------------------------------------------------------------------

# Characters a list word can be written against: a `WordFinder` entry is looked for by its first
# piece between them ("कल-कारखाने" by "कल", "today's" by "today").
_SPLIT_CHARS = ",।.\"“”‘’'()-–—:;!?/|[]*_…\ufffc\u200c\u200d{}<>\\•·=+#&@~`%₹$€£^॥"
_SPLIT_TO_SPACE = str.maketrans(dict.fromkeys(_SPLIT_CHARS, " "))  # one pass, not a replace per character
_PIECE_RE = compile_regex(r"[\p{L}\p{M}]+|\p{Nd}+")  # "14जुलाई" holds the word "जुलाई"
_CLEAN: set[str] = set()  # chunks known to be one word
_PIECES: dict[str, tuple[str, ...]] = {}  # the words of any other chunk
DIGITS_RE = compile_regex(r"[0-9०-९]+")
_MATCH_START = type(DIGITS_RE.match("0")).start


def doc_words(doc) -> set[str]:
    """The set of words of the document's prose, as written (shared by the fact-check rules).

    No regex pass over the text: its white-space chunks are a set, and only the chunks not met
    before as single words ("मौत,", "(भाषा)", "दो-तीन") are split, once per process. (The set keeps
    the punctuated chunks too: no list word equals one.)"""
    words = doc.cache.get("factcheck.words")
    if words is None:
        words = set(doc.prose.split())  # with its punctuated chunks: no list word equals one
        rest = words - _CLEAN
        if rest:
            if len(_PIECES) > 300_000:
                _PIECES.clear()
            if len(_CLEAN) > 300_000:
                _CLEAN.clear()
            get = _PIECES.get
            for chunk in rest:
                pieces = get(chunk)
                if pieces is None:
                    pieces = tuple(_PIECE_RE.findall(chunk))
                    if len(pieces) == 1 and pieces[0] == chunk:
                        _CLEAN.add(chunk)
                    else:
                        _PIECES[chunk] = pieces
                words.update(pieces)
        doc.cache["factcheck.words"] = words
    return words


_RUN_RE = compile_regex(r"[\p{L}\p{M}]+")


def prose_runs(doc) -> set[str]:
    """The words of the document's prose as a set: its maximal runs of letters and marks. They are
    `doc.tokens` (a view every rule shares), split where a token holds a joiner ("क्\u200dष" holds
    "क्" and "ष"); `doc_words` less its punctuated chunks and digit runs, without a pass over the
    text. (Before `front_matter_end` the prose is masked: no letters there.)"""
    runs = doc.cache.get("factcheck.runs")
    if runs is None:
        if has_joiners(doc):
            runs = {run for token in doc.tokens for run in _RUN_RE.findall(token.text)}
        else:
            runs = set(doc.token_texts)
        doc.cache["factcheck.runs"] = runs
    return runs


def has_joiners(doc) -> bool:
    """Does the prose hold a zero-width joiner or non-joiner (a token may then hold several runs)?"""
    joined = doc.cache.get("factcheck.joiners")
    if joined is None:
        prose = doc.prose
        joined = doc.cache["factcheck.joiners"] = "\u200c" in prose or "\u200d" in prose
    return joined


_BASE_OF = {v: k for k, v in _NUKTA_FORMS.items()}  # precomposed nukta letter → its base


def _surface_forms(word: str) -> set[str]:
    """Every spelling `phrases.phrase_pattern` accepts for one word: nukta letters with or without
    their nukta, precomposed or not; ँ or ं; English in lower, Title and UPPER case."""
    word = unicodedata.normalize("NFD", word)
    forms = [""]
    for ch in word:
        if ch == NUKTA:
            continue
        base = _BASE_OF.get(ch, ch)
        if base in _NUKTA_FORMS:
            options = (base, base + NUKTA, _NUKTA_FORMS[base])
        elif ch in ("\u0901", "\u0902"):
            options = ("\u0901", "\u0902")
        else:
            options = (ch,)
        forms = [f + o for f in forms for o in options]
    out = set(forms)
    if word.isascii():
        out |= {word.lower(), word.capitalize(), word.upper()}
    return out


class WordFinder:
    """Where the words of a list may stand in a document, found without a regex pass: every
    spelling of the list's words is intersected with the document's words, and only the
    spellings present are looked up with `str.find`. A position found inside a longer word is
    dropped; the full patterns then run only at the positions found."""

    def __init__(self, words):
        self.forms: set[str] = set()
        for w in words:
            pieces = w.translate(_SPLIT_TO_SPACE).split()  # "कल-कारखाने", "today's": the text's words split there too
            if pieces:
                self.forms |= _surface_forms(pieces[0])
        # A spelling that is one run of letters and marks (every built-in one) is present when it
        # is one of `prose_runs`; any other (a newsroom pack's "G20") is looked for in `doc_words`.
        self._other_forms = {form for form in self.forms if not _RUN_RE.fullmatch(form)}

    def present(self, doc) -> set[str]:
        found = self.forms.intersection(prose_runs(doc))
        if self._other_forms:
            found |= self._other_forms.intersection(doc_words(doc))
        return found

    def doc_positions(self, doc, present) -> list[int]:
        """`positions(doc.prose, doc.front_matter_end, present)`, read from the document's tokens.

        A spelling that is one run of letters and marks stands as a whole word exactly where a
        token is that run with no digit (or other letter-like sign: `_word_char`) touching it:
        a token is a maximal run, and without joiners in the prose it is one run. The tokens are a
        view every rule shares; picking the matching ones is a C-level pass, where `positions`
        runs `str.find` over the text once per spelling."""
        if not present:
            return []
        if has_joiners(doc) or not self._other_forms.isdisjoint(present):
            return self.positions(doc.prose, doc.front_matter_end, present)
        prose = doc.prose
        size = len(prose)
        inner = _WORD_CHAR.get
        found = []
        for _text, i, j in compress(doc.tokens, map(present.__contains__, doc.token_texts)):
            if (i == 0 or not _word_char(prose[i - 1], inner)) and (j == size or not _word_char(prose[j], inner)):
                found.append(i)
        return found

    def positions(self, prose: str, begin: int, present) -> list[int]:
        found: list[int] = []
        inner = _WORD_CHAR.get
        size = len(prose)
        for form in present:
            n = len(form)
            i = prose.find(form, begin)
            while i >= 0:
                j = i + n
                if (i == 0 or not _word_char(prose[i - 1], inner)) and (j == size or not _word_char(prose[j], inner)):
                    found.append(i)
                i = prose.find(form, j)
        found.sort()
        return found


_WORD_CHAR: dict[str, bool] = {" ": False, "\n": False}


def _word_char(c: str, get) -> bool:
    """A letter, a mark or a digit (memoised per character)."""
    known = get(c)
    if known is None:
        known = _WORD_CHAR[c] = c.isalnum() or unicodedata.category(c)[0] == "M"
    return known


# DIGITS_RE's two ranges, each scanned alone: the `regex` engine tests a character against one
# range with a comparison, against a set of ranges with a much slower member test, and the scan
# over the whole text for digits is a tenth of the attribution analysis
_LATIN_DIGITS_RE = compile_regex(r"[0-9]+")
_DEVANAGARI_DIGITS_RE = compile_regex(r"[०-९]+")
_DIGIT_CHARS = frozenset("0123456789०१२३४५६७८९")


def digit_starts(prose: str, begin: int) -> list[int]:
    """Where a run of Latin or Devanagari digits starts: the starts of `DIGITS_RE.finditer(prose,
    begin)`. A run mixing the two ("1२") is one run, so with both scripts' digits in the text a
    start right after a digit of the other is dropped."""
    latin = list(map(_MATCH_START, _LATIN_DIGITS_RE.finditer(prose, begin)))
    devanagari = list(map(_MATCH_START, _DEVANAGARI_DIGITS_RE.finditer(prose, begin)))
    if not devanagari:
        return latin
    if not latin:
        return devanagari
    return sorted(i for i in latin + devanagari if i == begin or prose[i - 1] not in _DIGIT_CHARS)


def anchored_matches(match, prose: str, positions: list[int], end: int) -> list:
    """The matches a `pattern.finditer(prose, start, end)` would give, `match` being the pattern's
    match method, tried only at `positions` (every place a match can start, in order)."""
    out = []
    last = -1
    for p in positions:
        if p < last:
            continue
        m = match(prose, p, end)
        if m is not None:
            out.append(m)
            last = m.end()
    return out


def in_range(positions: list[int], start: int, end: int) -> list[int]:
    return positions[bisect.bisect_left(positions, start):bisect.bisect_left(positions, end)]


def has_any(positions: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_left(positions, start)
    return i < len(positions) and positions[i] < end


def sentence_starts(doc) -> list[int]:
    """Starts of `doc.sentences`, computed once per document (Document.sentences_in rebuilds them
    per call)."""
    starts = doc.cache.get("factcheck.sentence_starts")
    if starts is None:
        starts = doc.cache["factcheck.sentence_starts"] = [s.start for s in doc.sentences]
    return starts


def paragraph_spans(doc) -> list[tuple]:
    """(block, start, end) of every prose paragraph, skipping headings and a .txt headline.

    A headline states figures that the story attributes below, so it is not checked: Markdown
    heading blocks, and in plain text a first line without sentence punctuation when more
    paragraphs follow it. Computed once per document."""
    spans = doc.cache.get("factcheck.paragraphs")
    if spans is None:
        blocks = doc.blocks
        # block.lines read directly: what the properties block.start and block.end read, without
        # their calls (this runs for every block of every document)
        spans = [(block, block.lines[0].start, block.lines[-1].end) for block in blocks if block.kind != "heading"]
        if spans and spans[0][0] is blocks[0] and len(blocks) > 1 and not doc.is_markdown:
            _block, start, end = spans[0]
            line = doc.prose[start:end].rstrip()
            if line and line[-1] not in "।॥.?!\"”'’)":
                del spans[0]  # a headline
        doc.cache["factcheck.paragraphs"] = spans
    return spans


def paragraph_sentences(doc, start: int, end: int) -> list:
    """The sentences of the paragraph prose[start:end] that are checked."""
    starts = sentence_starts(doc)
    sentences = doc.sentences[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]
    prose = doc.prose
    if doc.is_markdown and prose.find("|", start, end) >= 0:
        # a Markdown table row is data laid out for the eye; its source is in the prose around it
        sentences = [s for s in sentences if not prose[doc.line_at(s.start).start:s.start].lstrip().startswith("|") and not prose[s.start:s.start + 1] == "|"]
    return sentences


def paragraphs(doc, wanted=None):
    """(block, sentences) for every prose paragraph (`paragraph_spans`) with its checked sentences
    (`paragraph_sentences`). With `wanted(start, end)`, only the paragraphs it accepts are built.
    """
    for block, start, end in paragraph_spans(doc):
        if wanted is None or wanted(start, end):
            yield block, paragraph_sentences(doc, start, end)


_LETTERS_RE = compile_regex(r"[\p{L}\p{M}]+")


def _fold(k: str) -> str:
    """`key` folded once more, the way a case-insensitive `regex` pattern matches letters
    (ſ ~ s, K ~ k, İ ~ i)."""
    return k.casefold().replace("\u0307", "")


def doc_keys(doc) -> set[str]:
    """The folded keys of `doc_words`."""
    keys = doc.cache.get("factcheck.word_keys")
    if keys is None:
        keys = doc.cache["factcheck.word_keys"] = {_fold(key(w)) for w in doc_words(doc)}
    return keys


def _first_key(entry: str) -> str | None:
    """The folded key of an entry's first word (as `WordFinder` splits it), or None when it is not
    letters alone (then no word of the text stands for it: the entry is always kept)."""
    entry = entry.split(" = ")[0] if " = " in entry else entry
    words = entry.translate(_SPLIT_TO_SPACE).split()
    if not words or not _LETTERS_RE.fullmatch(words[0]):
        return None
    return _fold(key(words[0]))


class SubsetPattern:
    """A pattern built from word lists, compiled per document with only the entries whose first
    word occurs in it (`doc_keys`).

    Compiling the large alternations of the lists is most of a process's start-up, and a
    document holds few of their words. An entry can match in the text only where its first word
    stands as a whole word (every list is used between word boundaries: after a boundary or white
    space, before white space, a joiner or a boundary), so that word is among `doc_words`: the
    entries left out cannot match, and the trie of the rest (`phrases.alternation`) tries the
    remaining entries in the same order — the matches are those of the full pattern. After a few
    distinct subsets in one process (a batch run) the full pattern is compiled once and used.
    With the pattern cache on (`phrases.compile_pattern`), the full pattern is used from the
    start: a run loads its compiled form (0.1-0.2 ms) rather than compiling a subset (1-2 ms), and
    only the first run after a change of the lists compiles it.

    `build(*lists)` returns the pattern source; `lists` are the entry lists (or dicts: their keys)."""

    LIMIT = 3

    def __init__(self, build, lists, flags: int = 0):
        self._build = build
        self._lists = [list(entries) for entries in lists]
        self._flags = flags
        self.full = LazyPattern(lambda: build(*self._lists), flags)
        self._firsts = [[(e, _first_key(e)) for e in entries] for entries in self._lists]
        self._subsets: dict[tuple, object] = {}

    def for_doc(self, doc):
        slot = ("factcheck.subset", id(self))
        pattern = doc.cache.get(slot)
        if pattern is not None:
            return pattern
        if self.full._pattern is not None or len(self._subsets) >= self.LIMIT or caching_patterns():
            pattern = self.full
        else:
            keys = doc_keys(doc)
            chosen = tuple(tuple(e for e, k in firsts if k is None or k in keys) for firsts in self._firsts)
            pattern = self._subsets.get(chosen)
            if pattern is None:
                pattern = self._subsets[chosen] = regex.compile(self._build(*chosen), self._flags)
        doc.cache[slot] = pattern
        return pattern
