"""What the Hindi spelling rules (SP101–SP105) share: the engine, and one analysis per document.

The engine (`newslint.hindi`) is loaded lazily, once per process and pack set, through
`ctx.load` — importing this module loads nothing. The analysis of a document runs once
(`doc.cache`) and decides which rule reports which word, so a word is reported by one rule
only, in this order of precedence: never-valid form (SP101), misspelling (SP102), context slip
(SP104), inconsistent spelling (SP103), house-style mix (SP105).

Only Devanagari words of the prose are checked (`doc.tokens`): Latin words, words glued to a
digit (5वीं, 18वें) and masked non-prose (code, URLs) are skipped.
"""

from __future__ import annotations

from functools import cached_property
from itertools import compress, filterfalse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslint.packs import building
from newslint.compiled import compile_re

if TYPE_CHECKING:
    from newslint.context import Context
    from newslint.document import Document
    from newslint.hindi.consistency import Consistency
    from newslint.hindi.context import ContextRules
    from newslint.hindi.speller import Speller, Verdict
    from newslint.hindi.style import HouseStyle

MODEL_KEY = "hindi-spelling-model"
ANALYSIS_KEY = "hindi-spelling-analysis"

# Characters that make a neighbouring word a unit with it (5वीं, 18वें, TTPको).
_GLUE = set("0123456789०१२३४५६७८९")
# What may separate two words of a phrase (SP104): spaces only.
_SPACES = set(" \t\u00a0")

try:  # the C helper behind Counter(), without Counter's per-call overhead
    from _collections import _count_elements as count_elements
except ImportError:  # pragma: no cover - other Pythons

    def count_elements(mapping: dict, iterable) -> None:
        for item in iterable:
            mapping[item] = mapping.get(item, 0) + 1


_PRECOMPOSED_RE = compile_re("[\u0958-\u095f]")
PRECOMPOSED_NUKTA = dict(
    zip(
        ["\u0915\u093c", "\u0916\u093c", "\u0917\u093c", "\u091c\u093c", "\u0921\u093c", "\u0922\u093c", "\u092b\u093c", "\u092f\u093c"],
        "\u0958\u0959\u095a\u095b\u095c\u095d\u095e\u095f",
    )
)


def as_written(replacement: str, written: str, precomposed: bool = False) -> str:
    """Write ``replacement`` in the nukta encoding of ``written`` — or of the article, when
    ``precomposed`` says it writes ड़ as one character (U+095C) — so a fix never mixes the two
    encodings (SP201)."""
    if precomposed or _PRECOMPOSED_RE.search(written):
        for pair, single in PRECOMPOSED_NUKTA.items():
            replacement = replacement.replace(pair, single)
    return replacement


def writes_precomposed(text: str) -> bool:
    """True if the article writes nukta letters precomposed and never with the nukta sign."""
    return "\u093c" not in text and _PRECOMPOSED_RE.search(text) is not None


class SpellingModel:
    """The Hindi engine and its phrase rules and style data, built once per pack set.

    What the rules need to know about each distinct word is worked out once (`learn`) and
    kept — in memory for the process, and in the user's cache folder for the next run
    (`newslint.cache`). The engine itself (lexicon, confusion classes, phrase rules) is loaded
    only when a word is not in the cache, or a document needs a second look (SP103, SP104).
    """

    def __init__(self, packs: Any):
        from newslint.cache import Store

        self.roots = [root for root in packs.roots if (root / "hi").is_dir()]
        self.store = Store("spelling", _fingerprint_files(self.roots))
        # Per distinct word, computed once: its consistency skeleton (None: not a Devanagari
        # word), and — only for the few words some rule may report — a WordInfo.
        self.shape_of: dict[str, str | None] = {}
        self.special: dict[str, WordInfo] = {}
        self.by_shape: dict[str, set[str]] = {}  # skeleton → every word seen with it (SP103)
        self.minor: set[str] = set()  # words that may be a minority spelling (SP103)
        # word → SPECIAL | MINOR bits; the many words no rule needs to look at again are
        # also kept in ``boring`` (a set: the fastest test per word and document)
        self.flags: dict[str, int] = {}
        self.boring: set[str] = set()

    # The engine, loaded on first use.
    @cached_property
    def speller(self) -> "Speller":
        from newslint.hindi import Speller

        return building(tuple(self.roots), Speller.load, self.roots)

    @cached_property
    def context(self) -> "ContextRules":
        from newslint.hindi.context import ContextRules

        phrase_files = [r / "hi" / "phrases.txt" for r in self.roots if (r / "hi" / "phrases.txt").is_file()]
        return building(tuple(self.roots), ContextRules.load, self.speller, phrase_files)

    @cached_property
    def consistency(self) -> "Consistency":
        from newslint.hindi.consistency import Consistency

        return Consistency(self.speller)

    @cached_property
    def style(self) -> "HouseStyle":
        from newslint.hindi.style import HouseStyle

        return building(tuple(self.roots), HouseStyle.load, self.roots)

    def learn(self, words) -> None:
        """Describe the words not seen before: from the cache file, else by judging them."""
        if len(self.shape_of) >= _INFO_CACHE_SIZE:  # a long-running process: start afresh
            self.shape_of.clear()
            self.special.clear()
            self.by_shape.clear()
            self.minor.clear()
            self.flags.clear()
            self.boring.clear()
        store = self.store
        for word in words:
            entry = store.get(word)
            if entry is not None:
                try:
                    self._adopt(word, entry)
                    continue
                except (TypeError, ValueError, KeyError, IndexError, AttributeError):
                    self._forget(word)  # a damaged cache entry (the file is plain data anyone can edit): judged afresh
            entry = self._judge(word)
            store.add(word, entry)
            self._adopt(word, entry)

    def _judge(self, word: str) -> tuple:
        """``(flags, skeleton, info)`` of a word: what `_adopt` needs, as plain data."""
        verdict = self.speller.verdict(word)
        context = verdict is None and bool(self.context.candidate_patterns(word))
        styles = self.style.classify_all(word)
        flags = 0
        shape = self.consistency.shape(word)
        if shape is not None and self.consistency.may_be_minority(word):
            flags |= MINOR
        info = None
        if verdict is not None or context or styles:
            flags |= SPECIAL
            info = (_verdict_as_data(verdict), context, styles or None)
        return flags, shape, info

    def _forget(self, word: str) -> None:
        """Undo what a failed `_adopt` of `word` left behind."""
        shape = self.shape_of.pop(word, None)
        if isinstance(shape, str) and shape in self.by_shape:
            self.by_shape[shape].discard(word)
        self.minor.discard(word)
        self.special.pop(word, None)
        self.flags.pop(word, None)
        self.boring.discard(word)

    def _adopt(self, word: str, entry: tuple) -> None:
        flags, shape, info = entry
        self.shape_of[word] = shape
        if shape is not None:
            self.by_shape.setdefault(shape, set()).add(word)
        if flags & MINOR:
            self.minor.add(word)
        if flags & SPECIAL:
            verdict, context, styles = info
            self.special[word] = WordInfo(_verdict_from_data(verdict), context, styles)
        self.flags[word] = flags
        if not flags:
            self.boring.add(word)


def _fingerprint_files(roots: list[Path]) -> list[Path]:
    """What a word's verdict depends on: the packs' Hindi files and the engine's code."""
    import newslint.hindi

    files = [path for root in roots for path in (root / "hi").iterdir() if path.is_file()]
    files.extend(Path(newslint.hindi.__file__).parent.glob("*.py"))
    files.append(Path(__file__))
    return files


def _verdict_as_data(verdict: "Verdict | None") -> tuple | None:
    if verdict is None:
        return None
    suggestions = tuple((c.word, c.score, c.kind, c.edits) for c in verdict.suggestions)
    return (verdict.wrong, suggestions, verdict.kind, verdict.confidence, verdict.explanation, verdict.source)


def _verdict_from_data(data: tuple | None) -> "Verdict | None":
    if data is None:
        return None
    from newslint.hindi.speller import Candidate, Verdict

    wrong, suggestions, kind, confidence, explanation, source = data
    return Verdict(wrong, tuple(Candidate(*c) for c in suggestions), kind, confidence, explanation, source)


_INFO_CACHE_SIZE = 200_000
SPECIAL, MINOR = 1, 2


class WordInfo:
    """What the rules need to know about a word some rule may report."""

    __slots__ = ("verdict", "context", "styles")

    def __init__(self, verdict: "Verdict | None", context: bool, styles: dict[str, tuple[bool, str | None]] | None):
        self.verdict = verdict  # SP101/SP102
        self.context = context  # the target of some phrase rule (SP104)
        self.styles = styles  # house-style dimensions (SP105)


def model(ctx: "Context") -> SpellingModel:
    return ctx.load(MODEL_KEY, SpellingModel)


class WordFinding:
    """A word one of the rules reports (before it becomes a Finding)."""

    __slots__ = ("code", "start", "end", "written", "message", "suggestions", "confidence", "extra")

    def __init__(self, code, start, end, written, message, suggestions, confidence=1.0, extra=None):
        self.code: str = code  # SP101 …
        self.start: int = start
        self.end: int = end
        self.written: str = written
        self.message: str = message
        self.suggestions: list[str] = suggestions
        self.confidence: float = confidence
        self.extra: dict[str, Any] = extra or {}


class Analysis:
    """The spelling analysis of one document: findings per rule, and what the rules share."""

    __slots__ = ("findings", "counts", "claimed", "precomposed", "styled")

    def __init__(self, findings, counts, claimed, precomposed=False, styled=None):
        self.findings: dict[str, list[WordFinding]] = findings
        self.counts: dict[str, int] = counts  # distinct written word → occurrences
        self.claimed: set[int] = claimed  # start offsets of words some rule reports
        self.precomposed: bool = precomposed  # the article writes ड़ as one character (see as_written)
        self.styled: dict[str, dict[str, tuple[bool, str | None]]] = styled or {}


def analysis(doc: "Document", ctx: "Context") -> Analysis:
    cached = doc.cache.get(ANALYSIS_KEY)
    if cached is None:
        cached = doc.cache[ANALYSIS_KEY] = _analyse(doc, model(ctx))
    return cached


def _glued(prose: str, start: int, end: int) -> bool:
    """A word glued to a digit (5वीं) or part of an abbreviation (हि.स., ई.पू., सं.)."""
    before = prose[start - 1] if start > 0 else ""
    after = prose[end] if end < len(prose) else ""
    if before in _GLUE or after in _GLUE:
        return True
    if after == "." and (end - start <= 2 or prose[end + 1:end + 2].isalpha()):
        return True
    return before == "." and prose[start - 2:start - 1].isalpha()


def _analyse(doc: "Document", m: SpellingModel) -> Analysis:
    prose = doc.prose
    tokens = doc.tokens
    texts = doc.token_texts
    counts: dict[str, int] = {}
    count_elements(counts, texts)
    findings: dict[str, list[WordFinding]] = {}
    claimed: set[int] = set()
    flags, boring = m.flags, m.boring
    # C-level filters: most of an article's words are known and boring
    hits = list(filterfalse(boring.__contains__, counts))
    new = list(filterfalse(flags.__contains__, hits))
    if new:
        m.learn(new)
        hits = [word for word in hits if flags[word]]
    flagged: dict[str, "Verdict"] = {}
    targets: set[str] = set()
    styled: dict[str, dict[str, tuple[bool, str | None]]] = {}
    rare: list[str] = []
    special = m.special
    for word in hits:
        if flags[word] & MINOR:
            rare.append(word)
        if flags[word] & SPECIAL:
            i = special[word]
            if i.verdict is not None:
                flagged[word] = i.verdict
            elif i.context:
                targets.add(word)
            if i.styles:
                styled[word] = i.styles
    precomposed = bool(flagged or targets or rare or styled) and writes_precomposed(doc.text)

    # ── words on their own (SP101, SP102) ──────────────────────────────────
    if flagged:
        from newslint.hindi.slips import describe_slip
        from newslint.hindi.speller import NEVER_VALID

        for token in list(compress(tokens, map(flagged.__contains__, texts))):
            verdict = flagged[token.text]
            if _glued(prose, token.start, token.end):
                continue
            code = "SP101" if verdict.kind == NEVER_VALID else "SP102"
            words = [as_written(c.word, token.text, precomposed) for c in verdict.suggestions]
            first = verdict.suggestions[0].word
            findings.setdefault(code, []).append(
                WordFinding(
                    code,
                    token.start,
                    token.end,
                    token.text,
                    describe_slip(token.text, first),
                    words,
                    verdict.confidence,
                    {"verdict": verdict},
                )
            )
            claimed.add(token.start)

    # ── context slips (SP104) ──────────────────────────────────────────────
    if targets:
        indices = list(compress(range(len(texts)), map(targets.__contains__, texts)))

        def adjacent(j: int) -> bool:
            gap = prose[tokens[j].end:tokens[j + 1].start]
            return bool(gap) and all(ch in _SPACES for ch in gap)

        for slip in m.context.find(texts, adjacent, indices, counts):
            token = tokens[slip.index]
            if token.start in claimed or _glued(prose, token.start, token.end):
                continue
            findings.setdefault("SP104", []).append(
                WordFinding(
                    "SP104",
                    token.start,
                    token.end,
                    token.text,
                    slip.description,
                    [as_written(slip.fix, token.text, precomposed)],
                    extra={"group": slip.group, "index": slip.index},
                )
            )
            claimed.add(token.start)

    # ── the same word spelled two ways (SP103) ─────────────────────────────
    pairs = m.consistency.pairs(counts, m.shape_of, m.by_shape, rare) if rare else []
    if pairs:
        from newslint.hindi.slips import describe_slip

        minorities = {minority: (majority, n_major, n_minor) for minority, majority, n_major, n_minor in pairs}
        for token in compress(tokens, map(minorities.__contains__, texts)):
            found = minorities.get(token.text)
            if found is None or token.start in claimed or _glued(prose, token.start, token.end):
                continue
            majority, n_major, n_minor = found
            findings.setdefault("SP103", []).append(
                WordFinding(
                    "SP103",
                    token.start,
                    token.end,
                    token.text,
                    describe_slip(token.text, majority),
                    [as_written(majority, token.text, precomposed)],
                    extra={"majority": majority, "n_major": n_major, "n_minor": n_minor},
                )
            )
            claimed.add(token.start)
    return Analysis(findings, counts, claimed, precomposed, styled)


def positions(doc: "Document", words: set[str] | dict[str, object], skip: set[int]) -> list[tuple[int, int, str]]:
    """(start, end, text) of the checkable occurrences of ``words``, in order."""
    prose = doc.prose
    candidates = compress(doc.tokens, map(words.__contains__, doc.token_texts))
    return [(t.start, t.end, t.text) for t in candidates if t.start not in skip and not _glued(prose, t.start, t.end)]
