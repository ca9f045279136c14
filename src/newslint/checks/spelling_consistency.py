"""SP103 inconsistent-spelling: the same word or name spelled two ways in one article."""

from newslint.checks.spelling_shared import analysis
from newslint.rule import Rule, Suggestion


class InconsistentSpelling(Rule):
    """The same word or name spelled two ways in one article (किरपाल ×3, कीरपाल ×1).

    The minority spelling is flagged and the majority one suggested, when one typical slip
    (anusvara, vowel length, nukta, श/ष/स …) separates them and the majority is clear (at least
    3 occurrences and 3 times as many). It works for names no lexicon knows. Two spellings that
    are both words (कोरिया/कोरियाई, है/हैं) are never merged, and accepted variants
    (हिंदी/हिन्दी, गए/गये) are left to house-style-mix (SP105).

    PASS::

        किरपाल ने कहा कि किरपाल समिति की रिपोर्ट आएगी। किरपाल कल लौटेंगे।

    FAIL::

        किरपाल ने कहा कि किरपाल समिति की रिपोर्ट आएगी। किरपाल कल लौटेंगे। कीरपाल ने यह भी कहा।
    """

    code = "SP103"
    name = "inconsistent-spelling"
    category = "spelling"
    severity = "warning"
    fixable = "unsafe"

    def check(self, doc, ctx):
        for item in analysis(doc, ctx).findings.get("SP103", ()):
            majority, n = item.extra["majority"], item.extra["n_major"]
            minor = item.extra["n_minor"]
            times = "once" if minor == 1 else f"{minor} times"
            yield self.finding(
                item.start,
                item.end,
                f"“{item.written}” ({times}) is spelled “{majority}” {n} times in this article "
                f"({item.message}); use one spelling",
                [Suggestion(item.suggestions[0])],
            )
