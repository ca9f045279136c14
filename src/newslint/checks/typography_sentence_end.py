"""TY103 sentence-end-style: the danda "।" or the full stop "." at the end of Devanagari sentences."""

from __future__ import annotations

from newslint.checks.typography_shared import LineFilter, folded_set, nfc
from newslint.compiled import compile_regex
from newslint.rule import Rule, Suggestion

# A full stop that is not part of "..", a number (4.5) or a dotted abbreviation (कि.मी.) — found
# first, as a literal, so the scan is cheap; the word before it is then read backwards.
FULL_STOP_RE = compile_regex(r"\.(?![.\p{L}\p{M}\p{N}])")
# The word before a full stop: Devanagari letters, then closing quotes/brackets; the word must not
# follow a "." itself (उ.प्र.) or a letter of another script.
WORD_BEFORE_RE = compile_regex(r"(?<![\p{L}\p{M}.])([\u0900-\u0963\u0971-\u097f]+)[\"'’”)\]]*$")
DANDA_END_RE = compile_regex(r"(?<=[\u0900-\u0963\u0971-\u097f][\"'’”)\]]{0,3})\s?।(?!।)")
# Devanagari spellings of Latin initials (ए.पी.जे., के. चंद्रशेखर): a full stop after one of these
# is an initial, not a sentence end.
INITIALS = frozenset(
    "ए बी सी डी ई एफ जी एच आई जे के एल एम एन ओ पी क्यू आर एस टी यू वी डब्ल्यू एक्स वाई जेड".split()
)


def _abbreviations(packs):
    return folded_set(packs.lines("typography/abbreviations.txt")) | INITIALS


class SentenceEndStyle(Rule):
    """A Devanagari sentence that ends with "." where the house style wants "।" (or the reverse).

    Option `style`: "danda" (default; Hindi sentences end with ।), "period" (the house uses
    "."), or "either" (both are accepted, but one article must not mix them). Whatever the
    style, an article that mixes both is flagged: with "either", the less frequent form is
    reported. Only Devanagari sentences are looked at: an English sentence, a number (4.5), an
    abbreviation (डॉ., रु., कि.मी.), initials (ए.पी.जे.), an ellipsis or a headline without
    terminal punctuation are never flagged. The fix (replace the mark) is unsafe: a full stop
    after an abbreviation the pack does not list is legitimate.

    PASS::

        उत्तर कोरिया ने रूस की मदद की बात कही है। डॉ. राव ने 4.5 प्रतिशत बताया।

    FAIL::

        उत्तर कोरिया ने रूस की मदद की बात कही है.

    FIX::

        उत्तर कोरिया ने रूस की मदद की बात कही है।
    """

    code = "TY103"
    name = "sentence-end-style"
    category = "typography"
    severity = "warning"
    fixable = "unsafe"
    options = {"style": "danda"}
    option_choices = {"style": ("danda", "period", "either")}

    def check(self, doc, ctx):
        style = self.settings.get("style", "danda")
        abbreviations = ctx.load("typography.abbreviations", _abbreviations)
        skip = LineFilter(doc, ctx)
        start = doc.front_matter_end
        periods = []
        prose = doc.prose
        for m in FULL_STOP_RE.finditer(prose, start):
            dot = m.start()
            word = WORD_BEFORE_RE.search(prose, max(start, dot - 40), dot)
            if word is None or nfc(word.group(1)) in abbreviations or skip.skips(dot):
                continue
            periods.append(dot)
        dandas = []
        for m in DANDA_END_RE.finditer(doc.prose, start):
            if not skip.skips(m.start()):
                dandas.append(m.end() - 1)
        mixed = bool(periods) and bool(dandas)
        if style == "either":
            if not mixed:
                return
            flag_periods = len(periods) <= len(dandas)
        else:
            flag_periods = style == "danda"
        mix_note = f" (this article mixes {len(dandas)} “।” and {len(periods)} “.”)" if mixed else ""
        if flag_periods:
            why = "the house style ends Hindi sentences with the danda" if style == "danda" else "most sentences here end with the danda"
            for pos in periods:
                yield self.finding(
                    pos, pos + 1, f"Devanagari sentence ends with “.”; {why} “।”{mix_note}",
                    [Suggestion("।", safe=False)],
                )
        else:
            why = "the house style ends Hindi sentences with “.”" if style == "period" else "most sentences here end with “.”"
            for pos in dandas:
                yield self.finding(
                    pos, pos + 1, f"Devanagari sentence ends with “।”; {why}{mix_note}",
                    [Suggestion(".", safe=False)],
                )
