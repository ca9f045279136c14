"""TY101 unbalanced-quotes and TY102 unbalanced-brackets, paragraph by paragraph."""

from __future__ import annotations

import unicodedata

from newslint.checks.typography_shared import LineFilter
from newslint.compiled import compile_re
from newslint.rule import Rule

QUOTE_CHARS_RE = compile_re(r"[“”‘’\"']")
BRACKET_CHARS_RE = compile_re(r"[()\[\]]")
# "1)", "a)", "iv)", "क)" at the start of a line or after a space: an enumerator, not a bracket.
ENUMERATOR_RE = compile_re(r"(?:^|[\s(])(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4}|[\u0904-\u0939\u0958-\u0961\u0972-\u097f][\u0900-\u0903\u093a-\u094f\u0962\u0963]?)$")


def _is_word_char(ch: str) -> bool:
    return bool(ch) and (ch.isalnum() or unicodedata.category(ch).startswith("M"))


def _is_space(ch: str) -> bool:
    return not ch or ch.isspace() or ch == "\ufffc"


def quote_problems(prose: str, start: int, end: int) -> list[tuple[int, str, str]]:
    """[(offset, char, problem)] for the quotation marks of one paragraph."""
    problems: list[tuple[int, str, str]] = []
    double_open: list[int] = []
    single_open: list[int] = []
    straight_double: int | None = None
    straight_single: list[int] = []
    for m in QUOTE_CHARS_RE.finditer(prose, start, end):
        pos = m.start()
        ch = m.group()
        before = prose[pos - 1] if pos > start else ""
        after = prose[pos + 1] if pos + 1 < end else ""
        if ch == "“":
            double_open.append(pos)
        elif ch == "”":
            if double_open:
                double_open.pop()
            else:
                problems.append((pos, ch, "closes a quotation that was never opened in this paragraph"))
        elif ch == "‘":
            if after.isdigit() or _is_word_char(before):
                continue  # ‘90s, or an apostrophe typed with the wrong mark
            single_open.append(pos)
        elif ch == "’":
            if _is_word_char(before) and _is_word_char(after):
                continue  # don’t, रिपोर्ट’s
            if single_open:
                single_open.pop()
            # otherwise an apostrophe (students’, ’90s): never reported
        elif ch == '"':
            if straight_double is None:
                if before.isdigit() and (_is_space(after) or not _is_word_char(after)):
                    continue  # 32" TV, 5'10": an inch mark
                straight_double = pos
            else:
                straight_double = None
        else:  # '
            if _is_word_char(before) and _is_word_char(after):
                continue  # don't, Modi's
            opener = not _is_word_char(before) and _is_word_char(after) and not after.isdigit()
            if opener:
                straight_single.append(pos)
            elif straight_single and not _is_space(before):
                straight_single.pop()
    for pos in double_open[:1]:
        problems.append((pos, "“", "opens a quotation that is never closed in this paragraph"))
    for pos in single_open[:1]:
        problems.append((pos, "‘", "opens a quotation that is never closed in this paragraph"))
    if straight_double is not None:
        problems.append((straight_double, '"', "has no matching quotation mark in this paragraph (odd number of \")"))
    for pos in straight_single[:1]:
        problems.append((pos, "'", "opens a quotation that is never closed in this paragraph"))
    return problems


def bracket_problems(prose: str, start: int, end: int) -> list[tuple[int, str, str]]:
    problems: list[tuple[int, str, str]] = []
    stacks: dict[str, list[int]] = {"(": [], "[": []}
    closing = {")": "(", "]": "["}
    for m in BRACKET_CHARS_RE.finditer(prose, start, end):
        pos, ch = m.start(), m.group()
        if ch in stacks:
            stacks[ch].append(pos)
            continue
        opener = closing[ch]
        if stacks[opener]:
            stacks[opener].pop()
            continue
        before = prose[max(start, pos - 6):pos]
        if ch == ")" and (ENUMERATOR_RE.search(before) or before.endswith((":", ";", ":-", ";-"))):
            continue  # "1)", "क)", a smiley
        problems.append((pos, ch, "closes a bracket that was never opened in this paragraph"))
    for opener, positions in stacks.items():
        for pos in positions[:1]:
            problems.append((pos, opener, "opens a bracket that is never closed in this paragraph"))
    return sorted(problems)


class _Balance:
    def _check(self, doc, ctx, find, what):
        skip = LineFilter(doc, ctx)
        for block in doc.blocks:
            for pos, ch, problem in find(doc.prose, block.start, block.end):
                if skip.skips(pos):
                    continue
                yield self.finding(pos, pos + 1, f"{what} “{ch}” {problem}; check where it should be closed or remove it")



class UnbalancedQuotes(_Balance, Rule):
    """A quotation mark that opens and never closes (or closes and never opened) in a paragraph.

    Checked paragraph by paragraph for ‘ ’, “ ” and straight " and '. An apostrophe is not a
    quote: don’t, रिपोर्ट’s, Modi's, ’90s, students’ and an inch mark (32") are left alone.
    Where the quotation should close is the editor's call, so there is no automatic fix.

    PASS::

        किम ने कहा कि प्योंगयांग ‘रूसी नेतृत्व के हर कदम का समर्थन करेगा’।

    FAIL::

        किम ने कहा कि प्योंगयांग ‘रूसी नेतृत्व के हर कदम का समर्थन करेगा।
    """

    code = "TY101"
    name = "unbalanced-quotes"
    category = "typography"
    severity = "warning"
    fixable = "no"

    def check(self, doc, ctx):
        yield from self._check(doc, ctx, quote_problems, "quotation mark")


class UnbalancedBrackets(_Balance, Rule):
    """A bracket ( ) or [ ] that opens and never closes (or closes and never opened) in a paragraph.

    Enumerators such as "1)", "क)" and "iv)" are not brackets. There is no automatic fix: only the
    editor knows where the aside ends.

    PASS::

        बृहन्मुंबई महानगरपालिका (बीएमसी) ने छुट्टी घोषित की।

    FAIL::

        बृहन्मुंबई महानगरपालिका (बीएमसी ने छुट्टी घोषित की।
    """

    code = "TY102"
    name = "unbalanced-brackets"
    category = "typography"
    severity = "warning"
    fixable = "no"

    def check(self, doc, ctx):
        yield from self._check(doc, ctx, bracket_problems, "bracket")
