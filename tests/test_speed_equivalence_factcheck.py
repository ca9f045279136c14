"""The fast paths of the fact-check and lookalike rules give what the plain definitions give.

- `WordFinder.present` (the document's words read from its tokens, `prose_runs`) = the list's
  spellings among all the chunks and pieces of the text (`doc_words`);
- `WordFinder.doc_positions` (read from the document's tokens) = `WordFinder.positions` (a
  `str.find` search of the text for each spelling);
- the five attribution lists' positions found in one pass over the tokens = each finder's;
- `Analysis.reported` (the figures AT101/AT102 report) = the verdicts that are not "named", and
  the verdicts of a sentence with a named source are the same when classified late;
- SP205's single-range scans find the runs a character-by-character definition finds.
"""

from __future__ import annotations

import random

import pytest

from newslint.checks import unicode_lookalike as lookalike
from newslint.config import Config
from newslint.context import Context
from newslint.document import parse_document
from newslint.factcheck.attribution import analyse, idle_vague_sources
from newslint.factcheck.dates import build_date_data
from newslint.factcheck.figures import build_figure_data
from newslint.factcheck.sources import build_source_data
from newslint.factcheck.text import doc_words
from newslint.packs import packs_for
from newslint.source import source_from_bytes

TEXTS = [
    "जिलाधिकारी के मुताबिक, बाढ़ में अब तक 12 लोगों की मौत हुई है। दोनों गांवों में दो दर्जन घर बह गए।",
    "पुलिस ने बताया कि 14जुलाई को 5 लोग घायल हुए। इस हफ्ते दोपहर में कल-कारखाने बंद रहे।",
    "सूत्रों के अनुसार क्\u200dष और दो\u200cतीन लोग लापता हैं; मौत\u200c\u200dहुई। 12\u200dलोग, दो², ½दो।",
    "Congress said on Monday that 40 people were killed, according to officials. It is on.",
    "---\ntitle: x\ndate: 2025-07-14\n---\nबताया जा रहा है कि हजारों लोग प्रभावित हुए। एक करोड़ रुपये का नुकसान हुआ।\n",
    "# शीर्षक 12 लोग\n\nमंगलवार, 14 जुलाई 2025 को पिछले हफ्ते की रिपोर्ट आई। | 40 | लोग |\n| मौत | 12 |\n",
    "ज़रूर जरूर ज\u093cरूर पाँच पांच सैकड़ों सैकडों ११ लोगों की मौत। आज भी हर सोमवार बैठक होती है।",
]


@pytest.fixture(scope="module")
def ctx():
    return Context(config=Config(), packs=packs_for([]))


def _doc(text: str, name: str = "a.md"):
    return parse_document(source_from_bytes(text.encode("utf-8"), name, max_bytes=0))


def _finders(ctx):
    figures = ctx.load("factcheck.figures", build_figure_data)
    sources = ctx.load("factcheck.sources", build_source_data)
    dates = ctx.load("factcheck.dates", build_date_data)
    return [figures.finder, figures.kind_finder, sources.finder, sources.vague_finder,
            dates.month_finder, dates.relative_finder, dates.exclusion_finder]


def _shuffled_texts(count: int) -> list[str]:
    rng = random.Random(5)
    words = [w for w in " ".join(TEXTS).split(" ") if "---" not in w]  # no front matter
    glue = ["", "\u200d", "\u200c", "1", "२", "-", "’", "²", ",", "।"]
    out = []
    for _ in range(count):
        picked = [rng.choice(words) + rng.choice(glue) if rng.random() < 0.2 else rng.choice(words) for _ in range(rng.randint(5, 60))]
        out.append(" ".join(picked))
    return out


@pytest.mark.parametrize("name", ["a.md", "a.txt"])
def test_word_finder_present_equals_text_words(ctx, name):
    for text in TEXTS + _shuffled_texts(150):
        doc = _doc(text, name)
        for finder in _finders(ctx):
            assert finder.present(doc) == finder.forms.intersection(doc_words(doc)), text


@pytest.mark.parametrize("name", ["a.md", "a.txt"])
def test_word_finder_positions_from_tokens_equal_text_search(ctx, name):
    rng = random.Random(11)
    texts = TEXTS + _shuffled_texts(150)
    texts += [t.replace("\u200c", "").replace("\u200d", "") for t in texts]  # the token path proper
    for text in texts:
        doc = _doc(text, name)
        for finder in _finders(ctx):
            present = finder.present(doc)
            some = {form for form in present if rng.random() < 0.5}
            for forms in (present, some, set()):
                assert finder.doc_positions(doc, forms) == finder.positions(doc.prose, doc.front_matter_end, forms), (text, forms)


def test_list_word_starts_in_one_pass_equal_each_finders_positions(ctx):
    from newslint.factcheck.attribution import ListWords, _list_word_starts

    figures = ctx.load("factcheck.figures", build_figure_data)
    sources = ctx.load("factcheck.sources", build_source_data)
    one_pass = ListWords(figures, sources)
    each = ListWords(figures, sources)
    each.runs_only = False  # the per-finder path
    assert one_pass.runs_only
    texts = TEXTS + _shuffled_texts(200)
    texts += [t.replace("\u200c", "").replace("\u200d", "") for t in texts]
    for text in texts:
        for name in ("a.md", "a.txt"):
            doc = _doc(text, name)
            assert _list_word_starts(figures, sources, one_pass, doc) == _list_word_starts(figures, sources, each, _doc(text, name)), text


def test_reported_verdicts_are_the_unnamed_verdicts(ctx):
    for text in TEXTS + _shuffled_texts(150):
        doc = _doc(text)
        analysis = analyse(doc, ctx)
        assert analysis.reported == [v for v in analysis.verdicts if v.status != "named"], text
        assert all(v.source is None for v in analysis.verdicts if v.status == "named")


def test_analysis_asks_about_positions_in_text_order(ctx):
    """`analyse` keeps, per position list, the first position at or after the last start it asked
    about, and trusts it while the start asked about now is not before it: that holds when the
    paragraphs (`paragraph_spans`) and the sentences of each (in either sentence loop) start in
    text order, each paragraph at or after the sentences of the one before."""
    from newslint.factcheck.text import paragraph_sentences, paragraph_spans

    rng = random.Random(17)
    shuffled = _shuffled_texts(120)
    for n in range(150):
        parts = [rng.choice(TEXTS[:4] + TEXTS[5:] + shuffled) for _ in range(rng.randint(1, 6))]
        joiner = rng.choice(["\n\n", "\n", "\n\n| 1 | 2 |\n\n", "\n\n## 12 लोग\n\n"])
        for name in ("a.md", "a.txt"):
            doc = _doc(joiner.join(parts), name)
            asked = []
            for _block, a, b in paragraph_spans(doc):
                asked.append(a)
                asked += [s.start for s in paragraph_sentences(doc, a, b)]
            assert asked == sorted(asked), (name, parts)
            analyse(doc, ctx)


FOREIGN = "aZxlIOo[_`ÀéßÆ×÷ĀǅΑωЖяḀỹ"
DEVANAGARI = "कखगमाीेंँ़्।०१२३ऀॲ"
OTHER = " .,-#@_1234\n\u0307\u0323\u0310"


def _foreign(ch: str) -> bool:
    return lookalike.FOREIGN_CHAR_RE.fullmatch(ch) is not None


def _touching_runs(prose: str, floor: int) -> list[tuple[int, int]]:
    """The definition of `_foreign_runs_next_to_devanagari`, character by character."""
    scanned = ("A" <= c <= "z" or "\u00c0" <= c <= "\u04ff" or "\u1e00" <= c <= "\u1eff" for c in prose)
    boundaries = set()
    for i, is_scanned in enumerate(scanned):
        if i < floor or not is_scanned:
            continue
        after = prose[i + 1] if i + 1 < len(prose) else ""
        if lookalike._is_deva_letter_or_sign(after) or (i > floor and lookalike._is_deva_letter_or_sign(prose[i - 1])):
            boundaries.add(i)
    runs = []
    for offset in sorted(boundaries):
        if not _foreign(prose[offset]):
            continue
        start, stop = offset, offset + 1
        while start > floor and _foreign(prose[start - 1]):
            start -= 1
        while stop < len(prose) and _foreign(prose[stop]):
            stop += 1
        if (start, stop) not in runs:
            runs.append((start, stop))
    return runs


def test_lookalike_scans_find_every_touching_run():
    rng = random.Random(11)
    alphabet = FOREIGN + DEVANAGARI + OTHER
    for _ in range(3000):
        prose = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
        floor = rng.choice([0, 0, min(3, len(prose))])
        assert list(lookalike._foreign_runs_next_to_devanagari(prose, floor)) == _touching_runs(prose, floor), (prose, floor)


def test_token_windows_read_from_one_pattern_per_direction():
    import regex

    from newslint.factcheck import text

    rng = random.Random(3)
    pieces = ["दो", "लोगों", "की", "मौत", "₹500", "10:30", "(भाषा)", "—", " - ", ",", "।", "Rs", "8.7%", "कल-कारखाने", "today's"]
    for _ in range(400):
        prose = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        for limit in (1, 3, 5, 8, 12, 14):
            after = regex.compile(rf"(?:{text._GAP}*+({text.TOKEN})){{0,{limit}}}").match(prose, 0, len(prose))
            before = regex.compile(rf"(?r)(?:({text.TOKEN}){text._GAP}*+){{0,{limit}}}").match(prose, 0, len(prose))
            assert [t.text for t in text._regex_after(prose, 0, len(prose), limit)] == after.captures(1)
            assert [t.start for t in text._regex_before(prose, 0, len(prose), limit)] == before.starts(1)


def _gap_texts(count: int, pieces: list[str], seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))) for _ in range(count)]


def test_range_prefilter_equals_range_regex():
    """`figures.is_range` (the regex run only on texts that strip to one of its words) answers
    what RANGE_RE.match answers."""
    from newslint.factcheck.figures import RANGE_RE, is_range

    pieces = ["से", "से लेकर", "लेकर", "to", "or", "या", "-", "–", "To", " ", "  ", "\n", "\t", "\u00a0", "\u2009", "\x1c", "\u200b", ",", "सेना", "x"]
    for gap in _gap_texts(3000, pieces, 7):
        assert is_range(gap) == (RANGE_RE.match(gap) is not None), repr(gap)


def test_coordinated_prefilter_keeps_every_coordinated_gap():
    """`classify` runs COORDINATED_RE only on a gap that strips to one of COORDINATED_WORDS: every
    gap the regex matches does."""
    from newslint.factcheck.figures import COORDINATED_RE, COORDINATED_WORDS

    pieces = [",", "और", "व", "तथा", "एवं", "and", "And", "वर्ष", " ", "  ", "\n", "\t", "\u00a0", "\u2009", "\u3000", "\x1c", "\u200b", "।", "x"]
    matched = 0
    for gap in _gap_texts(3000, pieces, 11):
        if COORDINATED_RE.match(gap) is not None:
            matched += 1
            assert gap.strip() in COORDINATED_WORDS, repr(gap)
    assert matched > 50


def test_currency_prefilter_equals_currency_search(ctx):
    """`classify` runs currency_re only on a window holding the last character of a currency sign;
    a window without one has no match."""
    fdata = ctx.load("factcheck.figures", build_figure_data)
    assert fdata.currency_ends
    signs = [c for c in ["₹", "Rs", "Rs.", "INR", "$", "US$", "€", "£", "रु."]]
    pieces = signs + ["R", "s", ".", " ", "\u00a0", "रु", "U", "5", "x", "S"]
    for window in _gap_texts(3000, pieces, 9):
        if fdata.currency_ends.isdisjoint(window):
            assert fdata.currency_re.search(window) is None, repr(window)


# pieces for the word windows around a figure: words, punctuation alone or around a word, chunks
# `text._chunk` cannot read, line breaks and runs of white space
WINDOW_PIECES = ["दो", "लोगों", "की", "मौत", "धारा", "सेक्टर", "₹500", "10:30", "(भाषा)", "“उन्होंने", "मौत,", "—", "-", ",", "।",
                 "(", "Rs", "8.7%", "12", "कल-कारखाने", "today's", "Section", "\n", " ", "  ", "\u00a0", "क्\u200dष", "x"]


def _window_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(WINDOW_PIECES) for _ in range(rng.randint(0, 14))) for _ in range(count)]


def _spans(rng, prose: str):
    """(start, end) pairs over prose: the whole, and random ones (mid-word ends included)."""
    yield 0, len(prose)
    for _ in range(6):
        a, b = sorted(rng.randint(0, len(prose)) for _ in range(2))
        yield a, b


def test_token_before_equals_one_token_window():
    from newslint.factcheck.text import token_before, tokens_before

    rng = random.Random(21)
    for prose in _window_texts(800, 13):
        for start, end in _spans(rng, prose):
            plain = tokens_before(prose, start, end, 1)
            assert token_before(prose, start, end) == (plain[0] if plain else None), (prose, start, end)
            # `classify` takes the word before a number from its five-word window
            five = tokens_before(prose, start, end, 5)
            assert (five[-1] if five else None) == (plain[0] if plain else None), (prose, start, end)


def test_token_windows_equal_their_regex_definition():
    """`tokens_before`/`tokens_after` (white-space chunks read directly, the regex only where they
    cannot be read) give the tokens of the window regex, whatever the window and its ends."""
    from newslint.factcheck.text import _regex_after, _regex_before, tokens_after, tokens_before

    rng = random.Random(17)
    for prose in _window_texts(1500, 19):
        for start, end in _spans(rng, prose):
            for limit in (1, 2, 5, 8, 12):
                assert tokens_before(prose, start, end, limit) == _regex_before(prose, start, end, limit)[::-1], (prose, start, end, limit)
                assert tokens_after(prose, start, end, limit) == _regex_after(prose, start, end, limit), (prose, start, end, limit)


def test_digit_starts_equal_the_digit_runs_regex():
    """`text.digit_starts` (each script's digit range scanned alone) gives the starts of the
    matches of DIGITS_RE (both ranges in one set), mixed runs ("1२3") and a begin inside a run
    included."""
    from newslint.factcheck.text import DIGITS_RE, digit_starts

    rng = random.Random(23)
    alphabet = "0129०१९ a.,-क्ष\n²"
    for _ in range(3000):
        prose = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        begin = rng.randint(0, len(prose))
        assert digit_starts(prose, begin) == [m.start() for m in DIGITS_RE.finditer(prose, begin)], (prose, begin)


def _plain_decide(own, previous):
    """`attribution._decide` as first written: the lists of each kind, then the order of the rules."""
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


def test_decide_in_one_pass_equals_its_rules():
    from newslint.factcheck.attribution import _decide
    from newslint.factcheck.sources import Source

    rng = random.Random(29)
    kinds = ["named", "vague", "weak", "anaphoric"]
    for _ in range(3000):
        own = [Source(rng.choice(kinds), n, n + 1, "x") for n in range(rng.randint(0, 4))]
        previous = [Source(rng.choice(kinds), n, n + 1, "y") for n in range(rng.randint(0, 4))]
        got, want = _decide(own, previous), _plain_decide(own, previous)
        assert got[0] == want[0] and got[1] is want[1], (own, previous)


# words around sources: vague sources and report-like words in several spellings and cases,
# speech verbs, markers, hearsay phrases, and glue that joins or cuts words
SOURCE_PIECES = [
    "सूत्रों", "सूत्रों ने", "लोगों का कहना है", "मीडिया रिपोर्ट्स के मुताबिक", "रिपोर्ट के अनुसार", "इस रिपोर्ट में",
    "ख़बर", "खबर", "खबरों के मुताबिक", "जानकारी", "मिली जानकारी के अनुसार", "अध्ययन में पाया गया", "आंकड़े बताते हैं",
    "पुलिस ने बताया", "उन्होंने कहा", "जिलाधिकारी के मुताबिक", "बकौल", "बताया जा रहा है", "कहा जा रहा है",
    "बताया गया कि", "कथित तौर पर", "की पुष्टि", "ने की", "द्वारा", "की ओर से", "में",
    "reports", "Reports", "rEports", "report's", "reports's", "sources said", "Sources", "SOURCES", "according to",
    "officials said", "reportedly", "The report said", "a study", "data", "the ministry's data shows",
    "-", "’", "'", "5", "²", ",", "।", ".", "(", ")", "ऱ", "रिपोऱ्ट", "12 लोग", "मौत",
]


def _source_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    glue = [" ", " ", " ", "", "-", "’", "'", "।", ". ", "\n"]
    return ["".join(rng.choice(SOURCE_PIECES) + rng.choice(glue) for _ in range(rng.randint(2, 16))) for _ in range(count)]


def test_sentences_passed_over_hold_no_vague_source_standing_alone(ctx):
    """`may_stand_vague` says no only of sentences where `find_sources` finds no source that is
    vague (or anaphoric, which may become vague) and stands alone; and the unused vague sources of
    an analysis are the same with the test as without it."""
    from newslint.factcheck.attribution import WORDS_KEY, ListWords, _list_word_starts, may_stand_vague
    from newslint.factcheck.sources import find_sources
    from newslint.factcheck.text import has_joiners, in_range, paragraph_sentences, paragraph_spans

    figures = ctx.load("factcheck.figures", build_figure_data)
    sources = ctx.load("factcheck.sources", build_source_data)
    words = ctx.load(WORDS_KEY, lambda _packs: ListWords(figures, sources))
    assert sources.stand_vague_test
    passed_over = 0
    for text in _source_texts(600, 31) + TEXTS:
        doc = _doc(text)
        if has_joiners(doc):
            continue
        markers = _list_word_starts(figures, sources, words, doc).markers
        for _block, a, b in paragraph_spans(doc):
            for s in paragraph_sentences(doc, a, b):
                at = in_range(markers, s.start, s.end)
                if not at or may_stand_vague(sources, doc, s.start, s.end, markers):
                    continue
                passed_over += 1
                found = find_sources(sources, doc.prose, s.start, s.end, at, sources.markers.for_doc(doc))
                assert not [f for f in found if f.alone and f.kind in ("vague", "anaphoric")], (text, s.start, found)
        tested = idle_vague_sources(doc, ctx)
        sources.stand_vague_test = False
        try:
            plain = idle_vague_sources(_doc(text), ctx)
        finally:
            sources.stand_vague_test = True
        assert tested == plain, text
    assert passed_over > 100


def test_at102_alone_finds_what_it_finds_after_at101(ctx):
    """AT102's idle vague sources are looked for when AT102 asks, after the figures' pass
    (`idle_vague_sources`). The guard that the search comes after that pass is that no idle
    source is one a figure's verdict rests on (it fails when the search ignores them); that AT102
    selected alone reports what it reports beside AT101 guards against AT101 leaving shared
    state behind."""
    from pathlib import Path

    from newslint.api import lint_text

    seed = (Path(__file__).resolve().parents[1] / "examples" / "seed-article.txt").read_text(encoding="utf-8")
    rng = random.Random(11)
    sources = ["सूत्रों के मुताबिक,", "मीडिया रिपोर्ट्स के मुताबिक", "बताया जा रहा है कि", "पुलिस ने बताया कि", "reports say", ""]
    claims = ["हादसे में 12 लोगों की मौत हो गई", "500 करोड़ रुपये का घोटाला हुआ", "36 प्रतिशत मतदान हुआ", "शहर में बारिश हुई",
              "40 लोग घायल हुए", "अगले हफ्ते बैठक होगी"]
    stories = ["\n\n".join("। ".join(f"{rng.choice(sources)} {rng.choice(claims)}".strip() for _ in range(rng.randint(1, 4))) + "।"
                             for _ in range(rng.randint(1, 3))) for _ in range(200)]
    texts = _source_texts(300, 7) + stories + TEXTS + [seed]
    unused = relied_on = 0
    for text in texts:
        both = lint_text(text, select=["AT101", "AT102"])
        alone = lint_text(text, select=["AT102"])
        key = lambda f: (f.start, f.end, f.message)  # noqa: E731
        assert [key(f) for f in alone] == [key(f) for f in both if f.code == "AT102"], text
        doc = _doc(text, "a.txt")
        idle = idle_vague_sources(doc, ctx)
        relied = {id(v.source) for v in analyse(doc, ctx).reported if v.source is not None}
        assert not relied & {id(s) for s in idle}, text
        unused += len(idle)
        relied_on += len(relied)
    assert unused > 20 and relied_on > 20
