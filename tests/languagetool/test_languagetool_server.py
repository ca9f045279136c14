"""The LanguageTool rule against a real LanguageTool 6.8 server (see conftest.py): never a mock.

The expected matches are what LanguageTool 6.8's English rules say about these sentences; if an
upgrade changes them, update the expectations here together with scripts/languagetool/pom.xml.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path

import jsonschema
import pytest

from newslint.config import Config, LanguageToolSettings
from newslint.document import parse_document
from newslint.engine import lint_document
from newslint.registry import select_rules
from newslint.source import source_from_bytes

pytestmark = pytest.mark.languagetool

# An English article: errors in prose (one after an emoji, which is two UTF-16 code units), the
# same errors inside a code span and a link target (never sent), and Indian names the English
# dictionary does not know (not reported).
ENGLISH_ARTICLE = """\
---
title: Canal project
lang: en
date: 2024-03-05
---
# Farmers welcome canal project

The irrigation minister said it was a important step for the region. 🎉 He have
waited for this day, said Shivraj Singh Chouhan in Sehore.

Run `it was a important step` or read [the report](https://example.com/a-important-step).
"""

# A Hindi article with an English quote (one error inside it), an English headline fragment (3
# words: too short) and romanised Hindi (not English).
HINDI_ARTICLE = (
    "Russia Ukraine War: कीव में फिर धमाके\n"
    "विदेश मंत्री ने कहा, \"We has always supported a peaceful solution to this conflict.\" "
    "उन्होंने आगे कहा कि भारत शांति चाहता है और बातचीत का समर्थन करता है।\n"
    "सोशल मीडिया पर समर्थकों ने लिखा, hum log jeetenge yeh pakka hai bhai. इसके बाद बहस शुरू हो गई।\n"
)


def findings_of(result) -> list[dict]:
    assert result.returncode in (0, 1), result.stderr.decode()
    return json.loads(result.stdout.decode("utf-8"))["findings"]


def lt_findings(result) -> list[dict]:
    return [f for f in findings_of(result) if f["rule"].startswith("LT:")]


def summary(findings: list[dict]) -> list[tuple]:
    return [(f["rule"], f["line"], f["column"], f["text"]) for f in findings]


@pytest.fixture
def english(tmp_path: Path) -> Path:
    path = tmp_path / "canal.md"
    path.write_text(ENGLISH_ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def hindi(tmp_path: Path) -> Path:
    path = tmp_path / "yuddh.txt"
    path.write_text(HINDI_ARTICLE, encoding="utf-8")
    return path


def offset_of(text: str, needle: str, after: str = "") -> int:
    return text.index(needle, text.index(after) if after else 0)


def test_english_article_findings_with_exact_positions(cli, english, lt_url):
    found = lt_findings(cli("check", str(english), "--format", "json", "--languagetool-url", lt_url))
    assert summary(found) == [
        ("LT:EN_A_VS_AN", 8, 37, "a"),
        ("LT:HE_VERB_AGR", 8, 75, "have"),
    ]
    text = ENGLISH_ARTICLE
    a, have = found
    assert (a["start"], a["end"]) == (offset_of(text, "a important", "The irrigation"), offset_of(text, "a important", "The irrigation") + 1)
    assert (have["start"], have["end"]) == (offset_of(text, "have"), offset_of(text, "have") + 4)
    assert a["name"] == "languagetool-en-a-vs-an" and have["name"] == "languagetool-he-verb-agr"
    assert a["category"] == "grammar" and a["severity"] == "warning"
    assert a["message"].startswith("“a”: ") and "an" in a["message"]
    assert a["suggestions"] == [{"replacement": "an", "safe": False}]
    assert [s["replacement"] for s in have["suggestions"]] == ["has", "had"]
    assert all(not s["safe"] for s in have["suggestions"])


def test_hindi_article_english_quote_only(cli, hindi, lt_url):
    found = lt_findings(cli("check", str(hindi), "--format", "json", "--languagetool-url", lt_url))
    assert summary(found) == [("LT:BASE_FORM", 2, 26, "has")]
    start = HINDI_ARTICLE.index("has always")
    assert (found[0]["start"], found[0]["end"]) == (start, start + 3)
    quote = HINDI_ARTICLE.index("We has"), HINDI_ARTICLE.index("conflict.") + len("conflict.")
    assert quote[0] <= found[0]["start"] < found[0]["end"] <= quote[1]


def test_in_process_positions_with_emoji_before_and_inside_the_flagged_text(lt_url):
    """LanguageTool counts an emoji as two (UTF-16); newslint as one code point."""
    text = "---\nlang: en\n---\n🎉🎉 The 😀 team 🏆 won. He go 🎉 there with a apple.\nHe was there,😀 and then left.\n"
    config = Config(languagetool=LanguageToolSettings(url=lt_url))
    doc = parse_document(source_from_bytes(text.encode("utf-8"), "a.md", max_bytes=0))
    rules = [cls({"skip-covered-rules": False}) for cls in select_rules(["LT001"])]
    findings = lint_document(doc, config, rules)
    got = [(f.code, f.line, f.column, f.text, [s.replacement for s in f.suggestions]) for f in findings]
    assert got == [
        ("LT:HE_VERB_AGR", 4, 25, "go", ["goes", "went"]),
        ("LT:EN_A_VS_AN", 4, 41, "a", ["an"]),
        ("LT:COMMA_PARENTHESIS_WHITESPACE", 5, 13, ",😀", [", 😀"]),
    ]
    for finding in findings:
        assert finding.text == text[finding.start:finding.end]


def test_disabled_rules_from_config(cli, english, lt_url):
    (english.parent / "newslint.toml").write_text(
        f'[languagetool]\nurl = "{lt_url}"\ndisabled-rules = ["EN_A_VS_AN"]\n', encoding="utf-8"
    )
    found = lt_findings(cli("check", str(english), "--format", "json"))
    assert [f["rule"] for f in found] == ["LT:HE_VERB_AGR"]


def test_ignore_selector_drops_one_languagetool_rule(cli, english, lt_url):
    found = lt_findings(cli("check", str(english), "--format", "json", "--languagetool-url", lt_url, "--ignore", "LT:HE_VERB_AGR"))
    assert [f["rule"] for f in found] == ["LT:EN_A_VS_AN"]
    (english.parent / "newslint.toml").write_text('extend-ignore = ["LT:EN_A_VS_AN"]\n', encoding="utf-8")
    found = lt_findings(cli("check", str(english), "--format", "json", "--languagetool-url", lt_url))
    assert [f["rule"] for f in found] == ["LT:HE_VERB_AGR"]
    assert lt_findings(cli("check", str(english), "--format", "json", "--languagetool-url", lt_url, "--ignore", "LT001")) == []


def test_suppression_comment_for_a_languagetool_rule(cli, english, lt_url):
    text = ENGLISH_ARTICLE.replace("The irrigation", "<!-- newslint-disable-next-line LT:EN_A_VS_AN -->\nThe irrigation")
    english.write_text(text, encoding="utf-8")
    found = findings_of(cli("check", str(english), "--format", "json", "--languagetool-url", lt_url))
    assert [f["rule"] for f in found if f["rule"].startswith(("LT", "NL"))] == ["LT:HE_VERB_AGR"]


def test_json_with_languagetool_findings_follows_the_shared_schema(cli, english, hindi, shared, lt_url):
    schema = json.loads((shared / "findings.schema.json").read_text(encoding="utf-8"))
    result = cli("check", str(english), str(hindi), "--format", "json", "--languagetool-url", lt_url)
    report = json.loads(result.stdout.decode("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(report)
    assert sum(1 for f in report["findings"] if f["rule"].startswith("LT:")) == 3


def test_sarif_with_languagetool_findings(cli, english, lt_url):
    result = cli("check", str(english), "--format", "sarif", "--languagetool-url", lt_url)
    log = json.loads(result.stdout.decode("utf-8"))
    rule_ids = {r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert {"LT:EN_A_VS_AN", "LT:HE_VERB_AGR"} <= rule_ids


def test_fix_applies_languagetool_replacements_only_with_unsafe(cli, english, lt_url):
    (english.parent / "newslint.toml").write_text(f'[languagetool]\nurl = "{lt_url}"\n', encoding="utf-8")
    cli("fix", str(english), "--select", "LT001")
    assert english.read_text(encoding="utf-8") == ENGLISH_ARTICLE
    cli("fix", str(english), "--select", "LT001", "--unsafe")
    fixed = english.read_text(encoding="utf-8")
    assert "it was an important step for the region. 🎉 He has\n" in fixed
    assert "Run `it was a important step`" in fixed  # code is never touched


def test_loopback_server_is_reached_past_a_proxy(cli, english, lt_url):
    """HTTP_PROXY must not catch requests to this machine's own server (nor see the article)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}"
    env = {"HTTP_PROXY": dead, "http_proxy": dead, "HTTPS_PROXY": dead, "https_proxy": dead, "ALL_PROXY": dead,
           "all_proxy": dead, "NO_PROXY": "", "no_proxy": ""}
    if not lt_url.startswith(("http://127.", "http://localhost")):
        pytest.skip("NEWSLINT_LT_URL is not a loopback server")
    found = lt_findings(cli("check", str(english), "--format", "json", "--languagetool-url", lt_url, env=env))
    assert [f["rule"] for f in found] == ["LT:EN_A_VS_AN", "LT:HE_VERB_AGR"]


def test_language_variant_from_config(cli, tmp_path, lt_url):
    path = tmp_path / "colour.md"
    path.write_text("---\nlang: en\n---\nThe colour of the flag was chosen by the committee.\n", encoding="utf-8")
    us = lt_findings(cli("check", str(path), "--format", "json", "--languagetool-url", lt_url))
    assert [f["text"] for f in us] == ["colour"]
    (tmp_path / "newslint.toml").write_text('[languagetool]\nlanguage = "en-IN"\n', encoding="utf-8")
    assert lt_findings(cli("check", str(path), "--format", "json", "--languagetool-url", lt_url)) == []


def test_unsupported_language_is_one_line(cli, english, lt_url):
    (english.parent / "newslint.toml").write_text('[languagetool]\nlanguage = "xx-YY"\n', encoding="utf-8")
    result = cli("check", str(english), "--languagetool-url", lt_url)
    assert result.returncode == 2
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "xx-YY" in lines[0], lines


# -- a server that does not answer -------------------------------------------------------------------

def dead_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"  # closed again: nothing listens there


@pytest.mark.parametrize("jobs", ["1", "4"])
def test_unreachable_server_is_one_line_and_stops_the_run(cli, tmp_path, jobs):
    for number in range(12):
        (tmp_path / f"article{number:02}.md").write_text(ENGLISH_ARTICLE, encoding="utf-8")
    url = dead_url()
    result = cli("check", str(tmp_path), "--languagetool-url", url, "--jobs", jobs)
    assert result.returncode == 2
    stderr = result.stderr.decode()
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert url in lines[0] and "does not answer" in lines[0]
    assert "Traceback" not in stderr
    assert result.stdout.decode() == ""


def test_unreachable_server_from_config(cli, english):
    url = dead_url()
    (english.parent / "pyproject.toml").write_text(f'[tool.newslint.languagetool]\nurl = "{url}"\n', encoding="utf-8")
    result = cli("check", str(english))
    assert result.returncode == 2
    assert result.stderr.decode().strip() == (
        f"newslint: error: the LanguageTool server {url} does not answer (Connection refused); "
        "start it (scripts/languagetool-server start) or fix [languagetool] url / --languagetool-url"
    )


def test_something_else_at_the_url_is_one_line(cli, english):
    """A wrong port where a web server answers: not a traceback, not a guess at findings."""
    import http.server
    import threading

    server = http.server.HTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        result = cli("check", str(english), "--languagetool-url", url)
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 2
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and url in lines[0] and "not answer like a LanguageTool server" in lines[0], lines
