"""Shared machinery of the fact-check rules (attribution of figures, and dates).

- `phrases`: phrase lists from the rule packs → nukta- and case-tolerant regexes and lookup keys;
- `figures`: figures (600, ६००, 1,68,000, 12 हजार, दो दर्जन, हजारों, 8.7 प्रतिशत, ₹500 करोड़) and
  what they count, with the exemptions (ages, times, durations, scores, addresses …);
- `sources`: who a sentence attributes its facts to, named or vague;
- `attribution`: figures × sources per paragraph (used by AT101/AT102);
- `dates`: a focused date grammar (Hindi and English months and weekdays, Devanagari digits),
  the publication date (front matter or dateline), relative expressions.

Every list lives in `rules/attribution/` and `rules/dates/`; nothing here is loaded at import time.
Results per document are kept in `doc.cache` so that sibling rules share one analysis.
"""
