"""Normalisation, tokenising, confusion-class edits, inflection and hunspell affixes."""

from __future__ import annotations

from pathlib import Path

from newslint.hindi.confusions import ConfusionSet, is_well_formed, parse_rules
from newslint.hindi.hunspell_affixes import expand, read_aff
from newslint.hindi.inflection import stem_candidates
from newslint.hindi.text import is_devanagari_word, lookup_key, nfc, tokenize

RULES = Path(__file__).resolve().parents[2] / "rules"


def test_nfc_decomposes_precomposed_nukta():
    assert nfc("\u095d") == "\u0922\u093c"  # ढ़
    assert lookup_key("\u092a\u095d\u0947\u0902") == "पढ़ें"


def test_lookup_key_folds_accepted_variants_only():
    pairs_equal = [
        ("हाँ", "हां"), ("हिन्दी", "हिंदी"), ("सम्बन्ध", "संबंध"), ("पण्डित", "पंडित"),
        ("ज़रूर", "जरूर"), ("गये", "गए"), ("लिये", "लिए"), ("जायेगा", "जाएगा"), ("नयी", "नई"),
    ]
    for a, b in pairs_equal:
        assert lookup_key(a) == lookup_key(b), (a, b)
    pairs_different = [
        ("पढ़ें", "पढें"), ("स्थायी", "स्थाई"), ("सम्मान", "संमान"),
        ("म्बाप्पे", "ंबाप्पे"), ("ये", "ए"), ("गहरे", "गहरें"),
    ]
    for a, b in pairs_different:
        assert lookup_key(a) != lookup_key(b), (a, b)


def test_tokenize_keeps_offsets_and_digits():
    text = "इसे भी पढें:-पाकिस्तान के 5वीं बार"
    tokens = list(tokenize(text))
    assert [t for _, _, t in tokens] == ["इसे", "भी", "पढें", "पाकिस्तान", "के", "5वीं", "बार"]
    assert all(text[s:e] == t for s, e, t in tokens)
    assert is_devanagari_word("पढ़ें") and not is_devanagari_word("5वीं") and not is_devanagari_word("TTP")


def test_confusion_edits():
    confusions = ConfusionSet.load([RULES / "hi" / "confusions.txt"])
    one = confusions.edits("नजदिकियां", 1)
    assert one["नजदीकियां"].kinds == ("vowel-length",)
    assert "आशीर्वाद" in confusions.edits("आर्शीवाद", 1)  # reph moved
    assert "पुनर्वास" in confusions.edits("पुर्नवास", 1)
    assert "उज्ज्वल" in confusions.edits("उज्जवल", 1)  # virama inserted
    assert "युद्ध" in confusions.edits("युध्द", 1)
    assert "जिद" in confusions.edits("जिद्द", 1)  # doubled consonant
    assert "जाएंगे" in confusions.edits("जाएगे", 1)  # anusvara inserted
    assert "थे" in confusions.edits("थें", 1)
    assert "में" not in confusions.edits("थें", 2)


def test_confusion_rule_format_errors():
    rules = parse_rules(["# comment", "nukta  ड  ड़  0.5  suspect=0.5", "anusvara ∅ ं 0.5 syllable-end"])
    assert rules[0].suspect_gap == 0.5 and rules[1].written == "" and rules[1].where == "syllable-end"
    try:
        parse_rules(["kind a b 1.0 nowhere"])
    except ValueError:
        pass
    else:
        raise AssertionError("unknown place accepted")


def test_well_formed():
    assert is_well_formed("नजदीकियां")
    assert not is_well_formed("ािन") and not is_well_formed("कंं") and not is_well_formed("अि")


def test_inflection_stem_candidates():
    stems = {(stem, e.suffix) for stem, e in stem_candidates("नजदीकियां")}
    assert ("नजदीकी", "ियां") in stems
    assert ("बात", "ें") in {(s, e.suffix) for s, e in stem_candidates("बातें")}
    assert not any(e.suffix == "े" and not e.verb_only for s, e in stem_candidates("बाते") if s == "बात")


def test_hunspell_affix_expansion(tmp_path: Path):
    aff = tmp_path / "t.aff"
    aff.write_text(
        "SET UTF-8\nREP 1\nREP ि ी\n"
        "SFX L Y 2\nSFX L 0 ें .\nSFX L 0 ों .\n"
        "SFX N Y 1\nSFX N ी ियाँ ी\n"
        "PFX b Y 1\nPFX b 0 उप .\n",
        encoding="utf-8",
    )
    rules = read_aff(aff)
    assert rules.replacements == [("ि", "ी")]
    assert expand("बात", "L", rules) == {"बात", "बातें", "बातों"}
    assert expand("नदी", "N", rules) == {"नदी", "नदियाँ"}
    assert expand("मंत्री", "b", rules) == {"मंत्री", "उपमंत्री"}
