"""Figures × sources, per paragraph: the analysis behind AT101 and AT102.

The window of a figure is its own sentence, then the sentence before it in the same paragraph:
- a named source in the figure's sentence covers it;
- otherwise hearsay or an unnamed source in its sentence makes it vague (AT102) — except a bare
  agentless passive ("बताया गया कि"), which defers to a named source in the sentence before;
- with no source in its sentence, the sentence before decides the same way;
- with none there either, the figure is unattributed (AT101).
A source two sentences back, or only in the sentence after ("…मौत हो गई। यह जानकारी अग्निशमन
विभाग ने दी।"), does not count: the reader meets the number before its source, and the desk
should move the attribution into the figure's sentence.

A hearsay or unnamed-source marker that covers no figure is still reported by AT102 on the
marker itself ("मीडिया रिपोर्टर्स के मुताबिक, …"): the claim it introduces has no named source.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import partial
from itertools import compress, islice
from operator import itemgetter
from typing import Callable, NamedTuple

import regex

from newslint.factcheck.figures import Figure, build_figure_data, classify, is_range
from newslint.factcheck.phrases import bounded, phrase_pattern
from newslint.factcheck.sources import Source, SourceData, build_source_data, find_sources
from newslint.factcheck.text import _WORD_CHAR, _word_char, anchored_matches, digit_starts, has_joiners, paragraph_sentences, paragraph_spans, sentence_starts
from newslint.hindi.records import record
from newslint.compiled import compile_regex

NEXT_WORD_RE = compile_regex(r"[\p{L}\p{M}]+\s+([\p{L}\p{M}]+)")

CACHE_KEY = "factcheck.attribution"
WORDS_KEY = "factcheck.attribution.words"


@record
class Verdict:
    figure: Figure
    status: str  # "named", "vague", "none"
    source: Source | None = None


class Analysis:
    """The verdicts of a document's figures (and, through `idle_vague_sources`, its vague
    sources that cover no figure).

    `reported` holds the figures AT101 and AT102 report on (no source, or only a vague one).
    A figure whose source is named is reported by no rule, so the numbers of a sentence with a
    named source are classified only when `verdicts` (every figure, in text order) is read."""

    def __init__(self):
        self.reported: list[Verdict] = []  # status "none" or "vague", in text order
        # AT102's vague sources that cover no figure (`idle_vague_sources`): looked for only when
        # that rule asks, with what the figures' pass leaves for it (`_IdleSearch`)
        self._idle_vague: list[Source] | None = None
        self._idle_search: _IdleSearch | None = None
        # per sentence with a number, in text order: its verdicts, or (for a sentence with a named
        # source) a function that returns its figures
        self._sentences: list[list[Verdict] | Callable[[], list[Figure]]] = []
        self._verdicts: list[Verdict] | None = None

    @property
    def verdicts(self) -> list[Verdict]:
        if self._verdicts is None:
            verdicts = []
            for part in self._sentences:
                verdicts += part if isinstance(part, list) else [Verdict(figure, "named") for figure in part()]
            self._verdicts = verdicts
        return self._verdicts


def _decide(own: list[Source], previous: list[Source]) -> tuple[str, Source | None]:
    # one pass over the sentence's own sources (asked of every sentence with a figure): a named
    # one anywhere decides, else its first vague one, else the sentence before, else its first weak one
    strong = weak = None
    for s in own:
        kind = s.kind
        if kind == "named":
            return "named", None
        if kind == "vague":
            if strong is None:
                strong = s
        elif kind == "weak" and weak is None:
            weak = s
    if strong is not None:
        return "vague", strong
    if not previous:
        return ("vague", weak) if weak is not None else ("none", None)
    if any(s.kind == "named" for s in previous):
        return "named", None
    if weak is not None:
        return "vague", weak
    for s in previous:
        if s.kind in ("vague", "weak"):
            return "vague", s
    return "none", None


_KIND = itemgetter(0)  # Source.kind
# the kinds of a sentence's own source that decide `_decide` whatever the sentence before holds
_DECIDING = frozenset(("named", "vague"))


_ANAPHORIC_RE: dict[str, regex.Pattern[str]] = {}


def _settle(source: Source, prose: str, begin: int, before: int) -> Source:
    """A bare "रिपोर्ट के मुताबिक" is named when the article mentioned such a report earlier."""
    if source.kind != "anaphoric":
        return source
    pattern = _ANAPHORIC_RE.get(source.head)
    if pattern is None:
        pattern = _ANAPHORIC_RE[source.head] = regex.compile(bounded(phrase_pattern(source.head)), regex.IGNORECASE)
    kind = "named" if pattern.search(prose, begin, before) else "vague"
    return source._replace(kind=kind)


class ListWords:
    """The words of the attribution lists that a document's positions are looked up for, as one
    set (see `_list_word_starts`)."""

    def __init__(self, fdata, sdata):
        self.finders = (fdata.finder, fdata.kind_finder, sdata.finder, sdata.vague_finder)
        self.numbers = fdata.finder.forms - fdata.lone_forms
        self.lone = fdata.finder.forms & fdata.lone_forms
        self.kinds = fdata.kind_finder.forms
        self.markers = sdata.finder.forms
        self.vague = sdata.vague_finder.forms
        self.every = self.numbers | self.lone | self.kinds | self.markers | self.vague
        # spelling → the indices (in WordStarts) of the lists it belongs to
        lists = (self.numbers, self.lone, self.kinds, self.markers, self.vague)
        self.lists_of = {form: tuple(n for n, forms in enumerate(lists) if form in forms) for form in self.every}
        # spellings that are not one run of letters and marks are not tokens (see WordFinder)
        self.runs_only = not any(finder._other_forms for finder in self.finders)


class WordStarts(NamedTuple):
    """Where the words of each list stand as whole words, in text order."""

    numbers: list[int]  # number words ("दो", "हजारों", "साढ़े"), but for a lone "एक"
    lone: list[int]  # "एक", "one", "a"
    kinds: list[int]  # words that make a number a figure (FigureData.kind_finder)
    markers: list[int]  # first words of a source marker (SourceData.finder)
    vague: list[int]  # words a vague source cannot do without (SourceData.vague_finder)


def _list_word_starts(fdata, sdata, words: ListWords, doc) -> WordStarts:
    """The WordFinder positions of the five lists, from one pass over the document's tokens.

    `WordFinder.doc_positions` picks the tokens that are words of its list and stand as whole
    words; doing that once for the union of the lists and sharing the few tokens out costs one
    pass rather than five, and no `present` sets. (Which spellings are `present` decides nothing
    here but where they stand.) With joiners in the prose or a spelling that is no run of letters,
    each finder answers for itself."""
    if not words.runs_only or has_joiners(doc):
        fig = fdata.finder
        present = fig.present(doc)
        lone = present & fdata.lone_forms
        return WordStarts(
            fig.doc_positions(doc, present - lone),
            fig.doc_positions(doc, lone),
            *(finder.doc_positions(doc, finder.present(doc)) for finder in words.finders[1:]),
        )
    prose = doc.prose
    size = len(prose)
    inner = _WORD_CHAR.get
    found = WordStarts([], [], [], [], [])
    lists_of = words.lists_of
    for text, i, j in compress(doc.tokens, map(words.every.__contains__, doc.token_texts)):
        # a whole word: no digit or other letter-like sign touches the token (memoised per
        # character in _WORD_CHAR, looked up inline: this runs for every list word of the text).
        # Mostly white space or punctuation already met stands on both sides: one test for both.
        if (i == 0 or inner(prose[i - 1]) is False) and (j == size or inner(prose[j]) is False):
            pass
        elif (i > 0 and _word_char(prose[i - 1], inner)) or (j < size and _word_char(prose[j], inner)):
            continue
        for n in lists_of[text]:
            found[n].append(i)
    return found


def _figure_positions(fdata, prose: str, digits: list[int], numbers: list[int], lone: list[int]) -> tuple[list[int], list[int]]:
    """Where a figure may start: digit runs and number words ("दो", "हजारों", "साढ़े"), and where
    a lone "एक" stands. Alone "एक" is not a figure, but it bounds the figure before it, so its
    positions are tried in sentences that have another candidate — or where it is followed by a
    number word or multiplier ("एक करोड़")."""
    strong = sorted(digits + numbers) if numbers else digits
    if not lone:
        return strong, strong
    follow = fdata.follow_forms
    counted = [p for p in lone if (m := NEXT_WORD_RE.match(prose, p)) is not None and m.group(1) in follow]
    if counted:
        strong = sorted(strong + counted)
    return strong, sorted(strong + lone) if len(counted) < len(lone) else strong


def _kind_positions(fdata, prose: str, begin: int, kinds: list[int]) -> list[int]:
    """Where a word stands that can make a number a figure (a counted noun, a claim, a money
    word: figures.FigureData.kind_finder), or a sign ("%", "₹", "$")."""
    found = list(kinds)
    for sign in fdata.kind_signs:
        i = prose.find(sign, begin)
        while i >= 0:
            found.append(i)
            i = prose.find(sign, i + 1)
    found.sort()
    return found


def _figures(fdata, prose: str, matches: list, sent_start: int, sent_end: int) -> list[Figure]:
    """The figures among a sentence's number matches; a range ("20 से 25 लोग") is one figure."""
    figures = []
    covered_to = -1
    last = len(matches) - 1
    for n, match in enumerate(matches):
        if match.start() < covered_to:
            continue  # the second number of a range already reported
        if n < last:
            next_start = matches[n + 1].start()
            ranged = next_start < sent_end and is_range(prose[match.end():next_start])
        else:
            next_start, ranged = sent_end, False
        figure = classify(fdata, prose, match, sent_start, sent_end, next_start, ranged)
        if ranged:
            covered_to = matches[n + 1].end()  # an exempt range too: "20 से 25 वर्ष"
        if figure is None:
            continue
        if ranged:
            figure = Figure(figure.start, max(figure.end, covered_to), figure.number_end, figure.kind, prose[figure.start:max(figure.end, covered_to)])
        figures.append(figure)
    return figures


_TOKEN_START = itemgetter(1)


def may_stand_vague(sdata, doc, start: int, end: int, markers: list[int]) -> bool:
    """Can `find_sources` find a vague source standing alone (`Source.alone`) in the sentence
    prose[start:end], `markers` being the document's marker positions? True when in doubt. For a
    document without joiners (`has_joiners`), with `SourceData.stand_vague_test` on.

    Such a source is a hearsay phrase (the markers' "vague" group, which matches only where the
    phrase alone does), or a source judged "vague": `judge` says so only of a head (in English
    order also one of the first three words; or an owner's head) that is a vague source, a
    report-like word or an anaphoric head, and `_speech` of a document noun that is no source —
    the keys of `SourceData.vague_heads` (a report-like word also with "'s" stripped). Those keys
    are runs of letters, and the token windows `judge` reads lie inside the sentence and end at
    word boundaries or joiners, so a token with such a key is a word of `doc.tokens` in the
    sentence (or, as "report's", begins with one) — unless the sentence's start or end cuts a
    word. With none of these, no source of the sentence is vague and alone."""
    tokens = doc.tokens
    lo = bisect_left(tokens, start, key=_TOKEN_START)
    hi = bisect_left(tokens, end, lo, key=_TOKEN_START)
    if (lo and tokens[lo - 1][2] > start) or (hi and tokens[hi - 1][2] > end):
        return True  # a word the sentence's start or end cuts
    texts = doc.token_texts[lo:hi]
    if not sdata.head_texts.isdisjoint(texts):
        return True
    if not sdata.known_texts.issuperset(texts):
        sdata.learn_texts(texts)
        if not sdata.head_texts.isdisjoint(texts):
            return True
    match = sdata.vague_phrase_re.match
    prose = doc.prose
    k = bisect_left(markers, start)
    for p in islice(markers, k, None):
        if p >= end:
            break
        if match(prose, p, end) is not None:
            return True
    return False


def analyse(doc, ctx) -> Analysis:
    if CACHE_KEY in doc.cache:
        return doc.cache[CACHE_KEY]
    fdata = ctx.load("factcheck.figures", build_figure_data)
    sdata = ctx.load("factcheck.sources", build_source_data)
    prose = doc.prose
    begin = doc.front_matter_end
    result = Analysis()
    doc.cache[CACHE_KEY] = result
    # Candidates without a regex pass over the text: digit runs, and the words that can start a
    # figure or a source marker (text.WordFinder). Only paragraphs and sentences that have one are
    # analysed, and the full patterns run only at those positions.
    words = _list_word_starts(fdata, sdata, ctx.load(WORDS_KEY, lambda _packs: ListWords(fdata, sdata)), doc)
    figure_triggers, figure_starts = _figure_positions(fdata, prose, digit_starts(prose, begin), words.numbers, words.lone)
    kinds = _kind_positions(fdata, prose, begin, words.kinds) if figure_triggers else []
    if not kinds:
        figure_triggers = figure_starts = []  # nothing counted, no money, no claim: no figure
    marker_starts = words.markers
    if not figure_triggers and not marker_starts:
        return result

    markers = sdata.markers.for_doc(doc) if marker_starts else None
    figure_re = fdata.figures.for_doc(doc) if figure_triggers else None

    n_markers = len(marker_starts)
    # the sources of a sentence, by its start (a sentence is in one paragraph, and its sources are
    # found once); made once per document rather than per paragraph
    source_cache: dict[int, list[Source]] = {}

    def sources_of(s) -> list[Source]:
        start = s.start
        found = source_cache.get(start)
        if found is None:
            end = s.end
            k = bisect_left(marker_starts, start)
            if k < n_markers and marker_starts[k] < end:
                at = marker_starts[k:bisect_left(marker_starts, end, k)]
                found = find_sources(sdata, prose, start, end, at, markers)
                # "anaphoric" among the kinds: a C-level test (most sentences have none)
                if found and "anaphoric" in map(_KIND, found):
                    found = [_settle(source, prose, begin, start) for source in found]
            else:
                found = []
            source_cache[start] = found
        return found

    # ids of vague sources that a figure relies on (every source is held in source_cache for as
    # long as `used` is read, up to `idle_vague_sources`: no id in it is another source's)
    used: set[int] = set()
    if marker_starts and words.vague:
        result._idle_search = _IdleSearch(sdata, words.vague, marker_starts, sources_of, source_cache, used)
    if not figure_triggers:
        return result
    # a figure needs a trigger and a kind word in its sentence
    for i, sentence, sentences in _sentences_holding(doc, figure_triggers, kinds):
        start, end = sentence.start, sentence.end
        at = figure_starts[bisect_left(figure_starts, start):bisect_left(figure_starts, end)]
        matches = anchored_matches(figure_re.match, prose, at, end)
        if not matches:
            continue
        # The verdict is the sentence's, the same for each of its figures: decided first, so
        # that the numbers of a sentence with a named source need not be classified now.
        own = sources_of(sentence)
        status, source = _decide(own, sources_of(sentences[i - 1]) if i > 0 and _DECIDING.isdisjoint(map(_KIND, own)) else [])
        if status == "named":
            result._sentences.append(partial(_figures, fdata, prose, matches, start, end))
            continue
        verdicts = [Verdict(figure, status, source) for figure in _figures(fdata, prose, matches, start, end)]
        if verdicts and source is not None:
            used.add(id(source))
        result._sentences.append(verdicts)
        result.reported += verdicts
    return result


def _sentences_holding(doc, firsts: list[int], seconds: list[int]):
    """The checked sentences that hold a position of `firsts` and one of `seconds` (both sorted),
    in text order: ``(i, sentence, sentences)``, the sentence being ``sentences[i]`` of its
    paragraph's checked sentences. A paragraph without both is passed over whole.

    "Does prose[a:b] hold one of these positions?" is asked of every paragraph and sentence, and
    answered inline: the first position at or after the last start asked about is kept per list
    (`far` past the last one). Paragraphs and sentences come in text order, so while the kept
    one is at or after the start asked about now it is also the first one there, and most
    paragraphs and sentences, with neither word, are passed over with a comparison: no bisect,
    no call."""
    far = len(doc.prose) + 1
    every_sentence, sentence_start, markdown = doc.sentences, sentence_starts(doc), doc.is_markdown
    next_first = next_second = -1
    for _block, a, b in paragraph_spans(doc):
        if next_first < a:
            next_first = _first_at(firsts, a, far)
        if next_first >= b:
            continue
        if next_second < a:
            next_second = _first_at(seconds, a, far)
        if next_second >= b:
            continue
        sentences = _checked_sentences(doc, a, b, every_sentence, sentence_start, markdown)
        for i, sentence in enumerate(sentences):
            start, end = sentence.start, sentence.end
            if next_first < start:
                next_first = _first_at(firsts, start, far)
            if next_first >= end:
                continue
            if next_second < start:
                next_second = _first_at(seconds, start, far)
            if next_second >= end:
                continue
            yield i, sentence, sentences


def _first_at(positions: list[int], start: int, far: int) -> int:
    """The first of the sorted positions at or after start, else far. Asked only when the one
    kept for the last start is behind this one: most paragraphs and sentences are passed over
    with a comparison and no call."""
    k = bisect_left(positions, start)
    return positions[k] if k < len(positions) else far


def _checked_sentences(doc, a: int, b: int, every_sentence, sentence_start, markdown: bool):
    """The checked sentences of the paragraph prose[a:b]: `paragraph_sentences`, without its
    calls for a paragraph with no table row (most)."""
    if markdown and doc.prose.find("|", a, b) >= 0:
        return paragraph_sentences(doc, a, b)  # a table's rows left out
    return every_sentence[bisect_left(sentence_start, a):bisect_left(sentence_start, b)]


class _IdleSearch(NamedTuple):
    """What the figures' pass of `analyse` leaves for `idle_vague_sources`."""

    sdata: SourceData
    vague_words: list[int]  # WordStarts.vague
    marker_starts: list[int]  # WordStarts.markers
    sources_of: Callable  # a sentence's sources, found once (shared with the figures' pass)
    source_cache: dict[int, list[Source]]  # what sources_of has found, by sentence start
    used: set[int]  # ids of the vague sources a figure relies on


def idle_vague_sources(doc, ctx) -> list[Source]:
    """The idle vague sources: those standing alone that cover no figure, in text order (AT102
    reports them on the marker itself). Looked for when AT102 asks, after the figures' pass of `analyse`: a
    source covers figures of its own paragraph only, so every figure's source is known then."""
    analysis = analyse(doc, ctx)
    if analysis._idle_vague is None:
        search = analysis._idle_search
        analysis._idle_vague = _find_idle_vague(doc, *search) if search is not None else []
        analysis._idle_search = None
    return analysis._idle_vague


def _find_idle_vague(doc, sdata, vague_words, marker_starts, sources_of, source_cache, used) -> list[Source]:
    # whether the loop may pass over sentences where no vague source can stand alone
    # (`may_stand_vague`) without finding their sources: most of the sentences it visits
    vague_test = sdata.stand_vague_test and not has_joiners(doc)
    found: list[Source] = []
    # a vague source needs a vague word ("सूत्रों", "रिपोर्ट", "बताया जा रहा") and a marker in its sentence
    for _i, sentence, _sentences in _sentences_holding(doc, vague_words, marker_starts):
        start, end = sentence.start, sentence.end
        if vague_test and start not in source_cache and not may_stand_vague(sdata, doc, start, end, marker_starts):
            continue
        for source in sources_of(sentence):
            if source.kind == "vague" and source.alone and id(source) not in used:
                found.append(source)
    return found
