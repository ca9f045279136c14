"""Units of the fact-check package: phrase matching, figures, sources, dates, pack extension."""

from __future__ import annotations

import datetime as dt

import pytest

from newslint.api import lint_text
from newslint.factcheck.phrases import compile_list, key, merge_entries


def test_phrase_matching_tolerates_nukta_and_nasal_spelling():
    rx = compile_list(["हज़ार", "पाँच"])
    assert rx.search("12 हजार लोग")
    assert rx.search("12 हज\u093cार लोग")
    assert rx.search("पांच लोग")
    assert not rx.search("हजारों")  # whole words only
    assert key("हज़ार") == key("हजार")


def test_trie_alternation_prefers_the_longest_entry():
    rx = compile_list(["बताया", "बताया जा रहा है"])
    assert rx.search("बताया जा रहा है कि").group() == "बताया जा रहा है"


def test_pack_entries_can_remove_builtin_ones():
    assert merge_entries(["कल", "आज", "!कल"]) == ["आज"]


def _at(text, filename="a.txt", packs=None):
    return [(f.name, f.text, f.severity) for f in lint_text(text, filename, select=["AT101", "AT102"], packs=packs)]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("हादसे में घायल हुए 30 यात्रियों को अस्पताल ले जाया गया।", "30 यात्रियों"),
        ("सूडान में एक करोड़ से अधिक लोग विस्थापित हो चुके हैं।", "एक करोड़ से अधिक लोग विस्थापित"),
        ("रैली में पांच लाख से ज्यादा लोग जुटे थे।", "पांच लाख से ज्यादा लोग"),
        ("कंपनी ने ₹500 करोड़ जुटाए और फरार हो गई।", "₹500 करोड़"),
        ("सर्वे में 58% युवाओं ने सरकारी नौकरी को चुना।", "58%"),
        ("Reports say the toll could rise to 30.", "30"),
    ],
)
def test_figures_found(text, flagged):
    found = _at(text)
    assert any(flagged in t or t in flagged for _n, t, _s in found), found


def test_casualty_count_is_an_error_other_statistics_warnings():
    found = dict((t, s) for _n, t, s in _at("युद्ध में अब तक ६०० से ज्यादा नागरिक मारे गए हैं। महंगाई दर 2.1 प्रतिशत रही।"))
    assert "error" in [s for t, s in found.items() if t.startswith("६००")]
    assert found["2.1 प्रतिशत"] == "warning"


@pytest.mark.parametrize(
    "text",
    [
        "The 34-year-old was produced before a magistrate at 11 am and booked under Section 318 of the BNS.",
        "गांव में 12 साल के बच्चे की तालाब में डूबने से मौत हो गई। हादसा दोपहर 3 बजे हुआ।",
        "मतगणना 23 नवंबर को होगी। यह राज्य का 17वां विधानसभा चुनाव है।",
        "सेक्टर 62 स्थित मकान नंबर 14 में आग लगने से 32 वर्षीय इंजीनियर घायल हो गए।",
        "भारत ने इंग्लैंड को 22 रन से हराकर सीरीज में 2-1 की बढ़त बना ली।",
        "कोविड-19 के बाद 2025-26 का बजट पेश हुआ।",
    ],
)
def test_exempt_numbers(text):
    assert _at(text) == []


def test_english_named_sources():
    assert _at("At least 23 people were killed and 61 injured when a train derailed, according to the railway ministry.") == []
    assert _at("At least 14 people were killed in the blast, police said.") == []


def test_newsroom_pack_extends_the_lists(tmp_path):
    pack = tmp_path / "our-style"
    (pack / "attribution").mkdir(parents=True)
    (pack / "attribution" / "vague-sources.txt").write_text("जानकार\n", encoding="utf-8")
    (pack / "attribution" / "people-nouns.txt").write_text("!यात्रियों\n", encoding="utf-8")
    text = "जानकार ने बताया कि 40 लोग घायल हुए।"
    assert _at(text) == []
    assert [n for n, _t, _s in _at(text, packs=[pack])] == ["vague-attribution"]


def _dt(text, filename="a.txt", select=("dates",), info=False):
    return [(f.name, f.text, f.severity) for f in lint_text(text, filename, select=list(select)) if info or f.severity != "info"]


def test_publication_date_from_front_matter_string_and_date():
    from newslint.config import Config
    from newslint.context import Context
    from newslint.factcheck.dates import build_date_data, parse_value
    from newslint.packs import packs_for

    data = Context(Config(), packs_for([])).load("factcheck.dates", build_date_data)
    assert parse_value(data, dt.date(2025, 7, 14)) == dt.date(2025, 7, 14)
    assert parse_value(data, dt.datetime(2025, 7, 14, 10, 0)) == dt.date(2025, 7, 14)
    assert parse_value(data, "2025-07-14T10:30:00+05:30") == dt.date(2025, 7, 14)
    assert parse_value(data, "14 जुलाई 2025") == dt.date(2025, 7, 14)
    assert parse_value(data, "July 14, 2025") == dt.date(2025, 7, 14)
    assert parse_value(data, "14/07/2025") == dt.date(2025, 7, 14)


def test_dateline_with_weekday_and_agency():
    assert _dt("लखनऊ, सोमवार, 3 मार्च 2025\nविधानसभा का बजट सत्र आज से शुरू हो गया।") == []
    assert _dt("वाराणसी, 5 सितंबर (हि.स.)। काशी विश्वनाथ मंदिर में शुक्रवार को विशेष श्रृंगार किया गया।") == []
    assert _dt("Mumbai, Mar 3 (PTI) The Bombay High Court on Monday sought a reply.") == []


def test_relative_dates_resolve_against_publication_date():
    head = "---\ndate: 2025-11-04\n---\n"
    found = {t: (s, n) for n, t, s in _dt(head + "बीते मंगलवार को हुई बैठक बेनतीजा रही। पिछले हफ्ते भी बातचीत हुई थी।\n", "a.md", info=True)}
    assert len(found) == 2
    assert all(sev == "info" for sev, _n in found.values())
    got = [f.suggestions[0].replacement for f in lint_text(head + "बीते मंगलवार को हुई बैठक बेनतीजा रही।\n", "a.md", select=["DT102"])]
    assert got == ["बीते मंगलवार (28 अक्टूबर) को"]
    got = [f.suggestions[0].replacement for f in lint_text(head + "आयोग ने अप्रैल में ही विज्ञापन जारी कर दिया था।\n", "a.md", select=["DT102"])]
    assert got == ["अप्रैल 2025 में"]


def test_future_date_rule_is_off_by_default():
    from newslint.registry import rule_by_key

    assert rule_by_key("DT105").default_enabled is False
