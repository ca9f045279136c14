"""Who a sentence attributes its facts to, and whether that source is named or vague.

Four kinds of marker, each a list in `rules/attribution/`:

- `source-after-markers.txt`: the source comes before — "X के मुताबिक/अनुसार/हवाले से",
  "X का कहना है", "X की मानें तो";
- `source-before-markers.txt`: the source comes after — "बकौल X", "according to X";
- `speech-verbs.txt`: "X ने … बताया/कहा/पुष्टि की/दावा किया/जानकारी दी", "उन्होंने बताया",
  "police said", "said the ministry"; in the passive the agent is "X द्वारा", "X की ओर से",
  "X के बयान में"; a passive with no agent ("बताया गया है कि") is a weak vague source and one
  with a progressive ("बताया जा रहा है") is hearsay;
- `vague-phrases.txt`: hearsay with no source at all — "कहा जा रहा है", "कथित तौर पर", "reportedly".

X is judged from its last word (its head):
- a pronoun ("उनके", "उन्होंने", "he") points back to a source already named: named;
- an always-vague head ("सूत्रों", "लोगों", "sources") is vague whoever qualifies it;
- a report-like head ("रिपोर्ट", "जानकारी", "आंकड़ों", "मीडिया") is named only when someone owns
  it ("भारतीय रिजर्व बैंक की रिपोर्ट", "पुलिस से मिली जानकारी", "X द्वारा जारी आंकड़ों") or a
  named qualifier precedes it ("रूसी मीडिया", "सरकारी आंकड़ों"): "एक रिपोर्ट", "मिली जानकारी",
  "मीडिया रिपोर्ट्स" are vague;
- anything else — an organisation, an office, a designation, a person — is named.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from newslint.factcheck.phrases import WB_AFTER, WB_BEFORE, alternation, bounded, first_chars, key, load_list
from newslint.factcheck.text import Tok, first_words, tokens_after, tokens_before

GENITIVE = {"का", "की", "के"}
OWNER_MARKERS = {"का", "की", "के", "द्वारा", "से", "by", "from"}
AGENT_SKIP = {"ओर", "तरफ"}
DETERMINERS = {"the", "a", "an", "this", "that", "its", "their", "his", "her"}
ENGLISH_CUT = {"in", "at", "on", "close", "within", "who", "which", "that", "released", "published", "issued", "last", "this"}


@dataclass(frozen=True)
class Source:
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
        marker_lists = [load_list(packs, f"attribution/{n}.txt") for n in ("vague-phrases", "speculation-phrases", "source-before-markers", "source-after-markers", "speech-verbs")]
        self.first_words = first_words([w for lst in marker_lists for w in lst])
        self.marker_re = regex.compile(
            first_chars([w for lst in marker_lists for w in lst]) +
            rf"(?:(?P<vague>{bounded(alternation(load_list(packs, 'attribution/vague-phrases.txt')))})"
            rf"|(?P<spec>{bounded(alternation(load_list(packs, 'attribution/speculation-phrases.txt')))})"
            rf"|(?P<before>{bounded(alternation(load_list(packs, 'attribution/source-before-markers.txt')))})"
            rf"|(?P<after>{bounded(alternation(load_list(packs, 'attribution/source-after-markers.txt')))})"
            rf"|(?P<speech>{bounded(alternation(load_list(packs, 'attribution/speech-verbs.txt')))}))",
            regex.IGNORECASE,
        )
        self.ergative_re = regex.compile(
            rf"{WB_BEFORE}(?:(?P<ne>ने)|(?P<pron>{alternation(ergatives)})){WB_AFTER}"
        )
        self.passive_re = regex.compile(
            r"\s+(?:(?P<prog>जा\s+रह[ाीे]|जाता|जाती|जाते)|गया|गई|गयी|गए|गये)" + WB_AFTER
        )
        self.agent_re = regex.compile(
            rf"{WB_BEFORE}(?:द्वारा|की\s+ओर\s+से|की\s+तरफ\s+से|के\s+द्वारा){WB_AFTER}"
        )
        self.in_re = regex.compile(rf"{WB_BEFORE}में\s*$")
        self.english_speech = {"said", "says", "say", "told", "confirmed", "confirms", "stated", "announced", "claimed", "claim", "claims", "estimated", "estimates", "added", "reported"}


def build_source_data(packs) -> SourceData:
    return SourceData(packs)


def _is_latin_name(tok: Tok) -> bool:
    t = tok.text
    return t[:1].isascii() and t[:1].isupper()


def judge(data: SourceData, toks: list[Tok], english_order: bool = False) -> str | None:
    """'named' or 'vague' for a source phrase, None when it is not a source at all."""
    toks = [t for t in toks if t.key not in ("(", ")")]
    while toks and toks[-1].key in GENITIVE | {"ने"}:
        toks = toks[:-1]
    if english_order:
        cut = []
        for t in toks:
            if t.key in ENGLISH_CUT and cut:
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
    if hk in data.anaphoric and len(content) == 1:
        return "anaphoric"
    if hk in data.unless_owned or hk.rstrip("'s") in data.unless_owned:
        if head.text.endswith(("'s", "’s")) and hk[:-2] not in data.unless_owned:
            return "named"
        index = toks.index(head)
        # An owner within four words before: "X की (वार्षिक) रिपोर्ट", "X से मिली जानकारी",
        # "X द्वारा जारी आंकड़ों", "X की ओर से जारी आंकड़ों".
        for j in range(index - 1, max(index - 5, -1), -1):
            tk = toks[j].key
            if tk in OWNER_MARKERS:
                k = j - 1
                while k >= 0 and (toks[k].key in AGENT_SKIP or toks[k].key in GENITIVE):
                    k -= 1
                if k < 0:
                    break
                return judge(data, toks[:k + 1])
        prev = toks[index - 1] if index > 0 else None
        if prev is not None and (prev.key in data.named_qualifiers or (_is_latin_name(prev) and prev.key not in data.vague_modifiers)):
            return "named"
        return "vague"
    return "named"


def judge_parenthesised(data: SourceData, prose: str, toks: list[Tok]) -> str | None:
    """Judge X; when X ends in a parenthesis ("पुलिस अधीक्षक (ग्रामीण)", "एजेंसी (यूएनएचसीआर)"),
    the words inside and the words before it are two names for one source: named if either is."""
    verdict = judge(data, toks)
    trimmed = [t for t in toks if t.key not in GENITIVE | {"ने"}]
    if verdict != "named" and trimmed and prose[trimmed[-1].end:trimmed[-1].end + 1] == ")":
        opening = prose.rfind("(", 0, trimmed[-1].start)
        outside = [t for t in trimmed if t.end <= opening]
        if outside and judge(data, outside) == "named":
            return "named"
    return verdict


def _source(verdict: str, begin: int, end: int, prose: str, toks: list[Tok], alone: bool = True) -> Source:
    content = [t for t in toks if t.key not in GENITIVE | {"ने"}]
    head = content[-1].key if content else ""
    return Source(verdict, begin, end, prose[begin:end], alone, head)


def find_sources(data: SourceData, prose: str, start: int, end: int) -> list[Source]:
    """Every source marker in the sentence prose[start:end]."""
    found: list[Source] = []
    for m in data.marker_re.finditer(prose, start, end):
        group = m.lastgroup
        if group == "vague":
            found.append(Source("vague", m.start(), m.end(), m.group()))
        elif group == "spec":
            found.append(Source("vague", m.start(), m.end(), m.group(), alone=False))
        elif group == "before":
            toks = tokens_after(prose, m.end(), end, 6)
            verdict = judge(data, toks, english_order=True)
            if verdict:
                stop = toks[-1].end if toks else m.end()
                found.append(_source(verdict, m.start(), stop, prose, toks))
        elif group == "after":
            toks = tokens_before(prose, start, m.start(), 8)
            verdict = judge_parenthesised(data, prose, toks)
            if verdict:
                begin = toks[max(0, len(toks) - 7)].start
                found.append(_source(verdict, begin, m.end(), prose, toks))
        else:
            source = _speech(data, prose, start, end, m)
            if source is not None:
                found.append(source)
    return found


def _speech(data: SourceData, prose: str, start: int, end: int, m) -> Source | None:
    verb_key = key(m.group())
    passive = data.passive_re.match(prose, m.end(), end)
    if passive:
        clause = tokens_before(prose, start, m.start(), 12)
        clause_start = clause[0].start if clause else m.start()
        agent = None
        for a in data.agent_re.finditer(prose, clause_start, m.start()):
            agent = a
        if agent is not None:
            toks = tokens_before(prose, start, agent.start(), 8)
            verdict = judge_parenthesised(data, prose, toks) or "vague"
            begin = toks[0].start if toks else agent.start()
            return _source(verdict, begin, passive.end(), prose, toks, alone=False)
        in_match = data.in_re.search(prose, clause_start, m.start())
        if in_match:
            toks = tokens_before(prose, start, in_match.start(), 8)
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
            verdict = judge(data, toks, english_order=True)
        if verdict is None:
            return None
        return Source("vague" if verdict == "anaphoric" else verdict, m.start(), m.end(), m.group())
    ergative = None
    for e in data.ergative_re.finditer(prose, start, m.start()):
        ergative = e
    if ergative is None:
        return None
    if ergative.group("pron"):
        return Source("named", ergative.start(), m.end(), prose[ergative.start():m.end()])
    toks = tokens_before(prose, start, ergative.start(), 8)
    verdict = judge_parenthesised(data, prose, toks)
    if verdict is None:
        return None
    begin = toks[max(0, len(toks) - 5)].start if toks else ergative.start()
    return _source(verdict, begin, m.end(), prose, toks)
