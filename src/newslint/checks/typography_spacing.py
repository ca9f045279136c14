"""TY105 space-before-punctuation and TY106 missing-space-after-punctuation."""

from __future__ import annotations

from newslint.checks.typography_shared import LineFilter
from newslint.compiled import compile_re, compile_regex
from newslint.rule import Rule, Suggestion

SPACE_BEFORE_RE = compile_re(r"([ \t\u00a0]+)([।॥,?!:])")
WORD_END_RE = compile_regex(r"[\p{L}\p{M}\p{N}\"'’”)\]]")
# A punctuation mark directly followed by a Devanagari letter; not inside a number (1,68,000).
MISSING_AFTER_RE = compile_regex(r"(?<![\p{N}])([।॥,?!])(?=[\u0904-\u0939\u0958-\u0961\u0972-\u097f])")


class SpaceBeforePunctuation(Rule):
    """A space before "।", ",", "?", "!" or ":".

    In Hindi as in English these marks sit right after the word ("है।", not "है ।"); a space
    before them also lets a line break strand the mark at the start of the next line. A score
    or ratio written "2 : 1" is left alone. The fix (delete the space) is safe.

    PASS::

        उन्होंने कहा, “हम तैयार हैं।”

    FAIL::

        उन्होंने कहा , “हम तैयार हैं ।”

    FIX::

        उन्होंने कहा, “हम तैयार हैं।”
    """

    code = "TY105"
    name = "space-before-punctuation"
    category = "typography"
    severity = "warning"
    fixable = "safe"

    def check(self, doc, ctx):
        skip = LineFilter(doc, ctx)
        prose = doc.prose
        for m in SPACE_BEFORE_RE.finditer(prose, doc.front_matter_end):
            mark = m.group(2)
            if m.start() == 0 or not WORD_END_RE.match(prose, m.start() - 1):
                continue  # indentation, or a mark after other punctuation
            if mark == ":":
                after = prose[m.end():m.end() + 2]
                if prose[m.start() - 1].isdigit() and after[:1].isspace() and after[1:2].isdigit():
                    continue  # a score or ratio: 2 : 1
                if after[:1] in (")", "(", "-", "D", "P"):
                    continue  # a smiley or ":-", which colon-dash reports
            if skip.skips(m.start()):
                continue
            yield self.finding(
                m.start(1), m.end(1),
                f"space before “{mark}”; the mark follows the word directly",
                [Suggestion("", safe=True)],
            )


class MissingSpaceAfterPunctuation(Rule):
    """No space after "।", ",", "?" or "!" before the next Devanagari word.

    "है।वह" and "सड़क,बिजली" run two words together; search and line breaking treat them as one.
    Numbers (1,68,000, 4.5) are not affected. The fix (insert a space) is safe.

    PASS::

        सड़क, बिजली और पानी पर 1,68,000 करोड़ खर्च होंगे। यह रकम बड़ी है।

    FAIL::

        सड़क,बिजली और पानी पर खर्च होगा।यह रकम बड़ी है।

    FIX::

        सड़क, बिजली और पानी पर खर्च होगा। यह रकम बड़ी है।
    """

    code = "TY106"
    name = "missing-space-after-punctuation"
    category = "typography"
    severity = "warning"
    fixable = "safe"

    def check(self, doc, ctx):
        skip = LineFilter(doc, ctx)
        for m in MISSING_AFTER_RE.finditer(doc.prose, doc.front_matter_end):
            if skip.skips(m.start()):
                continue
            mark = m.group(1)
            yield self.finding(
                m.start(), m.end(),
                f"no space after “{mark}” before the next word",
                [Suggestion(mark + " ", safe=True)],
            )
