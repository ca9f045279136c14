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

# The names below are imported on first use (PEP 562), so that importing a submodule
# (`newslint.hindi.records`, `newslint.hindi.text`) does not load the whole engine.
_EXPORTS = {
    "ConfusionRule": "confusions",
    "ConfusionSet": "confusions",
    "Edit": "confusions",
    "Lexicon": "lexicon",
    "LikelyMisspelling": "lexicon",
    "NeverValidEntry": "never_valid",
    "NeverValidList": "never_valid",
    "LIKELY_MISSPELLING": "speller",
    "NEVER_VALID": "speller",
    "UNKNOWN_WORD": "speller",
    "Candidate": "speller",
    "Finding": "speller",
    "Speller": "speller",
    "Verdict": "speller",
    "lookup_key": "text",
    "nfc": "text",
    "tokenize": "text",
}


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))


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
