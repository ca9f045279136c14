"""TY108 doubled-word: a function word typed twice ("के के", "है है", "the the")."""

from __future__ import annotations

import unicodedata

import regex

from newslint.checks.structure_analysis import fold
from newslint.checks.typography_sentence_end import INITIALS
from newslint.checks.typography_shared import LineFilter, folded_set, nfc
from newslint.rule import Rule, Suggestion

# Any word repeated after spaces (filtered against the list afterwards: one cheap pass).
DOUBLED_RE = regex.compile(r"[ \t\u00a0]([\p{L}\p{M}]+)([ \t\u00a0]+)(\1)(?![\p{L}\p{M}\p{N}'’-])")
# "The the": a capitalised word followed by its lower-case copy.
CAPITALISED_RE = regex.compile(r"(?<![\p{L}\p{M}])([A-Z][a-z]{0,7})([ \t\u00a0]+)([a-z]{1,8})(?![\p{L}\p{M}\p{N}'’-])")
LAST_WORD_RE = regex.compile(r"(?<![\p{L}\p{M}\p{N}'’])([\p{L}\p{M}]+)[ \t]*$")
FIRST_WORD_RE = regex.compile(r"[ \t]*([\p{L}\p{M}]+)(?![\p{L}\p{M}\p{N}'’-])")
PREVIOUS_WORD_RE = regex.compile(r"([\p{L}\p{M}]+)[\s.]*$")


def _data(packs):
    words = frozenset(unicodedata.normalize("NFC", e).casefold() for e in packs.lines("typography/never-doubled.txt"))
    contexts = folded_set(packs.lines("typography/initials-contexts.txt"))
    return words, contexts


def _initials(prose: str, start: int, contexts: frozenset[str]) -> bool:
    """Is the pair at `start` a name's initials (के के शर्मा)? Yes after a title, a designation or
    a conjunction, and at the start of a sentence or after punctuation."""
    before = prose[max(0, start - 40):start]
    match = PREVIOUS_WORD_RE.search(before)
    if match is None:
        return True  # start of the line, or after punctuation / a quote
    between = before[match.end(1):]
    if any(ch not in " \t\u00a0" for ch in between):
        return True  # "शर्मा. के के" — a full stop or another mark before the pair
    return fold(match.group(1)) in contexts


class DoubledWord(Rule):
    """A function word typed twice in a row: "के के", "है है", "the the".

    Hindi doubles many words on purpose (धीरे धीरे, कभी कभी, साथ साथ, अलग अलग, बार बार, जगह जगह,
    एक एक, घर घर, बड़े बड़े), so only postpositions, auxiliaries, conjunctions and particles that
    never reduplicate are reported — the list is `typography/never-doubled.txt`. "के के" that
    starts a sentence or follows a title or designation ("मंत्री के के शर्मा") is a name's
    initials and is left alone. The fix (drop the second copy) is safe.

    PASS::

        बच्चे धीरे धीरे घर घर जाकर एक एक पर्चा बांट रहे थे।

    FAIL::

        राज्य के के सभी जिलों में अलर्ट है है।

    FIX::

        राज्य के सभी जिलों में अलर्ट है।
    """

    code = "TY108"
    name = "doubled-word"
    category = "typography"
    severity = "warning"
    fixable = "safe"

    def check(self, doc, ctx):
        words, contexts = ctx.load("typography.doubled-word", _data)
        prose = doc.prose
        skip = LineFilter(doc, ctx)
        pairs = [(m.start(1), m.group(1), m.end(3), m.group(3)) for m in DOUBLED_RE.finditer(prose, doc.front_matter_end)]
        for m in CAPITALISED_RE.finditer(prose, doc.front_matter_end):
            if m.group(1).lower() == m.group(3):
                pairs.append((m.start(1), m.group(1), m.end(3), m.group(3)))
        if doc.is_markdown:
            pairs.extend(self._across_wrapped_lines(doc))
        for start, word, end, second in sorted(pairs):
            if nfc(word).casefold() not in words:
                continue
            if nfc(word) in INITIALS and _initials(prose, start, contexts):
                continue  # के के शर्मा: initials
            if skip.skips(start):
                continue
            yield self.finding(
                start, end,
                f"“{word}” is typed twice; “{word} {second}” never doubles on purpose",
                [Suggestion(word, safe=True)],
            )

    @staticmethod
    def _across_wrapped_lines(doc):
        """A word at the end of a line repeated at the start of the next line of the paragraph."""
        prose = doc.prose
        for block in doc.blocks:
            for first, second in zip(block.lines, block.lines[1:]):
                last = LAST_WORD_RE.search(prose, first.start, first.end)
                if last is None:
                    continue
                nxt = FIRST_WORD_RE.match(prose, second.start, second.end)
                if nxt is not None and nxt.group(1) == last.group(1):
                    yield last.start(1), last.group(1), nxt.end(1), nxt.group(1)
