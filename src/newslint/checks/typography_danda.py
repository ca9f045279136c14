"""TY104 pipe-as-danda: "|", "l" or "I" typed for the danda "।"."""

from __future__ import annotations

import re

from newslint.checks.structure_analysis import fold
from newslint.checks.typography_shared import LineFilter, folded_set
from newslint.compiled import compile_re, compile_regex
from newslint.rule import Rule, Suggestion

# | (or a lone Latin l / I) after a Devanagari word and optional spaces, not followed by a letter;
# the mark is matched first (a cheap scan), the word before it is read backwards.
PIPE_RE = compile_regex(r"(?<=[\u0900-\u0963\u0971-\u097f][ \t\u00a0]{0,3})[|lI](?![\p{L}\p{M}\p{N}|])")
WORD_BEFORE_RE = compile_re(r"([\u0900-\u0963\u0971-\u097f]+)([ \t\u00a0]*)$")
TABLE_SEPARATOR_RE = compile_re(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$", re.MULTILINE)
REST_RE = compile_regex(r"[ \t\u00a0]*(?:$|[\r\n\"'’”)]|[\p{Devanagari}])")


def _final_words(packs):
    return folded_set(packs.lines("typography/sentence-final-words.txt"))


class PipeAsDanda(Rule):
    """A "|" (or a Latin "l" / "I") typed instead of the danda "।" at the end of a sentence.

    Keyboards without a Devanagari layout make writers reach for the pipe. It is reported only
    where a danda belongs: right after a word that ends Hindi sentences (है, था, गया, किया …,
    from `typography/sentence-final-words.txt`), or at the end of a longer line. The separator in
    a byline ("नीरज झा | दैनिक भास्कर") and Markdown tables are left alone. The fix is safe.

    PASS::

        नीरज झा | दैनिक भास्कर

    FAIL::

        कोसी नदी का जलस्तर फिर बढ़ गया है | प्रशासन ने अलर्ट जारी किया |

    FIX::

        कोसी नदी का जलस्तर फिर बढ़ गया है। प्रशासन ने अलर्ट जारी किया।
    """

    code = "TY104"
    name = "pipe-as-danda"
    category = "typography"
    severity = "warning"
    fixable = "safe"

    def check(self, doc, ctx):
        final_words = ctx.load("typography.sentence-final-words", _final_words)
        skip = LineFilter(doc, ctx)
        prose = doc.prose
        for mark_match in PIPE_RE.finditer(prose, doc.front_matter_end):
            m = WORD_BEFORE_RE.search(prose, max(doc.front_matter_end, mark_match.start() - 60), mark_match.start())
            if m is None:
                continue
            word, mark = m.group(1), mark_match.group()
            line = doc.line_at(mark_match.start())
            line_prose = prose[line.start:line.end]
            stripped = line_prose.strip()
            if stripped.startswith("|") or skip.skips(m.start()):
                continue  # a table row
            rest = prose[mark_match.end():line.end]
            at_line_end = not rest.strip()
            if not REST_RE.match(prose, mark_match.end()):
                continue  # "है | Also": followed by Latin text or punctuation
            is_final = fold(word) in final_words
            if mark == "|":
                if not is_final and not (at_line_end and len(line_prose.split()) >= 6):
                    continue
                if doc.is_markdown and stripped.count("|") >= 2 and self._in_table(doc, line):
                    continue
            elif not is_final:
                continue  # "चरण I", "भाग l": a Roman numeral or a letter
            yield self.finding(
                m.start(2), mark_match.end(),
                f"“{mark}” after “{word}” is used as a danda; write “।”",
                [Suggestion("।", safe=True)],
            )

    @staticmethod
    def _in_table(doc, line) -> bool:
        for block in doc.blocks:
            if block.start <= line.start <= block.end:
                return bool(TABLE_SEPARATOR_RE.search(doc.prose, block.start, block.end))
        return False
