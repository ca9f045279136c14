"""Hindi spelling engine for newslint.

A standalone library: a lexicon built from hindi-hunspell and wordfreq
(``scripts/build_lexicon.py``), lookup through regular inflections, and
candidate generation by Hindi confusion classes.  Typical use::

    from pathlib import Path
    from newslint.hindi import Speller

    speller = Speller.load([Path("rules")])        # later roots add/override words
    speller.lexicon.is_known("नजदीकियां")           # True (नजदीकी + -ियां)
    speller.verdict("थें")                          # Verdict(kind="never-valid", …)
    speller.suggest("नजदिकियां")[0].word            # "नजदीकियां"
    for finding in speller.check_text(article): ...

All comparison happens on NFC text with spelling variants folded
(:func:`newslint.hindi.text.lookup_key`).
"""

from .confusions import ConfusionRule, ConfusionSet, Edit
from .lexicon import Lexicon, LikelyMisspelling
from .never_valid import NeverValidEntry, NeverValidList
from .speller import LIKELY_MISSPELLING, NEVER_VALID, UNKNOWN_WORD, Candidate, Finding, Speller, Verdict
from .text import lookup_key, nfc, tokenize

__all__ = [
    "LIKELY_MISSPELLING",
    "NEVER_VALID",
    "UNKNOWN_WORD",
    "Candidate",
    "ConfusionRule",
    "ConfusionSet",
    "Edit",
    "Finding",
    "Lexicon",
    "LikelyMisspelling",
    "NeverValidEntry",
    "NeverValidList",
    "Speller",
    "Verdict",
    "lookup_key",
    "nfc",
    "tokenize",
]
