"""Output contracts: JSON per shared/findings.schema.json, SARIF 2.1.0 per the official schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

ARTICLE = (
    "शीर्षक\n\n"
    "यह  पंक्ति है। <!-- newslint-disable-next-line TY107 -->\n"
    "दूसरी  पंक्ति भी।\n"
    "तीसरी  पंक्ति।\n"
)


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "लेख.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_json_report_follows_the_shared_schema(cli, shared, article):
    schema = json.loads((shared / "findings.schema.json").read_text(encoding="utf-8"))
    result = cli("check", "--format", "json", article.name, cwd=article.parent)
    report = json.loads(result.stdout)
    jsonschema.Draft202012Validator(schema).validate(report)
    assert report["summary"]["files"] == 1
    assert report["summary"]["findings"] == len(report["findings"]) >= 2
    for finding in report["findings"]:
        assert ARTICLE[finding["start"]:finding["end"]] == finding["text"]
        assert finding["path"] == "लेख.md"


def test_json_report_with_no_findings_is_valid(cli, shared, tmp_path):
    schema = json.loads((shared / "findings.schema.json").read_text(encoding="utf-8"))
    (tmp_path / "a.txt").write_text("ठीक है।\n", encoding="utf-8")
    report = json.loads(cli("check", "--select", "TY107", "--format", "json", "a.txt", cwd=tmp_path).stdout)
    jsonschema.Draft202012Validator(schema).validate(report)
    assert report["findings"] == []


def test_sarif_is_valid_against_the_official_schema(cli, shared, article):
    schema = json.loads((shared / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    result = cli("check", "--format", "sarif", article.name, cwd=article.parent)
    log = json.loads(result.stdout)
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert run["columnKind"] == "unicodeCodePoints"
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    first = run["results"][0]
    assert rule_ids[first["ruleIndex"]] == first["ruleId"]
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "%E0%A4%B2%E0%A5%87%E0%A4%96.md"
    assert any("fixes" in r for r in run["results"])


def test_github_annotations(cli, tmp_path):
    (tmp_path / "a.txt").write_text("यह  पंक्ति, है।\n", encoding="utf-8")
    out = cli("check", "--select", "TY107", "--format", "github", "a.txt", cwd=tmp_path).stdout.decode()
    assert out.splitlines() == [
        "::warning file=a.txt,line=1,col=3,endLine=1,endColumn=5,title=TY107 multiple-spaces::2 spaces between words; use one"
    ]


def test_a_document_finding_keeps_its_fingerprint_when_the_body_changes(cli, tmp_path):
    """DT101 (no date) is about the whole article: adding a relative date further down must not
    make it a new finding to GitLab or code scanning (its message once quoted the first one)."""
    prints = []
    for body in ("अधिकारियों ने बैठक की।", "अधिकारियों ने कल बैठक की।", "अधिकारियों ने कल बैठक की। परसों फिर होगी।"):
        (tmp_path / "a.txt").write_text(f"जिले के स्कूलों में शिक्षकों की कमी है।\n\n{body}\n", encoding="utf-8")
        report = json.loads(cli("check", "--select", "DT101", "--format", "gitlab", "a.txt", cwd=tmp_path).stdout)
        sarif = json.loads(cli("check", "--select", "DT101", "--format", "sarif", "a.txt", cwd=tmp_path).stdout)
        prints.append((report[0]["fingerprint"], json.dumps(sarif["runs"][0]["results"][0].get("partialFingerprints"))))
    assert len(set(prints)) == 1


def test_fingerprints_do_not_follow_line_numbers_in_messages(cli, tmp_path):
    """ST101's message names the line it repeats: a line added at the top changed the message
    and so the fingerprint, and GitLab and code scanning saw a new finding."""
    body = "पहली बात यह है कि बैठक हुई।\nदूसरी बात।\nपहली बात यह है कि बैठक हुई।\n"
    prints = []
    for top in ("", "एक नई पंक्ति ऊपर।\n\n"):
        (tmp_path / "a.txt").write_text(top + body, encoding="utf-8")
        gitlab = json.loads(cli("check", "--select", "ST101", "--format", "gitlab", "a.txt", cwd=tmp_path).stdout)
        sarif = json.loads(cli("check", "--select", "ST101", "--format", "sarif", "a.txt", cwd=tmp_path).stdout)
        assert "repeats line" in gitlab[0]["description"]
        prints.append((gitlab[0]["fingerprint"], sarif["runs"][0]["results"][0]["partialFingerprints"]["newslint/v2"]))
    assert prints[0] == prints[1]
    assert prints[0][0] == prints[0][1]  # one fingerprint in both formats


def test_identical_findings_get_distinct_fingerprints_in_sarif_too(cli, tmp_path):
    (tmp_path / "a.txt").write_text("वे वहां थें। हम भी वहां थें। सब वहां थें।\n", encoding="utf-8")
    sarif = json.loads(cli("check", "--select", "SP101", "--format", "sarif", "a.txt", cwd=tmp_path).stdout)
    prints = [r["partialFingerprints"]["newslint/v2"] for r in sarif["runs"][0]["results"]]
    assert len(prints) == 3 and len(set(prints)) == 3


def test_gitlab_fingerprints_are_stable_and_unique(cli, tmp_path):
    (tmp_path / "a.txt").write_text("यह  पंक्ति है।\nवह  पंक्ति है।\n", encoding="utf-8")
    first = json.loads(cli("check", "--select", "TY107", "--format", "gitlab", "a.txt", cwd=tmp_path).stdout)
    # An edit above the findings moves them but must not change their fingerprints.
    (tmp_path / "a.txt").write_text("नई पहली पंक्ति\nयह  पंक्ति है।\nवह  पंक्ति है।\n", encoding="utf-8")
    second = json.loads(cli("check", "--select", "TY107", "--format", "gitlab", "a.txt", cwd=tmp_path).stdout)
    assert [i["fingerprint"] for i in first] == [i["fingerprint"] for i in second]
    assert len({i["fingerprint"] for i in first}) == 2
    assert first[0]["location"] == {"path": "a.txt", "lines": {"begin": 1, "end": 1}}
    assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(first[0])
