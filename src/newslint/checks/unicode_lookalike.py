"""SP205: foreign-script characters inside Devanagari words and numbers."""

import unicodedata

import regex

from newslint.checks.unicode_chars import word_around
from newslint.rule import Rule, Suggestion
from newslint.compiled import compile_regex

ASCII_DIGITS = "0123456789"
DEVANAGARI_DIGITS = "०१२३४५६७८९"
TO_ASCII = str.maketrans(DEVANAGARI_DIGITS, ASCII_DIGITS)
TO_DEVANAGARI = str.maketrans(ASCII_DIGITS, DEVANAGARI_DIGITS)
# Latin (Basic, Latin-1, Extended-A/B, Extended Additional), Greek and Cyrillic letters. Explicit
# ranges rather than \p{Script} properties: same answer for these, faster scan.
FOREIGN_LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff\u0386-\u03ff\u0400-\u04ff"
# Combining marks of other scripts that imitate Devanagari signs on a Devanagari letter.
COMBINING_LOOKALIKES = {
    "\u0323": ("\u093c", "combining dot below (U+0323)", "nukta"),
    "\u0307": ("\u0902", "combining dot above (U+0307)", "anusvara"),
    "\u0310": ("\u0901", "combining candrabindu (U+0310)", "chandrabindu"),
}

# Each pass is one character range: the `regex` module scans those one to two orders of magnitude
# faster than an alternation or a class of several ranges, and several times faster than `re`
# does. The rare matches are checked in Python.
DEVANAGARI_DIGIT_RE = compile_regex("[\u0966-\u096f]")
ASCII_DIGIT_RE = compile_regex("[0-9]")
O_AFTER_DIGIT_RES = (regex.compile("[0-9][Oo]"), regex.compile("[\u0966-\u096f][Oo]"))
# A number: digits of either script, with . , or a Latin O/o between digits.
NUMBER_RE = compile_regex("[0-9०-९](?:[0-9०-९]|[.,Oo](?=[0-9०-९]))*")
O_IN_NUMBER_RE = compile_regex("(?<=[0-9०-९])[Oo](?=[0-9०-९])")
# Script boundaries, each pattern two single ranges (a foreign letter, then Devanagari, or the
# reverse); the match is checked in Python (A-z also spans [ \\ ] ^ _ `, and the Devanagari block
# holds digits and dandas).
FOREIGN_THEN_DEVANAGARI_RES = tuple(
    regex.compile(f"[{letters}][\u0900-\u097f]") for letters in ("A-z", "\u00c0-\u04ff", "\u1e00-\u1eff")
)
DEVANAGARI_THEN_FOREIGN_RES = (
    # Anchored on the foreign letter, which is rarer than the Devanagari before it: fewer starts.
    regex.compile("(?<=[\u0900-\u097f])[A-z]"),
    regex.compile("(?<=[\u0900-\u097f])[\u00c0-\u04ff]"),
    regex.compile("(?<=[\u0900-\u097f])[\u1e00-\u1eff]"),
)
FOREIGN_CHAR_RE = compile_regex(f"[{FOREIGN_LETTERS}]")
COMBINING_RE = compile_regex("[\u0307-\u0323]")  # checked against COMBINING_LOOKALIKES


def _script(ch: str) -> str:
    return unicodedata.name(ch, "LATIN").split()[0].capitalize()


def _in_hashtag(prose: str, start: int) -> bool:
    """Is the word that contains `start` a #hashtag or an @handle (mixed scripts on purpose)?"""
    i = start
    while i > 0 and (prose[i - 1].isalnum() or prose[i - 1] == "_" or unicodedata.category(prose[i - 1])[0] == "M"):
        i -= 1
    return i > 0 and prose[i - 1] in "#@"


class LatinLookalike(Rule):
    """Latin (or Greek, Cyrillic) characters inside a Devanagari word or a number.

    A word that mixes scripts is one unknown word to search, spell-check and screen readers. Three
    precise cases are flagged:

    - a number that mixes Devanagari and Latin digits (१२3 → १२३), or has a Latin O/o for a zero
      (2O24): safe fix to the digits the number (or else the article) mostly uses; a lone trailing
      ० after Latin digits may be a degree sign (25०C), so that one is only a suggestion;
    - Latin, Greek or Cyrillic letters joined to a Devanagari word (a missing space, or a
      keyboard-layout slip: भारतin, सरकाxर): unsafe suggestions (separate, or delete one stray
      letter); #hashtags and @handles are left alone;
    - a combining dot of another script on a Devanagari letter (U+0323 for the nukta, U+0307 for
      the anusvara, U+0310 for the chandrabindu): safe fix to the Devanagari sign.

    Not flagged: ० as an abbreviation mark (डॉ०, उ०प्र०, a house-style question), `|` or `l` used
    as a danda (TY104).

    PASS::

        भारत ने 2024 में iPhone के 15 मॉडल और २०२४ में १२ मॉडल बेचे।

    FAIL::

        भारत ने 20२4 में iPhoneके 15 मॉडल बेचे।
    """

    code = "SP205"
    name = "latin-lookalike"
    category = "spelling"
    severity = "warning"
    fixable = "safe"

    def check(self, doc, ctx):
        prose = doc.prose
        floor = doc.front_matter_end
        yield from self._numbers(doc, prose, floor)
        yield from self._joined_letters(doc, prose, floor)
        for match in COMBINING_RE.finditer(prose, floor):
            begin, end = match.span()
            if match.group() not in COMBINING_LOOKALIKES or begin <= floor or not _is_deva_letter_or_sign(prose[begin - 1]):
                continue
            replacement, name, meant = COMBINING_LOOKALIKES[match.group()]
            yield self.finding(
                begin,
                end,
                f"“{word_around(doc.text, begin, end)}” has a {name}, which imitates the Devanagari {meant} "
                f"“\u25cc{replacement}”; use the Devanagari sign",
                [Suggestion(replacement, safe=True)],
            )

    # -- numbers ------------------------------------------------------------------------------
    def _numbers(self, doc, prose, floor):
        # Most articles use Latin digits only and no O inside a number: two fast scans decide.
        if DEVANAGARI_DIGIT_RE.search(prose, floor) is None and not any(
            O_IN_NUMBER_RE.match(prose, match.start() + 1)
            for pattern in O_AFTER_DIGIT_RES
            for match in pattern.finditer(prose, floor)
        ):
            return
        text = doc.text
        article_digits = None
        for match in NUMBER_RE.finditer(prose, floor):
            begin, end = match.span()
            number = text[begin:end]
            ascii_count = sum(ch in ASCII_DIGITS for ch in number)
            deva_count = sum(ch in DEVANAGARI_DIGITS for ch in number)
            mixed = ascii_count and deva_count
            has_o = "O" in number or "o" in number
            # Letters glued to the number (H2O2, A1O2): a formula or a code, not a number.
            if has_o and ((begin > floor and prose[begin - 1].isalpha()) or (end < len(prose) and prose[end].isalpha())):
                has_o = False
            if not mixed and not has_o:
                continue
            if ascii_count == deva_count:
                if article_digits is None:
                    article_digits = _article_digits(prose, floor)
                to_deva = article_digits == "deva" or (article_digits == "tie" and number[0] in DEVANAGARI_DIGITS)
            else:
                to_deva = deva_count > ascii_count
            fixed = number.translate(TO_DEVANAGARI if to_deva else TO_ASCII)
            if has_o:
                fixed = O_IN_NUMBER_RE.sub("०" if to_deva else "0", fixed)
            elif "O" in fixed or "o" in fixed:
                continue  # an O in a formula (H2O2 mixed with ०) — leave the whole thing alone
            if mixed and number.endswith("०") and deva_count == 1 and not to_deva:
                # 25०C: a lone trailing ० after Latin digits may stand for a degree sign.
                yield self.finding(
                    begin,
                    end,
                    f"the number “{number}” mixes Latin digits with a Devanagari ०; if it is a degree sign use “°”, "
                    "otherwise use one kind of digit",
                    [Suggestion(number[:-1] + "°"), Suggestion(fixed)],
                )
                continue
            if mixed:
                script = "Devanagari" if to_deva else "Latin"
                message = f"the number “{number}” mixes Devanagari and Latin digits; write it in {script} digits"
            else:
                message = f"the number “{number}” has a Latin letter O for a zero; write “{fixed}”"
            yield self.finding(begin, end, message, [Suggestion(fixed, safe=True)])

    # -- letters ------------------------------------------------------------------------------
    def _joined_letters(self, doc, prose, floor):
        text = doc.text
        for begin, end in _foreign_runs_next_to_devanagari(prose, floor):
            if _in_hashtag(prose, begin):
                continue
            letters = text[begin:end]
            before = prose[begin - 1] if begin > floor else ""
            after = prose[end] if end < len(prose) else ""
            if letters in ("l", "I") and not _is_deva_letter_or_sign(after):
                continue  # an ASCII l or I used as a danda (है l): TY104 reports that
            deva_before = _is_deva_letter_or_sign(before)
            deva_after = _is_deva_letter_or_sign(after)
            after_is_sign = deva_after and unicodedata.category(after)[0] == "M"
            script = _script(letters[0])
            suggestions = []
            if deva_before and deva_after and len(letters) == 1:
                suggestions.append(Suggestion("", note=f"delete the stray {script} letter"))
                why = "a keyboard-layout slip?"
            elif after_is_sign:
                why = "a Devanagari sign sits on a foreign letter"
            elif deva_before and deva_after:
                suggestions.append(Suggestion(f" {letters} ", note="separate the words"))
                why = "missing spaces?"
            elif deva_before:
                suggestions.append(Suggestion(f" {letters}", note="separate the words"))
                why = "a missing space?"
            else:
                suggestions.append(Suggestion(f"{letters} ", note="separate the words"))
                why = "a missing space?"
            yield self.finding(
                begin,
                end,
                f"{script} “{letters}” is joined to Devanagari in “{word_around(text, begin, end)}” ({why}); "
                "search and spell-check see one unknown word",
                suggestions,
            )


def _foreign_runs_next_to_devanagari(prose: str, floor: int):
    """(start, end) of each run of Latin/Greek/Cyrillic letters that touches a Devanagari letter or sign."""
    boundaries: set[int] = set()  # offsets of foreign letters next to a Devanagari letter or sign
    for pattern in FOREIGN_THEN_DEVANAGARI_RES:
        for match in pattern.finditer(prose, floor):
            if _is_deva_letter_or_sign(prose[match.start() + 1]):
                boundaries.add(match.start())
    for pattern in DEVANAGARI_THEN_FOREIGN_RES:
        for match in pattern.finditer(prose, floor):
            letter = match.end() - 1
            if letter > floor and _is_deva_letter_or_sign(prose[letter - 1]):
                boundaries.add(letter)
    seen = set()
    for offset in sorted(boundaries):
        if not FOREIGN_CHAR_RE.match(prose, offset):
            continue
        start = offset
        while start > floor and FOREIGN_CHAR_RE.match(prose, start - 1):
            start -= 1
        stop = offset + 1
        while stop < len(prose) and FOREIGN_CHAR_RE.match(prose, stop):
            stop += 1
        if (start, stop) not in seen:
            seen.add((start, stop))
            yield start, stop


def _is_deva_letter_or_sign(ch: str) -> bool:
    return bool(ch) and ("\u0900" <= ch <= "\u0963" or "\u0971" <= ch <= "\u097f")


def _article_digits(prose: str, floor: int) -> str:
    """'deva', 'ascii' or 'tie': the digits most of the article's numbers use."""
    ascii_count = len(ASCII_DIGIT_RE.findall(prose, floor))
    deva_count = len(DEVANAGARI_DIGIT_RE.findall(prose, floor))
    if ascii_count == deva_count:
        return "tie"
    return "deva" if deva_count > ascii_count else "ascii"
