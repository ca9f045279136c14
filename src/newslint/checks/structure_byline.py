"""ST103 duplicate-byline: the same author named twice in the byline, in different shapes."""

from __future__ import annotations

from newslint.checks.structure_analysis import byline_duplicates, deletion_span
from newslint.rule import Rule, Suggestion


class DuplicateByline(Rule):
    """The same author is named twice in the byline, in two shapes or two scripts.

    CMS templates often print the author field and the reporter's own byline line one under the
    other: "By Neeraj Jha" and "नीरज झा | दैनिक भास्कर", or "Reporter: Priyanka Deshmukh" and
    "प्रियंका देशमुख". Names in the first lines after the headline are compared by a phonetic key
    that is the same for the Latin and the Devanagari spelling ("Srivastava" = "श्रीवास्तव"),
    after stripping "By", "Reporter:", "… की रिपोर्ट", desks, places and designations. Two
    different authors ("X और Y की रिपोर्ट", "By A and B") are not a duplicate, and an exact repeat
    is left to repeated-line / repeated-block. The suggestion (delete the later line) is unsafe:
    that line may carry the desk or the place the editor wants to keep.

    PASS::

        By Ankit Sharma and Farah Naaz

    FAIL::

        By Sanjay Mishra
        संजय मिश्र | पटना ब्यूरो
    """

    code = "ST103"
    name = "duplicate-byline"
    category = "structure"
    severity = "warning"
    fixable = "unsafe"

    def check(self, doc, ctx):
        for dup in byline_duplicates(doc, ctx):
            start, end = deletion_span(doc, dup.line, dup.line)
            yield self.finding(
                start,
                end,
                f"“{dup.line.text.strip()}” names the same author as line {dup.first_line.number} "
                f"(“{dup.first_line.text.strip()}”); keep one byline",
                [Suggestion("", safe=False, note=f"delete line {dup.line.number} (keep any desk or place it adds)")],
            )
