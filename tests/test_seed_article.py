"""The worked example end to end: every problem in shared/seed-article.problems.md is found by the
default rule set, with a fix that produces the right text, and the corrected article is clean."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from nl_testing import run_cli

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seed(shared):
    path = shared / "seed-article.txt"
    result = run_cli("check", "--format", "json", str(path))
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    return path.read_text(encoding="utf-8"), report["findings"]


def at(findings, line, name=None, category=None):
    return [
        f for f in findings
        if f["line"] <= line <= f["end_line"] and (name is None or f["name"] == name) and (category is None or f["category"] == category)
    ]


def apply_first(text: str, finding: dict) -> str:
    return text[:finding["start"]] + finding["suggestions"][0]["replacement"] + text[finding["end"]:]


SPELLING = [
    (11, "नजदिकियां", "नजदीकियां"),
    (11, "उत्तर कोरियां ने", "उत्तर कोरिया ने"),
    (15, "हो रहें", "हो रहे"),
    (15, "गहरें", "गहरे"),
    (19, "जिद्द", ("जिद", "ज़िद")),
    (21, "थें", "थे"),
    (25, "जाएगे", "जाएंगे"),
    (29, "पढें", "पढ़ें"),
]


@pytest.mark.parametrize(("line", "wrong", "right"), SPELLING, ids=[s[1] for s in SPELLING])
def test_spelling_slip_found_with_right_first_suggestion(seed, line, wrong, right):
    text, findings = seed
    candidates = [f for f in at(findings, line, category="spelling") if f["suggestions"] and f["text"] in wrong or wrong in f["text"]]
    candidates = [f for f in candidates if f["suggestions"]]
    assert candidates, f"no spelling finding with a suggestion for {wrong!r} on line {line}"
    fixed_line = apply_first(text, candidates[0]).splitlines()[line - 1]
    rights = right if isinstance(right, tuple) else (right,)
    assert any(r in fixed_line for r in rights), fixed_line
    assert wrong not in fixed_line


def test_no_other_spelling_findings(seed):
    _, findings = seed
    lines = {line for line, _, _ in SPELLING}
    extra = [f for f in findings if f["category"] == "spelling" and f["line"] not in lines]
    assert extra == []


@pytest.mark.parametrize(
    ("line", "name"),
    [
        (4, "repeated-line"),
        (7, "repeated-block"),
        (6, "cms-debris"),
        (29, "related-story-link"),
        (31, "cms-debris"),
        (33, "teaser-headline"),
        (35, "teaser-headline"),
        (37, "cms-debris"),
        (23, "unbalanced-quotes"),
        (11, "sentence-end-style"),
        (21, "vague-attribution"),
        (17, "vague-attribution"),
        (17, "unattributed-figure"),
        (1, "missing-date"),
        (21, "unanchored-relative-date"),
        (23, "unanchored-relative-date"),
    ],
)
def test_problem_found(seed, line, name):
    _, findings = seed
    assert at(findings, line, name=name), f"{name} not reported on line {line}"


def test_figure_and_relative_date_spans(seed):
    text, findings = seed
    (vague,) = [f for f in at(findings, 21, name="vague-attribution")]
    assert "600" in vague["text"]
    dates = {f["text"] for f in findings if f["name"] == "unanchored-relative-date"}
    assert {"शनिवार को", "अप्रैल में"} <= dates
    # The teaser's date is not the article's date.
    assert [f["line"] for f in findings if f["name"] == "missing-date"] == [1]


def test_nothing_reported_on_clean_lines(seed):
    _, findings = seed
    clean_lines = {2, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36}
    assert [f for f in findings if f["line"] in clean_lines] == []


def test_with_a_publication_date_the_weekday_is_resolved(shared, tmp_path):
    article = tmp_path / "seed.md"
    article.write_text("---\ndate: 2025-07-14\n---\n" + (shared / "seed-article.txt").read_text(encoding="utf-8"), encoding="utf-8")
    findings = json.loads(run_cli("check", "--format", "json", str(article)).stdout)["findings"]
    (saturday,) = [f for f in findings if f["name"] == "unanchored-relative-date" and f["text"] == "शनिवार को"]
    assert saturday["severity"] == "info"
    assert saturday["suggestions"][0]["replacement"] == "शनिवार (12 जुलाई) को"
    assert not [f for f in findings if f["name"] == "missing-date"]


def test_corrected_article_has_no_errors_or_warnings():
    result = run_cli("check", "--format", "json", "--fail-on", "warning", str(REPO / "examples" / "seed-article.corrected.txt"))
    findings = json.loads(result.stdout)["findings"]
    assert [(f["line"], f["rule"], f["text"]) for f in findings if f["severity"] != "info"] == []
    assert result.returncode == 0


def test_fix_removes_the_debris_and_mechanical_slips(shared, tmp_path):
    article = tmp_path / "seed.txt"
    article.write_bytes((shared / "seed-article.txt").read_bytes())
    run_cli("fix", str(article))
    fixed = article.read_text(encoding="utf-8")
    for debris in ("Must Read", "Latest News", "More Articles Like This", "इसे भी पढें", "Aaj Ka Rashifal"):
        assert debris not in fixed
    assert fixed.count("Aarti Kushwaha") == 1
    assert "थें" not in fixed
    # Fixing is idempotent.
    before = article.read_bytes()
    run_cli("fix", str(article))
    assert article.read_bytes() == before
