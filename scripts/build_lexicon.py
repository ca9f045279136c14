#!/usr/bin/env python3
"""Build the generated Hindi word lists under ``rules/hi/``.

Usage (from the repository root)::

    pip install wordfreq==3.1.1          # build-time only, never needed to lint
    python scripts/build_lexicon.py \\
        --hunspell /work/shared/data/hindi-hunspell  # holds hi_IN.dic + hi_IN.aff
        [--rules rules] [--report /tmp/lexicon-report.txt]

Inputs
  * hindi-hunspell ``hi_IN.dic`` + ``hi_IN.aff`` (Shreeshrii, GPLv3): every
    stem expanded through its affix flags (src/newslint/hindi/hunspell_affixes.py).
  * wordfreq's Hindi list (``top_n_list('hi', 50000)``, CC BY-SA 4.0): the
    frequencies, and the commonest forms hunspell misses.  It also holds
    common misspellings (थें, नही), so presence in it proves nothing.
  * hand-written files in ``rules/hi/``: ``hunspell-exclusions.txt`` (noise
    to drop from hunspell), ``never-valid.txt`` (always removed),
    ``extra-words.txt`` and ``gazetteer.txt`` (protected: never treated as a
    likely misspelling), ``confusions.txt`` (to find likely misspellings).

Outputs (deterministic: sorted, no timestamps; the same inputs give the same bytes)
  * ``rules/hi/words.tsv`` — lookup keys (newslint.hindi.text.lookup_key) of
    every known form, sorted by code point, with Zipf × 100 where wordfreq
    has one.  See newslint/hindi/wordfile.py for the format.
  * ``rules/hi/likely-misspellings.tsv`` — forms in the sources that one
    confusion slip turns into a far commoner word (how much commoner: the
    ``suspect=`` gap of the rule in confusions.txt; a form wordfreq never saw
    counts as Zipf 2.0) and so are taken to be misspellings of it: both
    sources were collected from real text and keep slips such as शामील,
    उनहोंने, लडका.  They are left out of words.tsv; to keep one, add it to
    extra-words.txt.  A form that is a regular inflection of a common word is
    protected (रहें, खुलीं, बातें) — except an unattested -ें plural one nasal
    from a very common -े word (आगें, बड़ें).
  * ``rules/hi/variants.tsv`` — words corpora spell both ways (ये/ए, ँ/ं, the
    nukta of क़ ख़ ग़ ज़ फ़), for the house-style rule SP105 (newslint.hindi.style).
  * ``rules/hi/valued-keys.txt`` — the keys of words.tsv that have a Zipf value (a pure
    function of words.tsv: ``--valued-keys-only`` rewrites it from an existing words.tsv
    without the sources); lets the engine answer most frequency questions without searching
    words.tsv (newslint.hindi.wordfile.write_valued_keys).

Debian's ``hunspell-hi`` (janabhaaratii, 16k forms) was compared and adds only
~300 forms not covered here, several of them slips (चीज़े, थाः); it is not used.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newslint.hindi.confusions import ConfusionSet  # noqa: E402
from newslint.hindi.hunspell_affixes import expand, read_aff, read_dic  # noqa: E402
from newslint.hindi.inflection import stem_candidates  # noqa: E402
from newslint.hindi.never_valid import parse as parse_never_valid  # noqa: E402
from newslint.hindi.text import is_devanagari_word, lookup_key, nfc  # noqa: E402
from newslint.hindi.wordfile import read_word_list, write_sorted_word_file, write_valued_keys  # noqa: E402

WORDFREQ_LIST_SIZE = 50_000


def read_exclusions(path: Path) -> tuple[set[str], set[tuple[str, str]]]:
    """``hunspell-exclusions.txt``: ``stem WORD`` drops a dictionary entry with
    all its forms; ``affix FLAG ADD`` drops one affix rule."""
    stems: set[str] = set()
    affixes: set[tuple[str, str]] = set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        fields = raw.split("#", 1)[0].split()
        if not fields:
            continue
        if fields[0] == "stem" and len(fields) == 2:
            stems.add(nfc(fields[1]))
        elif fields[0] == "affix" and len(fields) == 3:
            affixes.add((fields[1], nfc(fields[2])))
        else:
            raise ValueError(f"{path}: cannot read {raw!r}")
    return stems, affixes


def hunspell_forms(folder: Path, excluded_stems: set[str], excluded_affixes: set[tuple[str, str]]) -> set[str]:
    aff = read_aff(folder / "hi_IN.aff")
    for flag, add in excluded_affixes:
        group = aff.groups[flag]
        group.rules = [rule for rule in group.rules if rule.add != add]
    forms: set[str] = set()
    for stem, flags in read_dic(folder / "hi_IN.dic"):
        if stem in excluded_stems:
            continue
        for form in expand(stem, flags, aff):
            if is_devanagari_word(form):  # drops "_"/"-" compounds and stray punctuation
                forms.add(lookup_key(form))
    return forms


def hunspell_version(folder: Path) -> str:
    """The version in hi_IN.aff's first comment line ("… Dictionary in Hunspell format - 2.1.2.1")."""
    first = (folder / "hi_IN.aff").read_text(encoding="utf-8").splitlines()[0]
    return first.rsplit(" ", 1)[-1] if first.startswith("#") else "unknown"


def wordfreq_zipf() -> dict[str, float]:
    """Zipf frequency per lookup key; spelling variants folded into one key add up."""
    import wordfreq

    per_key: dict[str, float] = defaultdict(float)
    for word in wordfreq.top_n_list("hi", WORDFREQ_LIST_SIZE):
        word = nfc(word)
        if is_devanagari_word(word):
            per_key[lookup_key(word)] += wordfreq.word_frequency(word, "hi")
    return {key: round(math.log10(freq * 1e9), 2) for key, freq in per_key.items()}


def is_regular_inflection(
    key: str, names: set[str], zipf: dict[str, float], known: set[str] | frozenset[str] = frozenset()
) -> bool:
    """Forms that may look like a slip but are a regular inflection of a word
    corpora know well (Zipf >= 3): रहें and खुलीं (the infinitive रहना, खुलना
    is attested), गंधों (गंध), बातें (बात).  Inflection rules are the
    runtime analyser's (newslint.hindi.inflection).

    A noun plural in -ें that corpora never saw, one nasal away from a very common
    -े word, is no protection: आगें, बड़ें, रास्तें are slips of आगे, बड़े, रास्ते far
    more often than plurals of आग, बड़, रास्त."""
    for stem, ending in stem_candidates(key):
        if ending.names_only and stem not in names:
            continue
        if ending.verb_only:
            if zipf.get(stem + "ना", 0.0) >= 3.0:
                return True
            # a feminine plural in -ीं (बिखरीं, उभरतीं) of a listed verb whose -ी form
            # corpora know: many infinitives are rare in web text
            if ending.suffix in ("ीं", "तीं") and stem + "ना" in known and zipf.get(key[:-1], 0.0) >= 3.0:
                return True
            # a subjunctive in -ें (बजें, बीतें) of a listed verb with a common participle
            if (
                ending.suffix == "ें"
                and stem + "ना" in known
                and max(zipf.get(stem + "ता", 0.0), zipf.get(stem + "ती", 0.0), zipf.get(stem + "ते", 0.0)) >= 3.0
            ):
                return True
        elif zipf.get(stem, 0.0) >= 3.0:
            if (
                ending.suffix == "ें"
                and key not in zipf
                and zipf.get(key[:-2] + "े", 0.0) >= PLURAL_SHADOW_ZIPF
            ):
                continue
            return True
    return False


# See is_regular_inflection: an unattested -ें plural whose -े neighbour is this common is
# taken for a slip of it.
PLURAL_SHADOW_ZIPF = 4.3
# wordfreq lists Hindi words down to Zipf 3.0; a form it never saw is
# estimated at this frequency when comparing it with its variants.
UNSEEN_ZIPF = 2.0
# A likely misspelling's variant must itself be a word corpora know well.
MIN_VARIANT_ZIPF = 3.0


def likely_misspellings(
    known: set[str],
    zipf: dict[str, float],
    protected: set[str],
    names: set[str],
    confusions: ConfusionSet,
) -> list[tuple[str, str, str, float, float]]:
    """Known forms that one confusion slip turns into a far commoner word.

    "Far commoner" is the ``suspect=G`` gap of the slip's rule in
    confusions.txt.  Hand-listed words and regular verb/plural forms are
    never suspects.
    """
    found = []
    for key in sorted(known):
        if key in protected or is_regular_inflection(key, names, zipf, known):
            continue
        own_zipf = zipf.get(key, UNSEEN_ZIPF)
        best = None
        for rule, candidate in confusions.rule_applications(key):
            if rule.suspect_gap is None:
                continue
            variant = lookup_key(candidate)
            variant_zipf = zipf.get(variant, 0.0)
            if variant == key or variant_zipf < MIN_VARIANT_ZIPF:
                continue
            if variant_zipf - own_zipf < rule.suspect_gap:
                continue
            if best is None or variant_zipf > best[4]:
                best = (key, variant, rule.kind, zipf.get(key, 0.0), variant_zipf)
        if best:
            found.append(best)
    return found


# A variant spelling is listed in variants.tsv when corpora use it this often (share of all
# spellings of the word).
VARIANT_SHARE = 0.05


def variant_spellings(known: set[str]) -> list[tuple[str, str, str, str]]:
    """``(key, dimension, marks, spelling)`` for words spelled both ways in corpora.

    For the house-style rule (newslint.hindi.style): गाँव (chandrabindu), ज़रूर (nukta),
    गये (ये).  A spelling counts when wordfreq lists it with at least VARIANT_SHARE of the
    word's uses, the unmarked spellings together as well, and the word is a known one (not
    a slip such as दुनियाँ).
    """
    import wordfreq

    from newslint.hindi.style import DIMENSIONS, mask

    by_key: dict[str, dict[str, float]] = defaultdict(dict)
    for word in wordfreq.top_n_list("hi", WORDFREQ_LIST_SIZE):
        word = nfc(word)
        if is_devanagari_word(word):
            by_key[lookup_key(word)][word] = by_key[lookup_key(word)].get(word, 0.0) + wordfreq.word_frequency(word, "hi")
    found = []
    for key, spellings in sorted(by_key.items()):
        if key not in known:
            continue
        total = sum(spellings.values())
        for dimension in DIMENSIONS:
            if dimension == "panchamakshar":
                continue  # fixed by rule, no table needed
            best = None
            unmarked = 0.0
            for spelling, freq in spellings.items():
                marks = mask(spelling, dimension)
                if "1" not in marks:
                    unmarked += freq
                elif freq >= VARIANT_SHARE * total and (best is None or freq > best[1]):
                    best = (spelling, freq, marks)
            # both spellings must be in use: विजयी is never विजई, अधिकांश hardly ever अधिकाँश
            if best is not None and unmarked >= VARIANT_SHARE * total:
                found.append((key, dimension, best[2], best[0]))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hunspell", type=Path, help="folder with hi_IN.dic and hi_IN.aff")
    parser.add_argument("--rules", type=Path, default=ROOT / "rules", help="pack root (default: rules)")
    parser.add_argument("--report", type=Path, help="write build statistics here")
    parser.add_argument(
        "--valued-keys-only", action="store_true", help="only rewrite valued-keys.txt from the existing words.tsv"
    )
    args = parser.parse_args(argv)
    pack = args.rules / "hi"
    if args.valued_keys_only:
        print(f"valued-keys.txt entries: {write_valued_keys(pack / 'words.tsv')}")
        return 0
    if args.hunspell is None:
        parser.error("--hunspell is required (unless --valued-keys-only)")

    excluded_stems, excluded_affixes = read_exclusions(pack / "hunspell-exclusions.txt")
    from_hunspell = hunspell_forms(args.hunspell, excluded_stems, excluded_affixes)
    zipf = wordfreq_zipf()

    never_valid = set()
    for group in parse_never_valid((pack / "never-valid.txt").read_text(encoding="utf-8").splitlines()):
        never_valid.update(lookup_key(entry.wrong) for entry in group.entries)
    names = set(read_word_list(pack / "gazetteer.txt"))
    protected = set(read_word_list(pack / "extra-words.txt")) | names
    confusions = ConfusionSet.load([pack / "confusions.txt"])

    known = (from_hunspell | set(zipf)) - never_valid
    suspects = likely_misspellings(known, zipf, protected, names, confusions)
    suspect_keys = {s[0] for s in suspects}
    words = {key: int(round(zipf.get(key, 0.0) * 100)) for key in known - suspect_keys}

    from importlib.metadata import version

    sources = f"hindi-hunspell {hunspell_version(args.hunspell)}, wordfreq {version('wordfreq')}"
    write_sorted_word_file(
        pack / "words.tsv",
        [
            "Generated by scripts/build_lexicon.py — do not edit; edit its inputs and rebuild.",
            "Lookup keys (newslint.hindi.text.lookup_key) of known Hindi word forms, sorted by code point;",
            "second column: Zipf frequency x 100 from wordfreq (where wordfreq lists the word).",
            "Sources: hindi-hunspell by Shreeshrii (GPLv3), expanded through its affix rules;",
            "wordfreq by Robyn Speer et al. (data CC BY-SA 4.0). See rules/hi/README.md.",
            f"Built from: {sources}.  Entries: {len(words)}.",
        ],
        words,
    )
    valued = write_valued_keys(pack / "words.tsv")
    with open(pack / "likely-misspellings.tsv", "w", encoding="utf-8") as out:
        out.write(
            "# Generated by scripts/build_lexicon.py — do not edit.  Forms listed only by hindi-hunspell\n"
            "# (wordfreq never saw them: Zipf < 3) that one confusion slip turns into a common word.\n"
            "# Columns: wrong, probably meant, slip kind, Zipf of wrong (0 = unseen), Zipf of meant.\n"
            "# To keep a form, add it to extra-words.txt and rebuild.\n"
        )
        for wrong, right, kind, wrong_zipf, right_zipf in suspects:
            out.write(f"{wrong}\t{right}\t{kind}\t{wrong_zipf:.2f}\t{right_zipf:.2f}\n")

    variants = variant_spellings(set(words))
    with open(pack / "variants.tsv", "w", encoding="utf-8") as out:
        out.write(
            "# Generated by scripts/build_lexicon.py — do not edit.  Words corpora spell both ways\n"
            "# (wordfreq: each way >= 5 % of the word's uses), for the house-style rule SP105.\n"
            "# Columns: lookup key, dimension (ye-e | chandrabindu | nukta), which sites carry the mark\n"
            "# (see newslint.hindi.style), the marked spelling.\n"
        )
        for row in variants:
            out.write("\t".join(row) + "\n")

    report = [
        f"hunspell forms (after exclusions): {len(from_hunspell)}",
        f"wordfreq Devanagari keys: {len(zipf)}",
        f"  of which not in hunspell: {len(set(zipf) - from_hunspell)}",
        f"never-valid keys removed: {len(never_valid & (from_hunspell | set(zipf)))}",
        f"likely misspellings removed: {len(suspects)}",
        f"words.tsv entries: {len(words)}",
        f"valued-keys.txt entries: {valued}",
        f"variants.tsv entries: {len(variants)}",
    ]
    print("\n".join(report))
    if args.report:
        args.report.write_text("\n".join(report) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
