"""The seed article's attribution and dates items (../shared/seed-article.problems.md)."""

from __future__ import annotations

import pytest

from newslint.api import lint_text


@pytest.fixture(scope="module")
def seed_findings(shared):
    text = (shared / "seed-article.txt").read_text(encoding="utf-8")
    return text, lint_text(text, "seed-article.txt", select=["attribution", "dates"])


def _has(findings, name, line, fragment, text):
    for f in findings:
        if f.name == name and f.line == line:
            flagged = text[f.start:f.end]
            if fragment in flagged or flagged in fragment:
                return f
    return None


def test_missing_date_once_on_first_line(seed_findings):
    _text, findings = seed_findings
    missing = [f for f in findings if f.name == "missing-date"]
    assert len(missing) == 1
    assert missing[0].line == 1 and missing[0].column == 1


def test_teaser_date_is_not_the_publication_date(seed_findings):
    # "Aaj Ka Rashifal, 14 July 2025" (line 35) belongs to a teaser: the article stays undated
    _text, findings = seed_findings
    assert any(f.name == "missing-date" for f in findings)


def test_vague_media_reports_line_17(seed_findings):
    text, findings = seed_findings
    assert _has(findings, "vague-attribution", 17, "मीडिया रिपोर्टर्स के मुताबिक", text)


def test_thousands_of_troops_unsourced_line_17(seed_findings):
    text, findings = seed_findings
    f = _has(findings, "unattributed-figure", 17, "हजारों सैनिकों", text)
    assert f is not None and f.severity == "warning"


def test_600_deaths_on_unnamed_report_line_21(seed_findings):
    text, findings = seed_findings
    f = _has(findings, "vague-attribution", 21, "600 सैनिकों की मौत", text)
    assert f is not None
    assert "एक रिपोर्ट" in f.message


def test_relative_dates(seed_findings):
    text, findings = seed_findings
    assert _has(findings, "unanchored-relative-date", 23, "शनिवार को", text)
    assert _has(findings, "unanchored-relative-date", 21, "अप्रैल में", text)


def test_no_other_factcheck_findings(seed_findings):
    _text, findings = seed_findings
    assert len(findings) == 6, [(f.line, f.name, f.text) for f in findings]


def test_with_a_publication_date_saturday_is_resolved(shared):
    text = (shared / "seed-article.txt").read_text(encoding="utf-8")
    dated = "---\ndate: 2025-07-14\n---\n" + text
    findings = lint_text(dated, "seed.md", select=["unanchored-relative-date", "missing-date"])
    assert not [f for f in findings if f.name == "missing-date"]
    saturday = [f for f in findings if f.text.startswith("शनिवार")]
    assert saturday and saturday[0].severity == "info"
    assert saturday[0].suggestions[0].replacement == "शनिवार (12 जुलाई) को"
