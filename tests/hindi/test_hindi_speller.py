"""The speller on real words: the seed article's slips, and correct words it must leave alone."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newslint.hindi import LIKELY_MISSPELLING, NEVER_VALID, UNKNOWN_WORD, Candidate, Speller, Verdict

REPO = Path(__file__).resolve().parents[2]
# shared/ sits beside the checkout (in CI too), or where NEWSLINT_SHARED points
SEED = Path(os.environ.get("NEWSLINT_SHARED", REPO.parent / "shared")) / "seed-article.txt"

# The word-level slips of the seed article (line 11 … 29) and their fixes.
SEED_TARGETS = [
    ("नजदिकियां", "नजदीकियां", UNKNOWN_WORD, "vowel-length"),
    ("जिद्द", "जिद", NEVER_VALID, "doubled-consonant"),
    ("थें", "थे", NEVER_VALID, "anusvara"),
    ("जाएगे", "जाएंगे", NEVER_VALID, "anusvara"),
    ("पढें", "पढ़ें", NEVER_VALID, "nukta"),
    ("गहरें", "गहरे", LIKELY_MISSPELLING, "anusvara"),
]

# Correct words that look like slips, variants, names and loanwords.
MUST_NOT_FLAG = """
    रहें थीं करें बातें गए गये नई नयी हिंदी हिन्दी इंटरनेट वेंटिलेटर रिपोर्ट्स प्योंगयांग
    लावरोव सर्गेई कोरिया उत्तर यूक्रेनी रूसी कोरियाई मास्को कीव कुर्स्क पुतिन किम जोंग
    हां हाँ यहां यहाँ जाएंगे जाएँगे जायेंगे ज़िद जिद पढ़ें नजदीकियां गहरे थे हैं में नहीं
    लिये लिए चाहिये चाहिए किये किए गयी गई स्थायी संबंध सम्बन्ध पंडित पण्डित ज़रूर जरूर
    दीं लीं कीं हुईं रहीं आईं गिराईं खुलीं हों जाएं लगें बैठें भाइयो बहनो दोनों लोगों
    रेडियो वीडियो लोगो किलो रोड मोड पेड एसी हे ओर शी मनो चूके जीतना जितना मील
    उज्ज्वल युद्ध इकट्ठा पत्थर अच्छा आशीर्वाद पुनर्वास उद्देश्य कार्रवाई ब्राह्मण
    होंगी आएंगी होंगे करेंगे देंगे रुपये रुपए क्योंकि हालांकि लेकिन उन्होंने
""".split()


@pytest.mark.parametrize(("wrong", "right", "kind", "slip"), SEED_TARGETS)
def test_seed_slips_are_flagged_with_the_right_fix(speller: Speller, wrong, right, kind, slip):
    verdict = speller.verdict(wrong)
    assert isinstance(verdict, Verdict)
    assert verdict.wrong == wrong
    assert verdict.kind == kind
    assert verdict.suggestions[0].word == right
    assert slip in verdict.suggestions[0].kind
    assert 0.5 <= verdict.confidence <= 1.0


@pytest.mark.parametrize("word", MUST_NOT_FLAG)
def test_correct_word_is_not_flagged(speller: Speller, word):
    assert speller.verdict(word) is None


@pytest.mark.skipif(not SEED.exists(), reason="seed article not available")
def test_seed_article_flags_exactly_its_word_slips(speller: Speller):
    text = SEED.read_text(encoding="utf-8")
    found = {text[f.start:f.end]: f.verdict.suggestions[0].word for f in speller.check_text(text)}
    assert found == {wrong: right for wrong, right, _, _ in SEED_TARGETS}


def test_suggest_ranks_by_frequency_and_plausibility(speller: Speller):
    candidates = speller.suggest("नजदिकियां")
    assert candidates[0] == Candidate("नजदीकियां", candidates[0].score, "vowel-length", 1)
    assert [c.score for c in candidates] == sorted((c.score for c in candidates), reverse=True)


def test_suggestions_come_from_confusion_classes_not_edit_distance(speller: Speller):
    words = [c.word for c in speller.suggest("थें")]
    assert words[0] == "थे"
    assert "में" not in words  # one keystroke away, but no Hindi slip turns थ into म


def test_two_slips_at_most(speller: Speller):
    # सवोर्च्च: reph written one syllable late (one slip) → सर्वोच्च
    assert speller.suggest("सवोर्च्च")[0].word == "सर्वोच्च"
    # three slips away: no candidate is proposed
    assert all(c.edits <= 2 for c in speller.suggest("परिक्षाए"))


def test_unknown_word_without_a_strong_candidate_is_not_flagged(speller: Speller):
    for name in ["लुकाशेंको", "चैटजीपीटी", "इम्यूनोथेरेपी", "सुक्खू", "ऑल्टमैन"]:
        assert not speller.lexicon.is_known(name)
        assert speller.verdict(name) is None


def test_writer_spelling_variant_is_kept_in_the_correction(speller: Speller):
    assert speller.verdict("जायेगें").suggestions[0].word == "जायेंगे"
    assert speller.verdict("जाएगें").suggestions[0].word == "जाएंगे"


def test_pattern_catches_unlisted_future_slips(speller: Speller):
    verdict = speller.verdict("बुलाएगें")
    assert verdict.kind == NEVER_VALID and verdict.suggestions[0].word == "बुलाएंगे"
    assert verdict.source == "future-nasal"


def test_far_rarer_known_form_in_a_misspelling_pattern(speller: Speller):
    # सबकें analyses as सबक + -ें, but सबके is far commoner: a likely slip
    assert speller.lexicon.is_known("सबकें")
    verdict = speller.verdict("सबकें")
    assert verdict.kind == LIKELY_MISSPELLING and verdict.suggestions[0].word == "सबके"
    # रहें is far rarer than रहे too, but it is a verb form (रहना): no flag
    assert speller.verdict("रहें") is None


def test_spurious_anusvara_on_a_name(speller: Speller):
    assert speller.spurious_anusvara_on_name("कोरियां") == "कोरिया"
    assert speller.spurious_anusvara_on_name("कोरियाँ") == "कोरिया"
    assert speller.spurious_anusvara_on_name("कोरिया") is None
    assert speller.spurious_anusvara_on_name("हैं") is None


def test_check_text_offsets_and_skipped_tokens(speller: Speller):
    text = "वे 5वीं बार यहां थें, TTP ने कहा।"
    findings = speller.check_text(text)
    assert [(text[f.start:f.end], f.verdict.suggestions[0].word) for f in findings] == [("थें", "थे")]


def test_verdicts_are_cached_per_word(speller: Speller):
    assert speller.verdict("थें") is speller.verdict("थें")


def test_min_confidence_is_respected(speller: Speller):
    strict = Speller(speller.lexicon, speller.confusions, min_confidence=0.99)
    assert strict.verdict("नजदिकियां") is None
    assert strict.verdict("थें") is None or strict.verdict("थें").confidence >= 0.97


def test_nfc_input_forms_are_equivalent(speller: Speller):
    precomposed = "\u092a\u095d\u0947\u0902"  # पढ़ें written with U+095D
    assert speller.verdict(precomposed) is None
    assert speller.verdict("पढें").suggestions[0].word == "पढ़ें"
