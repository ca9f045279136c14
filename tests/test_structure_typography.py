"""Structure (ST1xx) and typography (TY1xx) rules on the seed article, the dev set, and a newsroom pack."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from newslint.api import fix_text, lint_text

REPO = Path(__file__).resolve().parent.parent


def _structure_and_typography(text: str, filename: str = "article.txt", **kwargs):
    return [f for f in lint_text(text, filename, select=["structure", "typography"], **kwargs)]


@pytest.fixture(scope="module")
def seed_findings(shared):
    text = (shared / "seed-article.txt").read_text(encoding="utf-8")
    return _structure_and_typography(text)


# What seed-article.problems.md lists under Structure and Typography, as (rule, first line, last line).
SEED_STRUCTURE = [
    ("ST101", 4, 4),  # the byline name repeated on consecutive lines (3–4)
    ("ST104", 6, 6),  # Must Read
    ("ST102", 7, 9),  # lines 7–9 repeat the byline block 3–5 (and so 7–8 is not reported twice)
    ("ST105", 29, 29),  # इसे भी पढें:-…
    ("ST104", 31, 31),  # Latest News
    ("ST106", 33, 33),  # teaser headline
    ("ST106", 35, 35),  # teaser blurb with another story's date (14 July 2025)
    ("ST104", 37, 37),  # More Articles Like This
]
# Devanagari sentences ending in "." (the house style wants "।"): line → how many.
SEED_PERIODS = {11: 3, 13: 2, 17: 4, 21: 1, 23: 2, 27: 2}


def test_seed_structure_items_found_with_the_right_lines(seed_findings):
    structure = [f for f in seed_findings if f.category == "structure"]
    got = []
    for f in structure:
        # A finding deletes its lines with their line break (and the blank line after a paragraph),
        # so its end is on a later line: the last line it names is the last non-blank one covered.
        end_line = f.end_line if f.end_column > 1 else f.end_line - 1
        text_lines = f.text.rstrip("\n").split("\n")
        got.append((f.code, f.line, f.line + len(text_lines) - 1))
        assert end_line >= f.line
    assert sorted(got, key=lambda g: g[1]) == SEED_STRUCTURE


def test_seed_repeat_names_the_first_copy(seed_findings):
    by_code = {f.code: f for f in seed_findings}
    assert "repeats line 3" in by_code["ST101"].message
    assert "lines 3–5" in by_code["ST102"].message


def test_seed_typography_items(seed_findings):
    typography = [f for f in seed_findings if f.category == "typography"]
    quotes = [f for f in typography if f.code == "TY101"]
    assert [(f.line, f.text) for f in quotes] == [(23, "‘")]
    periods = [f for f in typography if f.code == "TY103"]
    counts: dict[int, int] = {}
    for f in periods:
        assert f.text == "."
        counts[f.line] = counts.get(f.line, 0) + 1
    assert counts == SEED_PERIODS
    unexpected = [f for f in typography if f.code not in ("TY101", "TY103")]
    assert unexpected == [], [(f.line, f.code, f.message) for f in unexpected]


def test_seed_safe_fix_removes_the_debris(shared):
    text = (shared / "seed-article.txt").read_text(encoding="utf-8")
    fixed = fix_text(text, "seed-article.txt", select=["structure"])
    lines = fixed.split("\n")
    assert lines[:6] == [
        text.split("\n")[0],
        "",
        "Aarti Kushwaha",
        "Reporter The Printlines (Part of Bharat Express News Network)",
        "",
        text.split("\n")[10],
    ]
    for gone in ("Must Read", "इसे भी पढें", "Latest News", "Aaj Ka Rashifal", "More Articles Like This"):
        assert gone not in fixed
    assert fixed.rstrip("\n").endswith("रवाना होने की खबर है.")
    # Nothing left for the structure rules, and a second run changes nothing.
    assert [f for f in lint_text(fixed, "seed-article.txt", select=["structure"])] == []
    assert fix_text(fixed, "seed-article.txt", select=["structure"]) == fixed


def test_corrected_seed_is_clean():
    text = (REPO / "examples" / "seed-article.corrected.txt").read_text(encoding="utf-8")
    assert [(f.line, f.code, f.message) for f in _structure_and_typography(text) if f.code != "TY107"] == []


def _eval_module():
    spec = importlib.util.spec_from_file_location("eval_structure", REPO / "scripts" / "eval_structure.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_devset_recall_and_no_false_findings_on_clean_articles():
    result = _eval_module().evaluate(REPO / "devset" / "structure")
    assert result["articles"] >= 30 and result["clean_articles"] >= 10
    assert result["clean_false_findings"] == [], result["clean_false_findings"]
    for kind, recall in result["recall_by_kind"].items():
        assert recall >= 0.95, (kind, recall, result["missed"])
    assert result["recall"] >= 0.95, result["missed"]
    assert result["false_findings"] == [], result["false_findings"]


def test_devset_clean_articles_have_no_typography_findings():
    for path in sorted((REPO / "devset" / "structure").glob("clean-*")):
        text = path.read_text(encoding="utf-8")
        found = [f for f in lint_text(text, path.name, select=["typography"])]
        assert found == [], [(path.name, f.line, f.code, f.message) for f in found]


def test_newsroom_pack_extends_the_debris_lists(tmp_path):
    pack = tmp_path / "our-style"
    (pack / "structure").mkdir(parents=True)
    (pack / "structure" / "cms-debris.txt").write_text("# our CMS\nआज का ई-पेपर पढ़ें\nre: promo code \\w+\n", encoding="utf-8")
    (pack / "structure" / "related-story-markers.txt").write_text("पूरी खबर यहां\n", encoding="utf-8")
    text = "शीर्षक\n\nपाठ।\n\nआज का ई-पेपर पढ़ें\n\n**PROMO CODE NEWS50**\n\nपूरी खबर यहां: बाढ़ से 40 गांव प्रभावित\n\nअंत।\n"
    plain = [(f.line, f.code) for f in lint_text(text, select=["structure"])]
    assert plain == []
    extended = [(f.line, f.code) for f in lint_text(text, select=["structure"], packs=[pack])]
    assert extended == [(5, "ST104"), (7, "ST104"), (9, "ST105")]


def test_structure_rules_ignore_front_matter_and_code(tmp_path):
    text = "---\ntitle: \"Latest News\"\ntags: [trending]\n---\n\nपाठ।\n\n```\nAdvertisement\nAdvertisement\n```\n\nअंत।\n"
    assert lint_text(text, "a.md", select=["structure"]) == []
