"""What the structure rules (ST101–ST106) know about an article's lines, computed once per document.

This module holds no rule. It classifies every body line once (`line_kinds`), finds repeated
lines and blocks once (`repeats`), and reads the byline zone once (`byline_duplicates`); the
rules in `structure_*.py` report their part, and the typography rules skip lines that the
structure rules delete (`debris_lines`). Results live in `doc.cache`, the compiled data of the
rule pack in `ctx.load`, so each piece is built once per document / once per process.

Everything is line-based and linear: a line is looked at a bounded number of times, repeats are
found with a dict of line keys, and only short lines (a label, a byline, a teaser) are ever
normalised beyond NFC.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Iterable

import regex

from newslint.compiled import compile_re, compile_regex
from newslint.document import MASK
from newslint.hindi.records import factory, record
from newslint.packs import compile_pattern, longest_first

if TYPE_CHECKING:
    from newslint.context import Context
    from newslint.document import Document, Line

DEBRIS = "cms-debris"
RELATED = "related-story-link"
TEASER = "teaser-headline"

# A label, a byline or a teaser is short: longer lines are never normalised or matched.
MAX_LABEL_WORDS = 12
MAX_LABEL_CHARS = 160

# Folding: precomposed nukta letters to their base letter, the nukta sign, zero-width characters
# and soft hyphens dropped, chandrabindu to anusvara, curly quotes to straight ones.
_FOLD_SUB = {chr(0x0958 + i): base for i, base in enumerate("कखगजडढफय")}
_FOLD_SUB.update({"\u093c": "", "\u200b": "", "\u200c": "", "\u200d": "", "\u00ad": "", "\ufeff": ""})
_FOLD_SUB.update({"\u0901": "\u0902", "’": "'", "‘": "'", "“": '"', "”": '"'})
_FOLD_RE = compile_re("[" + "".join(_FOLD_SUB) + "]")


def _fold_char(match) -> str:
    return _FOLD_SUB[match.group()]


def fold(text: str) -> str:
    """Case-, nukta-, chandrabindu- and space-insensitive form for matching labels and names."""
    if not text.isascii() and _FOLD_RE.search(text):
        text = _FOLD_RE.sub(_fold_char, text)
    return " ".join(text.casefold().split())


def fold_word(word: str) -> str:
    """`fold` for a single word (no spaces): cheaper."""
    if not word.isascii() and _FOLD_RE.search(word):
        word = _FOLD_RE.sub(_fold_char, word)
    return word.casefold()


_NUKTA_BASES = {base: chr(0x0958 + i) for i, base in enumerate("कखगजडढफय")}


def _tolerant(word: str) -> str:
    """A regex for a folded word that also matches its nukta / chandrabindu / case variants."""
    out = []
    for ch in word:
        if ch in _NUKTA_BASES:
            out.append(f"[{ch}{_NUKTA_BASES[ch]}]\u093c?")
        elif ch == "\u0902":
            out.append("[\u0901\u0902]")
        elif "\u0915" <= ch <= "\u0939":
            out.append(ch + "\u093c?")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def fold_pattern(text: str) -> str:
    """Fold the Devanagari of a regular expression without touching its escapes (\\S stays \\S)."""
    return _FOLD_RE.sub(lambda m: _FOLD_SUB[m.group()] if m.group() not in "’‘“”" else m.group(), text)


# Markdown decoration around a label: blockquote, heading and list markers, emphasis, link
# brackets, the mask of a link target or URL.
_LEAD_RE = compile_re(r"^(?:\s*(?:>|#{1,6}(?=\s|$)|[-*+•·▪►](?=\s)|\d{1,3}[.)](?=\s)))*\s*")
_EMPHASIS_RE = compile_re(r"[*_~`\[\]\ufffc]+")
_EDGE = " \t:;,.!?|-–—…»«<>→←=#\"'()/\\"
_WORD_RE = compile_regex(r"[\p{L}\p{M}\p{N}]+")
_LETTER_RE = compile_regex(r"\p{L}")
_FIRST_WORD_RE = compile_regex(r"[^\p{L}\p{M}]*([\p{L}\p{M}]+)")


_DECORATION_CHARS = frozenset("*_~`[]\ufffc")
_LEAD_DECORATION = frozenset(">#-*+•·▪►0123456789 \t")


def label_core(prose_line: str) -> str:
    """The text of a line with decoration and edge punctuation removed, folded."""
    text = prose_line
    if text[:1] in _LEAD_DECORATION:
        text = _LEAD_RE.sub("", text, count=1)
    if not _DECORATION_CHARS.isdisjoint(text):
        text = _EMPHASIS_RE.sub(" ", text)
    return fold(text).strip(_EDGE).strip()


def lead_stripped(prose_line: str) -> str:
    """Folded line with only the leading decoration and emphasis removed (for markers + rest)."""
    text = _EMPHASIS_RE.sub(" ", _LEAD_RE.sub("", prose_line, count=1))
    return fold(text).lstrip(" \t>#-–—:")


# ---------------------------------------------------------------------------------------------
# Data from the rule packs
# ---------------------------------------------------------------------------------------------


class PhraseSet:
    """Whole-line labels: exact entries, `*` wildcard entries and `re:` regular expressions.

    Wildcard entries are checked with string operations (startswith / endswith and a word
    count), not with regular expressions: a leading wildcard would make a regex backtrack."""

    WILDCARD_WORDS = 8

    def __init__(self, entries: Iterable[str]):
        self.exact: set[str] = set()
        self.wildcards: list[tuple[str, str]] = []  # (prefix, suffix), either may be ""
        sources: list[str] = []
        for entry in entries:
            if entry.startswith("re:"):
                sources.append(fold_pattern(entry[3:].strip()))
            elif "*" in entry:
                head, _, tail = entry.partition("*")
                self.wildcards.append((fold(head.replace("*", " ")).strip(_EDGE), fold(tail.replace("*", " ")).strip(_EDGE)))
            else:
                key = fold(entry).strip(_EDGE)
                if key:
                    self.exact.add(key)
        # One alternation: a single scan per line whatever the number of patterns, compiled with
        # `re` when every pattern means the same there (see `compile_pattern`: 3× cheaper).
        self.pattern = None
        if sources:
            try:
                self.pattern = compile_pattern("|".join(f"(?:{s})" for s in sources), ignorecase=True)
            except (re.error, regex.error):
                for source in sources:
                    regex.compile(source)  # a broken pattern in a pack fails here, naming itself
                raise

    def match(self, core: str) -> bool:
        if core in self.exact:
            return True
        for head, tail in self.wildcards:
            if core.startswith(head) and core.endswith(tail) and len(core) >= len(head) + len(tail):
                middle = core[len(head):len(core) - len(tail)]
                if head and middle[:1].isalnum() or tail and middle[-1:].isalnum():
                    continue  # the label must end on a word boundary
                if len(middle.split()) <= self.WILDCARD_WORDS:
                    return True
        return self.pattern is not None and self.pattern.fullmatch(core) is not None


@record
class StructureData:
    debris: PhraseSet
    teaser_markers: PhraseSet
    share_buttons: set[str]
    share_max_words: int
    related_by_first_word: dict[str, list[str]]
    related_line_re: "re.Pattern | regex.Pattern"  # matches at the start of a line that starts with a marker's first word
    repeat_allowed: PhraseSet
    teaser_dates: PhraseSet
    byline_prefixes: list[str]
    byline_role_words: set[str]
    byline_places: set[str]
    translit_deva: dict[str, str]
    translit_deva_clusters: dict[str, str]
    translit_latin: list[tuple[str, str]]


def _by_first_word(markers: set[str]) -> dict[str, list[str]]:
    result: dict[str, list[str]] = defaultdict(list)
    for marker in longest_first(markers):
        match = _WORD_RE.match(marker)
        if match:
            result[match.group()].append(marker)
    return dict(result)


def _related_line_re(markers: set[str]) -> "re.Pattern | regex.Pattern":
    firsts = longest_first(m.group() for m in map(_WORD_RE.match, markers) if m)
    # Bullets, quote marks and numbering before the marker: one sign (or "12.") a step. Not
    # "[signs]+" a step: nested repeats backtrack exponentially on a separator line ("-----…"
    # of 30 dashes took a minute), and one sign a step matches the same lines.
    lead = r"[^\S\n]*(?:(?:[>#*_+•·▪►\-\[(]|\d{1,3}[.)])[^\S\n]*)*"
    return compile_pattern(lead + "(?:" + "|".join(_tolerant(w) for w in firsts) + ")", ignorecase=True)


def _build(packs) -> StructureData:
    share = {fold(e).strip(_EDGE) for e in packs.lines("structure/share-buttons.txt")}
    share.discard("")
    related = {fold(e).strip(_EDGE) for e in packs.lines("structure/related-story-markers.txt")}
    related.discard("")
    deva: dict[str, str] = {}
    clusters: dict[str, str] = {}
    latin: dict[str, str] = {}
    for table in packs.tables("structure/transliteration.toml"):
        deva.update({unicodedata.normalize("NFC", k): v for k, v in table.get("devanagari", {}).items()})
        clusters.update({unicodedata.normalize("NFC", k): v for k, v in table.get("devanagari_clusters", {}).items()})
        latin.update({k.lower(): v for k, v in table.get("latin", {}).items()})
    # Decomposed nukta letters map like their precomposed forms.
    for letter, key in list(deva.items()):
        decomposed = unicodedata.normalize("NFD", letter)
        if decomposed != letter:
            deva.setdefault(decomposed, key)
    prefixes = longest_first(fold(e) for e in packs.lines("structure/byline-prefixes.txt"))
    return StructureData(
        debris=PhraseSet(packs.lines("structure/cms-debris.txt")),
        teaser_markers=PhraseSet(packs.lines("structure/teaser-markers.txt")),
        share_buttons=share,
        share_max_words=max((len(s.split()) for s in share), default=1),
        related_by_first_word=_by_first_word(related),
        related_line_re=_related_line_re(related),
        repeat_allowed=PhraseSet(packs.lines("structure/repeat-allowed.txt")),
        teaser_dates=PhraseSet(packs.lines("structure/teaser-dates.txt")),
        byline_prefixes=prefixes,
        byline_role_words={fold(e) for e in packs.lines("structure/byline-role-words.txt")},
        byline_places={fold(e) for e in packs.lines("structure/byline-places.txt")},
        translit_deva=deva,
        translit_deva_clusters=clusters,
        translit_latin=sorted(latin.items(), key=lambda kv: len(kv[0]), reverse=True),
    )


def structure_data(ctx: "Context") -> StructureData:
    return ctx.load("structure.data", _build)


# ---------------------------------------------------------------------------------------------
# Line classification: debris, related-story links, teaser headlines
# ---------------------------------------------------------------------------------------------


@record
class LineKind:
    kind: str  # DEBRIS, RELATED or TEASER
    detail: str = ""  # what matched, for the message
    marker: bool = False  # does it introduce a list of other stories?
    juxtaposed: bool = False  # a related-story marker followed by a headline without a separator


_SHARE_SPLIT_RE = compile_re(r"[\s|,•·/]+")
# Separators between a related-story marker and the linked headline.
_SEPARATOR_RE = compile_re(r"\s*(?::\s*[-–—]+|:{1,2}|[-–—]+|\||\.{2,}|…|»|>>|→|=>)\s*")


def is_share_bar(core: str, data: StructureData) -> bool:
    words = [w for w in _SHARE_SPLIT_RE.split(core) if w]
    if not words or (len(words) == 1 and len(words[0]) < 2):
        return False
    i = 0
    while i < len(words):
        for size in range(min(data.share_max_words, len(words) - i), 0, -1):
            if " ".join(words[i:i + size]) in data.share_buttons:
                i += size
                break
        else:
            return False
    return True


_TOKEN_EDGE = "*_>#-+•·▪►[]().:;|\"'“”‘’–—…»«"


def related_marker(prose_line: str, data: StructureData) -> tuple[str, bool | None] | None:
    """(marker, bare) when the line is a related-story link, else None. `bare` is None when the
    headline follows the marker without a separator (weaker evidence)."""
    # Cheap first: the line's first word (past any Markdown decoration) must be the first word
    # of some marker. Most paragraphs fail here after one split and one dict lookup.
    candidates = None
    for token in prose_line[:60].split(None, 3)[:3]:
        word = token.strip(_TOKEN_EDGE)
        if not word or word.isdigit():
            continue
        word = _FIRST_WORD_RE.match(word)
        if word is None:
            return None
        candidates = data.related_by_first_word.get(fold_word(word.group(1)))
        break
    if not candidates:
        return None
    text = lead_stripped(prose_line[:MAX_LABEL_CHARS * 3])
    for marker in candidates:
        if not text.startswith(marker):
            continue
        rest = text[len(marker):]
        if rest[:1] == "\u0903":
            rest = ":" + rest[1:]  # the visarga typed as a colon: "पढ़ेंः"
        if rest and (rest[0].isalnum() or unicodedata.category(rest[0]).startswith("M")):
            continue  # "पढ़ेंगे", "Reader": a longer word
        stripped = rest.strip().strip("*_")
        if not stripped or not _LETTER_RE.search(stripped):
            return marker, True
        sep = _SEPARATOR_RE.match(rest)
        if sep and sep.group().strip():
            headline = rest[sep.end():]
            return (marker, not _LETTER_RE.search(headline))
        if (
            " " in marker
            and rest[:1].isspace()
            and "।" not in stripped
            and "॥" not in stripped
            and len(stripped.split()) <= 30
        ):
            return marker, None  # "ये भी पढ़ें उत्तराखंड: …" — a multi-word marker and a headline
        return None
    return None


_HEADING_RE = compile_re(r"^\s{0,3}#{1,6}(?:\s|$)")
_LINK_ITEM_RE = compile_re(r"^\s*(?:(?:[-*+•]|\d{1,3}[.)])\s+)?(?:\*\*|__)?\[[^\]]+\]\ufffc")
_ELLIPSIS_RE = compile_re(r"(?:\.{2,}|…)[\"'’”)\]*_\s]*$")
_SENTENCE_BREAK_RE = compile_regex(r"[।॥]|(?<=[\p{L}\p{M}])\.(?=\s)")
_TERMINAL_RE = compile_re(r"(?:[।॥]|(?<!\.)\.)[\"'’”)\]*_\s]*$")


def teaser_shape(prose_line: str, is_markdown: bool, data: StructureData) -> str | None:
    """'link', 'date', 'blurb' or 'headline' when the line looks like another story's teaser."""
    if is_markdown and _HEADING_RE.match(prose_line):
        return None
    if _LINK_ITEM_RE.match(prose_line):
        return "link"
    if len(prose_line) > 400:
        return None
    core = label_core(prose_line)
    if not core:
        return None
    if data.teaser_dates.match(core):
        return "date"
    words = len(_WORD_RE.findall(core))
    if _ELLIPSIS_RE.search(prose_line):
        return "blurb" if words >= 3 and len(_SENTENCE_BREAK_RE.findall(prose_line)) <= 3 else None
    if words < 4 or words > 30:
        return None
    if _TERMINAL_RE.search(prose_line) or _SENTENCE_BREAK_RE.search(prose_line):
        return None  # a sentence: the article's own text
    return "headline"


def classify_line(prose: str, data: StructureData, may_link: bool = True) -> LineKind | None:
    """Is one line (its prose view) a CMS label, a widget marker or a related-story link?"""
    if len(prose) > MAX_LABEL_CHARS * 3:
        return None  # a paragraph: never a label, a marker or a related link
    # A label is short and never ends like a sentence; most short paragraphs do ("… किया।").
    if len(prose) <= MAX_LABEL_CHARS and prose.count(" ") <= MAX_LABEL_WORDS + 2 and not prose.rstrip().endswith(("।", "॥")):
        core = label_core(prose)
        if core and len(core.split()) <= MAX_LABEL_WORDS:
            if data.teaser_markers.match(core):
                return LineKind(DEBRIS, core, marker=True)
            if data.debris.match(core) or is_share_bar(core, data):
                return LineKind(DEBRIS, core)
    found = related_marker(prose, data) if may_link else None
    if found:
        marker, bare = found
        return LineKind(RELATED, marker, marker=bool(bare), juxtaposed=bare is None)
    return None


def line_kinds(doc: "Document", ctx: "Context") -> dict[int, LineKind]:
    """line number → LineKind for every body line that is debris, a related link or a teaser."""
    cached = doc.cache.get("structure.kinds")
    if cached is not None:
        return cached
    data = structure_data(ctx)
    kinds: dict[int, LineKind] = {}
    body = doc.body_lines
    markers: list[int] = []  # indexes into body
    # In Markdown a line in the middle of a wrapped paragraph is not a line of its own: it can
    # be a label ("Advertisement" pasted inside a paragraph) but not a related-story link.
    continuation: set[int] = set()
    wrapped_first: set[int] = set()  # first line of a paragraph that goes on
    if doc.is_markdown:
        for block in doc.blocks:
            continuation.update(line.number for line in block.lines[1:])
            if len(block.lines) > 1:
                wrapped_first.add(block.lines[0].number)
    text = doc.prose
    # One scan of the document finds the lines that may start with a related-story marker; the
    # others are looked at only if they are short enough to be a label.
    starts_like_link = data.related_line_re.match
    for index, line in enumerate(body):
        may_link = starts_like_link(text, line.start, line.end) is not None
        if not may_link and line.end - line.start > MAX_LABEL_CHARS:
            continue
        kind = classify_line(text[line.start:line.end], data, may_link)
        if kind is None:
            continue
        if kind.kind == RELATED and line.number in continuation and (line.number - 1) not in kinds:
            continue
        if kind.juxtaposed and line.number in wrapped_first:
            continue  # "संबंधित खबर में बताया गया कि" opening a wrapped paragraph: prose
        kinds[line.number] = kind
        if kind.marker:
            markers.append(index)
    for index in markers:
        _mark_teasers(doc, body, index, kinds, data)
    doc.cache["structure.kinds"] = kinds
    return kinds


def _mark_teasers(doc, body, marker_index: int, kinds: dict[int, LineKind], data: StructureData) -> None:
    """Teasers under a marker: every headline-shaped line to the end of the article when nothing
    but teasers follows; otherwise only those directly under it (no blank line between), or
    Markdown link items."""
    candidates: list[tuple["Line", str, bool]] = []
    previous = body[marker_index].number
    reached_end = True
    for line in body[marker_index + 1:]:
        gap = line.number != previous + 1
        previous = line.number
        known = kinds.get(line.number)
        if known is not None and known.kind != TEASER:
            continue  # more debris: part of the same page furniture
        shape = teaser_shape(doc.prose[line.start:line.end], doc.is_markdown, data)
        if shape is None:
            reached_end = False
            break
        candidates.append((line, shape, gap))
    if reached_end:
        chosen = [line for line, _, _ in candidates]
    else:
        chosen = []
        for line, shape, gap in candidates:
            if gap and shape != "link":
                break
            chosen.append(line)
    for line in chosen:
        kinds.setdefault(line.number, LineKind(TEASER, ""))


def debris_lines(doc: "Document", ctx: "Context") -> set[int]:
    """Numbers of the lines the structure rules delete as debris (typography skips them)."""
    return set(line_kinds(doc, ctx))


# ---------------------------------------------------------------------------------------------
# Deleting lines
# ---------------------------------------------------------------------------------------------


def deletion_span(doc: "Document", first: "Line", last: "Line") -> tuple[int, int]:
    """The span that removes lines first..last with their line break, and the blank line that
    separated them from what follows when they stood as a paragraph of their own. The span
    starts on `first`, so a finding with this span is reported on that line."""
    lines = doc.lines
    count = len(lines)
    prev_blank = first.number == 1 or lines[first.number - 2].is_blank
    after = last.number  # index of the line after `last`
    nxt = after
    while nxt < count and lines[nxt].is_blank:
        nxt += 1
    if nxt < count:
        end = lines[nxt].start if (prev_blank or nxt == after) else lines[after].start
        return first.start, end
    return first.start, len(doc.text)


# ---------------------------------------------------------------------------------------------
# Repeated lines and blocks
# ---------------------------------------------------------------------------------------------

_BLOCKQUOTE_RE = compile_re(r"^\s{0,3}>")
_LIST_ITEM_RE = compile_re(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
_CANDIDATES = 4  # earlier copies tried per line: the first few and the last few
# A repeated block is followed this far and no further (a longer one is reported in pieces of
# this size). Unbounded, a file of thousands of identical lines cost time in the square of their
# number (8,000 lines: 7 s; 50,000: minutes).
_MAX_BLOCK = 200


@record
class Repeat:
    kind: str  # "line" or "block"
    lines: list["Line"]  # the later copy (non-blank lines)
    first: list["Line"]  # the earlier copy


@record
class RepeatResult:
    repeats: list[Repeat] = factory(list)
    lines: set[int] = factory(set)  # numbers of lines inside a later copy


def _repeat_exempt(doc: "Document", line: "Line", prose: str, data: StructureData) -> bool:
    if not _LETTER_RE.search(prose):
        return True  # "***", "---", a row of numbers
    if _BLOCKQUOTE_RE.match(prose):
        return True  # a quoted stanza: its refrain repeats on purpose
    stripped = prose.strip()
    if stripped.startswith("|") or (stripped.endswith("|") and stripped.count("|") >= 2):
        return True  # a table row
    if _LIST_ITEM_RE.match(prose) and len(stripped.split()) < 8:
        return True  # a short list item
    if len(prose) <= MAX_LABEL_CHARS:
        core = label_core(prose)
        if len(core.split()) <= MAX_LABEL_WORDS and data.repeat_allowed.match(core):
            return True
    return False


def _line_key(text: str) -> str:
    return " ".join(text.split())


def repeats(doc: "Document", ctx: "Context") -> RepeatResult:
    cached = doc.cache.get("structure.repeats")
    if cached is not None:
        return cached
    data = structure_data(ctx)
    kinds = line_kinds(doc, ctx)
    prose = doc.prose
    units = [line for line in doc.body_lines if line.number not in kinds]  # debris is reported as debris
    keys: list[str | None] = [" ".join(line.text.split()) for line in units]
    counts = Counter(keys)
    # Only a line that occurs twice can repeat: the exemptions (verse, tables, list items,
    # photo credits) are looked at for those alone. An exempt line breaks a run, as does a
    # line that occurs once.
    candidates = []
    for index, key in enumerate(keys):
        if counts[key] > 1:
            line = units[index]
            if _repeat_exempt(doc, line, prose[line.start:line.end], data):
                keys[index] = None
            else:
                candidates.append(index)
    paragraph: dict[int, tuple[int, int]] | None = None  # line number → (block index, lines in block)
    verse = _Verse(doc, kinds)
    result = RepeatResult()
    seen: dict[str, list[int]] = {}
    n = len(units)
    resume = 0
    for j in candidates:
        if j < resume:
            continue  # inside a repeated block already reported
        key = keys[j]
        earlier = seen.get(key)  # type: ignore[arg-type]
        best_len, best_i = 0, -1
        if earlier:
            tried = earlier if len(earlier) <= 2 * _CANDIDATES else earlier[:_CANDIDATES] + earlier[-_CANDIDATES:]
            for i in tried:
                length = 0
                while length < _MAX_BLOCK and j + length < n and i + length < j and keys[i + length] is not None \
                        and keys[i + length] == keys[j + length]:
                    length += 1
                if length > best_len:
                    best_len, best_i = length, i
        if best_len >= 2 and verse.like(units[j:j + best_len], units[best_i:best_i + best_len]):
            # a chorus of a poem quoted twice: none of its lines is a repeat to report
            for t in range(best_len):
                seen.setdefault(keys[j + t], []).append(j + t)  # type: ignore[arg-type]
            resume = j + best_len
            continue
        if best_len >= 2:
            result.repeats.append(Repeat("block", units[j:j + best_len], units[best_i:best_i + best_len]))
            for t in range(best_len):
                seen.setdefault(keys[j + t], []).append(j + t)  # type: ignore[arg-type]
                result.lines.add(units[j + t].number)
            resume = j + best_len
            continue
        if best_len == 1:
            later, first = units[j], units[best_i]
            if doc.is_markdown:
                if paragraph is None:
                    paragraph = {}
                    for b, block in enumerate(doc.blocks):
                        for member in block.lines:
                            paragraph[member.number] = (b, len(block.lines))
                b_later, size_later = paragraph.get(later.number, (-1, 1))
                b_first, size_first = paragraph.get(first.number, (-2, 1))
                whole = size_later == 1 and size_first == 1
                adjacent = b_later == b_first and later.number == first.number + 1
            else:
                whole, adjacent = True, False  # in plain text every line is a paragraph
            if (whole or adjacent) and not verse.like([later], [first]):
                result.repeats.append(Repeat("line", [later], [first]))
                result.lines.add(later.number)
        seen.setdefault(key, []).append(j)  # type: ignore[arg-type]
    if doc.is_markdown:
        _rewrapped_paragraphs(doc, kinds, result)
    result.repeats.sort(key=lambda r: r.lines[0].number)
    doc.cache["structure.repeats"] = result
    return result


class _Verse:
    """Is a repeat the refrain or chorus of a poem or song quoted without a blockquote?

    Verse is a stanza: several short lines one under the other. A repeat counts as a refrain
    when both copies sit inside such a stanza (a short non-debris line directly above or below
    each), all their lines are short, the copies are not next to each other, and the later copy
    is below the byline zone (a byline block is short lines too, and is pasted twice for real)."""

    SHORT_WORDS = 10

    def __init__(self, doc: "Document", kinds: dict[int, LineKind]):
        self.doc = doc
        self.kinds = kinds
        self._zone_end: int | None = None

    def _short(self, line: "Line") -> bool:
        prose = self.doc.prose[line.start:line.end]
        return bool(prose.strip()) and len(prose.split()) <= self.SHORT_WORDS

    def _stanza_neighbour(self, number: int, exclude: set[int]) -> bool:
        if number < 1 or number > len(self.doc.lines) or number in exclude or number in self.kinds:
            return False
        return self._short(self.doc.lines[number - 1])

    def _embedded(self, lines: list["Line"]) -> bool:
        numbers = {line.number for line in lines}
        return self._stanza_neighbour(lines[0].number - 1, numbers) or self._stanza_neighbour(lines[-1].number + 1, numbers)

    def like(self, later: list["Line"], first: list["Line"]) -> bool:
        if later[0].number == first[-1].number + 1:
            return False  # pasted right after itself
        if not all(self._short(line) for line in later + first):
            return False
        if self._zone_end is None:
            zone = byline_zone(self.doc)
            self._zone_end = zone[-1].number if zone else 0
        if later[0].number <= self._zone_end:
            return False
        return self._embedded(later) and self._embedded(first)


def _rewrapped_paragraphs(doc: "Document", kinds: dict[int, LineKind], result: RepeatResult) -> None:
    """A Markdown paragraph pasted again with different line breaks."""
    seen: dict[str, list["Line"]] = {}
    for block in doc.blocks:
        if block.kind != "paragraph" or len(block.lines) < 2:
            continue
        if any(line.number in kinds for line in block.lines):
            continue
        if _BLOCKQUOTE_RE.match(doc.prose[block.start:block.lines[0].end]):
            continue
        key = _line_key(" ".join(line.text for line in block.lines))
        first = seen.get(key)
        if first is None:
            seen[key] = block.lines
            continue
        if any(line.number in result.lines for line in block.lines):
            continue
        result.repeats.append(Repeat("block", list(block.lines), list(first)))
        result.lines.update(line.number for line in block.lines)


def line_range(lines: list["Line"]) -> str:
    """"line 3", "lines 3–5" (consecutive) or "lines 5, 7" (paragraphs with blank lines between)."""
    numbers = [line.number for line in lines]
    if len(numbers) == 1:
        return f"line {numbers[0]}"
    if numbers[-1] - numbers[0] == len(numbers) - 1:
        return f"lines {numbers[0]}–{numbers[-1]}"
    if len(numbers) <= 4:
        return "lines " + ", ".join(map(str, numbers))
    return f"lines {numbers[0]}–{numbers[-1]}"


# ---------------------------------------------------------------------------------------------
# Bylines
# ---------------------------------------------------------------------------------------------

BYLINE_ZONE_LINES = 8
_DIGIT_RE = compile_regex(r"\p{N}")
_REPORT_OF_RE = compile_re(
    r"^(?:.+?\s+से\s+)?(.+?)\s+(?:की|का)\s+(?:खास\s+|विशेष\s+|ग्राउंड\s+|एक्सक्लूसिव\s+)?(?:रिपोर्ट|रिपोर्टिंग|कलम\s+से|प्रस्तुति)$"
)
_NAME_SEPARATOR_RE = compile_re(r"\s*(?:\||,|\s[-–—]\s|[-–—]{2}|/|\(|•|·|;|:)\s*")
_AUTHORS_SPLIT_RE = compile_re(r"\s+(?:और|and|&|एवं|व|तथा)\s+|\s*&\s*")
_NAME_WORD_RE = compile_regex(r"[\p{L}\p{M}]+")
_HONORIFICS = frozenset("dr dr. mr mr. mrs mrs. ms ms. prof prof. shri sri smt डॉ डॉ. डा डा. श्री श्रीमती सुश्री प्रो प्रो.".split())


@record
class BylineName:
    line: "Line"
    text: str  # as folded
    keys: tuple[str, ...]


def _strip_byline_prefix(text: str, prefixes: list[str]) -> str:
    for _ in range(2):
        for prefix in prefixes:
            if text.startswith(prefix):
                rest = text[len(prefix):]
                if not rest or rest[0] in " :-–—|":
                    text = rest.lstrip(" :-–—|")
                    break
        else:
            break
    return text


def byline_names(prose_line: str, data: StructureData) -> list[tuple[str, list[str]]]:
    """The person names a byline line gives: [(name, words)]."""
    text = fold(_EMPHASIS_RE.sub(" ", _LEAD_RE.sub("", prose_line, count=1))).strip(_EDGE)
    if not text or "।" in text:
        return []  # a dateline ("नई दिल्ली, 16 सितंबर।"), not a byline
    match = _REPORT_OF_RE.match(text)
    if match:
        text = match.group(1)
    if text.endswith(" द्वारा"):
        text = text[: -len(" द्वारा")]
    text = _strip_byline_prefix(text, data.byline_prefixes)
    text = _NAME_SEPARATOR_RE.split(text, maxsplit=1)[0].strip()
    if _DIGIT_RE.search(text):
        return []  # a date or a figure, not a name
    names = []
    for part in _AUTHORS_SPLIT_RE.split(text):
        words = [w for w in part.split() if w not in _HONORIFICS]
        if not 2 <= len(words) <= 4:
            continue
        if not all(_NAME_WORD_RE.fullmatch(w) for w in words):
            continue
        if any(w in data.byline_role_words for w in words):
            continue
        name = " ".join(words)
        if name in data.byline_places or any(w in data.byline_places for w in words):
            continue
        names.append((name, words))
    return names


def _is_devanagari(word: str) -> bool:
    return any("\u0900" <= ch <= "\u097f" for ch in word)


_VIRAMA = "\u094d"
_LATIN_VOWELS = frozenset("aeiou")


def phonetic_key(word: str, data: StructureData) -> str:
    """Consonant skeleton of a name word, the same for its Latin and Devanagari spellings."""
    out: list[str] = []
    if _is_devanagari(word):
        text = unicodedata.normalize("NFC", word)
        for cluster, key in data.translit_deva_clusters.items():
            text = text.replace(cluster, "\x00" + key + "\x00")
        i = 0
        n = len(text)
        while i < n:
            ch = text[i]
            if ch == "\x00":
                end = text.index("\x00", i + 1)
                out.append(text[i + 1:end])
                i = end + 1
                continue
            nxt = text[i + 1] if i + 1 < n else ""
            if ch in "नम" and nxt == _VIRAMA and i + 2 < n and text[i + 2] in data.translit_deva:
                out.append("N")  # a half nasal before a consonant sounds as the anusvara
                i += 2
                continue
            if nxt == "\u093c":  # decomposed nukta
                out.append(data.translit_deva.get(ch + nxt, data.translit_deva.get(ch, "")))
                i += 2
                continue
            out.append(data.translit_deva.get(ch, ""))
            i += 1
    else:
        text = word.lower()
        if text.endswith("ao"):
            text += "v"  # Rao / राव
        i = 0
        n = len(text)
        while i < n:
            for latin, key in data.translit_latin:
                if text.startswith(latin, i):
                    out.append(key)
                    i += len(latin)
                    break
            else:
                ch = text[i]
                nxt = text[i + 1] if i + 1 < n else ""
                if ch in _LATIN_VOWELS or ch == "h":
                    pass
                elif ch == "y":
                    if nxt in _LATIN_VOWELS or (i > 0 and text[i - 1] == "a"):
                        out.append("y")
                elif ch in "nm" and nxt and nxt.isalpha() and nxt not in _LATIN_VOWELS and nxt not in "yh":
                    out.append("N")
                elif ch.isalpha():
                    out.append(ch)
                i += 1
    key = "".join(out)
    collapsed = []
    for ch in key:
        if not collapsed or collapsed[-1] != ch:
            collapsed.append(ch)
    return "".join(collapsed)


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]


def same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if len(a) != len(b) or sum(len(k) for k in a) < 3:
        return False
    for x, y in zip(a, b):
        if x == y:
            continue
        if len(x) >= 2 and len(y) >= 2 and x[0] == y[0] and _edit_distance_at_most_one(x, y):
            continue
        return False
    return True


@record
class BylineDuplicate:
    line: "Line"
    name: str
    first_line: "Line"
    first_name: str


def byline_zone(doc: "Document") -> list["Line"]:
    body = doc.body_lines
    title = doc.metadata.get("title")
    start = 0 if isinstance(title, str) and title.strip() else 1
    zone = []
    for line in body[start:start + BYLINE_ZONE_LINES]:
        prose = doc.prose[line.start:line.end]
        if doc.is_markdown and _HEADING_RE.match(prose):
            continue
        if len(prose) > MAX_LABEL_CHARS or len(prose.split()) > MAX_LABEL_WORDS:
            break  # the article text has begun
        zone.append(line)
    return zone


def _masked_apart(doc: "Document", a: "Line", b: "Line") -> bool:
    """Both lines hold a link, an address or code (masked in the prose), and not the same one:
    "आवेदन का पता: https://…/form-a" and "…/form-b" read alike in the prose, and are two lines."""
    prose, text = doc.prose, doc.text
    hidden = []
    for line in (a, b):
        segment = prose[line.start:line.end]
        if MASK not in segment:
            return False
        hidden.append("".join(ch for ch, shown in zip(text[line.start:line.end], segment) if shown == MASK))
    return hidden[0] != hidden[1]


def byline_duplicates(doc: "Document", ctx: "Context") -> list[BylineDuplicate]:
    cached = doc.cache.get("structure.bylines")
    if cached is not None:
        return cached
    data = structure_data(ctx)
    # Only the first lines matter: classify them here unless the whole document already is.
    kinds = doc.cache.get("structure.kinds")
    earlier: list[BylineName] = []
    found: list[BylineDuplicate] = []
    body = doc.body_lines
    title = doc.metadata.get("title")
    headline = [] if isinstance(title, str) and title.strip() else body[:1]
    seen_keys = {" ".join(line.text.split()) for line in headline}
    for line in byline_zone(doc):
        prose = doc.prose[line.start:line.end]
        if (kinds.get(line.number) if kinds is not None else classify_line(prose, data)) is not None:
            continue
        key = " ".join(line.text.split())
        if key in seen_keys:
            continue  # an exact repeat: repeated-line / repeated-block reports it
        seen_keys.add(key)
        names = byline_names(prose, data)
        current = [BylineName(line, name, tuple(phonetic_key(w, data) for w in words)) for name, words in names]
        for name in current:
            match = next((e for e in earlier if same_person(e.keys, name.keys) and not _masked_apart(doc, e.line, line)), None)
            if match is not None:
                found.append(BylineDuplicate(line, name.text, match.line, match.text))
                break
        earlier.extend(current)
    doc.cache["structure.bylines"] = found
    return found
