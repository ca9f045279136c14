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

import bisect
from dataclasses import dataclass, field, replace

import regex

from newslint.factcheck.figures import RANGE_RE, Figure, build_figure_data, classify
from newslint.factcheck.phrases import bounded, phrase_pattern
from newslint.factcheck.sources import Source, build_source_data, find_sources
from newslint.factcheck.text import candidate_offsets, paragraphs

CACHE_KEY = "factcheck.attribution"


@dataclass
class Verdict:
    figure: Figure
    status: str  # "named", "vague", "none"
    source: Source | None = None


@dataclass
class Analysis:
    verdicts: list[Verdict] = field(default_factory=list)
    idle_vague: list[Source] = field(default_factory=list)


def _decide(own: list[Source], previous: list[Source]) -> tuple[str, Source | None]:
    if any(s.kind == "named" for s in own):
        return "named", None
    strong = [s for s in own if s.kind == "vague"]
    if strong:
        return "vague", strong[0]
    weak = [s for s in own if s.kind == "weak"]
    if any(s.kind == "named" for s in previous):
        return "named", None
    if weak:
        return "vague", weak[0]
    vague_prev = [s for s in previous if s.kind in ("vague", "weak")]
    if vague_prev:
        return "vague", vague_prev[0]
    return "none", None


def _settle(source: Source, prose: str, begin: int, before: int) -> Source:
    """A bare "रिपोर्ट के मुताबिक" is named when the article mentioned such a report earlier."""
    if source.kind != "anaphoric":
        return source
    pattern = regex.compile(bounded(phrase_pattern(source.head)), regex.IGNORECASE)
    kind = "named" if pattern.search(prose, begin, before) else "vague"
    return replace(source, kind=kind)


def analyse(doc, ctx) -> Analysis:
    if CACHE_KEY in doc.cache:
        return doc.cache[CACHE_KEY]
    fdata = ctx.load("factcheck.figures", build_figure_data)
    sdata = ctx.load("factcheck.sources", build_source_data)
    prose = doc.prose
    begin = doc.front_matter_end
    result = Analysis()
    # One scan of the document per pattern; sentences with neither a number nor a marker are skipped.
    figure_starts = candidate_offsets(prose, begin, fdata.first_words, digits=True)
    marker_starts = candidate_offsets(prose, begin, sdata.first_words)

    def has(starts: list[int], s) -> bool:
        # a candidate word inside the sentence (or a marker starting just before a currency sign)
        i = bisect.bisect_left(starts, s.start)
        return i < len(starts) and starts[i] < s.end

    for _block, sentences in paragraphs(doc):
        source_cache: dict[int, list[Source]] = {}

        def sources_of(i: int) -> list[Source]:
            if i not in source_cache:
                s = sentences[i]
                found = find_sources(sdata, prose, s.start, s.end) if has(marker_starts, s) else []
                source_cache[i] = [_settle(source, prose, begin, s.start) for source in found]
            return source_cache[i]

        used: set[int] = set()  # ids of vague sources that a figure relies on
        for i, sentence in enumerate(sentences):
            if not has(figure_starts, sentence):
                continue
            matches = list(fdata.figure_re.finditer(prose, sentence.start, sentence.end))
            covered_to = -1
            for n, match in enumerate(matches):
                if match.start() < covered_to:
                    continue  # the second number of a range already reported
                next_start = matches[n + 1].start() if n + 1 < len(matches) else sentence.end
                figure = classify(fdata, prose, match, sentence.start, sentence.end, next_start)
                if figure is None:
                    if n + 1 < len(matches) and RANGE_RE.match(prose[match.end():next_start]):
                        covered_to = matches[n + 1].end()  # an exempt range: "20 से 25 वर्ष"
                    continue
                if n + 1 < len(matches) and RANGE_RE.match(prose[match.end():next_start]):
                    covered_to = matches[n + 1].end()
                    figure = Figure(figure.start, max(figure.end, covered_to), figure.number_end, figure.kind, prose[figure.start:max(figure.end, covered_to)])
                status, source = _decide(sources_of(i), sources_of(i - 1) if i > 0 else [])
                if source is not None:
                    used.add(id(source))
                result.verdicts.append(Verdict(figure, status, source))
        for i, sentence in enumerate(sentences):
            if not has(marker_starts, sentence):
                continue
            for source in sources_of(i):
                if source.kind == "vague" and source.alone and id(source) not in used:
                    result.idle_vague.append(source)
    doc.cache[CACHE_KEY] = result
    return result
