"""NL001: suppression comments that suppress nothing (the engine emits these findings)."""

from newslint.rule import Rule


class UnusedSuppression(Rule):
    """A suppression comment that suppresses nothing.

    A `<!-- newslint-disable… -->` comment left behind after the text it excused was fixed hides
    the next real problem in that place. Remove it.

    FAIL (nothing on the next line is reported)::

        <!-- newslint-disable-next-line repeated-line -->
        यह पंक्ति ठीक है।
    """

    code = "NL001"
    name = "unused-suppression"
    category = "structure"
    severity = "warning"
    fixable = "safe"

    def check(self, doc, ctx):  # pragma: no cover - emitted by the engine, which sees the other findings
        return iter(())
