"""AT101 unattributed-figure and AT102 vague-attribution: who counted this number?

The analysis (figures, sources, the sentence window) lives in `newslint.factcheck`; the phrase
lists in `rules/attribution/`. Both rules share one analysis per document.
"""

from newslint.factcheck.attribution import analyse, idle_vague_sources
from newslint.rule import Rule, Suggestion

KIND_LABEL = {
    "casualty": "casualty count",
    "people": "count of people",
    "cases": "count of cases",
    "money": "money figure",
    "percent": "percentage",
    "claim": "figure",
}
GUIDANCE = {
    "casualty": "name who counted — the police, the hospital, the district administration, the ministry — and when",
    "money": "name who put the amount on record — the agency, the ministry, the court filing — and when",
    "percent": "name the survey, poll or dataset and who published it, and when",
}
DEFAULT_GUIDANCE = "name who counted — the ministry, the police, the agency — and when"


def _note(kind: str) -> str:
    return GUIDANCE.get(kind, DEFAULT_GUIDANCE)


class UnattributedFigure(Rule):
    """A figure with no source in its sentence or the sentence before.

    Casualty counts, arrests, displaced people, money, percentages and other statistics are
    facts somebody counted; the reader must learn who. The source may stand in the figure's
    sentence or in the sentence before it in the same paragraph ("जिलाधिकारी ने बताया…। मलबे से
    अब तक ११ शव निकाले जा चुके हैं।"). A source only in the sentence *after* the figure does not
    count — move it into the figure's sentence. Ages, times, durations, distances, scores, team
    sizes, ordinals, addresses, dates and years are not figures. Casualty counts are errors,
    other statistics warnings. The lists are in `rules/attribution/`.

    PASS::

        जिलाधिकारी के मुताबिक, बाढ़ में अब तक 12 लोगों की मौत हुई है।

    PASS::

        45 वर्षीय किसान का शव बुधवार सुबह 7 बजे घर से 2 किलोमीटर दूर मिला।

    FAIL::

        शहर में पुराने मकान ढहने से 8 लोगों की मौत हो गई।

    FAIL::

        खुदरा महंगाई दर जून में घटकर 2.1 प्रतिशत पर आ गई।
    """

    code = "AT101"
    name = "unattributed-figure"
    category = "attribution"
    severity = "warning"
    severity_note = "error for a casualty count"
    fixable = "no"

    def check(self, doc, ctx):
        for verdict in analyse(doc, ctx).reported:
            if verdict.status != "none":
                continue
            figure = verdict.figure
            label = KIND_LABEL.get(figure.kind, "figure")
            severity = "error" if figure.casualty else "warning"
            text = doc.text[figure.start:figure.end]
            note = _note(figure.kind)
            yield self.finding(
                figure.start,
                figure.end,
                f"{label} “{text}” has no source in its sentence or the one before: {note}",
                [Suggestion(text, safe=False, note=note)],
                severity=severity,
            )


class VagueAttribution(Rule):
    """A figure (or a claim) whose only source is vague or unnamed.

    "सूत्रों के मुताबिक", "एक रिपोर्ट के मुताबिक", "मीडिया रिपोर्ट्स", "बताया जा रहा है",
    "कहा जा रहा है", "मिली जानकारी के अनुसार", "स्थानीय लोगों का कहना है", "कथित तौर पर",
    "reports say" tell the reader nothing about who counted. A report or survey is named when its
    publisher is, whatever stands between them ("भारतीय रिजर्व बैंक की रिपोर्ट", "खुफिया एजेंसी
    की अप्रैल 2025 में आई एक रिपोर्ट", "लैंसेट में प्रकाशित एक अध्ययन", "data released by the
    Election Commission"); an organisation, office, designation or person is named. The finding
    is on the figure; a vague marker that covers no figure is reported on the marker itself. The
    lists are in `rules/attribution/`.

    PASS::

        भारतीय रिजर्व बैंक की वार्षिक रिपोर्ट के मुताबिक, बैंक धोखाधड़ी के 23,953 मामले दर्ज हुए।

    PASS::

        दक्षिण कोरिया की खुफिया एजेंसी की अप्रैल 2025 में आई एक रिपोर्ट के मुताबिक, 600 सैनिकों की मौत हो गई है।

    FAIL::

        मीडिया रिपोर्ट्स के मुताबिक, हवाई हमले में 38 लोग मारे गए हैं।

    FAIL::

        बताया जा रहा है कि नाव पलटने के बाद 12 लोग अब भी लापता हैं।
    """

    code = "AT102"
    name = "vague-attribution"
    category = "attribution"
    severity = "warning"
    fixable = "no"

    def check(self, doc, ctx):
        analysis = analyse(doc, ctx)
        for verdict in analysis.reported:
            if verdict.status != "vague":
                continue
            figure = verdict.figure
            label = KIND_LABEL.get(figure.kind, "figure")
            text = doc.text[figure.start:figure.end]
            source = verdict.source
            said = f"“{doc.text[source.start:source.end]}”" if source else "an unnamed source"
            note = "replace the vague source with a named one: " + _note(figure.kind)
            yield self.finding(
                figure.start,
                figure.end,
                f"{label} “{text}” rests only on {said}, which names nobody: {_note(figure.kind)}",
                [Suggestion(text, safe=False, note=note)],
            )
        for source in idle_vague_sources(doc, ctx):
            text = doc.text[source.start:source.end]
            yield self.finding(
                source.start,
                source.end,
                f"vague attribution “{text}”: name the report, the outlet or the person the claim comes from",
                [Suggestion(text, safe=False, note="name the source: who published the report, which outlet, which official")],
            )
