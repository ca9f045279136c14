"""SP101 never-valid-form and SP102 misspelling: Hindi words that are wrong on their own."""

from newslint.checks.spelling_shared import analysis
from newslint.rule import Rule, Suggestion

# SP102 is an error, not a warning, when the engine is this sure of the slip.
ERROR_CONFIDENCE = 0.95


class NeverValidForm(Rule):
    """A Hindi form that is never valid: थें, नही, करेगें, पढें.

    These forms are wrong in every sentence — no inflection of any Hindi word produces them —
    so the correction can be applied automatically. The list, with example sentences for every
    group, is `rules/hi/never-valid.txt`; a newsroom can add its own in a rule pack.

    PASS::

        कयास लगाए जा रहे थे कि किम जोंग को झटका लगेगा।

    FAIL::

        कयास लगाए जा रहे थें कि किम जोंग को झटका लगेगा।

    FIX::

        कयास लगाए जा रहे थे कि किम जोंग को झटका लगेगा।
    """

    code = "SP101"
    name = "never-valid-form"
    category = "spelling"
    severity = "error"
    fixable = "safe"

    def check(self, doc, ctx):
        for item in analysis(doc, ctx).findings.get("SP101", ()):
            verdict = item.extra["verdict"]
            first = item.suggestions[0]
            why = verdict.explanation.strip().rstrip(".")
            message = f"“{item.written}” is never a valid form — {item.message}; write “{first}”"
            if why:
                message += f". {why}"
            suggestions = [Suggestion(first, safe=True)]
            suggestions += [Suggestion(alt, note="also accepted") for alt in item.suggestions[1:]]
            yield self.finding(item.start, item.end, message, suggestions)


class Misspelling(Rule):
    """A word that looks like a slip of a common word (नजदिकियां → नजदीकियां).

    The word is unknown to the lexicon — or far rarer than a word one typical Hindi slip away
    (short/long vowel, anusvara, nukta on ड़/ढ़, श/ष/स, ए/ऐ, ओ/औ, a doubled or missing
    consonant, a misplaced reph) — and that word is common enough to be the likely intent.
    Suggestions are ranked, best first, and never applied automatically: a name or a rare word
    can look like a slip. An unknown word with no strong candidate (a name, a loanword) is
    never flagged.

    PASS::

        उत्तर कोरिया और रूस के संबंधों में लगातार नजदीकियां बढ़ रही हैं।

    FAIL::

        उत्तर कोरिया और रूस के संबंधों में लगातार नजदिकियां बढ़ रही हैं।
    """

    code = "SP102"
    name = "misspelling"
    category = "spelling"
    severity = "warning"
    severity_note = f"error when the engine is at least {ERROR_CONFIDENCE:.0%} sure"
    fixable = "unsafe"

    def check(self, doc, ctx):
        for item in analysis(doc, ctx).findings.get("SP102", ()):
            first = item.suggestions[0]
            message = f"“{item.written}” looks like a misspelling — {item.message}: did you mean “{first}”?"
            if len(item.suggestions) > 1:
                others = ", ".join(f"“{s}”" for s in item.suggestions[1:3])
                message += f" (or {others})"
            severity = "error" if item.confidence >= ERROR_CONFIDENCE and not self.severity_override else None
            yield self.finding(item.start, item.end, message, [Suggestion(s) for s in item.suggestions], severity)
