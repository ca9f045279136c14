"""SP201: precomposed and decomposed nukta letters mixed in one article."""


from newslint.checks.unicode_chars import (
    COMPOSE_NUKTA,
    DECOMPOSE_NUKTA,
    NUKTA,
    NUKTA_BASES,
    PRECOMPOSED_NUKTA,
)
from newslint.compiled import compile_re
from newslint.rule import Rule, Suggestion

# A nukta letter in either encoding: one precomposed character (U+0958–U+095F), or a base letter
# followed by the nukta sign U+093C.
NUKTA_LETTER_RE = compile_re(f"[{PRECOMPOSED_NUKTA}]|[{NUKTA_BASES}]{NUKTA}")
PRECOMPOSED_RE = compile_re(f"[{PRECOMPOSED_NUKTA}]")


class MixedNuktaEncoding(Rule):
    """Nukta letters written in two different Unicode encodings in one article.

    क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़ can be stored as one precomposed character (ज़ = U+095B) or as the letter
    plus the nukta sign (ज़ = ज U+091C + ़ U+093C). Both look the same, and either is fine on its
    own, but an article that mixes them defeats search (one encoding does not find the other), word counts
    and consistency checks, and one of the two was usually pasted in from elsewhere. The minority
    encoding is flagged and the fix converts it to the one the article uses most (on a tie, to the
    decomposed form, which is what Unicode normalisation (NFC) produces). The examples spell out
    the invisible difference: \u093c is the nukta sign, \u095b the precomposed ज़.

    PASS::

        ज\\u093cरूरी है कि बड\\u093cे फ\\u093cैसले हों।

    FAIL::

        \\u095bरूरी है कि बड\\u093cे फ\\u093cैसले हों।

    FIX::

        ज\\u093cरूरी है कि बड\\u093cे फ\\u093cैसले हों।
    """

    code = "SP201"
    name = "mixed-nukta-encoding"
    category = "spelling"
    severity = "warning"
    fixable = "safe"

    def check(self, doc, ctx):
        prose = doc.prose
        start = doc.front_matter_end
        # Fast path: an article needs both a precomposed letter and a nukta sign to mix them.
        if NUKTA not in prose or PRECOMPOSED_RE.search(prose, start) is None:
            return
        precomposed: list[tuple[int, int]] = []
        decomposed: list[tuple[int, int]] = []
        for match in NUKTA_LETTER_RE.finditer(prose, start):
            (precomposed if match.end() - match.start() == 1 else decomposed).append(match.span())
        if not precomposed or not decomposed:
            return
        if len(precomposed) > len(decomposed):
            minority, majority_count = decomposed, len(precomposed)
            target = "precomposed (one character)"
        else:
            minority, majority_count = precomposed, len(decomposed)
            target = "decomposed (letter + nukta U+093C)"
        text = doc.text
        for begin, end in minority:
            written = text[begin:end]
            if len(written) == 1:
                replacement = DECOMPOSE_NUKTA[written]
                how = f"the precomposed character U+{ord(written):04X}"
            else:
                replacement = COMPOSE_NUKTA[written]
                how = f"letter + nukta (U+{ord(written[0]):04X} U+093C)"
            yield self.finding(
                begin,
                end,
                f"“{written}” is encoded as {how}, but this article writes {majority_count} other nukta "
                f"letters {target}; mixed encodings look the same but break search and consistency — use one",
                [Suggestion(replacement, safe=True)],
            )
