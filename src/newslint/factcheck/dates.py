"""A focused date grammar for Hindi and English news, and the analysis behind DT101–DT105.

Why not `dateparser`: it is a heavy import (pre-commit runs newslint on every commit), it guesses
(any number can become a date), and the rules need spans and the parts as written (weekday,
day, month, year, a relative word and its postposition). The grammar here knows exactly:

- explicit dates: "14 जुलाई 2025", "१४ जुलाई", "14 Jul 2025", "July 14, 2025", "Mar 3";
- weekdays next to a date: "मंगलवार, 14 जुलाई 2025", "मंगलवार (16 जुलाई)", "15 जुलाई 2025,
  मंगलवार", "Thursday, August 15, 2025", "Tue, 12 Aug 2025" (बृहस्पतिवार = गुरुवार);
- the publication date: front matter (date, published, publishDate, pubDate …), or a dateline
  at the top of the article ("नई दिल्ली, 12 जनवरी (भाषा)", "NEW DELHI, July 14 (Reuters)",
  "Updated: 14 Jul 2025", "लखनऊ, सोमवार, 3 मार्च 2025"). Only the top counts — the lines
  before the first paragraph of body text, and that paragraph's start — so a teaser's date in
  CMS debris further down is never taken for the article's;
- relative references: weekdays (शनिवार को, बीते मंगलवार, on Monday), days (आज, कल, परसों,
  yesterday), periods (पिछले हफ्ते, अगले महीने, last week) and months without a year (अप्रैल में).

Every word list is in `rules/dates/`.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import weakref

import regex

from newslint.factcheck.phrases import (
    WB_AFTER,
    WB_BEFORE,
    LazyPattern,
    alternation,
    key,
    load_list,
    load_values,
    phrase_pattern,
    to_ascii_digits,
)
from newslint.factcheck.text import SubsetPattern, WordFinder, first_words, in_range
from newslint.factcheck.text import sentence_starts as sentence_starts_of
from newslint.hindi.records import record
from newslint.packs import longest_first
from newslint.compiled import compile_regex

CACHE_KEY = "factcheck.dates"
TOP_LINES = 12

DAY = r"(?<![\p{L}\p{M}\p{Nd},.:/\-])[0-9०-९]{1,2}(?![\p{Nd}])"
YEAR = r"(?<![\p{Nd}])[0-9०-९]{4}(?![\p{Nd}])"
YEAR_IN_TEXT = compile_regex(r"(?<![\p{Nd}])(?:1[89]|20|21|१[८९]|२०|२१)[0-9०-९]{2}(?![\p{Nd}])")


@record(frozen=True)
class DateMention:
    start: int
    end: int
    day: int
    month: int
    year: int | None
    month_text: str


@record(frozen=True)
class Pair:
    """A weekday written next to a date."""

    start: int
    end: int
    weekday: int
    weekday_start: int
    weekday_end: int
    date: DateMention


@record(frozen=True)
class PubDate:
    date: dt.date | None  # None when the dateline has no year
    day: int
    month: int
    source: str  # "front matter" or "dateline"
    start: int = 0
    end: int = 0


@record
class Relative:
    start: int
    end: int
    text: str
    kind: str  # "weekday", "day", "period", "month"
    value: int | str  # weekday number, day offset ("±1" or int), period name, month number
    prefix: int | None  # -1 last, +1 next, 0 this, None
    core_end: int  # where the date is inserted in the suggestion (after the weekday/day word)
    english: bool


class DateAnalysis:
    """What the date rules need, computed in stages as they ask for it: the publication date and
    the first line (DT101) at once; the explicit dates and weekday pairs (DT103–DT105) and the
    relative references (DT102) on first use."""

    def __init__(self, doc=None, data: DateData | None = None):
        # The analysis lives in doc.cache: held strongly, the document would be a reference cycle
        # that only the garbage collector frees, with all its tokens and lines (and every young-
        # generation collection of a run would go through them first).
        self._doc = weakref.ref(doc) if doc is not None else None
        self._data = data
        self.pubdate: PubDate | None = None
        self.first_line: tuple[int, int] | None = None
        self._dates: list[DateMention] | None = None
        self._pairs: list[Pair] = []
        self._occupied: list[tuple[int, int]] = []
        self._months: list[int] = []
        self._relatives: list[Relative] | None = None

    def _document(self):
        """The document analysed, or None for an analysis of no document (nothing to find)."""
        if self._doc is None:
            return None
        doc = self._doc()
        if doc is None:  # only a caller that dropped the document and kept its analysis gets here
            raise ReferenceError("a DateAnalysis was read after its document was freed; keep the document")
        return doc

    @property
    def dates(self) -> list[DateMention]:
        if self._dates is None:
            _find_dates_and_pairs(self)
        return self._dates

    @property
    def pairs(self) -> list[Pair]:
        if self._dates is None:
            _find_dates_and_pairs(self)
        return self._pairs

    @property
    def relatives(self) -> list[Relative]:
        if self._relatives is None:
            _find_relatives(self)
        return self._relatives


def _english_variants(entries):
    out = []
    for e in entries:
        out.append(e)
        if e.isascii():
            out.append(e.upper())
    return out


def _check_range(name: str, values: dict[str, int], low: int, high: int) -> None:
    for word, value in values.items():
        if not low <= value <= high:
            raise ValueError(f"{name}: “{word} = {value}”: the number must be from {low} to {high}")


class DateData:
    def __init__(self, packs):
        months = load_values(packs, "dates/months.txt")
        self.months = {k: int(v) for k, v in months.items()}
        self.month_names_hi: dict[int, str] = {}
        self.month_names_en: dict[int, str] = {}
        for entry in load_list(packs, "dates/months.txt"):
            if " = " not in entry:
                continue
            word, value = (p.strip() for p in entry.split(" = ", 1))
            target = self.month_names_en if word.isascii() else self.month_names_hi
            if len(word) > 3 or not word.isascii():
                target.setdefault(int(value), word)
        for entry in load_list(packs, "dates/months.txt"):  # "May" is a full name of three letters
            if " = " in entry and entry.isascii():
                word, value = (p.strip() for p in entry.split(" = ", 1))
                self.month_names_en.setdefault(int(value), word)
        weekdays = load_values(packs, "dates/weekdays.txt")
        abbrs = load_values(packs, "dates/weekday-abbreviations.txt")
        self.weekdays = {k: int(v) for k, v in weekdays.items()}
        self.weekday_abbrs = {k: int(v) for k, v in abbrs.items()}
        self.weekday_names_hi: dict[int, str] = {}
        self.weekday_names_en: dict[int, str] = {}
        for entry in load_list(packs, "dates/weekdays.txt"):
            if " = " in entry:
                word, value = (p.strip() for p in entry.split(" = ", 1))
                (self.weekday_names_en if word.isascii() else self.weekday_names_hi).setdefault(int(value), word)
        self.abbr_names = {int(v): w.split(" = ")[0].strip() for w in reversed(load_list(packs, "dates/weekday-abbreviations.txt")) if " = " in w for v in [w.split(" = ")[1]]}

        month_words = _english_variants([m.split(" = ")[0].strip() for m in load_list(packs, "dates/months.txt")])
        month_alt = "(?:" + "|".join(phrase_pattern(w) for w in longest_first(month_words)) + ")"
        month = rf"{WB_BEFORE}(?P<m>{month_alt})\.?{WB_AFTER}"
        self.month_re = LazyPattern(lambda: month)
        wd_words = _english_variants([w.split(" = ")[0].strip() for w in load_list(packs, "dates/weekdays.txt")])
        self.weekday_alt = "(?:" + "|".join(phrase_pattern(w) for w in longest_first(wd_words)) + ")"
        abbr_words = _english_variants([w.split(" = ")[0].strip() for w in load_list(packs, "dates/weekday-abbreviations.txt")])
        abbr_alt = "(?:" + "|".join(phrase_pattern(w) for w in longest_first(abbr_words)) + ")"
        self.weekday_re = LazyPattern(lambda: rf"{WB_BEFORE}{self.weekday_alt}{WB_AFTER}")
        any_weekday = rf"{WB_BEFORE}(?P<wd>{self.weekday_alt}|{abbr_alt})\.?{WB_AFTER}"
        # Explicit dates: day month [year] | month day [year]
        self.dates = SubsetPattern(_date_pattern, [longest_first(month_words)])
        self.date_re = self.dates.full
        self.weekday_before_re = LazyPattern(lambda: rf"{any_weekday}\s*,?\s*\(?\s*$")
        self.weekday_after_re = LazyPattern(lambda: rf"\s*\)?\s*,?\s*\(?\s*{any_weekday}")
        iso = r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
        numeric = r"(?P<nd>\d{1,2})[/.\-](?P<nm>\d{1,2})[/.\-](?P<ny>\d{4})"
        self.numeric_re = LazyPattern(lambda: rf"(?<!\d)(?:{iso}|{numeric})(?!\d)")

        labels = _english_variants(load_list(packs, "dates/dateline-labels.txt"))
        self.label_re = LazyPattern(lambda: rf"^[\s\ufffc*_#>|-]*{alternation(labels)}\s*(?:[:：|\-–—]\s*)?(?:on\s+)?", regex.IGNORECASE)
        self.dateline_re = LazyPattern(lambda: (
            r"^[\s\ufffc*_#>|-]*(?P<place>[\p{L}\p{M}][\p{L}\p{M}.'’ ]{1,40}?)\s*,\s*"
            rf"(?:(?P<wd>{self.weekday_alt})\s*,?\s*)?"
        ))
        self.date_only_re = LazyPattern(lambda: rf"^[\s\ufffc*_#>|-]*(?:(?P<wd>{self.weekday_alt}|{abbr_alt})\.?\s*,?\s*)?")
        self.front_matter_keys = load_list(packs, "dates/front-matter-keys.txt")

        # Relative references
        prefixes = load_values(packs, "dates/relative-prefixes.txt")
        self.prefixes = {k: int(v) for k, v in prefixes.items()}
        self.days = load_values(packs, "dates/relative-days.txt")
        # Numbers out of their range would only fail later, on some article's date arithmetic.
        _check_range("dates/months.txt", self.months, 1, 12)
        _check_range("dates/weekdays.txt", self.weekdays, 0, 6)
        _check_range("dates/weekday-abbreviations.txt", self.weekday_abbrs, 0, 6)
        _check_range("dates/relative-prefixes.txt", self.prefixes, -52, 52)
        _check_range("dates/relative-days.txt", {k: int(v.lstrip("±")) for k, v in self.days.items()}, -366, 366)
        periods = load_values(packs, "dates/relative-periods.txt")
        self.periods = periods
        posts = load_list(packs, "dates/relative-postpositions.txt")
        weekday_alt = self.weekday_alt
        self.relatives = SubsetPattern(
            lambda *lists: _relative_pattern(weekday_alt, *lists), [prefixes, posts, self.days, periods], regex.IGNORECASE
        )
        self.relative_re = self.relatives.full
        month_posts = load_list(packs, "dates/month-postpositions.txt")
        hi_posts = [p for p in month_posts if not p.isascii()]
        en_posts = [p for p in month_posts if p.isascii()]
        self.month_post_re = LazyPattern(lambda: rf"\s+{alternation(hi_posts)}{WB_AFTER}")
        self.month_pre_re = LazyPattern(lambda: rf"{WB_BEFORE}{alternation(en_posts)}-?\s+$", regex.IGNORECASE)
        exclusions = load_list(packs, "dates/relative-exclusions.txt")
        self.exclusions = SubsetPattern(lambda entries: rf"{WB_BEFORE}{alternation(entries)}{WB_AFTER}", [exclusions], regex.IGNORECASE)
        self.exclusion_re = self.exclusions.full
        future = load_list(packs, "dates/future-markers.txt")
        past = load_list(packs, "dates/past-markers.txt")
        scheduled = load_list(packs, "dates/scheduled-markers.txt")
        self.future_re = LazyPattern(lambda: _marker_re(future))
        self.past_re = LazyPattern(lambda: _marker_re(past))
        self.scheduled_re = LazyPattern(lambda: _marker_re(scheduled))
        self.first_words = first_words(list(self.months) + list(self.weekdays) + list(self.weekday_abbrs) + list(self.days) + list(prefixes) + ["on", "since", "by", "until"])
        # where a date or a relative reference can start (see analyse_dates)
        self.month_finder = WordFinder(first_words(list(self.months)))
        self.exclusion_finder = WordFinder(first_words(exclusions))
        self.relative_finder = WordFinder(first_words(list(self.weekdays) + list(self.days) + list(prefixes) + ["on", "since", "by", "until"]))

    # -- parts ---------------------------------------------------------------------------------
    def month_of(self, text: str) -> int | None:
        return self.months.get(key(text.rstrip(".")))

    def weekday_of(self, text: str) -> int | None:
        k = key(text.rstrip("."))
        if k in self.weekdays:
            return self.weekdays[k]
        return self.weekday_abbrs.get(k)


def _date_pattern(month_words) -> str:
    """day month [year] | month day [year]; the month names longest first."""
    month_alt = "(?:" + "|".join(phrase_pattern(w) for w in month_words) + ")" if month_words else "(?!)"
    dmy = rf"(?P<d1>{DAY})(?:st|nd|rd|th)?\s*-?\s*(?P<m1>{month_alt})\.?{WB_AFTER}(?:,?\s*-?\s*(?P<y1>{YEAR}))?"
    mdy = rf"{WB_BEFORE}(?P<m2>{month_alt})\.?\s+(?P<d2>{DAY})(?:st|nd|rd|th)?{WB_AFTER}(?:,?\s*(?P<y2>{YEAR}))?"
    return rf"{dmy}|{mdy}"


def _relative_pattern(weekday_alt: str, prefixes, posts, days, periods) -> str:
    prefix_alt, post_alt, day_alt, period_alt = (alternation(x) for x in (prefixes, posts, days, periods))
    return (
        rf"{WB_BEFORE}(?:"
        rf"(?:(?P<wpre>{prefix_alt}|on|since|by|until)\s+)?(?P<wd>{weekday_alt})(?P<wpost>(?:'s)?(?:\s+{post_alt})?)"
        rf"|(?P<day>{day_alt})(?P<dpost>(?:\s+{post_alt})?)"
        rf"|(?P<ppre>{prefix_alt})\s+(?P<period>{period_alt})"
        rf"){WB_AFTER}"
    )


def _marker_re(entries):
    words = [e for e in entries if not e.startswith("-")]
    suffixes = [e[1:] for e in entries if e.startswith("-")]
    parts = []
    if words:
        parts.append(rf"{WB_BEFORE}{alternation(words)}{WB_AFTER}")
    if suffixes:
        parts.append(rf"[\p{{L}}\p{{M}}]{alternation(suffixes)}{WB_AFTER}")
    return regex.compile("|".join(parts) or "(?!)", regex.IGNORECASE)


def build_date_data(packs) -> DateData:
    return DateData(packs)


def _int(text: str | None) -> int | None:
    return int(to_ascii_digits(text)) if text else None


def english_month_ok(text: str) -> bool:
    """English month names must be capitalised ("May 5", not "may 5")."""
    return not text[:1].isascii() or text[:1].isupper()


def _mention(data: DateData, m) -> DateMention | None:
    """A date match as a DateMention, or None when its month word is not a month here."""
    mtext = m.group("m1") or m.group("m2")
    if not english_month_ok(mtext):
        return None
    month = data.month_of(mtext)
    if month is None:
        return None
    day = _int(m.group("d1") or m.group("d2"))
    year = _int(m.group("y1") or m.group("y2"))
    return DateMention(m.start(), m.end(), day, month, year, mtext)


def parse_dates(data: DateData, prose: str, start: int, end: int, pattern=None) -> list[DateMention]:
    found = []
    for m in (pattern or data.date_re).finditer(prose, start, end):
        mention = _mention(data, m)
        if mention is not None:
            found.append(mention)
    return found


def valid(day: int, month: int, year: int | None) -> bool:
    if day < 1:
        return False
    if year is None:
        limit = 29 if month == 2 else calendar.monthrange(2024, month)[1]
    else:
        limit = calendar.monthrange(year, month)[1]
    return day <= limit


def nearest_year(pub: dt.date, month: int, day: int) -> int | None:
    best = None
    for year in (pub.year - 1, pub.year, pub.year + 1):
        if not valid(day, month, year):
            continue
        distance = abs((dt.date(year, month, day) - pub).days)
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


def parse_value(data: DateData, value) -> dt.date | None:
    """A front-matter value: a date, a datetime, or a string in a format the grammar knows."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = to_ascii_digits(value.strip())
    m = data.numeric_re.search(text)
    if m:
        try:
            if m.group("iy"):
                return dt.date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
            return dt.date(int(m.group("ny")), int(m.group("nm")), int(m.group("nd")))
        except ValueError:
            return None
    for d in parse_dates(data, text, 0, len(text)):
        if d.year and valid(d.day, d.month, d.year):
            return dt.date(d.year, d.month, d.day)
    return None


def top_lines(doc):
    """Body lines up to and including the first paragraph of body text (at most TOP_LINES)."""
    lines = []
    prose = doc.prose
    for line in doc.body_lines[:TOP_LINES]:
        lines.append(line)
        text = prose[line.start:line.end].rstrip()
        if text[-1:] in "।॥.?!\"”’" and len(text.split(None, 5)) >= 6:
            break
    return lines


ANY_DIGIT_RE = compile_regex(r"\p{Nd}")


# The years a publication date can have. Outside them it is a placeholder (Hugo's zero date
# 0001-01-01, "9999-12-31" for "never"), and counting days from it runs off Python's calendar.
PUBLICATION_YEARS = (1800, 2199)


def _plausible(date: dt.date | None) -> bool:
    return date is None or PUBLICATION_YEARS[0] <= date.year <= PUBLICATION_YEARS[1]


def find_pubdate(doc, data: DateData) -> PubDate | None:
    for name in data.front_matter_keys:
        for k, v in doc.metadata.items():
            if k.lower() == name.lower():
                date = parse_value(data, v)
                if date and _plausible(date):
                    return PubDate(date, date.day, date.month, "front matter")
    prose = doc.prose
    for line in top_lines(doc):
        if not ANY_DIGIT_RE.search(prose, line.start, line.end):
            continue  # every dateline has a day or a numeric date: no digit, no dateline
        text = prose[line.start:min(line.end, line.start + 240)]  # a dateline is short
        for opener in (data.label_re, data.dateline_re, data.date_only_re):
            m = opener.match(text)
            if not m:
                continue
            at = line.start + m.end()
            if opener is data.dateline_re and ANY_DIGIT_RE.search(m.group("place")):
                continue
            numeric = data.numeric_re.match(to_ascii_digits(prose[at:min(line.end, at + 12)]))
            if numeric and opener is data.label_re:
                date = parse_value(data, numeric.group())
                if date and _plausible(date):
                    return PubDate(date, date.day, date.month, "dateline", line.start, at + numeric.end())
            date_re = data.dates.for_doc(doc)
            dm = date_re.match(prose, at, line.end)
            if not dm:
                continue
            dates = parse_dates(data, prose, at, dm.end(), date_re)
            if not dates or dates[0].start != at:
                continue
            d = dates[0]
            rest = prose[d.end:line.end].strip()
            if opener is data.date_only_re and len(rest) > 30:
                continue
            if not valid(d.day, d.month, d.year):
                continue
            date = dt.date(d.year, d.month, d.day) if d.year else None
            if not _plausible(date):
                continue
            return PubDate(date, d.day, d.month, "dateline", line.start, d.end)
    return None


def _sentence_initial(prose: str, offset: int) -> bool:
    before = prose[max(0, offset - 3):offset]
    return not before.strip() or before.rstrip()[-1:] in ".!?:\n\"“" or offset == 0


def _anchored_in_lines(doc, pattern, positions: list[int]) -> list:
    """What `pattern.finditer` gives line by line, tried only at `positions` (every place a match
    can start)."""
    prose = doc.prose
    out = []
    last = -1
    line_end = -1
    for p in positions:
        if p < last:
            continue
        if p >= line_end:
            line_end = doc.line_at(p).end
        m = pattern.match(prose, p, line_end)
        if m is not None:
            out.append(m)
            last = m.end()
    return out


# The day before a month name, read backwards from the month: "14 जुलाई", "3rd - March".
DAY_BEFORE_RE = compile_regex(r"(?r)[0-9०-९]{1,2}(?:st|nd|rd|th)?\s*-?\s*")
GLUED_DAY_RE = compile_regex(r"(?<![0-9०-९])[0-9०-९]{1,2}(?![0-9०-९])(?:st|nd|rd|th)?(?=\p{L})")


def _find_dates(doc, data: DateData, prose: str, begin: int, months: list[int]) -> list[DateMention]:
    """Every explicit date: `parse_dates` over the lines, tried only where a date can start — a
    month name ("July 14"), the day before one ("14 जुलाई"), or one or two digits written
    against a word ("14जुलाई")."""
    starts = set(months)
    line_start = line_end = -1
    for p in months:
        if p >= line_end:
            line = doc.line_at(p)
            line_start, line_end = line.start, line.end
        m = DAY_BEFORE_RE.match(prose, line_start, p)
        if m is not None:
            starts.add(m.start())
    for m in GLUED_DAY_RE.finditer(prose, begin):
        starts.add(m.start())
    found = []
    for m in _anchored_in_lines(doc, data.dates.for_doc(doc), sorted(starts)):
        mention = _mention(data, m)
        if mention is not None:
            found.append(mention)
    return found


def analyse_dates(doc, ctx) -> DateAnalysis:
    if CACHE_KEY in doc.cache:
        return doc.cache[CACHE_KEY]
    data = ctx.load("factcheck.dates", build_date_data)
    result = DateAnalysis(doc, data)
    body = doc.body_lines
    if body:
        first = body[0]
        text = doc.prose[first.start:first.end]
        lead = len(text) - len(text.lstrip())
        result.first_line = (first.start + lead, first.start + len(text.rstrip()))
    result.pubdate = find_pubdate(doc, data)
    doc.cache[CACHE_KEY] = result
    return result


def _find_dates_and_pairs(result: DateAnalysis) -> None:
    doc, data = result._document(), result._data
    result._dates = []
    if doc is None:
        return
    prose = doc.prose
    begin = doc.front_matter_end
    # No regex pass over the text: the month names (and below the weekdays, "कल", "पिछले" …) are
    # looked up in the document's word set (text.WordFinder); the patterns run only where one stands.
    present = data.month_finder.present(doc)
    if not present:
        return
    months = result._months = data.month_finder.doc_positions(doc, present)
    result._dates.extend(_find_dates(doc, data, prose, begin, months))
    occupied = result._occupied
    named: set[int] = set()  # weekdays already paired with the date before them
    ambiguous: set[int] = set()
    for d in result._dates:
        line = doc.line_at(d.start)
        before = data.weekday_before_re.search(prose, max(line.start, d.start - 30), d.start)
        after = data.weekday_after_re.match(prose, d.end, min(line.end, d.end + 30))
        if before and before.start("wd") in named:
            # "15 जुलाई, बुधवार, 17 जुलाई, गुरुवार": बुधवार is 15 जुलाई's. But "29 फरवरी) शनिवार
            # (24 फरवरी)": a weekday with a date in brackets after it names that date too, and
            # which one it names cannot be told: neither pair is checked (a fix for one made the
            # other wrong, and fix --unsafe went back and forth).
            if "(" in before.group():
                ambiguous.add(before.start("wd"))
            before = None
        m = before or after
        if m is None:
            occupied.append((d.start, d.end))
            continue
        wd = data.weekday_of(m.group("wd"))
        if before:
            end = d.end
            if "(" in before.group():
                close = regex.match(r"\s*\)", prose[d.end:d.end + 3])
                end = d.end + close.end() if close else end
            pair = Pair(before.start(), end, wd, before.start("wd"), before.end("wd"), d)
        else:
            pair = Pair(d.start, after.end(), wd, after.start("wd"), after.end("wd"), d)
        result._pairs.append(pair)
        occupied.append((pair.start, pair.end))
        if not before:
            named.add(pair.weekday_start)
    if ambiguous:  # the spans stay occupied: no relative reference either
        result._pairs = [p for p in result._pairs if p.weekday_start not in ambiguous]


_YEAR_IN_BRACKETS_RE = compile_regex(r"[0-9०-९]{4}\s*\)")
_DAY_RANGE_RE = compile_regex(r"[0-9०-९]{1,2}\s*[–-]\s*[0-9०-९]{1,2}\s+")


def _find_relatives(result: DateAnalysis) -> None:
    doc, data = result._document(), result._data
    result._relatives = []
    if doc is None:
        return
    if result._dates is None:  # the explicit dates and pairs are not relative references
        _find_dates_and_pairs(result)
    prose = doc.prose
    begin = doc.front_matter_end
    months = result._months
    present = data.relative_finder.present(doc)
    relative_starts = data.relative_finder.doc_positions(doc, present) if present else []
    if not months and not relative_starts:
        return
    occupied = list(result._occupied)
    if result.pubdate is not None and result.pubdate.source == "dateline":
        occupied.append((result.pubdate.start, result.pubdate.end))
    sentence_starts = sentence_starts_of(doc)

    spans = sorted(occupied)
    span_starts = [a for a, _b in spans]
    longest = max((b - a for a, b in spans), default=0)

    present = data.exclusion_finder.present(doc)
    exclusion_starts = data.exclusion_finder.doc_positions(doc, present) if present else []
    exclusion_re = data.exclusions.for_doc(doc) if exclusion_starts else None

    def blocked(s: int, e: int) -> bool:
        # the exclusions around the reference ("हर सोमवार", "आज भी"), tried only where one can start
        hi = min(len(prose), e + 30)
        last = -1
        for p in in_range(exclusion_starts, max(begin, s - 30), hi):
            if p < last:
                continue
            x = exclusion_re.match(prose, p, hi)
            if x is not None:
                if x.start() < e and s < x.end():
                    return True
                last = x.end()
        i = bisect.bisect_left(span_starts, s - longest)
        while i < len(spans) and spans[i][0] < e:
            if spans[i][1] > s:
                return True
            i += 1
        return False

    def dated(core_end: int) -> bool:
        # the reference is followed by its date in brackets, as DT102 suggests writing it
        # ("शनिवार (12 जुलाई) को", "आज (12 जनवरी)", "अगले हफ्ते (13–19 जनवरी)", "अगले महीने
        # (फरवरी 2025)"): already placed on the calendar
        j = core_end
        while j < len(prose) and prose[j] in " \t":
            j += 1
        if prose[j:j + 1] != "(":
            return False
        j += 1
        while j < len(prose) and prose[j] in " \t":
            j += 1
        i = bisect.bisect_left(span_starts, j)
        if i < len(spans) and spans[i][0] == j:
            return True  # an explicit date: "(12 जनवरी)"
        if _YEAR_IN_BRACKETS_RE.match(prose, j):
            return True  # "अगले साल (2025)"
        days = _DAY_RANGE_RE.match(prose, j)  # "(13–19 जनवरी)": DT102's week
        return data.month_re.match(prose, days.end() if days else j) is not None  # "(फरवरी 2025)"

    matches = _anchored_in_lines(doc, data.relatives.for_doc(doc), relative_starts) if relative_starts else []
    month_matches = _anchored_in_lines(doc, data.month_re, months)
    for m in matches:
        s, e = m.span()
        if blocked(s, e):
            continue
        core_end = m.end("wd") if m.group("wd") is not None else m.end("day") if m.group("day") is not None else e
        if dated(core_end):
            continue
        english = m.group().isascii()
        if m.group("wd") is not None:
            if english and not m.group("wd")[:1].isupper():
                continue
            pre = m.group("wpre")
            prefix = data.prefixes.get(key(pre)) if pre else None
            rel = Relative(s, e, m.group(), "weekday", data.weekday_of(m.group("wd")), prefix, m.end("wd"), english)
        elif m.group("day") is not None:
            word = m.group("day")
            if english and word[:1].isupper() and not _sentence_initial(prose, s):
                continue  # "Sensex Today", "India Today": a name, not a day
            value = data.days[key(word)]
            rel = Relative(s, e, m.group(), "day", value, None, m.end("day"), english)
        else:
            if english and not m.group("period").islower():
                continue  # "Box Office This Week": a section title
            prefix = data.prefixes[key(m.group("ppre"))]
            rel = Relative(s, e, m.group(), "period", data.periods[key(m.group("period"))], prefix, e, english)
        result._relatives.append(rel)
    for m in month_matches:
        s, e = m.span()
        if blocked(s, e) or not english_month_ok(m.group("m")):
            continue
        english = m.group("m").isascii()
        if english:
            if not data.month_pre_re.search(prose, max(0, s - 12), s):
                continue
            start = s
            tail = regex.match(r"\s+[0-9०-९]", prose[e:e + 3])
            if tail:
                continue
        else:
            post = data.month_post_re.match(prose, e)
            if not post:
                continue
        index = bisect.bisect_right(sentence_starts, s) - 1
        if index >= 0:
            sentence = doc.sentences[index]
            if YEAR_IN_TEXT.search(prose, sentence.start, sentence.end):
                continue  # "अप्रैल 2024 में … और मई में": the year is in the sentence
        month = data.month_of(m.group("m"))
        if english:
            pre = data.month_pre_re.search(prose, max(0, s - 12), s)
            start = pre.start()
            rel = Relative(start, e, prose[start:e], "month", month, None, e, True)
        else:
            rel = Relative(s, post.end(), prose[s:post.end()], "month", month, None, e, False)
        result._relatives.append(rel)
    result._relatives.sort(key=lambda r: r.start)




# -- resolution --------------------------------------------------------------------------------
def tense(data: DateData, prose: str, start: int, end: int) -> str | None:
    """'future', 'past' or None for prose[start:end]: any future marker makes it future."""
    if data.future_re.search(prose, start, end):
        return "future"
    if data.past_re.search(prose, start, end):
        return "past"
    return None


def resolve(rel: Relative, pub: dt.date, direction: str | None):
    """The calendar date(s) a relative reference points at, or None when it cannot be told."""
    if rel.kind == "day":
        value = rel.value
        if isinstance(value, str) and value.startswith("±"):
            if direction is None:
                return None
            n = int(value[1:])
            return pub + dt.timedelta(days=n if direction == "future" else -n)
        return pub + dt.timedelta(days=int(value))
    if rel.kind == "weekday":
        target = rel.value
        if rel.prefix == -1:
            back = (pub.weekday() - target) % 7 or 7
            return pub - dt.timedelta(days=back)
        if rel.prefix == 1:
            fwd = (target - pub.weekday()) % 7 or 7
            return pub + dt.timedelta(days=fwd)
        if direction == "future":
            return pub + dt.timedelta(days=(target - pub.weekday()) % 7)
        return pub - dt.timedelta(days=(pub.weekday() - target) % 7)
    if rel.kind == "period":
        n = rel.prefix or 0
        if rel.value == "week":
            monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=n)
            return (monday, monday + dt.timedelta(days=6))
        if rel.value == "month":
            y, m = divmod(pub.year * 12 + pub.month - 1 + n, 12)
            return ("month", y, m + 1)
        return ("year", pub.year + n)
    if rel.kind == "month":
        month = rel.value
        if direction == "future":
            year = pub.year if month >= pub.month else pub.year + 1
        else:
            year = pub.year if month <= pub.month else pub.year - 1
        return ("month", year, month)
    return None
