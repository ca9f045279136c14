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

from typing import NamedTuple

import regex

from newslint.factcheck.phrases import (
    WB_AFTER,
    WB_BEFORE,
    LazyPattern,
    PhraseIndex,
    alternation,
    key,
    load_list,
    load_values,
    to_ascii_digits,
)
from newslint.factcheck.text import (
    SubsetPattern,
    Tok,
    WordFinder,
    _CHUNKS,
    _chunk,
    _new,
    first_words,
    token_before,
    tokens_after,
    tokens_before,
)
from newslint.packs import longest_first
from newslint.compiled import compile_regex

YEAR_RE = compile_regex(r"^(?:1[89]|20|21)\d\d$")
RANGE_RE = compile_regex(r"^\s*(?:से|से लेकर|to|or|या|-|–)\s*$")
# RANGE_RE's words: a text it matches is one of them once stripped of white space (the `regex`
# module's \s is white space to `str.strip` too), so the regex runs only on such texts
RANGE_WORDS = frozenset(("से", "से लेकर", "to", "or", "या", "-", "–"))


def is_range(gap: str) -> bool:
    """RANGE_RE.match(gap): the text between two numbers makes them a range ("20 से 25")."""
    return gap.strip() in RANGE_WORDS and RANGE_RE.match(gap) is not None
COORDINATED_RE = compile_regex(r"^\s*(?:,|और|व|तथा|एवं|and)\s*$")
# COORDINATED_RE's words: as RANGE_WORDS, the regex runs only on a text that strips to one of them
COORDINATED_WORDS = frozenset((",", "और", "व", "तथा", "एवं", "and"))


class Figure(NamedTuple):
    """A figure found in the text. A named tuple, not a frozen dataclass: made for every figure,
    and a frozen dataclass sets each field through `object.__setattr__`."""

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
        self.figures = SubsetPattern(_figure_pattern, [multipliers, words, prefixes, approx], regex.IGNORECASE)
        self.figure_re = self.figures.full
        self.first_words = first_words(list(words) + prefixes + approx)
        self.finder = WordFinder(self.first_words)
        self.lone_forms = WordFinder(self.lone_words).forms
        self.follow_forms = WordFinder(set(words) | set(self.multipliers)).forms
        currency = load_list(packs, "attribution/currency-signs.txt")
        # the last characters of the currency signs: a window without one holds no sign, and
        # currency_re is not run on it (every number is looked at, few follow a sign)
        self.currency_ends = frozenset(c[-1] for c in currency) if all(currency) else None
        self.currency_re = LazyPattern(lambda: r"(?:" + "|".join(regex.escape(c) for c in longest_first(currency)) + r")\s*$")
        self.modifiers = {key(w) for w in load_list(packs, "attribution/figure-modifiers.txt")}
        self.casualty = {key(w) for w in load_list(packs, "attribution/casualty-words.txt")}
        # looked up in the tokens around a figure (no regex pass)
        self.casualty_index = PhraseIndex(load_list(packs, "attribution/casualty-words.txt"))
        self.claim_index = PhraseIndex(load_list(packs, "attribution/claim-words.txt"))
        self.people = {key(w) for w in load_list(packs, "attribution/people-nouns.txt")}
        self.cases = {key(w) for w in load_list(packs, "attribution/event-nouns.txt")}
        self.money = {key(w) for w in load_list(packs, "attribution/money-units.txt")}
        self.percent = {key(w) for w in load_list(packs, "attribution/percent-units.txt")}
        # Words without which no number in a sentence is a figure (the counted nouns, the claims,
        # the money words): a sentence with none of them is not classified at all.
        currency_words = [c for c in currency if any(ch.isalpha() for ch in c)]
        self.kind_signs = ["%"] + [c for c in currency if not any(ch.isalpha() for ch in c) and len(c) == 1]
        self.kind_finder = WordFinder(
            list(self.people) + list(self.cases) + list(self.money) + list(self.percent) + ["per"]
            + load_list(packs, "attribution/casualty-words.txt") + load_list(packs, "attribution/claim-words.txt")
            + list(self.money_multipliers) + currency_words
        )
        months = {key(w.split(" = ")[0]) for w in load_list(packs, "dates/months.txt")}
        self.exempt_after = {key(w) for w in load_list(packs, "attribution/exempt-after.txt")} | months
        self.exempt_before = {key(w) for w in load_list(packs, "attribution/exempt-before.txt")} | months


def _figure_pattern(multipliers, words, prefixes, approx) -> str:
    # Its groups, in order: num, tail, word, approx (`classify` reads them by position).
    digits = r"(?<![\p{L}\p{M}\p{Nd}\-–/:.,])[0-9०-९]+(?:,[0-9०-९]{2,3})*(?:\.[0-9०-९]+)?(?![\p{Nd}])"
    tail = r"(?P<tail>%|[\p{L}\p{M}]+|[\-–/:.][\p{L}\p{M}\p{Nd}])?"
    mult = alternation(multipliers)
    number_words = alternation(words)
    prefix = alternation(prefixes)
    return (
        rf"(?P<num>{digits}{tail}(?:\s*{WB_BEFORE}{mult}{WB_AFTER})*)"
        rf"|(?P<word>{WB_BEFORE}(?:{prefix}\s+)?{number_words}(?:\s+{number_words})?(?:\s+{mult})*{WB_AFTER})"
        rf"|(?P<approx>{WB_BEFORE}{alternation(approx)}{WB_AFTER})"
    )


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


def _exempt_by_next_word(data: FigureData, prose: str, num_end: int, limit_end: int) -> bool:
    """The quick test of `classify`: the word right after the number, when a single space sets it
    off, is an exemption ("45 वर्षीय", "7 बजे", "20 किलोमीटर") and not a modifier."""
    if prose[num_end:num_end + 1] != " ":
        return False
    window = prose[num_end + 1:min(limit_end, num_end + 25)]
    chunks = window.split(None, 1)
    if not chunks or window[:1].isspace() or (len(chunks) == 1 and num_end + 1 + len(window) < limit_end and not window[-1].isspace()):
        return False  # more space, nothing, or a chunk that may go on past the window
    chunk = chunks[0]
    info = _CHUNKS.get(chunk) or _chunk(chunk)  # the memo's None: _chunk answers None again
    if info is None or info[0] != 0 or info[1] is None:
        return False
    k = info[2]
    return k in data.exempt_after and k not in data.modifiers


def classify(data: FigureData, prose: str, match, sent_start: int, sent_end: int, next_start: int, ranged: bool | None = None) -> Figure | None:
    """Decide whether a number match is a figure that needs a source, and what it counts.

    `ranged`: whether the text up to `next_start` makes a range (`is_range`), when the caller
    knows it already."""
    num_start, num_end = match.span()
    num, tail, word, _approx = match.groups()  # the groups of _figure_pattern, in order (faster than by name)
    if num is not None:
        if tail and tail != "%":
            return None  # 5वीं, 120बी, 2-1, 10:30, 12/08, 34-year-old: ordinal, identifier, score, time
        kind_hint = "percent" if tail == "%" else None
    else:
        kind_hint = None
        if word is not None and key(word.strip()) in data.lone_words and len(word.split()) == 1:
            return None

    start = num_start
    lo = max(sent_start, num_start - 6)
    ends = data.currency_ends
    cur = data.currency_re.search(prose, lo, num_start) if ends is None or not ends.isdisjoint(prose[lo:num_start]) else None
    if cur:
        kind_hint = "money"
        start = cur.start()

    limit_end = min(sent_end, next_start)
    if ranged is None:
        ranged = next_start < sent_end and is_range(prose[num_end:next_start])
    if ranged:
        # a range, "20 से 25 वर्ष", "10-12 लोगों": judge it by what follows its second number
        rest = tokens_after(prose, next_start, sent_end, 9)
        after = rest[1:] if rest else []
        limit_end = sent_end
    else:
        # most numbers are exempt by the word right after them ("45 वर्षीय", "7 बजे"): test it
        # before reading the whole window
        if kind_hint is None and _exempt_by_next_word(data, prose, num_end, limit_end):
            return None
        after = tokens_after(prose, num_end, limit_end, 8)
    head: Tok | None = None
    head_index = -1
    modifiers = data.modifiers
    for i, tok in enumerate(after[:5]):
        if tok.key in modifiers:
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
    # the word before (after the cheaper test of the word after: most numbers are exempt by it).
    # A count of people or of cases, or a number that counts nothing yet, looks for a claim in the
    # five words before (below): they are read at once, the word before being the last of them
    # (the first token a window reads from its end does not depend on its limit).
    if kind_hint in ("people", "cases", None):
        before = tokens_before(prose, sent_start, num_start, 5)
        last = before[-1] if before else None
    else:
        before = []
        last = token_before(prose, sent_start, num_start)
    if last is not None and last.key in data.exempt_before and prose[last.end:num_start].strip() in ("", ":", "-", "."):
        return None
    if kind_hint == "money" and head is not None:
        following = [t.key for t in after[head_index + 1:head_index + 3]] if head.key in data.money else [t.key for t in after[max(head_index, 0):head_index + 2]]
        if any(k in data.rate_words for k in following) or prose[head.end:head.end + 1] == "/":
            return None  # a price or a rate: "94.72 रुपये प्रति लीटर"
    if kind_hint not in ("people", "cases", "money", "percent", "casualty") and num is not None:
        bare = num.replace(tail or "", "").split()
        if len(bare) == 1 and YEAR_RE.match(to_ascii_digits(bare[0])) is not None:
            return None  # a year
    if kind_hint is None and (head is None or head.key in data.postpositions):
        if any(key(p) in data.money_multipliers for p in match.group().split()[1:]):
            kind_hint = "money"  # "500 करोड़ की संपत्ति": bare crores are money in a Hindi newsroom

    # The claim: casualty words first, then any other claim, in the clause after, then before.
    window = after[:min(len(after), max(head_index, 0) + 6)]
    if head is not None and next_start < sent_end and (gap := prose[head.end:next_start]).strip() in COORDINATED_WORDS and COORDINATED_RE.match(gap):
        # "2 पिस्तौल और 15 कारतूस बरामद हुए": coordinated counts share the claim after the last one
        longer = tokens_after(prose, num_end, sent_end, 14)
        if longer:
            window = longer
    casualties, claims = data.casualty_index, data.claim_index
    casualty_after = casualties.find(prose, window) if window else None
    claim_after = None  # looked for only when needed
    kind = kind_hint
    if kind in ("people", "cases", None):
        # the clause before: five words for a casualty, three for another claim (read above: the
        # kind was one of these there too, only "money" being set in between)
        far_before = before
        if casualty_after or (far_before and casualties.find(prose, far_before)):
            kind = "casualty"
        elif kind is None or value(data, match) < data.small_count:
            claim_after = claims.find(prose, window) if window else None
            if claim_after is None and not (far_before and claims.find(prose, far_before[-3:])):
                return None  # no claim: "दो छात्र खबरें पढ़कर सुनाएंगे" is description, "सेक्टर के 40 मकान" too
            if kind is None:
                kind = "claim"

    end = head.end if head is not None and kind_hint is not None else num_end
    if claim_after is None and casualty_after is None and window:
        claim_after = claims.find(prose, window)
    claim = casualty_after or claim_after
    if claim is not None and claim[0] >= end:
        # extend over a claim close to the counted noun: "8 लोगों की मौत", "46 उपद्रवियों को गिरफ्तार"
        gap_tokens = [t for t in after if end <= t.start < claim[0]]
        if len(gap_tokens) <= 3:
            end = claim[1]
    return _new(Figure, (start, end, num_end, kind, prose[start:end]))  # Figure(...) without its Python __new__
