"""SP202: invisible format characters inside or next to Devanagari words where they do nothing."""


from newslint.checks.unicode_chars import (
    INVISIBLE_NAMES,
    VIRAMA,
    ZWJ,
    ZWNJ,
    is_devanagari,
    visible,
    word_around,
)
from newslint.compiled import compile_re
from newslint.rule import Rule, Suggestion

INVISIBLE_RUN_RE = compile_re("[\u200b\u200c\u200d\u00ad\ufeff\u2060]+")
JOINERS = ZWJ + ZWNJ

WHY = {
    "\u200b": "it splits the word for search and spell-check",
    "\u200c": "a non-joiner only matters right after a halant (्), where it stops a conjunct",
    "\u200d": "a joiner only matters right after a halant (्), where it selects a half form",
    "\u00ad": "Hindi is not hyphenated, and it hides inside the word and breaks search",
    "\ufeff": "a byte-order mark mid-text is debris from joining files",
    "\u2060": "it has no effect inside or next to a word",
}


class StrayInvisibleCharacter(Rule):
    """An invisible character (ZWJ, ZWNJ, zero-width space, soft hyphen, BOM, word joiner) that does nothing.

    These characters are invisible on the page but split a word for search, spell-check, word
    counts and copy-paste; they come from Word, PDFs, web pages and old converters. A zero-width
    joiner or non-joiner right after a halant (U+094D) is left alone: there it controls how a
    conjunct renders (क्\\u200dष shows a half क, र्\\u200d the eyelash ra, क्\\u200cष an explicit
    halant). Elsewhere next to Devanagari it has no effect and is deleted. Zero-width spaces, soft
    hyphens and word joiners are flagged next to Devanagari only (an English passage may use them on
    purpose; an emoji ZWJ sequence is never touched); a byte-order mark mid-text is always debris.

    PASS::

        क्\\u200dष

    FAIL::

        सरका\\u200dर ने कहा\\u200b कि

    FIX::

        सरकार ने कहा कि
    """

    code = "SP202"
    name = "stray-invisible-character"
    category = "spelling"
    severity = "warning"
    fixable = "safe"

    def check(self, doc, ctx):
        prose = doc.prose
        floor = doc.front_matter_end
        for match in INVISIBLE_RUN_RE.finditer(prose, floor):
            run_start, run_end = match.span()
            run = match.group()
            before = prose[run_start - 1] if run_start > floor else ""
            after = prose[run_end] if run_end < len(prose) else ""
            devanagari = is_devanagari(before) or is_devanagari(after)
            # The one joiner a halant may take stays; so does anything not next to Devanagari
            # (except a BOM, which is never wanted mid-text).
            kept_index = -1
            if before == VIRAMA:
                kept_index = next((i for i, ch in enumerate(run) if ch in JOINERS), -1)
            stray = [i != kept_index and (devanagari or ch == "\ufeff") for i, ch in enumerate(run)]
            if not any(stray):
                continue
            first = stray.index(True)
            last = len(stray) - 1 - stray[::-1].index(True)
            replacement = "".join(ch for i, ch in enumerate(run) if first <= i <= last and not stray[i])
            begin, end = run_start + first, run_start + last + 1
            kinds = list(dict.fromkeys(ch for i, ch in enumerate(run) if stray[i]))
            names = " and ".join(INVISIBLE_NAMES[ch] for ch in kinds)
            why = "; ".join(WHY[ch] for ch in kinds)
            word = visible(word_around(doc.text, begin, end)) or visible(doc.text[begin:end])
            yield self.finding(
                begin,
                end,
                f"invisible {names} in “{word}” has no effect here ({why}); delete it",
                [Suggestion(replacement, safe=True)],
            )
