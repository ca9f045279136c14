"""House-style variants (newslint.hindi.style), in-article consistency, slip descriptions,
never-valid stems and the word file's block index."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from newslint.hindi import Speller
from newslint.hindi.consistency import Consistency, skeleton
from newslint.hindi.slips import describe_slip
from newslint.hindi.style import HouseStyle, mask, respell, sites
from newslint.hindi.wordfile import SortedWordFile, write_sorted_word_file

RULES = Path(__file__).resolve().parents[2] / "rules"


@pytest.fixture(scope="module")
def style() -> HouseStyle:
    return HouseStyle.load([RULES])


@pytest.mark.parametrize(
    ("word", "dimension", "marks"),
    [
        ("गये", "ye-e", "1"),
        ("गए", "ye-e", "0"),
        ("नयी", "ye-e", "1"),
        ("गाँव", "chandrabindu", "1"),
        ("गांव", "chandrabindu", "0"),
        ("में", "chandrabindu", ""),  # only the anusvara after े
        ("हिन्दी", "panchamakshar", "1"),
        ("संबंध", "panchamakshar", "00"),
        ("संकट", "panchamakshar", ""),  # nobody writes सङ्कट any more
        ("ज़रूर", "nukta", "1"),
        ("जरूर", "nukta", "0"),
    ],
)
def test_sites(word, dimension, marks):
    assert mask(word, dimension) == marks


def test_respell_keeps_the_word():
    assert respell("गये", "ye-e", "0") == "गए"
    assert respell("हिंदी", "panchamakshar", "1") == "हिन्दी"
    assert respell("सम्बन्ध", "panchamakshar", "00") == "संबंध"
    assert respell("जरूर", "nukta", "1") == "ज़रूर"
    assert respell("गांव", "chandrabindu", "1") == "गाँव"
    assert respell("गांव", "chandrabindu", "11") is None  # wrong number of sites


def test_classify_uses_the_variants_table(style):
    assert style.classify("गये", "ye-e") == (True, "गए")
    assert style.classify("गए", "ye-e") == (False, "गये")
    assert style.classify("जरूर", "nukta") == (False, "ज़रूर")
    # corpora spell विजयी one way only: not a style choice
    assert style.classify("विजयी", "ye-e") is None
    assert style.classify("कंपनी", "nukta") is None
    assert sites("रुपये", "ye-e") and style.classify("रुपये", "ye-e") == (True, "रुपए")


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller.load([RULES])


def test_consistency_pairs(speller):
    c = Consistency(speller)
    assert skeleton("कोरियां") == skeleton("कोरिया")
    assert c.pairs(Counter({"किरपाल": 3, "कीरपाल": 1})) == [("कीरपाल", "किरपाल", 3, 1)]
    assert c.pairs(Counter({"किरपाल": 2, "कीरपाल": 1})) == []  # majority too small
    assert c.pairs(Counter({"किरपाल": 5, "कीरपाल": 2})) == []  # not 3:1
    assert c.pairs(Counter({"है": 9, "हैं": 1})) == []  # two words
    assert c.pairs(Counter({"हिंदी": 9, "हिन्दी": 1})) == []  # a variant: house style
    assert c.pairs(Counter({"कोरिया": 8, "कोरियां": 1})) == [("कोरियां", "कोरिया", 8, 1)]


@pytest.mark.parametrize(
    ("wrong", "right", "phrase"),
    [
        ("नजदिकियां", "नजदीकियां", "short ि where the word has long ी"),
        ("थें", "थे", "a stray anusvara ं"),
        ("जाएगे", "जाएंगे", "the anusvara ं is missing"),
        ("पढें", "पढ़ें", "“ढ” without its nukta"),
        ("जिद्द", "जिद", "a doubled “द”"),
        ("करेगें", "करेंगे", "the anusvara ं on the wrong syllable"),
        ("आर्शीवाद", "आशीर्वाद", "the reph र् on the wrong letter"),
        ("उज्जवल", "उज्ज्वल", "a halant ् is missing"),
    ],
)
def test_describe_slip(wrong, right, phrase):
    assert phrase in describe_slip(wrong, right)


def test_inflection_of_a_never_valid_stem(speller):
    verdict = speller.verdict("बिमारियों")
    assert verdict.suggestions[0].word == "बीमारियों"
    assert speller.lexicon.never_valid_stem("छेत्री") is None  # a name (Sunil Chhetri)
    assert speller.verdict("बीमारियों") is None


def test_spurious_nasal_on_a_non_verb_i_form(speller):
    for wrong, right in [("सभीं", "सभी"), ("कभीं", "कभी"), ("आगें", "आगे"), ("बड़ें", "बड़े")]:
        assert speller.verdict(wrong).suggestions[0].word == right
    for right in ["गईं", "खुलीं", "बिखरीं", "खायीं", "बजें", "पलीं"]:
        assert speller.verdict(right) is None, right


def test_unknown_name_or_loan_compound_is_not_flagged(speller):
    assert speller.verdict("नोटो") is None  # only a final nasal away from नोटों
    assert speller.verdict("व्हाट्सऐप") is None  # व्हाट्स + ऐप


def test_word_file_index(tmp_path):
    path = tmp_path / "words.tsv"
    entries = {f"क{'ा' * (i % 7)}{chr(0x915 + i % 30)}{i}": (i % 5) * 100 for i in range(5000)}
    write_sorted_word_file(path, ["test"], entries)
    words = SortedWordFile.read(path)
    for key, zipf in list(entries.items())[::37]:
        assert words.get(key) == zipf
    assert words.get("क") is None and words.get("zzz") is None and words.get("") is None
    assert words.get("क\tx") is None


def test_importing_the_rules_loads_no_lexicon():
    code = (
        "import sys; import newslint.checks.spelling_words, newslint.checks.spelling_context, "
        "newslint.checks.spelling_consistency, newslint.checks.spelling_house_style; "
        "print('newslint.hindi.lexicon' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
