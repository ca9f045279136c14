"""ST104 cms-debris, ST105 related-story-link, ST106 teaser-headline: page furniture in the body."""

from __future__ import annotations

from newslint.checks.structure_analysis import DEBRIS, RELATED, TEASER, deletion_span, line_kinds
from newslint.rule import Rule, Suggestion


def _lines_of(doc, ctx, kind):
    kinds = line_kinds(doc, ctx)
    for number in sorted(kinds):
        if kinds[number].kind == kind:
            yield doc.lines[number - 1], kinds[number]


def _quote(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class CmsDebris(Rule):
    """A CMS or page-template label left in the body: "Advertisement", "Must Read", "Share".

    Copying a story out of a web page or a CMS preview brings along the labels around it: ad
    slots (Advertisement, विज्ञापन, Story continues below Advertisement), widget headings (Latest
    News, Trending, सबसे ज्यादा पढ़ी गई, More Articles Like This), share and follow bars (Share,
    Tweet, WhatsApp, शेयर करें, Follow us on Google News) and app promos. The labels come from the
    rule pack (`structure/cms-debris.txt`, `structure/teaser-markers.txt`,
    `structure/share-buttons.txt`), which a newsroom extends with its own CMS's labels. Only a
    whole line that is nothing but a label is reported — never a word inside a sentence
    (विज्ञापन in a sentence about advertising is fine). The fix deletes the line.

    PASS::

        सोशल मीडिया पर विज्ञापन का खर्च 20 प्रतिशत बढ़ा।

    FAIL::

        Advertisement
    """

    code = "ST104"
    name = "cms-debris"
    category = "structure"
    severity = "warning"
    fixable = "safe"

    def check(self, doc, ctx):
        for line, info in _lines_of(doc, ctx, DEBRIS):
            start, end = deletion_span(doc, line, line)
            what = "a widget heading above other stories' headlines" if info.marker else "CMS / page-template debris"
            yield self.finding(
                start,
                end,
                f"“{_quote(line.text.strip())}” is {what}, not part of the article; delete the line",
                [Suggestion("", safe=True, note=f"delete line {line.number}")],
            )


class RelatedStoryLink(Rule):
    """An inline related-story link: "ये भी पढ़ें: <another story's headline>".

    On the website it is a link to another story; in print, in an app or in syndication it is a
    stray headline in the middle of the article. A line that starts with a marker (ये भी पढ़ें,
    यह भी पढ़ें, इसे भी पढ़ें, पढ़ें:, Also Read, Read Also … and misspellings such as पढें, पढ़े)
    followed by a separator (: :- - – | … ») and a headline, or standing alone, is reported.
    "पढ़ें" inside a sentence ("छात्र रोज़ अख़बार पढ़ें") is not. Markers are in
    `structure/related-story-markers.txt`. The fix deletes the line.

    PASS::

        शिक्षा मंत्री ने कहा कि छात्र रोज़ अख़बार पढ़ें।

    FAIL::

        इसे भी पढें:-पाकिस्तान में पुलिस स्टेशन पर ड्रोन हमला
    """

    code = "ST105"
    name = "related-story-link"
    category = "structure"
    severity = "warning"
    fixable = "safe"

    def check(self, doc, ctx):
        for line, info in _lines_of(doc, ctx, RELATED):
            start, end = deletion_span(doc, line, line)
            shape = "a related-story marker" if info.marker else "a link to another story"
            yield self.finding(
                start,
                end,
                f"“{_quote(line.text.strip())}” is {shape} left from the website; delete the line",
                [Suggestion("", safe=True, note=f"delete line {line.number}")],
            )


class TeaserHeadline(Rule):
    """A teaser headline of another story under a widget heading ("Latest News", "ये भी पढ़ें").

    The headlines, blurbs and dates that a "Latest News" / "Trending" / "संबंधित खबरें" widget
    lists belong to other stories; a date among them ("14 July 2025") is not this article's
    date. A line is a teaser when it follows such a marker, is shaped like a headline (no
    sentence-final ।, a truncated blurb ending in "…", a bare date, or a Markdown link item),
    and either everything after the marker to the end of the article is teasers, or it sits
    directly under the marker (no blank line between). The fix deletes the line.

    PASS::

        Latest News

        उधर, राज्य सरकार ने राहत पैकेज की घोषणा की है।

    FAIL::

        Latest News

        Gold Price Today: सोने के दाम में लगातार तीसरे दिन गिरावट, जानिए अपने शहर का ताजा भाव
    """

    code = "ST106"
    name = "teaser-headline"
    category = "structure"
    severity = "warning"
    fixable = "safe"

    def check(self, doc, ctx):
        for line, _info in _lines_of(doc, ctx, TEASER):
            start, end = deletion_span(doc, line, line)
            yield self.finding(
                start,
                end,
                f"“{_quote(line.text.strip())}” is a teaser of another story under a "
                "“Latest News”-style widget, not part of this article; delete the line",
                [Suggestion("", safe=True, note=f"delete line {line.number}")],
            )
