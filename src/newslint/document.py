"""The parsed article: metadata, headline, lines, blocks, sentences and word tokens.

Every position is a code-point offset into the file's decoded text (`Source.text`).

The key idea is the *prose view* (`Document.prose`): a copy of the text of exactly the same
length in which everything that is not prose — front matter, Markdown code, HTML tags and
comments, link targets, URLs, e-mail addresses — is masked out (with U+FFFC inside a line, with
spaces where a whole line is not prose; line breaks are kept). Checks search the prose view, so they never flag a URL or a code span, and every offset
they find is already an offset into the file.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import namedtuple
from functools import cached_property, partial
from typing import Any

from newslint.compiled import compile_re, compile_regex
from newslint.hindi.records import factory, record
from newslint.source import InputError, Source

# Patterns that mean the same in Python's `re` (pure ASCII syntax: literals, `\s`, `\d`, back-
# references; no `\w`/`\b`, which in `regex` include the Devanagari vowel signs, and no `\p{…}`)
# use `re`: it compiles them about three times faster, and every run compiles them.

# Word tokens: letters and combining marks (so Devanagari vowel signs, virama and nukta stay inside
# the word — Python's `re` would split there), plus ZWJ/ZWNJ, which legitimately sit inside some
# Devanagari words and which the Unicode-hygiene check inspects.
WORD_RE = compile_regex(r"[\p{L}\p{M}]+(?:[\u200c\u200d]+[\p{L}\p{M}]+)*")
_MATCH = type(WORD_RE.match("a"))
_MATCH_GROUP, _MATCH_START, _MATCH_END = _MATCH.group, _MATCH.start, _MATCH.end
DEVANAGARI_RE = compile_regex(r"\p{Devanagari}")
LATIN_RE = compile_regex(r"\p{Latin}")
# \p{Devanagari} and \p{Latin} spelled out as ranges, for the stdlib `re`, which tests one
# short word about three times faster than `regex` (tests/test_document.py checks the ranges).
DEVANAGARI_LETTERS = "\u0900-\u0950\u0955-\u0963\u0966-\u097f\ua8e0-\ua8ff\U00011b00-\U00011b09"
LATIN_LETTERS = (
    "A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02b8\u02e0-\u02e4\u1d00-\u1d25\u1d2c-\u1d5c"
    "\u1d62-\u1d65\u1d6b-\u1d77\u1d79-\u1dbe\u1e00-\u1eff\u2071\u207f\u2090-\u209c\u212a-\u212b\u2132"
    "\u214e\u2160-\u2188\u2c60-\u2c7f\ua722-\ua787\ua78b-\ua7dc\ua7f1-\ua7ff\uab30-\uab5a\uab5c-\uab64"
    "\uab66-\uab69\ufb00-\ufb06\uff21-\uff3a\uff41-\uff5a\U00010780-\U00010785\U00010787-\U000107b0"
    "\U000107b2-\U000107ba\U0001df00-\U0001df1e\U0001df25-\U0001df2a"
)
_HAS_DEVANAGARI = compile_re(f"[{DEVANAGARI_LETTERS}]").search
_HAS_LATIN = compile_re(f"[{LATIN_LETTERS}]").search
LINE_BREAK_RE = compile_re(r"\r\n|\n|\r")

# Sentence terminators. A full stop inside a number (4.5) or after an abbreviation is not one.
SENTENCE_END_RE = compile_re(r"[।॥?!]+[\"'’”)\]]*|\.(?!\d)[\"'’”)\]]*")
ABBREVIATIONS = frozenset(
    """डॉ प्रो श्री श्रीमती सुश्री कु मि ई पू सं स्व रु
    Dr Mr Mrs Ms Prof St Jr Sr vs etc No Nos Rs Co Ltd Inc Gen Col Lt Capt Sgt Gov Sen Rep Jan Feb Mar Apr
    Jun Jul Aug Sep Sept Oct Nov Dec""".split()
)
# Devanagari spellings of Latin initials (ए.पी.जे., एम.एस.), which take a full stop mid-sentence.
DEVANAGARI_INITIALS = frozenset(
    "ए बी सी डी ई एफ एच आई जे के एल एम एन ओ पी क्यू आर एस टी यू वी डब्ल्यू एक्स वाई जेड".split()
)

FRONT_MATTER_OPEN_RE = compile_re(r"\A---[ \t]*(?:\r\n|\n|\r)")
# A line of its own, whatever the line endings: MULTILINE's "$" matches only before "\n", so a
# CRLF (or CR) file's front matter was never closed.
FRONT_MATTER_CLOSE_RE = compile_re(r"(?:(?<=[\r\n])|\A)(?:---|\.\.\.)[ \t]*(?=[\r\n]|\Z)")

# Non-prose spans. Order matters only for speed; overlaps are harmless.
URL_RE = compile_regex(r"\b(?:https?://|ftp://|www\.)[^\s<>\"'’”)\]]+[^\s<>\"'’”)\].,;:!?।]")
EMAIL_RE = compile_regex(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
HTML_COMMENT_RE = compile_re(r"<!--.*?(?:-->|\Z)", re.DOTALL)
HTML_TAG_RE = compile_re(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
MD_FENCE_RE = compile_re(r"^[ \t]{0,3}(```+|~~~+)[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*\r?$|\Z)", re.MULTILINE | re.DOTALL)  # \r?: CRLF files
MD_CODE_SPAN_RE = compile_re(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
MD_LINK_TARGET_RE = compile_re(r"(?<=\])\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
MD_REFERENCE_DEF_RE = compile_re(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S.*$", re.MULTILINE)
MASKED_LINE_RE = compile_re(r"^[\ufffc \t\r]*\ufffc[\ufffc \t\r]*$", re.MULTILINE)
LINE_BREAK_KEEP_RE = compile_re(r"\r\n|\n|\r|[^\r\n]+")
MD_HEADING_RE = compile_re(r"^[ \t]{0,3}#{1,6}(?=\s|$)")


class _Record:
    """A small immutable-by-convention record with slots: millions are made per large corpus, so
    they are cheaper than frozen dataclasses (which set each field through object.__setattr__)."""

    __slots__ = ()

    def _key(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__slots__ if not name.startswith("_"))

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._key() == other._key()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__ if not name.startswith("_"))
        return f"{type(self).__name__}({fields})"


class Line(_Record):
    __slots__ = ("number", "start", "end", "text")

    def __init__(self, number: int, start: int, end: int, text: str):
        self.number = number  # 1-based
        self.start = start  # offset of the first character
        self.end = end  # offset just past the last character, line break excluded
        self.text = text  # the line as written, line break excluded

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


class Token(namedtuple("_TokenFields", "text start end")):
    """A word of the prose: ``text`` as written, at ``prose[start:end]``.

    A named tuple, not a slotted record: an article has thousands of words and a corpus
    millions, and tuples are made by C code (``Document.tokens``) where a class's ``__init__``
    runs Python for each one (3× the cost of the whole view)."""

    __slots__ = ()

    @property
    def norm(self) -> str:
        """NFC form, for comparison: precomposed and decomposed nukta letters compare equal."""
        text = self.text
        return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)

    @property
    def is_devanagari(self) -> bool:
        return DEVANAGARI_RE.search(self.text) is not None

    @property
    def is_latin(self) -> bool:
        return LATIN_RE.search(self.text) is not None


_new_token = partial(tuple.__new__, Token)


class Sentence(_Record):
    __slots__ = ("start", "end", "text")

    def __init__(self, start: int, end: int, text: str):
        self.start = start
        self.end = end  # just past the terminator (or the end of the block)
        self.text = text  # prose view of the sentence (non-prose masked), stripped


@record
class Block:
    """A paragraph (Markdown) or a line (plain text): the unit for quote balancing and repeats."""

    kind: str  # "paragraph" or "heading"
    lines: list[Line]

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end


@record
class Document:
    source: Source
    metadata: dict[str, Any]
    prose: str
    lines: list[Line]
    body_start_line: int  # number of the first line after the front matter
    front_matter_end: int = 0  # offset just past the front matter (0 when there is none)
    cache: dict[str, Any] = factory(dict)  # derived data shared between checks

    @property
    def text(self) -> str:
        return self.source.text

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def is_markdown(self) -> bool:
        return self.source.kind == "markdown"

    # -- positions ---------------------------------------------------------------------------
    @cached_property
    def _line_starts(self) -> list[int]:
        return [line.start for line in self.lines]

    def line_at(self, offset: int) -> Line:
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return self.lines[max(index, 0)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset; columns count code points."""
        line = self.line_at(offset)
        return line.number, offset - line.start + 1

    # -- structure -----------------------------------------------------------------------------
    @cached_property
    def body_lines(self) -> list[Line]:
        """Lines after the front matter whose prose is not blank, in order."""
        return [line for line in self.lines[self.body_start_line - 1:] if self.prose[line.start:line.end].strip()]

    @cached_property
    def headline(self) -> str:
        title = self.metadata.get("title")
        if isinstance(title, str) and title.strip():
            return title.strip()
        first = self.body_lines[0] if self.body_lines else None
        return self.line_prose(first).strip() if first else ""

    def line_prose(self, line: Line) -> str:
        return self.prose[line.start:line.end]

    @cached_property
    def blocks(self) -> list[Block]:
        blocks: list[Block] = []
        current: list[Line] = []
        for line in self.lines[self.body_start_line - 1:]:
            prose = self.line_prose(line)
            if not prose.strip():
                if current:
                    blocks.append(Block("paragraph", current))
                    current = []
                continue
            if not self.is_markdown:
                blocks.append(Block("paragraph", [line]))
            elif MD_HEADING_RE.match(prose):
                if current:
                    blocks.append(Block("paragraph", current))
                    current = []
                blocks.append(Block("heading", [line]))
            else:
                current.append(line)
        if current:
            blocks.append(Block("paragraph", current))
        return blocks

    @cached_property
    def sentences(self) -> list[Sentence]:
        result: list[Sentence] = []
        for block in self.blocks:
            result.extend(split_sentences(self.prose, block.start, block.end))
        return result

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentences_in(self, block: Block) -> list[Sentence]:
        lo = bisect.bisect_left(self._sentence_starts, block.start)
        hi = bisect.bisect_left(self._sentence_starts, block.end)
        return self.sentences[lo:hi]

    @cached_property
    def tokens(self) -> list[Token]:
        # Every step is a C-level map: no Python code runs per word.
        matches = list(WORD_RE.finditer(self.prose, self.front_matter_end))
        texts = self.__dict__["token_texts"] = list(map(_MATCH_GROUP, matches))
        return list(map(_new_token, zip(texts, map(_MATCH_START, matches), map(_MATCH_END, matches))))

    @cached_property
    def token_texts(self) -> list[str]:
        """``[t.text for t in doc.tokens]``, made with the tokens."""
        self.tokens  # noqa: B018 - sets token_texts
        return self.__dict__["token_texts"]

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def tokens_in(self, start: int, end: int) -> list[Token]:
        lo = bisect.bisect_left(self._token_starts, start)
        hi = bisect.bisect_left(self._token_starts, end)
        return self.tokens[lo:hi]

    @cached_property
    def language(self) -> str:
        """'hi' or 'en': front matter `lang` wins; otherwise the script most of the words are in."""
        lang = self.metadata.get("lang") or self.metadata.get("language")
        if isinstance(lang, str) and lang.strip():
            return lang.strip().lower().split("-")[0].split("_")[0]
        texts = self.token_texts  # how many words have a Devanagari (a Latin) letter
        deva = len(texts) - list(map(_HAS_DEVANAGARI, texts)).count(None)
        latin = len(texts) - list(map(_HAS_LATIN, texts)).count(None)
        return "en" if latin > deva * 2 and latin >= 3 else "hi"


def split_sentences(prose: str, start: int, end: int) -> list[Sentence]:
    """Split prose[start:end] into sentences at ।, ॥, ?, ! and full stops that end a sentence.

    In plain text each line is its own block, so line ends are block ends. In Markdown a
    paragraph may wrap over several lines: a line break there is not a sentence boundary.
    """
    result: list[Sentence] = []
    cursor = start
    for match in SENTENCE_END_RE.finditer(prose, start, end):
        if match.group().startswith(".") and not _full_stop_ends_sentence(prose, match.start(), start):
            continue
        _append_sentence(result, prose, cursor, match.end())
        cursor = match.end()
    _append_sentence(result, prose, cursor, end)
    return result


def _append_sentence(result: list[Sentence], prose: str, start: int, end: int) -> None:
    text = prose[start:end]
    stripped = text.strip()
    if not stripped:
        return
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip())
    result.append(Sentence(start + lead, end - trail, stripped))


def _full_stop_ends_sentence(prose: str, dot: int, floor: int) -> bool:
    # The word just before the full stop.
    i = dot
    while i > floor and (prose[i - 1].isalpha() or unicodedata.category(prose[i - 1]).startswith("M")):
        i -= 1
    word = prose[i:dot]
    if not word:
        return True  # "..." or ". ." — punctuation, let it end
    if word in ABBREVIATIONS:
        return False
    nxt = prose[dot + 1:dot + 2]
    if len(word) == 1 and word.isascii() and word.isupper():
        return False  # an initial: "J. K. Rowling", "U.S."
    if word in DEVANAGARI_INITIALS and nxt not in ("", "\n", "\r"):
        return False  # ए.पी.जे. अब्दुल कलाम
    return True


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    start = 0
    number = 0
    for match in LINE_BREAK_RE.finditer(text):
        number += 1
        lines.append(Line(number, start, match.start(), text[start:match.start()]))
        start = match.end()
    if start < len(text) or not lines:
        lines.append(Line(number + 1, start, len(text), text[start:]))
    return lines


# Inline non-prose (a URL, a code span) is replaced by this character rather than by spaces, so
# that checks about spacing never see spaces that are not in the file. Lines left with nothing
# but masks (a code fence, a bare URL line) become blank.
MASK = "\ufffc"




# Deeper than this is no article's metadata; and the YAML parser's C code recurses once per level
# (50,000 levels crashed the process).
MAX_FRONT_MATTER_DEPTH = 1000
_DASHES_RE = compile_re(r"(?:[ \t]*-[ \t]+)+", re.MULTILINE)


def _nested_too_deep(body: str) -> bool:
    if body.count("[") + body.count("{") + body.count("- ") < MAX_FRONT_MATTER_DEPTH:
        return False  # (every article's front matter)
    depth = deepest = 0
    for ch in body:
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    dashes = max((m.group().count("-") for m in _DASHES_RE.finditer(body)), default=0)  # "- - - a"
    return max(deepest, dashes) > MAX_FRONT_MATTER_DEPTH


def parse_front_matter(source: Source) -> tuple[dict[str, Any], int]:
    """Return (metadata, offset just past the closing delimiter). Raise InputError if broken."""
    text = source.text
    opening = FRONT_MATTER_OPEN_RE.match(text)
    if not opening:
        return {}, 0
    closing = FRONT_MATTER_CLOSE_RE.search(text, opening.end())
    if not closing:
        raise InputError(source.path, "front matter opened with '---' on line 1 is never closed (add a closing '---' line)")
    body = text[opening.end():closing.start()]
    end = closing.end()
    if text[end:end + 2] == "\r\n":
        end += 2
    elif text[end:end + 1] in ("\n", "\r"):
        end += 1
    if _nested_too_deep(body):
        raise InputError(source.path, f"broken front matter: nested more than {MAX_FRONT_MATTER_DEPTH} levels deep")
    import yaml  # only files with front matter pay for the import

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(body, Loader=loader)  # noqa: S506 — a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" on line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(source.path, f"broken front matter{where}: {problem}") from None
    except (ValueError, TypeError, AttributeError, OverflowError, RecursionError) as exc:
        # Well-formed YAML whose value cannot be built: a date that does not exist
        # ("date: 2025-13-45": month must be in 1..12), "!!int abc", "!!timestamp nope". The
        # loader raises these from its constructors rather than as a YAMLError.
        problem = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(source.path, f"broken front matter: a value that cannot be read ({problem})") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(source.path, f"broken front matter: expected 'key: value' lines, found a {type(data).__name__}")
    return {str(k): v for k, v in data.items()}, end


def prose_view(text: str, front_matter_end: int, markdown: bool) -> str:
    """A same-length copy of `text` with everything that is not prose masked out."""
    patterns = [HTML_COMMENT_RE, URL_RE, EMAIL_RE]
    if markdown:
        patterns = [MD_FENCE_RE, HTML_COMMENT_RE, MD_CODE_SPAN_RE, HTML_TAG_RE, MD_LINK_TARGET_RE, MD_REFERENCE_DEF_RE, URL_RE, EMAIL_RE]
    spans = [span for pattern in patterns for span in (m.span() for m in pattern.finditer(text, front_matter_end))]
    if not spans and not front_matter_end:
        return text
    # Merge overlapping spans, then rebuild the string from slices (far faster than a char list).
    spans.sort()
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces = [_masked(text[:front_matter_end], " ")] if front_matter_end else []
    cursor = front_matter_end
    for start, end in merged:
        pieces.append(text[cursor:start])
        pieces.append(_masked(text[start:end], MASK))
        cursor = end
    pieces.append(text[cursor:])
    prose = "".join(pieces)
    if MASK not in prose:
        return prose
    return MASKED_LINE_RE.sub(lambda m: m.group().replace(MASK, " "), prose)


def _masked(chunk: str, fill: str) -> str:
    """`chunk` with every character but line breaks replaced by `fill`."""
    return LINE_BREAK_KEEP_RE.sub(lambda m: m.group() if m.group() in ("\r\n", "\n", "\r") else fill * len(m.group()), chunk)


def parse_document(source: Source) -> Document:
    metadata, fm_end = parse_front_matter(source)
    lines = split_lines(source.text)
    prose = prose_view(source.text, fm_end, source.kind == "markdown")
    body_start = 1
    if fm_end:
        body_start = next((line.number for line in lines if line.start >= fm_end), len(lines) + 1)
    return Document(source=source, metadata=metadata, prose=prose, lines=lines, body_start_line=body_start, front_matter_end=fm_end)
