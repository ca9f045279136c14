"""SP105 house-style-mix: accepted spelling variants mixed in one article (गए and गये)."""

from newslint.checks.spelling_shared import analysis, as_written, positions
from newslint.rule import Rule, Suggestion

# option → (the choices, which choice means the *marked* spelling, a name for each style)
DIMENSIONS = {
    "ye-e": (("consistent", "uniform", "e", "ye", "either"), "ye", ("the ए/ई form", "the ये/यी form")),
    "chandrabindu": (
        ("consistent", "uniform", "anusvara", "chandrabindu", "either"),
        "chandrabindu",
        ("an anusvara ं", "a chandrabindu ँ"),
    ),
    "panchamakshar": (
        ("consistent", "uniform", "anusvara", "panchamakshar", "either"),
        "panchamakshar",
        ("an anusvara ं", "a nasal consonant (panchamakshar)"),
    ),
    "nukta": (("consistent", "uniform", "no-nukta", "nukta", "either"), "nukta", ("no nukta", "a nukta")),
}


class HouseStyleMix(Rule):
    """Accepted spelling variants mixed in one article (गए and गये, हिंदी and हिन्दी).

    Standard Hindi accepts both spellings in four places: ए/ये forms (गए/गये, लिए/लिये,
    नई/नयी), chandrabindu or anusvara (गाँव/गांव), a nasal consonant or anusvara before a
    stop (हिन्दी/हिंदी, सम्बन्ध/संबंध), and the optional nukta of क़ ख़ ग़ ज़ फ़ (ज़रूर/जरूर). None
    is an error, but one word should not be spelled two ways in one article. By default both
    spellings are accepted and only a word written both ways is flagged (the spelling the
    article uses less often; on a tie, the one it used second). Per pair, a newsroom can ask
    for `uniform` (one style for every word of the article: गये next to लिए is flagged) or pick
    a style — then every word in the other style is flagged: options `ye-e` (`e`, `ye`),
    `chandrabindu` (`anusvara`, `chandrabindu`), `panchamakshar` (`anusvara`,
    `panchamakshar`), `nukta` (`no-nukta`, `nukta`); `either` turns a pair off. A word
    counts only where corpora really spell it both ways.

    PASS::

        मंत्री दिल्ली गए और वहां से लौटकर उन्होंने नए नियम लागू किए।

    FAIL::

        मंत्री दिल्ली गए और वहां से लौटकर सचिव भी दिल्ली गये।
    """

    code = "SP105"
    name = "house-style-mix"
    category = "spelling"
    severity = "info"
    fixable = "unsafe"
    options = {name: "consistent" for name in DIMENSIONS}
    option_choices = {name: spec[0] for name, spec in DIMENSIONS.items()}

    def check(self, doc, ctx):
        from newslint.hindi.text import lookup_key  # the engine is imported on first use

        result = analysis(doc, ctx)
        if not result.styled:
            return
        counts = result.counts
        settings = [self.settings.get(d, "consistent") for d in DIMENSIONS]
        if all(v in ("consistent", "either") for v in settings):
            # fast path: only a word written two ways can be flagged
            keys = [lookup_key(w) for w in result.styled]
            if len(set(keys)) == len(keys):
                return
        order: dict[str, int] | None = None  # first occurrence of each word, for ties
        flagged: dict[str, tuple[str, str, int, str, bool]] = {}  # word → (respelled, example, n, dimension, uniform)
        for dimension, (_, marked_choice, _) in DIMENSIONS.items():
            setting = self.settings.get(dimension, "consistent")
            if setting == "either":
                continue
            seen = [(word, dims[dimension]) for word, dims in result.styled.items() if dimension in dims]
            if not seen:
                continue
            if setting == "consistent":
                groups: dict[str, list] = {}
                for item in seen:
                    groups.setdefault(lookup_key(item[0]), []).append(item)
                batches = [g for g in groups.values() if len({marked for _, (marked, _) in g}) == 2]
            elif setting == "uniform":
                batches = [seen] if len({marked for _, (marked, _) in seen}) == 2 else []
            else:
                batches = [seen]
            for batch in batches:
                if setting in ("consistent", "uniform"):
                    marked_n = sum(counts[w] for w, (marked, _) in batch if marked)
                    plain_n = sum(counts[w] for w, (marked, _) in batch if not marked)
                    if marked_n == plain_n:
                        if order is None:
                            order = {}
                            for t in doc.tokens:
                                order.setdefault(t.text, t.start)
                        first = min(batch, key=lambda item: order[item[0]])
                        flag_marked = not first[1][0]
                    else:
                        flag_marked = marked_n < plain_n
                else:
                    flag_marked = setting != marked_choice
                majority = [w for w, (marked, _) in batch if marked != flag_marked]
                n = sum(counts[w] for w in majority)
                example = max(majority, key=lambda w: counts[w]) if majority else ""
                for word, (marked, respelled) in batch:
                    if marked == flag_marked and respelled is not None and word not in flagged:
                        flagged[word] = (respelled, example, n, dimension, setting)
        if not flagged:
            return
        for start, end, text in positions(doc, flagged, result.claimed):
            respelled, example, n, dimension, setting = flagged[text]
            names = DIMENSIONS[dimension][2]
            marked = result.styled[text][dimension][0]
            this_name, other_name = (names[1], names[0]) if marked else (names[0], names[1])
            if setting in ("consistent", "uniform"):
                times = "once" if n == 1 else f"{n} times"
                message = (
                    f"“{text}” is written with {this_name}, but this article writes "
                    f"{'it' if setting == 'consistent' else other_name} {times} (“{example}”); "
                    f"both are correct, but use one spelling: “{respelled}”"
                )
            else:
                message = f"“{text}” is written with {this_name}; house style is {other_name}: “{respelled}”"
            yield self.finding(start, end, message, [Suggestion(as_written(respelled, text, result.precomposed))])
