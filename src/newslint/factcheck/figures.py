"""Figures and what they count.

A *figure* is a number that states a fact somebody must have counted: a casualty count, arrests,
displaced or affected people, money, a percentage, a count of people or of cases. Found:

- digits, Latin or Devanagari, with Indian or Western grouping and decimals (1,68,000 · ६०० · 8.7);
- number words (दो, तीन … नब्बे, डेढ़, ढाई; two … fifty), with multipliers (12 हजार, दो दर्जन,
  एक करोड़, 5 million) and approximate counts (दर्जनों, सैकड़ों, हजारों, thousands);
- a currency sign before (₹, Rs, $) or a percent sign after.

A number is *not* a figure when it is an age, a time, a duration, a distance, a score, a team
size, a repetition (5 बार), an ordinal (5वीं), an identifier (धारा 302, सेक्टर 62, 120बी,
0612-2217305, COVID-19), a date or a year — see `rules/attribution/exempt-*.txt`.

Which noun a figure counts decides whether it needs a source at all:
- money, percentages, people (लोग, सैनिक, यात्री …) and cases (मामले, हादसे …): always;
- anything else (घर, गांव, क्यूसेक …) only with a claim in the same clause (जलकर राख, प्रभावित,
  बरामद …), and a bare number only with a claim next to it ("9 की हालत गंभीर", "toll … 30").
A figure is a *casualty* count when a casualty word (मौत, मारे गए, घायल, लापता, शव …) is its
noun or sits in its clause.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from newslint.factcheck.phrases import WB_AFTER, WB_BEFORE, alternation, compile_list, key, load_list, load_values, to_ascii_digits
from newslint.factcheck.text import Tok, first_words, tokens_after, tokens_before

YEAR_RE = regex.compile(r"^(?:1[89]|20|21)\d\d$")
RANGE_RE = regex.compile(r"^\s*(?:से|से लेकर|to|or|या|-|–)\s*$")
COORDINATED_RE = regex.compile(r"^\s*(?:,|और|व|तथा|एवं|and)\s*$")


@dataclass(frozen=True)
class Figure:
    start: int  # includes a currency sign
    end: int  # end of the figure's span (number, counted noun, and a claim right after it)
    number_end: int
    kind: str  # "casualty", "people", "cases", "money", "percent", "claim"
    text: str

    @property
    def casualty(self) -> bool:
        return self.kind == "casualty"


class FigureData:
    def __init__(self, packs):
        words = load_values(packs, "attribution/number-words.txt")
        multipliers = load_values(packs, "attribution/multipliers.txt")
        prefixes = load_list(packs, "attribution/number-prefixes.txt")
        approx = load_list(packs, "attribution/approximate-numbers.txt")
        self.multipliers = {k: float(v) for k, v in multipliers.items()}
        self.word_values = {k: float(v) for k, v in words.items()}
        self.small_count = 10
        self.rate_words = {key(w) for w in load_list(packs, "attribution/rate-words.txt")}
        self.postpositions = {"का", "की", "के", "को", "में", "से", "पर", "तक", "ने", "of", "in", "worth"}
        self.money_multipliers = {k for k, v in multipliers.items() if float(v) >= 10_000_000}
        self.lone_words = {"एक", "one", "a"}
        digits = r"(?<![\p{L}\p{M}\p{Nd}\-–/:.,])[0-9०-९]+(?:,[0-9०-९]{2,3})*(?:\.[0-9०-९]+)?(?![\p{Nd}])"
        tail = r"(?P<tail>%|[\p{L}\p{M}]+|[\-–/:.][\p{L}\p{M}\p{Nd}])?"
        mult = alternation(multipliers)
        number_words = alternation(words)
        prefix = alternation(prefixes)
        pattern = (
            rf"(?P<num>{digits}{tail}(?:\s*{WB_BEFORE}{mult}{WB_AFTER})*)"
            rf"|(?P<word>{WB_BEFORE}(?:{prefix}\s+)?{number_words}(?:\s+{number_words})?(?:\s+{mult})*{WB_AFTER})"
            rf"|(?P<approx>{WB_BEFORE}{alternation(approx)}{WB_AFTER})"
        )
        self.figure_re = regex.compile(pattern, regex.IGNORECASE)
        self.first_words = first_words(list(words) + prefixes + approx)
        currency = load_list(packs, "attribution/currency-signs.txt")
        self.currency_re = regex.compile(r"(?:" + "|".join(regex.escape(c) for c in sorted(currency, key=len, reverse=True)) + r")\s*$")
        self.modifiers = {key(w) for w in load_list(packs, "attribution/figure-modifiers.txt")}
        self.casualty = {key(w) for w in load_list(packs, "attribution/casualty-words.txt")}
        self.casualty_re = compile_list(load_list(packs, "attribution/casualty-words.txt"))
        self.claim_re = compile_list(load_list(packs, "attribution/claim-words.txt"))
        self.people = {key(w) for w in load_list(packs, "attribution/people-nouns.txt")}
        self.cases = {key(w) for w in load_list(packs, "attribution/event-nouns.txt")}
        self.money = {key(w) for w in load_list(packs, "attribution/money-units.txt")}
        self.percent = {key(w) for w in load_list(packs, "attribution/percent-units.txt")}
        months = {key(w.split(" = ")[0]) for w in load_list(packs, "dates/months.txt")}
        self.exempt_after = {key(w) for w in load_list(packs, "attribution/exempt-after.txt")} | months
        self.exempt_before = {key(w) for w in load_list(packs, "attribution/exempt-before.txt")} | months


def value(data: FigureData, match) -> float:
    """The number a figure states (approximate counts are large)."""
    if match.group("approx") is not None:
        return 1e6
    total = None
    for part in match.group().split():
        k = key(part)
        if k in data.multipliers:
            total = (total or 1) * data.multipliers[k]
            continue
        if k in data.word_values:
            total = (total or 0) + data.word_values[k]
            continue
        digits = to_ascii_digits(part).replace(",", "").rstrip("%")
        try:
            total = (total or 0) + float(digits)
        except ValueError:
            continue
    return total if total is not None else 0.0


def build_figure_data(packs) -> FigureData:
    return FigureData(packs)


def find_candidates(data: FigureData, prose: str, start: int, end: int):
    """Raw number matches in prose[start:end] (before exemption and classification)."""
    return list(data.figure_re.finditer(prose, start, end))


def classify(data: FigureData, prose: str, match, sent_start: int, sent_end: int, next_start: int) -> Figure | None:
    """Decide whether a number match is a figure that needs a source, and what it counts."""
    num_start, num_end = match.span()
    text = match.group()
    if match.group("num") is not None:
        tail = match.group("tail")
        if tail and tail != "%":
            return None  # 5वीं, 120बी, 2-1, 10:30, 12/08, 34-year-old: ordinal, identifier, score, time
        if tail == "%":
            kind_hint = "percent"
        else:
            kind_hint = None
        bare = text.replace(tail or "", "")
        words_in = bare.split()
        is_year = len(words_in) == 1 and YEAR_RE.match(to_ascii_digits(words_in[0])) is not None
    else:
        kind_hint = None
        is_year = False
        parts = [key(p) for p in text.split()]
        if match.group("word") is not None and len(parts) == 1 and parts[0] in data.lone_words:
            return None
    has_big_multiplier = any(key(p) in data.money_multipliers for p in text.split()[1:])

    before = tokens_before(prose, sent_start, num_start, 3)
    if before and before[-1].key in data.exempt_before and prose[before[-1].end:num_start].strip() in ("", ":", "-", "."):
        return None
    start = num_start
    cur = data.currency_re.search(prose, max(sent_start, num_start - 6), num_start)
    if cur:
        kind_hint = "money"
        start = cur.start()

    limit_end = min(sent_end, next_start)
    after = tokens_after(prose, num_end, limit_end, 8)
    between = prose[num_end:next_start]
    if next_start < sent_end and RANGE_RE.match(between):
        # a range, "20 से 25 वर्ष", "10-12 लोगों": judge it by what follows its second number
        rest = tokens_after(prose, next_start, sent_end, 9)
        after = rest[1:] if rest else []
        limit_end = sent_end
    head: Tok | None = None
    head_index = -1
    for i, tok in enumerate(after[:5]):
        if tok.key in data.modifiers:
            continue
        head, head_index = tok, i
        break
    if kind_hint is None and head is not None:
        hk = head.key
        if hk in data.exempt_after:
            return None
        if hk in data.percent or (hk == "per" and head_index + 1 < len(after) and after[head_index + 1].key == "cent"):
            kind_hint = "percent"
        elif hk in data.money:
            kind_hint = "money"
        elif hk in data.casualty:
            kind_hint = "casualty"
        elif hk in data.people:
            kind_hint = "people"
        elif hk in data.cases:
            kind_hint = "cases"
    if kind_hint == "money" and head is not None:
        following = [t.key for t in after[head_index + 1:head_index + 3]] if head.key in data.money else [t.key for t in after[max(head_index, 0):head_index + 2]]
        if any(k in data.rate_words for k in following) or prose[head.end:head.end + 1] == "/":
            return None  # a price or a rate: "94.72 रुपये प्रति लीटर"
    if is_year and kind_hint not in ("people", "cases", "money", "percent", "casualty"):
        return None
    if kind_hint is None and has_big_multiplier and (head is None or head.key in data.postpositions):
        kind_hint = "money"  # "500 करोड़ की संपत्ति": bare crores are money in a Hindi newsroom

    # The claim: casualty words first, then any other claim, in the clause after, then before.
    window_end = after[min(len(after), max(head_index, 0) + 6) - 1].end if after else num_end
    if head is not None and next_start < sent_end and COORDINATED_RE.match(prose[head.end:next_start]):
        # "2 पिस्तौल और 15 कारतूस बरामद हुए": coordinated counts share the claim after the last one
        longer = tokens_after(prose, num_end, sent_end, 14)
        if longer:
            window_end = longer[-1].end
    win_start = before[0].start if before else num_start
    far_before = tokens_before(prose, sent_start, num_start, 5)
    far_start = far_before[0].start if far_before else num_start
    casualty_after = data.casualty_re.search(prose, num_end, window_end) if after else None
    casualty_before = data.casualty_re.search(prose, far_start, num_start) if far_before else None
    claim_after = data.claim_re.search(prose, num_end, window_end) if after else None
    claim_before = data.claim_re.search(prose, win_start, num_start) if before else None

    kind = kind_hint
    if kind in ("people", "cases", None) and (casualty_after or casualty_before):
        kind = "casualty"
    elif kind in ("people", "cases") and not (claim_after or claim_before) and value(data, match) < data.small_count:
        return None  # "दो छात्र खबरें पढ़कर सुनाएंगे": a handful of people with no claim is description
    if kind is None:
        if claim_after or claim_before:
            kind = "claim"
        else:
            return None

    end = head.end if head is not None and kind_hint is not None else num_end
    claim = casualty_after or claim_after
    if claim is not None and claim.start() >= end:
        # extend over a claim close to the counted noun: "8 लोगों की मौत", "46 उपद्रवियों को गिरफ्तार"
        gap_tokens = [t for t in after if end <= t.start < claim.start()]
        if len(gap_tokens) <= 3:
            end = claim.end()
    return Figure(start, end, num_end, kind, prose[start:end])
