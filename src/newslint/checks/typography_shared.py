"""Helpers shared by the typography rules (no rule here).

The typography rules skip lines that the structure rules delete as page furniture (CMS labels,
related-story links, teaser headlines): punctuating a line that is about to go is wasted work,
and "इसे भी पढें:-…" would otherwise be reported three times over.
"""

from __future__ import annotations

import unicodedata

from newslint.checks.structure_analysis import debris_lines, fold


class LineFilter:
    """Is an offset on a line the structure rules delete?"""

    def __init__(self, doc, ctx):
        self.doc = doc
        self.ctx = ctx
        self.skip: set[int] | None = None  # computed on the first question: most texts never ask

    def skips(self, offset: int) -> bool:
        if self.skip is None:
            self.skip = debris_lines(self.doc, self.ctx)
        return bool(self.skip) and self.doc.line_at(offset).number in self.skip


def folded_set(entries) -> frozenset[str]:
    return frozenset(fold(e) for e in entries)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
