"""Lexicon loading, lookup through inflections, frequencies and pack merging."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from newslint.hindi import Lexicon, Speller, lookup_key
from newslint.hindi.wordfile import SORTED_MAGIC, SortedWordFile

RULES = Path(__file__).resolve().parents[2] / "rules"


def test_known_through_inflection(lexicon: Lexicon):
    assert not lexicon.is_stored("नजदीकियां")
    assert lexicon.is_known("नजदीकियां")  # नजदीकी + -ियां
    assert ("नजदीकी", "ियां") in [(stem, ending.suffix) for stem, ending in lexicon.analyses("नजदीकियां")]
    assert lexicon.is_known("नजदीकियाँ")  # chandrabindu variant
    assert lexicon.is_known("यूक्रेनी")  # name + -ी
    assert lexicon.is_known("गिराईं")  # verb गिराना + -ईं


def test_inflection_needs_a_trusted_stem(lexicon: Lexicon):
    # hindi-hunspell lists the junk stem सामन; it licenses no -ें plural,
    # so the slip सामनें (for सामने) stays unknown
    assert lexicon.is_stored("सामन") and not lexicon.is_known("सामनें")
    assert not lexicon.is_known("नजदिकियां")


def test_never_valid_and_likely_misspellings_are_not_known(lexicon: Lexicon):
    for word in ["थें", "नही", "करेगें", "जिद्द", "पढें"]:
        assert not lexicon.is_known(word)
        assert lexicon.never_valid_entry(word) is not None
    assert lexicon.likely_misspelling("शामील").right == "शामिल"
    assert not lexicon.is_known("शामील")


def test_frequency(lexicon: Lexicon):
    assert lexicon.frequency("नहीं") > 6.0
    assert lexicon.frequency("में") > lexicon.frequency("कोरिया") > 3.0
    assert 0.0 < lexicon.frequency("नजदीकियां") < lexicon.frequency("नजदीकी")  # back-off
    assert lexicon.frequency("क्ज़्क्ज़") == 0.0
    assert lexicon.is_attested("भारत") and not lexicon.is_attested("नजदीकियां")


def test_names(lexicon: Lexicon):
    assert lexicon.is_name("कोरिया") and lexicon.is_name("लावरोव")
    assert not lexicon.is_name("नहीं")


def test_later_root_adds_and_overrides(tmp_path: Path):
    newsroom = tmp_path / "newsroom"
    (newsroom / "hi").mkdir(parents=True)
    (newsroom / "hi" / "extra-words.txt").write_text("जिद्द\nसुक्खू 3.2\n", encoding="utf-8")
    (newsroom / "hi" / "never-valid.txt").write_text(
        "[house-style] This newsroom writes गये, not गए.\nगए  गये\n> वे घर गए। => वे घर गये।\n",
        encoding="utf-8",
    )
    base = Lexicon.load([RULES])
    merged = Lexicon.load([RULES, newsroom])
    assert not base.is_known("सुक्खू") and merged.is_known("सुक्खू")
    assert merged.frequency("सुक्खू") == pytest.approx(3.2)
    assert not base.is_known("जिद्द") and merged.is_known("जिद्द")  # later root allows it
    assert merged.never_valid_entry("जिद्द") is None
    # the newsroom forbids गए; its own spec holds
    speller = Speller.load([RULES, newsroom])
    assert speller.verdict("गए").suggestions[0].word == "गये"


def test_missing_pack_folder_is_an_error(tmp_path: Path):
    with pytest.raises(FileNotFoundError):
        Lexicon.load([tmp_path])


def test_load_is_fast():
    start = time.perf_counter()
    Lexicon.load([RULES])
    assert time.perf_counter() - start < 0.25  # measured ~10 ms; generous for loaded CI machines


def test_generated_word_list_is_sorted_and_normalised():
    data = (RULES / "hi" / "words.tsv").read_bytes()
    assert data.startswith(SORTED_MAGIC)
    entries = SortedWordFile(data).words()
    keys = [key for key, _ in entries]
    assert len(keys) > 100_000
    assert keys == sorted(keys) and len(keys) == len(set(keys))
    for key in keys[:: max(1, len(keys) // 2000)]:  # a sample: lookup_key is idempotent
        assert lookup_key(key) == key


def test_sorted_word_file_lookup(tmp_path: Path):
    path = tmp_path / "words.tsv"
    words = {"अ": 0, "अंक": 412, "अंकल": 0, "क": 0, "कमल": 350, "ज़": 0}
    lines = [SORTED_MAGIC.decode(), "# header"] + [
        f"{w}\t{z}" if z else w for w, z in sorted((lookup_key(w), z) for w, z in words.items())
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    f = SortedWordFile.read(path)
    assert len(f) == 6
    assert f.get("अंक") == 412 and f.get("अ") == 0 and f.get("कमल") == 350
    for absent in ["", "आ", "अं", "कमलl", "ॐ", "#", "zzz"]:
        assert f.get(absent) is None
