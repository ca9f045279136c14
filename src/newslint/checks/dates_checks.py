"""DT101–DT105: when did it happen? Publication dates, relative dates, weekdays, impossible dates.

The date grammar and the publication-date detection live in `newslint.factcheck.dates`; the word
lists in `rules/dates/`. All five rules share one analysis per document.
"""

import bisect
import datetime as dt

import regex

from newslint.factcheck.dates import analyse_dates, build_date_data, nearest_year, resolve, tense, valid
from newslint.rule import Rule, Suggestion
from newslint.compiled import compile_regex

CLAUSE_END = compile_regex(r"[,;।॥!?\"“”]|\.(?!\d)|\n")


def _hi_date(data, d: dt.date, pub_year: int | None, english: bool) -> str:
    if english:
        text = f"{data.month_names_en[d.month]} {d.day}"
    else:
        text = f"{d.day} {data.month_names_hi[d.month]}"
    if pub_year is None or d.year != pub_year:
        text += f" {d.year}" if not english else f", {d.year}"
    return text


def _en_long(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


def _sentence_end(doc, offset: int) -> int:
    starts = doc.cache.get("factcheck.sentence_starts")
    if starts is None:
        starts = doc.cache["factcheck.sentence_starts"] = [s.start for s in doc.sentences]
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and doc.sentences[i].start <= offset < doc.sentences[i].end:
        return doc.sentences[i].end
    return doc.line_at(offset).end


class MissingDate(Rule):
    """The article carries neither a publication date nor a dateline.

    Without one, "कल", "शनिवार को" and "अप्रैल में" cannot be placed on a calendar, and an
    archived story cannot be dated at all. A date in the front matter (`date`, `published`,
    `publishDate`, `pubDate`) or a dateline at the top ("नई दिल्ली, 12 जनवरी (भाषा)",
    "NEW DELHI, July 14", "Updated: 14 Jul 2025") is enough. A date further down — in the body
    or in a teaser of another story — is not the article's date. One finding per document, on
    its first line of body text.

    PASS::

        नई दिल्ली, 12 जनवरी (भाषा)
        केंद्र सरकार ने रविवार को राज्यों को दिशानिर्देश जारी किए।

    FAIL::

        जिले के सरकारी स्कूलों में शिक्षकों की भारी कमी है।
    """

    code = "DT101"
    name = "missing-date"
    category = "dates"
    severity = "warning"
    fixable = "no"
    interactive_edit = "insert-line-above"  # the finding marks where the dateline goes

    def check(self, doc, ctx):
        analysis = analyse_dates(doc, ctx)
        if analysis.pubdate is not None or analysis.first_line is None:
            return
        start, end = analysis.first_line
        # One message whatever the rest of the article holds: the SARIF and GitLab fingerprints
        # hash it, and an edit elsewhere must not make this finding look like a new one.
        yield self.finding(
            start,
            end,
            "the article has no publication date or dateline, so readers cannot tell when it happened "
            "and no relative date in it (“कल”, “शनिवार को”) can be placed: "
            "add `date:` to the front matter or a dateline (“नई दिल्ली, 12 जनवरी”)",
        )


class UnanchoredRelativeDate(Rule):
    """A relative date — शनिवार को, कल, परसों, पिछले हफ्ते, अप्रैल में — with nothing to anchor it.

    Without a publication date or dateline the reader cannot tell which Saturday, which "कल" or
    which April; the story goes stale the day after. With one, the reference is resolved and the
    calendar date is offered as an info-level suggestion ("शनिवार (12 जुलाई) को"); set
    `suggest_dates = false` to turn those off. A month with a year in the same sentence, "हर
    सोमवार", "आज भी", "आने वाला कल", "कल-कारखाने" and protest marches are not relative dates
    (`rules/dates/relative-exclusions.txt`).

    PASS::

        ---
        date: 2025-07-16
        ---
        केंद्र सरकार ने अप्रैल 2025 में नई औद्योगिक नीति जारी की थी।

    FAIL::

        राज्य के मुख्यमंत्री शनिवार को बाढ़ प्रभावित जिलों का दौरा करेंगे।
    """

    code = "DT102"
    name = "unanchored-relative-date"
    category = "dates"
    severity = "warning"
    severity_note = "info when the date follows from the publication date"
    fixable = "unsafe"
    options = {"suggest_dates": True}

    def check(self, doc, ctx):
        analysis = analyse_dates(doc, ctx)
        data = ctx.load("factcheck.dates", build_date_data)
        pub = analysis.pubdate
        for rel in analysis.relatives:
            text = doc.text[rel.start:rel.end]
            if pub is None:
                yield self.finding(
                    rel.start,
                    rel.end,
                    f"“{text}” cannot be placed on a calendar: the article has no publication date or dateline; give the date",
                    [Suggestion(text, safe=False, note="write the calendar date next to it, e.g. “शनिवार (12 जुलाई) को”")],
                )
                continue
            if pub.date is None or not self.settings.get("suggest_dates", True):
                continue  # anchored by a dateline without a year: fine, but not resolvable
            direction = tense(data, doc.prose, rel.end, _sentence_end(doc, rel.start))
            when = resolve(rel, pub.date, direction)
            if when is None:
                continue
            finding = self._suggest(doc, data, rel, when, pub.date)
            if finding is not None:
                yield finding

    def _suggest(self, doc, data, rel, when, pub: dt.date):
        head = doc.text[rel.start:rel.core_end]
        tail = doc.text[rel.core_end:rel.end]
        en = rel.english
        if isinstance(when, dt.date):
            inserted = f" ({_hi_date(data, when, pub.year, en)})"
            meaning = _en_long(when)
        elif isinstance(when, tuple) and when and isinstance(when[0], dt.date):
            a, b = when
            if en:
                inserted = f" ({data.month_names_en[a.month]} {a.day}–{b.day})" if a.month == b.month else f" ({data.month_names_en[a.month]} {a.day}–{data.month_names_en[b.month]} {b.day})"
            else:
                inserted = f" ({a.day}–{b.day} {data.month_names_hi[b.month]})" if a.month == b.month else f" ({a.day} {data.month_names_hi[a.month]}–{b.day} {data.month_names_hi[b.month]})"
            meaning = f"{_en_long(a)} to {_en_long(b)}"
        elif when[0] == "month":
            _, year, month = when
            name = data.month_names_en[month] if en else data.month_names_hi[month]
            if rel.kind == "month":
                inserted = f" {year}"
            else:
                inserted = f" ({name} {year})"
            meaning = f"{dt.date(year, month, 1).strftime('%B')} {year}"
        else:
            inserted = f" ({when[1]})"
            meaning = str(when[1])
        replacement = head + inserted + tail
        return self.finding(
            rel.start,
            rel.end,
            f"“{head + tail}” means {meaning} (published {_en_long(pub)}); consider writing the date: “{replacement}”",
            [Suggestion(replacement, safe=False, note="the calendar date, counted from the publication date")],
            severity="info",
        )


class WeekdayDateMismatch(Rule):
    """A weekday written next to a date that falls on another weekday.

    "मंगलवार, 14 जुलाई 2025" — 14 July 2025 was a Monday. One of the two is wrong; the suggestion
    corrects the weekday (check the date too). A date without a year takes the year nearest the
    publication date; with neither, nothing is checked. बृहस्पतिवार and गुरुवार are the same day.

    PASS::

        संसद की सलाहकार समिति की बैठक सोमवार, 14 जुलाई 2025 को हुई।

    FAIL::

        आयोग ने रविवार, 14 जुलाई 2025 को अधिसूचना जारी की।
    """

    code = "DT103"
    name = "weekday-date-mismatch"
    category = "dates"
    severity = "warning"
    fixable = "unsafe"

    def check(self, doc, ctx):
        analysis = analyse_dates(doc, ctx)
        data = ctx.load("factcheck.dates", build_date_data)
        pub = analysis.pubdate.date if analysis.pubdate is not None else None
        for pair in analysis.pairs:
            d = pair.date
            year = d.year or (nearest_year(pub, d.month, d.day) if pub else None)
            if year is None or not valid(d.day, d.month, year):
                continue
            actual = dt.date(year, d.month, d.day).weekday()
            if actual == pair.weekday:
                continue
            written = doc.text[pair.weekday_start:pair.weekday_end]
            if written.isascii():
                right = data.weekday_names_en[actual]
                if len(written) <= 4:
                    right = data.abbr_names.get(actual, right[:3])
                if written.isupper():
                    right = right.upper()
            else:
                right = data.weekday_names_hi[actual]
            replacement = doc.text[pair.start:pair.weekday_start] + right + doc.text[pair.weekday_end:pair.end]
            date_text = dt.date(year, d.month, d.day)
            yield self.finding(
                pair.start,
                pair.end,
                f"{_en_long(date_text)} is a {date_text.strftime('%A')}, not a {dt.date(2024, 1, 1 + pair.weekday).strftime('%A')}: "
                f"“{written}” should be “{right}” (or the date is wrong)",
                [Suggestion(replacement, safe=False, note="correct the weekday; check the date against the source too")],
            )


class ImpossibleDate(Rule):
    """A date that does not exist: 31 जून, 30 फरवरी, 29 फरवरी in a year that is not a leap year.

    Usually a slip of one digit or of the month; check the source. February 29 without a year is
    not flagged.

    PASS::

        आवेदन 29 फरवरी 2024 तक स्वीकार किए गए।

    FAIL::

        प्रवेश परीक्षा के लिए आवेदन की अंतिम तिथि 31 जून तय की गई है।
    """

    code = "DT104"
    name = "impossible-date"
    category = "dates"
    severity = "error"
    fixable = "no"

    def check(self, doc, ctx):
        analysis = analyse_dates(doc, ctx)
        data = ctx.load("factcheck.dates", build_date_data)
        for d in analysis.dates:
            if d.day > 31 or valid(d.day, d.month, d.year):
                continue
            month = data.month_names_en.get(d.month, str(d.month))
            text = doc.text[d.start:d.end]
            if d.month == 2 and d.day == 29:
                why = f"{d.year} is not a leap year, so February has 28 days"
            else:
                limit = 29 if d.month == 2 else __import__("calendar").monthrange(2024, d.month)[1]
                why = f"{month} has {limit} days"
            yield self.finding(d.start, d.end, f"“{text}” does not exist: {why}; check the date in the source")


class FutureDateInPastTense(Rule):
    """A date after the publication date, told in the past tense.

    "20 जुलाई को बैठक हुई" in a story published on 14 July: either the date or the tense is wrong.
    Only dates followed by को (or preceded by "on") whose clause is plainly past are checked;
    deadlines ("तक"), starts ("से") and anything scheduled are left alone. Off by default (its
    precision is not measured yet): select it with `--extend-select DT105`.

    PASS::

        ---
        date: 2025-07-14
        ---
        संसद का मानसून सत्र 21 जुलाई को शुरू होगा।

    FAIL::

        ---
        date: 2025-07-14
        ---
        समिति की बैठक 20 जुलाई को हुई।
    """

    code = "DT105"
    name = "future-date-in-past-tense"
    category = "dates"
    severity = "warning"
    fixable = "no"
    default_enabled = False

    def check(self, doc, ctx):
        analysis = analyse_dates(doc, ctx)
        data = ctx.load("factcheck.dates", build_date_data)
        pub = analysis.pubdate.date if analysis.pubdate is not None else None
        if pub is None:
            return
        prose = doc.prose
        for d in analysis.dates:
            if analysis.pubdate.source == "dateline" and analysis.pubdate.start <= d.start < analysis.pubdate.end:
                continue
            year = d.year or nearest_year(pub, d.month, d.day)
            if year is None or not valid(d.day, d.month, year):
                continue
            when = dt.date(year, d.month, d.day)
            if when <= pub + dt.timedelta(days=1):
                continue
            after = regex.match(r"\s+को(?![\p{L}\p{M}])", prose[d.end:d.end + 5])
            before_on = regex.search(r"(?<![\p{L}])on\s+(?:\p{L}+,?\s+)?$", prose[max(0, d.start - 16):d.start])
            if not after and not before_on:
                continue
            stop = CLAUSE_END.search(prose, d.end + (after.end() if after else 0))
            end = stop.start() if stop else doc.line_at(d.start).end
            fut = data.future_re.search(prose, d.end, end)
            past = data.past_re.search(prose, d.end, end)
            if past is None or fut is not None:
                continue
            sentence_end = _sentence_end(doc, d.start)
            if data.scheduled_re.search(prose, doc.line_at(d.start).start, sentence_end):
                continue
            text = doc.text[d.start:d.end]
            yield self.finding(
                d.start,
                d.end,
                f"“{text}” ({_en_long(when)}) is after the publication date ({_en_long(pub)}) but the sentence says it already happened: check the date or the tense",
            )
