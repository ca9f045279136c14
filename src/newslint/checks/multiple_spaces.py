"""TY107: two or more spaces between words."""


from newslint.compiled import compile_re
from newslint.rule import Rule, Suggestion

# Between two non-space characters on one line; indentation and trailing spaces are left alone
# (Markdown uses two trailing spaces for a line break).
MULTIPLE_SPACES_RE = compile_re(r"(?<=\S)[ \u00a0]{2,}(?=\S)")


class MultipleSpaces(Rule):
    """Two or more spaces between words.

    A CMS usually collapses them on the page, but they survive in feeds, apps and syndication,
    and they often mark a word that was deleted in a hurry.

    PASS::

        मुख्यमंत्री ने सोमवार को बैठक की।

    FAIL::

        मुख्यमंत्री ने  सोमवार को बैठक की।

    FIX::

        मुख्यमंत्री ने सोमवार को बैठक की।
    """

    code = "TY107"
    name = "multiple-spaces"
    category = "typography"
    severity = "warning"
    fixable = "safe"

    def check(self, doc, ctx):
        for match in MULTIPLE_SPACES_RE.finditer(doc.prose, doc.front_matter_end):
            yield self.finding(
                match.start(),
                match.end(),
                f"{match.end() - match.start()} spaces between words; use one",
                [Suggestion(" ", safe=True)],
            )
