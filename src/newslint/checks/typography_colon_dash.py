"""TY109 colon-dash: ":-" and ":–" where a colon is meant."""

from __future__ import annotations

from newslint.checks.typography_shared import LineFilter
from newslint.compiled import compile_regex
from newslint.rule import Rule, Suggestion

# A colon after a word, then dashes: "कहा:-", "निम्नलिखित :–". Not a smiley ":-)" and not a
# Markdown table alignment row ("|:--|", which has no word before the colon).
COLON_DASH_RE = compile_regex(r":[ \t]*[-–—]+(?![-–—)(\p{N}])")
WORD_END_RE = compile_regex(r"[\p{L}\p{M}\p{N}\"'’”)\]*][ \t]*$")


class ColonDash(Rule):
    """A colon followed by a dash (":-", ":–"): the dash adds nothing after a colon.

    A typewriter habit ("निम्नलिखित हैं:-") that house styles drop. The fix replaces it with a
    colon (and a space when a word follows directly); it is safe.

    PASS::

        मुख्यमंत्री ने कहा: “काम जारी रहेगा।”

    FAIL::

        मुख्यमंत्री ने कहा:- “काम जारी रहेगा।”

    FIX::

        मुख्यमंत्री ने कहा: “काम जारी रहेगा।”
    """

    code = "TY109"
    name = "colon-dash"
    category = "typography"
    severity = "warning"
    fixable = "safe"

    def check(self, doc, ctx):
        skip = LineFilter(doc, ctx)
        prose = doc.prose
        for m in COLON_DASH_RE.finditer(prose, doc.front_matter_end):
            if not WORD_END_RE.search(prose, max(0, m.start() - 8), m.start()):
                continue  # "|:--|" (a table alignment row), or a colon after other punctuation
            if skip.skips(m.start()):
                continue
            start = m.start()
            following = prose[m.end():m.end() + 1]
            replacement = ":" if (not following or following.isspace()) else ": "
            yield self.finding(
                start, m.end(),
                f"“{prose[start:m.end()].strip()}”: a colon needs no dash after it",
                [Suggestion(replacement, safe=True)],
            )
