"""SP104 context-slip: a word that is right on its own but wrong next to its neighbours."""

from newslint.checks.spelling_shared import analysis
from newslint.rule import Rule, Suggestion


class ContextSlip(Rule):
    """A word that is right alone but wrong in its phrase (हो रहें → हो रहे, उत्तर कोरियां ने).

    रहें is a good word (वे खुश रहें), but after a verb root the progressive auxiliary is रहे;
    कोरियां may pass a word list, but before a postposition the name is कोरिया. The phrase
    rules, each with example sentences, are in `rules/hi/phrases.txt`: a progressive or perfect
    auxiliary with a stray nasal, a proper noun with a stray nasal before a postposition, an
    oblique plural without its nasal before a postposition (किसानो को), की for the conjunction
    कि after कहा/बताया. The suggestion is shown, not applied automatically.

    PASS::

        दोनों देशों के बीच संबंध हो रहे और भी गहरे। उत्तर कोरिया ने मदद की बात कही है।

    FAIL::

        दोनों देशों के बीच संबंध हो रहें और भी गहरे। उत्तर कोरियां ने मदद की बात कही है।
    """

    code = "SP104"
    name = "context-slip"
    category = "spelling"
    severity = "warning"
    fixable = "unsafe"

    def check(self, doc, ctx):
        result = analysis(doc, ctx)
        for item in result.findings.get("SP104", ()):
            fix = item.suggestions[0]
            message = f"“{item.written}” here: {item.message[:1].lower()}{item.message[1:]} — did you mean “{fix}”?"
            n = result.counts.get(fix, 0) if item.extra.get("group") == "name-nasal" else 0
            if n:
                message += f" (this article writes “{fix}” {'once' if n == 1 else f'{n} times'})"
            yield self.finding(item.start, item.end, message, [Suggestion(fix)])
