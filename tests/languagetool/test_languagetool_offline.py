"""The LanguageTool rule without a server: what would be sent, how positions map back, and that
nothing at all happens (no import, no connection) while no server URL is configured."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newslint.api import lint_text
from newslint.config import LanguageToolSettings
from newslint.document import parse_document
from newslint.languagetool import (
    COVERED_RULES,
    LTMatch,
    base_url,
    build_request,
    disabled_rules,
    english_segments,
    is_loopback,
    kebab,
    locate_matches,
    reads_like_english,
    server_language,
    severity_of,
)
from newslint.source import source_from_bytes

REPO = Path(__file__).resolve().parents[2]


def doc_of(text: str, name: str = "article.md"):
    return parse_document(source_from_bytes(text.encode("utf-8"), name, max_bytes=0))


def sent(text: str, name: str = "article.md", min_words: int = 4) -> list[str]:
    doc = doc_of(text, name)
    return [doc.text[s.start:s.end] for s in english_segments(doc, min_words)]


# -- what goes to the server ----------------------------------------------------------------------

def test_english_quote_in_a_hindi_article_is_a_passage_without_its_quotes():
    text = 'विदेश मंत्री ने कहा, "We have always supported a peaceful solution." उन्होंने आगे कहा।\n'
    assert sent(text) == ["We have always supported a peaceful solution."]


def test_short_latin_runs_are_not_sent():
    assert sent("Russia Ukraine War: कीव में धमाके।\n") == []  # 3 words
    assert sent("उन्होंने कहा, We will win. यह तय है।\n") == []  # 3 words
    assert sent("उन्होंने कहा, We will win. यह तय है।\n", min_words=3) == ["We will win."]


def test_headline_fragments_names_and_romanised_hindi_are_not_sent():
    assert sent("Russia Ukraine War LIVE Updates: कीव में धमाके।\n") == []
    assert sent("Prime Minister Narendra Modi of India ने सोमवार को दिल्ली में किसानों से मुलाकात के बाद यह कहा।\n") == []
    assert sent("समर्थकों ने सोशल मीडिया पर लिखा, hum log jeetenge yeh pakka hai bhai. इसके बाद बहस शुरू हो गई।\n") == []
    assert not reads_like_english(["yeh", "decision", "is", "very", "important", "hai"])
    assert reads_like_english(["Farmers", "has", "waited", "long", "enough."])


def test_passages_stop_at_devanagari_and_dandas_and_cross_masked_urls():
    text = (
        "मंत्री ने कहा, The minister will visit the state | on Monday। वे सोमवार को राज्य के दौरे पर आएंगे और किसानों से मिलेंगे। "
        "पूरा भाषण See https://example.com/a for the full speech today.\n"
    )
    got = sent(text, "article.txt")
    assert got == ["The minister will visit the state | on Monday", "See https://example.com/a for the full speech today."]


def test_numbers_stay_inside_a_passage():
    assert sent("रिपोर्ट: The elections will be held in 2029. उन्होंने कहा।\n") == ["The elections will be held in 2029."]


def test_english_document_sends_every_block_and_no_front_matter():
    text = "---\nlang: en\ntitle: A this are title\n---\n# Heading here\n\nFirst paragraph\nwraps here.\n\nSecond one.\n"
    assert sent(text) == ["# Heading here", "First paragraph\nwraps here.", "Second one."]


def test_english_is_detected_by_script_without_front_matter():
    assert sent("The minister said it.\nHe left.\n", "a.txt") == ["The minister said it.", "He left."]


def test_request_masks_non_prose_and_replaces_emoji_by_one_utf16_unit():
    doc = doc_of("---\nlang: en\n---\nWin 🎉 here. Run `x y` at [site](https://a.example/b).\n")
    request = build_request(doc, english_segments(doc, 4))
    assert request.text == "Win \ufffd here. Run       at [site]                     ."
    assert len(request.text.encode("utf-16-le")) // 2 == len(request.text)  # UTF-16 offsets == code points


def test_matches_map_back_exactly_and_never_across_masks_or_segments():
    text = "---\nlang: en\n---\nA 🎉 win for a apple.\n\nSee `a b` now.\n"
    doc = doc_of(text)
    request = build_request(doc, english_segments(doc, 4))
    assert request.text == "A \ufffd win for a apple.\n\nSee       now."

    def match(sub: str, rule: str = "EN_A_VS_AN", occurrence: int = 0) -> LTMatch:
        offset = -1
        for _ in range(occurrence + 1):
            offset = request.text.index(sub, offset + 1)
        return LTMatch(rule, "msg", ("an", "x\ufffd"), offset, len(sub), "MISC", "misspelling")

    found = locate_matches(doc, request, [
        match("a apple"),                                          # inside a block: kept
        match("apple.\n\nSee", "ACROSS"),                          # across two blocks: dropped
        match("See       now", "MASK"),                            # across a code span: dropped
    ])
    assert [(f.match.rule_id, text[f.start:f.end]) for f in found] == [("EN_A_VS_AN", "a apple")]
    assert found[0].replacements == ("an",)  # a stand-in that is not in the flagged text: dropped


def test_emoji_in_a_flagged_span_come_back_in_the_replacement():
    doc = doc_of("---\nlang: en\n---\nHe was there,😀 and then left.\n")
    request = build_request(doc, english_segments(doc, 4))
    offset = request.text.index(",\ufffd")
    match = LTMatch("COMMA_PARENTHESIS_WHITESPACE", "Put a space after the comma.", (", \ufffd", "\ufffd\ufffd"), offset, 2, "TYPOGRAPHY", "whitespace")
    [found] = locate_matches(doc, request, [match])
    assert doc.text[found.start:found.end] == ",😀"
    assert found.replacements == (", 😀",)


def test_capitalised_dictionary_misses_are_names_and_dropped():
    doc = doc_of("---\nlang: en\n---\nShivraj met the farmers in Sehore and said hello.\n")
    request = build_request(doc, english_segments(doc, 4))
    spelling = [
        LTMatch("MORFOLOGIK_RULE_EN_US", "Possible spelling mistake found.", ("Shiva",), request.text.index("Shivraj"), 7, "TYPOS", "misspelling"),
        LTMatch("MORFOLOGIK_RULE_EN_US", "Possible spelling mistake found.", ("hell",), request.text.index("hello"), 5, "TYPOS", "misspelling"),
    ]
    assert [doc.text[f.start:f.end] for f in locate_matches(doc, request, spelling)] == ["hello"]


def test_severity_kebab_and_settings():
    assert severity_of(LTMatch("X", "", (), 0, 1, "GRAMMAR", "grammar")) == "warning"
    assert severity_of(LTMatch("X", "", (), 0, 1, "TYPOS", "misspelling")) == "warning"
    assert severity_of(LTMatch("X", "", (), 0, 1, "PUNCTUATION", "typographical")) == "info"
    assert severity_of(LTMatch("X", "", (), 0, 1, "STYLE", "style")) == "info"
    assert kebab("EN_A_VS_AN") == "en-a-vs-an"
    assert kebab("MORFOLOGIK_RULE_EN_US") == "morfologik-rule-en-us"
    assert base_url("http://127.0.0.1:8081") == "http://127.0.0.1:8081/"
    assert base_url("http://127.0.0.1:8081/v2/") == "http://127.0.0.1:8081/"
    assert base_url("https://lt.example/proxy") == "https://lt.example/proxy/"
    assert is_loopback("http://127.0.0.1:8081") and is_loopback("http://localhost:1") and not is_loopback("http://10.0.0.5:8081")
    assert server_language("en-IN") == "en-GB" and server_language("en-GB") == "en-GB"
    settings = LanguageToolSettings(url="http://x", disabled_rules=["LT:EN_A_VS_AN", "HE_VERB_AGR"])
    assert disabled_rules(settings, skip_covered=False) == ["EN_A_VS_AN", "HE_VERB_AGR"]
    assert set(COVERED_RULES) <= set(disabled_rules(settings, skip_covered=True))


# -- nothing happens without a URL ------------------------------------------------------------------

def test_rule_without_url_finds_nothing():
    text = "---\nlang: en\n---\nThe minister said this are a important step.\n"
    assert [f for f in lint_text(text, "a.md", select=["LT001"])] == []


def _run_python(code: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
        env={**os.environ, "NO_COLOR": "1", **(env or {})}, cwd=REPO,
    )


def test_importing_the_rule_imports_no_network_library():
    result = _run_python(
        "import sys, newslint.checks.languagetool, newslint.languagetool\n"
        "from newslint.registry import all_rules; all_rules()\n"
        "print(sorted(m for m in ('language_tool_python', 'requests', 'urllib3') if m in sys.modules))"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# Runs `newslint check` in a fresh interpreter with an audit hook that records every attempt to
# resolve a name or open a socket (Python raises these audit events for all of them).
AUDITED_RUN = textwrap.dedent(
    """
    import json, sys
    events = []
    def hook(event, args):
        if event.startswith("socket.") and event != "socket.__new__":
            events.append(event + " " + repr(args)[:120])
    sys.addaudithook(hook)
    from newslint.cli import main
    sys.argv = ["newslint", *ARGS]
    try:
        main()
    except SystemExit as exc:
        code = exc.code
    print("RESULT " + json.dumps({
        "code": code, "events": events,
        "imported": sorted(m for m in ("language_tool_python", "requests") if m in sys.modules),
    }))
    """
)


def audited(args: list[str], cwd: Path) -> dict:
    code = AUDITED_RUN.replace("ARGS", repr(args))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=cwd,
                            env={**os.environ, "NO_COLOR": "1"})
    line = [ln for ln in result.stdout.splitlines() if ln.startswith("RESULT ")]
    assert line, result.stdout + result.stderr
    return json.loads(line[-1][len("RESULT "):])


ENGLISH = "---\nlang: en\n---\nThe minister said this are a important step for the farmers.\n"


def test_without_a_url_no_connection_is_attempted(tmp_path):
    (tmp_path / "article.md").write_text(ENGLISH, encoding="utf-8")
    outcome = audited(["check", "article.md"], tmp_path)
    assert outcome["events"] == []
    assert outcome["imported"] == []
    assert outcome["code"] in (0, 1)


def test_disabled_in_config_sends_nothing_even_with_a_url(tmp_path):
    (tmp_path / "article.md").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('[languagetool]\nurl = "http://127.0.0.1:9"\nenabled = false\n', encoding="utf-8")
    outcome = audited(["check", "article.md"], tmp_path)
    assert outcome["events"] == [] and outcome["imported"] == []
    assert outcome["code"] in (0, 1)


def test_hindi_article_without_english_passages_sends_nothing(tmp_path):
    (tmp_path / "article.txt").write_text("मुख्यमंत्री ने सोमवार को बैठक की। Russia Ukraine War पर चर्चा हुई।\n", encoding="utf-8")
    outcome = audited(["check", "article.txt", "--languagetool-url", "http://127.0.0.1:9"], tmp_path)
    assert outcome["events"] == [] and outcome["imported"] == []


def test_audit_hook_does_see_a_connection(tmp_path):
    """The control for the tests above: a configured (dead) server is contacted, and the hook sees it."""
    pytest.importorskip("language_tool_python")
    (tmp_path / "article.md").write_text(ENGLISH, encoding="utf-8")
    outcome = audited(["check", "article.md", "--languagetool-url", "http://127.0.0.1:9"], tmp_path)
    assert any(event.startswith("socket.connect") for event in outcome["events"])
    assert outcome["code"] == 2


def test_missing_client_library_is_one_line_with_the_install_command(tmp_path):
    (tmp_path / "article.md").write_text(ENGLISH, encoding="utf-8")
    code = (
        "import sys\n"
        "sys.modules['language_tool_python'] = None  # as if it were not installed\n"
        "from newslint.cli import main\n"
        "sys.argv = ['newslint', 'check', 'article.md', '--languagetool-url', 'http://127.0.0.1:9']\n"
        "main()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=tmp_path,
                            env={**os.environ, "NO_COLOR": "1"})
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "pip install 'newslint[languagetool]'" in lines[0]
