"""ST101 repeated-line and ST102 repeated-block: text pasted twice."""

from __future__ import annotations

from newslint.checks.structure_analysis import deletion_span, line_range, repeats
from newslint.rule import Rule, Suggestion


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class RepeatedLine(Rule):
    """A line that repeats an earlier line of the body.

    A line pasted twice — the byline name on two consecutive lines, a paragraph or a subheading
    pasted again further down — is a copy-paste slip that readers notice at once. Blank lines
    are ignored; the later copy is reported, naming the first. Lines that legitimately repeat
    stay silent: a refrain inside a Markdown blockquote (verse), table rows, short list items,
    photo credits, and a slogan quoted inside two different paragraphs (only a whole line that
    repeats counts). A line inside a repeated run of lines is left to repeated-block (ST102).

    PASS::

        Aarti Kushwaha
        Reporter, The Printlines

    FAIL::

        Aarti Kushwaha
        Aarti Kushwaha
        Reporter, The Printlines

    FIX::

        Aarti Kushwaha
        Reporter, The Printlines
    """

    code = "ST101"
    name = "repeated-line"
    category = "structure"
    severity = "warning"
    fixable = "safe"

    def check(self, doc, ctx):
        for repeat in repeats(doc, ctx).repeats:
            if repeat.kind != "line":
                continue
            line, first = repeat.lines[0], repeat.first[0]
            start, end = deletion_span(doc, line, line)
            where = " (the line before)" if first.number == line.number - 1 else ""
            yield self.finding(
                start,
                end,
                f"“{_quote(line.text)}” repeats line {first.number}{where}; a copy-paste slip — delete the repeat",
                [Suggestion("", safe=True, note=f"delete line {line.number}")],
            )


class RepeatedBlock(Rule):
    """A run of lines or a whole paragraph that occurs again later in the body.

    A byline block, a subheading with its paragraph, or two paragraphs pasted a second time. The
    later copy is reported as one finding spanning it (its lines are not reported again by
    repeated-line); the fix deletes it. Blank lines between the pasted paragraphs are ignored;
    CMS debris inside the pasted run (an "Advertisement" slot) does not hide it.

    PASS::

        Aman Gupta
        Business Correspondent, Mumbai

        बाजार में गिरावट दर्ज की गई।

    FAIL::

        Aman Gupta
        Business Correspondent, Mumbai
        Aman Gupta
        Business Correspondent, Mumbai

        बाजार में गिरावट दर्ज की गई।

    FIX::

        Aman Gupta
        Business Correspondent, Mumbai

        बाजार में गिरावट दर्ज की गई।
    """

    code = "ST102"
    name = "repeated-block"
    category = "structure"
    severity = "warning"
    fixable = "safe"

    def check(self, doc, ctx):
        for repeat in repeats(doc, ctx).repeats:
            if repeat.kind != "block":
                continue
            start, end = deletion_span(doc, repeat.lines[0], repeat.lines[-1])
            later, first = line_range(repeat.lines), line_range(repeat.first)
            yield self.finding(
                start,
                end,
                f"{later[0].upper()}{later[1:]} repeat {first} (“{_quote(repeat.lines[0].text, 40)}” …); "
                "the block was pasted twice — delete the later copy",
                [Suggestion("", safe=True, note=f"delete {later}")],
            )
