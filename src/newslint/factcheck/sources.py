"""Who a sentence attributes its facts to, and whether that source is named or vague.

Four kinds of marker, each a list in `rules/attribution/`:

- `source-after-markers.txt`: the source comes before — "X के मुताबिक/अनुसार/हवाले से",
  "X का कहना है", "X की मानें तो";
- `source-before-markers.txt`: the source comes after — "बकौल X", "according to X";
- `speech-verbs.txt`: "X ने … बताया/कहा/पुष्टि की/दावा किया/जानकारी दी", "उन्होंने बताया",
  "police said", "said the ministry"; in the passive the agent is "X द्वारा", "X की ओर से",
  "X के बयान में"; a passive with no agent ("बताया गया है कि") is a weak vague source and one
  with a progressive ("बताया जा रहा है") is hearsay;
- `vague-phrases.txt`: hearsay with no source at all — "कहा जा रहा है", "कथित तौर पर", "reportedly";
- `document-verbs.txt`: a document or data as the subject — "मंत्रालय के आंकड़े बताते हैं",
  "अध्ययन में पाया गया", "the ministry's data shows" (a source only when the subject is a document);
- `split-statement-nouns.txt`: the speaker between a statement and its verb — "… की पुष्टि
  जिलाधिकारी ने की", "इसकी जानकारी थाना प्रभारी ने दी".

X is judged from its last word (its head):
- a pronoun ("उनके", "उन्होंने", "he") points back to a source already named: named;
- an always-vague head ("सूत्रों", "लोगों", "sources") is vague whoever qualifies it;
- a report-like head ("रिपोर्ट", "जानकारी", "आंकड़ों", "मीडिया") is named only when someone owns
  it or a named qualifier precedes it ("रूसी मीडिया", "सरकारी आंकड़ों", "उनकी रिपोर्ट", "a World
  Bank report", "the ministry's data"). The owner is looked for back over the report's modifiers —
  a determiner, a date, a participle: "X की (अप्रैल 2025 में आई) (एक) रिपोर्ट", "X से मिली
  जानकारी", "X द्वारा जारी आंकड़ों", "लैंसेट में प्रकाशित एक अध्ययन", "data released by X" — and is
  judged like any source; a time or a place is no owner ("अप्रैल की रिपोर्ट", "हाल ही में आई"),
  and a topic ("बाढ़ पर आई रिपोर्ट") or a compound postposition ("घटना के बाद आई") ends the search
  (see `_owner`). "एक रिपोर्ट", "मिली जानकारी", "मीडिया रिपोर्ट्स" stay vague. A bare or
  demonstrative "रिपोर्ट"/"इस रिपोर्ट"/"the report" points back to a report named earlier;
- anything else — an organisation, an office, a designation, a person — is named.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

import regex

from newslint.factcheck.phrases import (
    WB_AFTER,
    WB_BEFORE,
    LazyPattern,
    alternation,
    bounded,
    first_chars,
    key,
    load_list,
)
from newslint.factcheck.text import (
    _WORD_CHAR,
    SubsetPattern,
    Tok,
    WordFinder,
    _word_char,
    anchored_matches,
    first_words,
    tokens_after,
    tokens_before,
)
from newslint.compiled import compile_regex

GENITIVE = {"का", "की", "के"}
CASE_MARKERS = GENITIVE | {"ने"}  # what a source phrase may end in: "पुलिस के (मुताबिक)", "मंत्री ने"
OWNER_MARKERS = {"का", "की", "के", "द्वारा", "से", "by", "from"}
AGENT_SKIP = {"ओर", "तरफ"}
DETERMINERS = {"the", "a", "an", "this", "that", "its", "their", "his", "her"}
ENGLISH_NOT_SUBJECT = {"that", "on", "in", "at", "it", "to", "there", "this", "last", "earlier", "about", "more", "at least", "over"}
ENGLISH_CUT = {"in", "at", "on", "close", "within", "who", "which", "that", "released", "published", "issued", "last", "this"}


class Source(NamedTuple):
    """A source marker found in a sentence. A named tuple, not a frozen dataclass: made for every
    marker, and a frozen dataclass sets each field through `object.__setattr__`."""

    kind: str  # "named", "vague" (hearsay or an unnamed source), "weak" (agentless passive),
    #            or "anaphoric" (a bare "रिपोर्ट": named if the article named a report before)
    start: int
    end: int
    text: str
    alone: bool = True  # reported by AT102 even when it covers no figure
    head: str = ""  # key of the anaphoric head


class SourceData:
    def __init__(self, packs):
        self.vague_sources = {key(w) for w in load_list(packs, "attribution/vague-sources.txt")}
        self.unless_owned = {key(w) for w in load_list(packs, "attribution/vague-unless-owned.txt")}
        self.vague_modifiers = {key(w) for w in load_list(packs, "attribution/vague-modifiers.txt")}
        self.named_qualifiers = {key(w) for w in load_list(packs, "attribution/named-qualifiers.txt")}
        self.not_sources = {key(w) for w in load_list(packs, "attribution/not-sources.txt")}
        self.pronouns = {key(w) for w in load_list(packs, "attribution/pronoun-sources.txt")}
        documents = load_list(packs, "attribution/document-nouns.txt")
        self.documents = {key(w) for w in documents} | self.unless_owned
        ergatives = load_list(packs, "attribution/ergative-pronouns.txt")
        self.pronouns |= {key(w) for w in ergatives}
        self.anaphoric = {key(w) for w in load_list(packs, "attribution/anaphoric-sources.txt")}
        self.anaphoric_determiners = {key(w) for w in load_list(packs, "attribution/anaphoric-determiners.txt")}
        marker_lists = [load_list(packs, f"attribution/{n}.txt") for n in ("vague-phrases", "speculation-phrases", "source-before-markers", "source-after-markers", "speech-verbs", "document-verbs", "split-statement-nouns")]
        self.first_words = first_words([w for lst in marker_lists for w in lst])
        self.finder = WordFinder(self.first_words)
        # Words a vague source cannot do without: a sentence with none of them has no vague source.
        self.vague_finder = WordFinder(
            first_words(load_list(packs, "attribution/vague-phrases.txt"))
            | self.vague_sources | self.unless_owned | self.anaphoric
        )
        # every spelling of an ergative subject marker ("ने", "उन्होंने"): see _last_ergative
        self.ne_forms = WordFinder(["ने"]).forms
        self.ergative_forms = WordFinder(["ने"] + ergatives).forms
        self.ergatives_end_in_ne = all(f.endswith("ने") for f in self.ergative_forms)  # a pack may add others
        self.markers = SubsetPattern(_marker_pattern, marker_lists, regex.IGNORECASE)
        self.marker_re = self.markers.full
        self.ergative_re = LazyPattern(lambda: regex.compile(
            rf"{WB_BEFORE}(?:(?P<ne>ने)|(?P<pron>{alternation(ergatives)})){WB_AFTER}"
        ))
        self.passive_re = LazyPattern(lambda: regex.compile(
            r"\s+(?:(?P<prog>जा\s+रह[ाीे]|जाता|जाती|जाते)|गया|गई|गयी|गए|गये)" + WB_AFTER
        ))
        self.agent_re = LazyPattern(lambda: regex.compile(
            rf"{WB_BEFORE}(?:द्वारा|की\s+ओर\s+से|की\s+तरफ\s+से|के\s+द्वारा){WB_AFTER}"
        ))
        self.in_re = LazyPattern(lambda: regex.compile(rf"{WB_BEFORE}में\s*$"))
        self.english_speech = {"said", "says", "say", "told", "confirmed", "confirms", "stated", "announced", "claimed", "claim", "claims", "estimated", "estimates", "added", "reported"}
        # Who owns a report-like word: see _owner().
        self.relations = {key(w) for w in load_list(packs, "attribution/owner-relations.txt")}
        self.topic_markers = {key(w) for w in load_list(packs, "attribution/topic-markers.txt")}
        self.participles = {key(w) for w in load_list(packs, "attribution/publication-participles.txt")}
        self.channels = {key(w) for w in load_list(packs, "attribution/channel-nouns.txt")}
        calendar = [w.split(" = ")[0] for n in ("dates/months.txt", "dates/weekdays.txt") for w in load_list(packs, n)]
        self.not_owners = {key(w) for w in load_list(packs, "attribution/not-owners.txt") + calendar}
        # What a vague source standing alone (`Source.alone`) needs in its sentence, so that
        # `attribution.may_stand_vague` can tell without `find_sources`: a hearsay phrase (the
        # markers' "vague" group), or a word whose key one of the verdicts "vague" rests on — a
        # vague source, a report-like word (also as "reports": `judge` strips "'s"), an anaphoric
        # head, a document noun that is no source (`_speech`: "… में बताया गया").
        self.vague_phrase_re = LazyPattern(lambda: bounded(alternation(marker_lists[0])), regex.IGNORECASE)
        self.vague_heads = self.vague_sources | self.unless_owned | self.anaphoric | (self.documents & self.not_sources)
        # The test holds while those keys are runs of letters (a token with one is then a word of
        # the document's tokens) and `_speech`'s document nouns are no case markers or
        # determiners (`judge` keeps them as the head); a pack that changes that turns it off.
        self.stand_vague_test = (
            all(_LETTERS.fullmatch(k) for k in self.vague_heads)
            and self.documents.isdisjoint(CASE_MARKERS | DETERMINERS)
        )
        self.head_texts: set[str] = set()  # words as written whose key is a vague head (memo)
        self.known_texts: set[str] = set()  # words as written already sorted into head_texts or not

    def learn_texts(self, texts) -> None:
        """Sort the words as written not met before into `head_texts` (their key, or with "'s"
        stripped a report-like word's, is one of `vague_heads`) or not."""
        if len(self.known_texts) > 300_000:
            self.known_texts.clear()  # head_texts stays: a few spellings of the heads, all still true
        heads, owned = self.vague_heads, self.unless_owned
        for text in set(texts).difference(self.known_texts):
            k = key(text)
            if k in heads or k.rstrip("'s") in owned:
                self.head_texts.add(text)
            self.known_texts.add(text)  # after head_texts: a known word's answer is there


_LETTERS = compile_regex(r"[\p{L}\p{M}]+")


def _marker_pattern(vague, spec, before, after, speech, docs, split_nouns) -> str:
    return (
        first_chars([w for lst in (vague, spec, before, after, speech, docs, split_nouns) for w in lst]) +
        rf"(?:(?P<vague>{bounded(alternation(vague))})"
        rf"|(?P<spec>{bounded(alternation(spec))})"
        rf"|(?P<before>{bounded(alternation(before))})"
        rf"|(?P<after>{bounded(alternation(after))})"
        rf"|(?P<speech>{bounded(alternation(speech))})"
        rf"|(?P<doc>{bounded(alternation(docs))})"
        # "<noun> X ने की/दी": the speaker between a statement noun and its light verb
        rf"|(?P<split>{WB_BEFORE}{alternation(split_nouns)}(?:\s+[\p{{L}}\p{{M}}\p{{Nd}}().'’-]+){{1,7}}?\s+ने\s+(?:भी\s+)?(?:की|किया|दी|कर\s+दी|कर\s+दिया){WB_AFTER}))"
    )


def build_source_data(packs) -> SourceData:
    return SourceData(packs)


def _is_latin_name(tok: Tok) -> bool:
    t = tok.text
    return t[:1].isascii() and t[:1].isupper()


OWNER_REACH = 10  # words between a report-like word and its owner's marker ("X की अप्रैल 2025 में आई एक रिपोर्ट")


def _is_number(tok: Tok) -> bool:
    return tok.text[:1].isdigit()


NOT_A_SOURCE = "not a source"


def _owner(data: SourceData, toks: list[Tok], index: int) -> str | None:
    """Who owns the report-like word toks[index]: the owner's verdict ('named', 'vague',
    'anaphoric', or NOT_A_SOURCE: "नियमों की रिपोर्ट"), or None when nobody owns it.

    Looking back over its modifiers (a determiner, a date, a participle: "एक", "ताजा", "अप्रैल 2025
    में आई", "पिछले सप्ताह जारी") for an owner's marker:
    - a genitive or "से"/"द्वारा"/"by"/"from" ("X की रिपोर्ट", "X से मिली जानकारी", "X द्वारा जारी
      आंकड़ों", "X की ओर से जारी"), unless it is part of a compound postposition ("घटना के बाद
      आई रिपोर्ट", "हादसे से जुड़ी रिपोर्ट": owner-relations.txt);
    - "में" + a publication participle ("लैंसेट में प्रकाशित", "अदालत में दाखिल"), and "पर" + one
      after a channel ("मंत्रालय की वेबसाइट पर जारी");
    the owner is the phrase before the marker, judged like any source. An owner that is a time or a
    place ("अप्रैल की", "2025 में आई", "हाल ही में प्रकाशित": not-owners.txt) is skipped and the
    search goes on; a topic marker ("बाढ़ पर आई रिपोर्ट": topic-markers.txt) ends it.
    """
    lowest = max(index - OWNER_REACH, 0)
    j = index - 1
    while j >= lowest:
        tk = toks[j].key
        nxt = toks[j + 1].key if j + 1 < index else None
        if tk in OWNER_MARKERS or (tk in ("में", "पर", "in", "on") and nxt in data.participles):
            if nxt in data.relations:
                return None  # "के बाद", "से जुड़ी": a compound postposition, not an owner
            if tk in ("पर", "on") and (j == 0 or toks[j - 1].key not in data.channels):
                return None  # "बाढ़ पर जारी रिपोर्ट": a topic
            k = j - 1
            while k >= 0 and (toks[k].key in AGENT_SKIP or toks[k].key in GENITIVE):
                k -= 1
            if k < 0:
                return None
            if toks[k].key in data.not_owners or _is_number(toks[k]):
                j = k - 1  # "X की अप्रैल 2025 में आई रिपोर्ट": a time, look further back
                continue
            return judge(data, toks[:k + 1]) or NOT_A_SOURCE
        if tk in data.topic_markers:
            return None
        j -= 1
    return None


def _english_owner(data: SourceData, rest: list[Tok]) -> str | None:
    """The owner after an English report-like word: "data released by the Election Commission",
    "a report of the ministry", "a study in The Lancet"."""
    i = 0
    while i < len(rest) and rest[i].key in data.participles:
        i += 1
    if i >= len(rest) or rest[i].key not in ("by", "from", "of", "in"):
        return None
    tail = [t for t in rest[i + 1:] if t.key not in DETERMINERS]
    if not tail or tail[0].key in data.not_owners or _is_number(tail[0]):
        return None
    if rest[i].key == "in" and not _is_latin_name(tail[0]):
        return None  # "a report in April", "in the state"
    verdict = judge(data, rest[i + 1:], english_order=True)
    return verdict if verdict in ("named", "vague") else None


def judge(data: SourceData, toks: list[Tok], english_order: bool = False) -> str | None:
    """'named' or 'vague' for a source phrase, None when it is not a source at all."""
    if any(t.key in ("(", ")") for t in toks):  # never for the token windows' tokens
        toks = [t for t in toks if t.key not in ("(", ")")]
    while toks and toks[-1].key in CASE_MARKERS:
        toks = toks[:-1]
    rest: list[Tok] = []
    if english_order:
        cut = []
        for n, t in enumerate(toks):
            if t.key in ENGLISH_CUT and cut:
                rest = toks[n:]
                break
            cut.append(t)
        toks = cut
    content = [t for t in toks if t.key not in DETERMINERS]
    if not content:
        return None
    head = content[-1]
    hk = head.key
    if hk in data.not_sources:
        return None
    if hk in data.pronouns:
        return "named"
    if hk in data.vague_sources:
        return "vague"
    if english_order and any(t.key in data.vague_sources for t in content[:3]):
        return "vague"
    if hk in data.anaphoric and (len(content) == 1 or (len(content) == 2 and content[0].key in data.anaphoric_determiners)):
        return "anaphoric"
    if hk in data.unless_owned or hk.rstrip("'s") in data.unless_owned:
        if head.text.endswith(("'s", "’s")) and hk[:-2] not in data.unless_owned:
            return "named"
        if english_order and rest and _english_owner(data, rest) == "named":
            return "named"
        index = toks.index(head)
        owner = _owner(data, toks, index)
        if owner is not None:
            return None if owner == NOT_A_SOURCE else owner
        prev = toks[index - 1] if index > 0 else None
        if prev is not None and (prev.key in data.named_qualifiers or prev.key in data.pronouns or prev.text.endswith(("'s", "’s")) or (_is_latin_name(prev) and prev.key not in data.vague_modifiers)):
            return "named"  # "रूसी मीडिया", "सरकारी आंकड़ों", "उनकी रिपोर्ट", "a World Bank report"
        return "vague"
    return "named"


def judge_parenthesised(data: SourceData, prose: str, toks: list[Tok]) -> str | None:
    """Judge X; when X ends in a parenthesis ("पुलिस अधीक्षक (ग्रामीण)", "एजेंसी (यूएनएचसीआर)"),
    the words inside and the words before it are two names for one source: named if either is."""
    verdict = judge(data, toks)
    if verdict == "named":
        return verdict  # most sources: the words outside a parenthesis are not looked at
    trimmed = [t for t in toks if t.key not in CASE_MARKERS]
    if trimmed and prose[trimmed[-1].end:trimmed[-1].end + 1] == ")":
        opening = prose.rfind("(", 0, trimmed[-1].start)
        outside = [t for t in trimmed if t.end <= opening]
        if outside and judge(data, outside) == "named":
            return "named"
    return verdict


def _source(verdict: str, begin: int, end: int, prose: str, toks: list[Tok], alone: bool = True) -> Source:
    # the key of the last token that is no case marker (read from the end: it is mostly the last)
    head = next((t.key for t in reversed(toks) if t.key not in CASE_MARKERS), "")
    return Source(verdict, begin, end, prose[begin:end], alone, head)


def _markers(data: SourceData, prose: str, start: int, end: int, positions: list[int] | None, pattern=None) -> list:
    if positions is None:
        return list(data.marker_re.finditer(prose, start, end))
    # every place a marker can start (text.WordFinder): anchored matches
    return anchored_matches((pattern or data.marker_re).match, prose, positions, end)


def find_sources(data: SourceData, prose: str, start: int, end: int, positions: list[int] | None = None, pattern=None) -> list[Source]:
    """Every source marker in the sentence prose[start:end] (tried only at `positions`, when given:
    the offsets where a marker's first word stands)."""
    found: list[Source] = []
    for m in _markers(data, prose, start, end, positions, pattern):
        group = m.lastgroup
        if group == "vague":
            found.append(Source("vague", m.start(), m.end(), m.group()))
        elif group == "spec":
            found.append(Source("vague", m.start(), m.end(), m.group(), alone=False))
        elif group == "split":
            source = _split_statement(data, prose, m)
            if source is not None:
                found.append(source)
        elif group == "doc":
            source = _document_verb(data, prose, start, m)
            if source is not None:
                found.append(source)
        elif group == "before":
            toks = tokens_after(prose, m.end(), end, 10)
            verdict = judge(data, toks, english_order=True)
            if verdict:
                stop = toks[-1].end if toks else m.end()
                found.append(_source(verdict, m.start(), stop, prose, toks))
        elif group == "after":
            toks = tokens_before(prose, start, m.start(), 12)
            verdict = judge_parenthesised(data, prose, toks)
            if verdict:
                begin = toks[max(0, len(toks) - 7)].start
                found.append(_source(verdict, begin, m.end(), prose, toks))
        else:
            source = _speech(data, prose, start, end, m)
            if source is not None:
                found.append(source)
    return found


def _split_statement(data: SourceData, prose: str, m) -> Source | None:
    """"… की पुष्टि जिलाधिकारी ने की": the speaker is the words before the last "ने"."""
    ne = prose.rfind("ने", m.start(), m.end())
    toks = tokens_before(prose, m.start(), ne, 8)
    if len(toks) > 1:
        toks = toks[1:]  # the statement noun itself
    else:
        return None
    verdict = judge_parenthesised(data, prose, toks)
    if verdict is None or verdict == "anaphoric":
        return None
    return _source(verdict, m.start(), m.end(), prose, toks)


def _document_verb(data: SourceData, prose: str, start: int, m) -> Source | None:
    """"X के आंकड़े बताते हैं", "X के अध्ययन में पाया गया", "the ministry's data shows": a source
    only when the subject (or the word before "में") is a document; judged like any source."""
    toks = tokens_before(prose, start, m.start(), 12)
    if toks and toks[-1].key in ("में", "in"):
        toks = toks[:-1]
    if not toks:
        return None
    first = next((t for t in toks if t.key not in DETERMINERS), None)
    if first is not None and first.text.isascii() and first.key.rstrip("s") in data.documents and first is not toks[-1]:
        # English order: "Data from the Centre for Monitoring Indian Economy showed …"
        verdict = judge(data, toks[toks.index(first):], english_order=True)
        if verdict in ("named", "vague"):
            return _source(verdict, first.start, m.end(), prose, toks, alone=False)
        return None
    last = toks[-1].key
    if last not in data.documents and not (last.endswith(("'s", "’s")) and last[:-2] in data.documents) and not (last.isascii() and last.rstrip("s") in data.documents):
        return None
    verdict = judge_parenthesised(data, prose, toks)
    if verdict is None:
        return None
    if verdict == "anaphoric":
        return _source(verdict, toks[-1].start, m.end(), prose, toks)
    begin = toks[max(0, len(toks) - 7)].start
    return _source(verdict, begin, m.end(), prose, toks, alone=False)


def _ends_with_in(prose: str, lo: int, hi: int) -> int:
    """Where a word "में" ends prose[lo:hi] (white space after it allowed), or -1: what
    `SourceData.in_re.search` finds, without a regex pass."""
    j = hi
    while j > lo and prose[j - 1].isspace():
        j -= 1
    i = j - 3
    if i < lo or prose[i:j] != "में":
        return -1
    if i > 0 and (prose[i - 1].isalnum() or prose[i - 1] in "\u0900\u0901\u0902\u0903" or unicodedata.category(prose[i - 1])[0] == "M"):
        return -1
    return i


def _last_ergative(data: SourceData, prose: str, start: int, end: int) -> tuple[int, bool] | None:
    """(start, is a pronoun) of the last ergative subject marker in prose[start:end] — "ने" or
    "उन्होंने", "उसने" …: what the last match of `SourceData.ergative_re` gives. Every one of them
    ends in "ने", so the text is searched backwards for that."""
    if not data.ergatives_end_in_ne:
        last = None
        for e in data.ergative_re.finditer(prose, start, end):
            last = e
        return (last.start(), bool(last.group("pron"))) if last is not None else None
    forms = data.ergative_forms
    get = _WORD_CHAR.get
    j = end
    while True:
        i = prose.rfind("ने", start, j)
        if i < 0:
            return None
        k = i + 2
        if k == end or not _word_char(prose[k], get):
            w = i
            while w > 0 and _word_char(prose[w - 1], get):
                w -= 1
            word = prose[w:k]
            if w >= start and word in forms:
                return w, word not in data.ne_forms
        j = k - 1


def _speech(data: SourceData, prose: str, start: int, end: int, m) -> Source | None:
    verb_key = key(m.group())
    passive = data.passive_re.match(prose, m.end(), end)
    if passive:
        clause = tokens_before(prose, start, m.start(), 12)
        clause_start = clause[0].start if clause else m.start()
        agent = None
        clause_text = prose[clause_start:m.start()]
        if "द्वारा" in clause_text or "ओर" in clause_text or "तरफ" in clause_text:
            for a in data.agent_re.finditer(prose, clause_start, m.start()):
                agent = a
        if agent is not None:
            toks = tokens_before(prose, start, agent.start(), 8)
            verdict = judge_parenthesised(data, prose, toks) or "vague"
            begin = toks[0].start if toks else agent.start()
            return _source(verdict, begin, passive.end(), prose, toks, alone=False)
        in_at = _ends_with_in(prose, clause_start, m.start())
        if in_at >= 0:
            toks = tokens_before(prose, start, in_at, 8)
            if toks and toks[-1].key in data.documents:
                verdict = judge(data, toks) or "vague"
                return _source(verdict, toks[0].start, passive.end(), prose, toks)
        kind = "vague" if passive.group("prog") else "weak"
        return Source(kind, m.start(), passive.end(), prose[m.start():passive.end()], alone=False)
    if verb_key in data.english_speech:
        toks = tokens_before(prose, start, m.start(), 6)
        verdict = judge(data, toks)
        if verdict is None:
            toks = tokens_after(prose, m.end(), end, 5)
            if toks and (toks[0].key in ENGLISH_NOT_SUBJECT or _is_number(toks[0])):
                return None  # "reported that 48 people …": what follows is the claim, not its source
            verdict = judge(data, toks, english_order=True)
        if verdict is None:
            return None
        if verdict == "anaphoric":  # "The report said …": settled against the reports named before
            return _source(verdict, toks[0].start if toks else m.start(), m.end(), prose, toks)
        return Source(verdict, m.start(), m.end(), m.group())
    ergative = _last_ergative(data, prose, start, m.start())
    if ergative is None:
        return None
    at, pronoun = ergative
    if pronoun:
        return Source("named", at, m.end(), prose[at:m.end()])
    toks = tokens_before(prose, start, at, 8)
    verdict = judge_parenthesised(data, prose, toks)
    if verdict is None:
        return None
    begin = toks[max(0, len(toks) - 5)].start if toks else at
    return _source(verdict, begin, m.end(), prose, toks)
