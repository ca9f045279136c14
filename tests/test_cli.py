"""The command line as a user meets it: exit codes, formats, errors."""

from __future__ import annotations

import json

import pytest

from nl_testing import json_findings

from newslint import __version__

TWO_SPACES = "यह  पंक्ति है।\n"


def test_version(cli):
    result = cli("--version")
    assert result.returncode == 0
    assert result.stdout.decode().strip() == f"newslint {__version__}"


def test_clean_file_exits_zero(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("यह पंक्ति ठीक है।\n", encoding="utf-8")
    result = cli("check", "--select", "TY107", str(path))
    assert result.returncode == 0, result.stderr
    assert "All clear" in result.stdout.decode()


def test_warning_does_not_fail_by_default_but_fails_with_fail_on_warning(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TWO_SPACES, encoding="utf-8")
    assert cli("check", "--select", "TY107", str(path)).returncode == 0
    assert cli("check", "--select", "TY107", "--fail-on", "warning", str(path)).returncode == 1
    assert cli("check", "--select", "TY107", "--fail-on", "warning", "--exit-zero", str(path)).returncode == 0


def test_severity_override_in_config_fails_the_gate(cli, tmp_path):
    (tmp_path / "newslint.toml").write_text('select = ["TY107"]\n[severity]\nmultiple-spaces = "error"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(TWO_SPACES, encoding="utf-8")
    result = cli("check", "a.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert "error" in result.stdout.decode()


def test_concise_output_names_position_code_and_rule(cli, tmp_path):
    (tmp_path / "a.txt").write_text(TWO_SPACES, encoding="utf-8")
    out = cli("check", "--select", "TY107", "a.txt", cwd=tmp_path).stdout.decode()
    assert out.splitlines()[0] == "a.txt:1:3: TY107 [*] warning: 2 spaces between words; use one [multiple-spaces]"


def test_full_output_underlines_the_span(cli, tmp_path):
    (tmp_path / "a.txt").write_text(TWO_SPACES, encoding="utf-8")
    out = cli("check", "--select", "TY107", "--format", "full", "a.txt", cwd=tmp_path).stdout.decode()
    lines = out.splitlines()
    assert lines[1].endswith("| यह  पंक्ति है।")
    # "यह" is two code points but the underline starts after its display width (2 columns).
    assert lines[2].endswith("|   ^^")


def test_statistics(cli, tmp_path):
    (tmp_path / "a.txt").write_text(TWO_SPACES * 3, encoding="utf-8")
    out = cli("check", "--select", "TY107", "--statistics", "a.txt", cwd=tmp_path).stdout.decode()
    assert out.splitlines()[0].split() == ["3", "TY107", "[*]", "multiple-spaces"]


def test_select_by_category_name_and_prefix(cli, tmp_path):
    (tmp_path / "a.txt").write_text(TWO_SPACES, encoding="utf-8")
    for selector in ("typography", "multiple-spaces", "TY", "TY1"):
        findings = json_findings(cli("check", "--select", selector, "--format", "json", "a.txt", cwd=tmp_path))
        assert [f["rule"] for f in findings] == ["TY107"], selector
    findings = json_findings(cli("check", "--select", "TY107", "--ignore", "typography", "--format", "json", "a.txt", cwd=tmp_path))
    assert findings == []


def test_unknown_selector_is_a_usage_error(cli, tmp_path):
    (tmp_path / "a.txt").write_text(TWO_SPACES, encoding="utf-8")
    result = cli("check", "--select", "XYZ123", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert b"unknown rule selector 'XYZ123'" in result.stderr


def test_bad_option_is_usage_error(cli):
    assert cli("check", "--format", "xml", ".").returncode == 2
    assert cli("check", "--no-such-flag").returncode == 2


def test_rules_listing_and_explanation(cli):
    listing = json.loads(cli("rules", "--format", "json").stdout)
    codes = {r["code"] for r in listing}
    assert "TY107" in codes
    for rule in listing:
        assert set(rule) >= {"code", "name", "category", "severity", "fixable"}
    text = cli("rule", "multiple-spaces").stdout.decode()
    assert text.startswith("TY107 multiple-spaces")
    assert "FAIL" in text and "PASS" in text
    missing = cli("rule", "nope")
    assert missing.returncode == 2 and b"no rule 'nope'" in missing.stderr


def test_stdin_with_filename(cli):
    result = cli("check", "--select", "TY107", "--stdin-filename", "story.txt", "--format", "json", "-", stdin=TWO_SPACES.encode())
    findings = json_findings(result)
    assert findings[0]["path"] == "story.txt"


def test_output_file(cli, tmp_path):
    (tmp_path / "a.txt").write_text(TWO_SPACES, encoding="utf-8")
    result = cli("check", "--select", "TY107", "--format", "json", "--output", "report.json", "a.txt", cwd=tmp_path)
    assert result.stdout == b""
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["findings"] == 1


def test_directory_recursion_and_exclude(cli, tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.md").write_text(TWO_SPACES, encoding="utf-8")
    (tmp_path / "news" / "drafts").mkdir()
    (tmp_path / "news" / "drafts" / "b.txt").write_text(TWO_SPACES, encoding="utf-8")
    (tmp_path / "news" / "notes.json").write_text("{}", encoding="utf-8")
    result = cli("check", "--select", "TY107", "--format", "json", "news", cwd=tmp_path)
    assert sorted(f["path"] for f in json_findings(result)) == ["news/a.md", "news/drafts/b.txt"]
    (tmp_path / "newslint.toml").write_text('exclude = ["drafts"]\n', encoding="utf-8")
    result = cli("check", "--select", "TY107", "--format", "json", "news", cwd=tmp_path)
    assert [f["path"] for f in json_findings(result)] == ["news/a.md"]


def test_per_file_ignores(cli, tmp_path):
    (tmp_path / "newslint.toml").write_text('[per-file-ignores]\n"archive/*" = ["TY107"]\n', encoding="utf-8")
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "old.txt").write_text(TWO_SPACES, encoding="utf-8")
    (tmp_path / "new.txt").write_text(TWO_SPACES, encoding="utf-8")
    result = cli("check", "--select", "TY107", "--format", "json", ".", cwd=tmp_path)
    assert [f["path"] for f in json_findings(result)] == ["new.txt"]


def test_pyproject_config_found_walking_up(cli, tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n[tool.newslint]\nignore = ["TY107"]\n', encoding="utf-8")
    (tmp_path / "deep" / "er").mkdir(parents=True)
    (tmp_path / "deep" / "er" / "a.txt").write_text(TWO_SPACES, encoding="utf-8")
    result = cli("check", "--format", "json", "deep/er/a.txt", cwd=tmp_path)
    assert [f["rule"] for f in json_findings(result) if f["rule"] == "TY107"] == []


def test_explicit_config_overrides_discovery(cli, tmp_path):
    (tmp_path / "newslint.toml").write_text('ignore = ["TY107"]\n', encoding="utf-8")
    (tmp_path / "other.toml").write_text('select = ["TY107"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(TWO_SPACES, encoding="utf-8")
    result = cli("check", "--config", "other.toml", "--format", "json", "a.txt", cwd=tmp_path)
    assert [f["rule"] for f in json_findings(result)] == ["TY107"]


def test_rule_options_are_validated(cli, tmp_path):
    (tmp_path / "a.txt").write_text("ठीक है।\n", encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('[options.multiple-spaces]\nwidth = 3\n', encoding="utf-8")
    result = cli("check", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert b"options.multiple-spaces: unknown option 'width'" in result.stderr
    (tmp_path / "newslint.toml").write_text('[options.no-such-rule]\nx = 1\n', encoding="utf-8")
    result = cli("check", "a.txt", cwd=tmp_path)
    assert result.returncode == 2 and b"no rule has this name" in result.stderr


def test_suppression_comments(cli, tmp_path):
    text = (
        "<!-- newslint-disable-next-line TY107 -->\n"
        "पहली  पंक्ति\n"
        "दूसरी  पंक्ति\n"
        "<!-- newslint-disable multiple-spaces -->\n"
        "तीसरी  पंक्ति\n"
        "<!-- newslint-enable multiple-spaces -->\n"
        "चौथी  पंक्ति\n"
    )
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    findings = json_findings(cli("check", "--select", "TY107,NL001", "--format", "json", "a.md", cwd=tmp_path))
    assert [(f["rule"], f["line"]) for f in findings] == [("TY107", 3), ("TY107", 7)]


def test_disable_file(cli, tmp_path):
    (tmp_path / "a.md").write_text("पहली  पंक्ति\n\n<!-- newslint-disable-file typography -->\n", encoding="utf-8")
    findings = json_findings(cli("check", "--select", "TY107,NL001", "--format", "json", "a.md", cwd=tmp_path))
    assert findings == []


def test_config_discovery_walks_each_folder_once(tmp_path, monkeypatch):
    """A tree of folders under one pyproject.toml: each folder gets its nearest config, a nested
    newslint.toml wins below it, and the pyproject.toml up the tree is read once, not per folder."""
    from newslint import config as config_module

    (tmp_path / "pyproject.toml").write_text('[tool.newslint]\nignore = ["TY107"]\n', encoding="utf-8")
    for name in ("a", "b", "c/d", "e"):
        (tmp_path / name).mkdir(parents=True)
    (tmp_path / "e" / "newslint.toml").write_text('select = ["TY107"]\n', encoding="utf-8")
    (tmp_path / "e" / "f").mkdir()
    reads = []
    real_read_table = config_module.read_table
    monkeypatch.setattr(config_module, "read_table", lambda path: reads.append(path) or real_read_table(path))
    resolver = config_module.ConfigResolver(cwd=tmp_path)
    by_folder = {name: resolver.for_path(tmp_path / name / "x.md") for name in ("a", "b", "c/d", "c", "e/f", "e")}
    top = by_folder["a"]
    assert top.ignore == ["TY107"] and by_folder["b"] is top and by_folder["c/d"] is top and by_folder["c"] is top
    assert by_folder["e/f"].select == ["TY107"] and by_folder["e"] is by_folder["e/f"]
    # discovery reads pyproject.toml once; loading it as the config reads it once more
    assert reads.count(tmp_path / "pyproject.toml") == 2


def test_a_mistyped_suppression_comment_suppresses_nothing_and_is_reported(cli, tmp_path):
    """`newslint-disable-nextline SP101` once read as `disable` of "-nextline SP101": SP101 off
    for the rest of the file, silently. It is no directive: both slips are reported, and so is
    the comment, with the directive it most likely meant (an unsafe fix)."""
    (tmp_path / "a.md").write_text("<!-- newslint-disable-nextline SP101 -->\nराम नही आया।\n\nश्याम नही आया।\n", encoding="utf-8")
    findings = json_findings(cli("check", "--select", "SP101,NL001", "--format", "json", "a.md", cwd=tmp_path))
    assert [(f["rule"], f["line"]) for f in findings] == [("NL001", 1), ("SP101", 2), ("SP101", 4)]
    assert "did you mean “newslint-disable-next-line”" in findings[0]["message"]
    assert findings[0]["suggestions"] == [{"replacement": "<!-- newslint-disable-next-line SP101 -->", "safe": False,
                                           "note": "write newslint-disable-next-line"}]


@pytest.mark.parametrize("command", ["check", "fix"])
@pytest.mark.parametrize("value", ["", ",", " , "])
def test_an_empty_select_is_a_usage_error(cli, tmp_path, command, value):
    """`--select "$RULES"` with RULES unset selected no rule and passed everything (exit 0)."""
    (tmp_path / "a.txt").write_text(TWO_SPACES, encoding="utf-8")
    result = cli(command, "--select", value, "a.txt", cwd=tmp_path)
    assert result.returncode == 2 and b"--select: it names no rule" in result.stderr
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == TWO_SPACES


def test_a_directive_shown_in_code_is_not_a_directive(cli, tmp_path):
    """An article explaining the comments shows them in code: they do not switch linting off."""
    text = "How to switch it off:\n\n```\n<!-- newslint-disable-file -->\n```\n\nराम नही आया। Use `<!-- newslint-disable -->` too.\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    findings = json_findings(cli("check", "--select", "SP101,NL001", "--format", "json", "a.md", cwd=tmp_path))
    assert [(f["rule"], f["line"]) for f in findings] == [("SP101", 7)]


def test_a_blanket_suppression_is_not_unused_in_a_run_of_some_rules(cli, tmp_path):
    """`fix --select NL001,TY` deleted a comment for every rule that excused a spelling slip."""
    text = "---\ndate: 2025-01-01\n---\n<!-- newslint-disable-next-line -->\nराम नही आया।\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    result = cli("fix", "--select", "NL001,TY", "a.md", cwd=tmp_path)
    assert result.returncode == 0 and (tmp_path / "a.md").read_text(encoding="utf-8") == text
    (tmp_path / "b.md").write_text(text.replace("नही", "नहीं"), encoding="utf-8")  # excuses nothing now
    findings = json_findings(cli("check", "--format", "json", "b.md", cwd=tmp_path))
    assert [f["rule"] for f in findings] == ["NL001"]


def test_an_unknown_directive_is_never_widened(cli, tmp_path):
    """`newslint-disable-line` (another linter's spelling) once got `disable-file` offered, which
    fix --unsafe wrote: a suppression for the whole file. Only a hyphenation slip gets a fix."""
    text = "नई दिल्ली, 12 जनवरी (भाषा)\n\nहादसे में 12 लोगों की मौत हुई। <!-- newslint-disable-line AT101 -->\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    findings = json_findings(cli("check", "--select", "NL001", "--format", "json", "a.md", cwd=tmp_path))
    assert [f["rule"] for f in findings] == ["NL001"] and findings[0]["suggestions"] == []
    assert "disable-file" not in findings[0]["message"].split(":", 1)[0]


def test_stray_backticks_do_not_hide_a_directive(cli, tmp_path):
    text = "सरकार`s योजना।\n\n<!-- newslint-disable-file SP101 -->\n\nराहुल`s बयान।\n\nउन्होने कहा कि वह नही आएंगे।\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    findings = json_findings(cli("check", "--select", "SP101", "--format", "json", "a.md", cwd=tmp_path))
    assert findings == []


def test_a_blanket_suppression_is_unused_under_a_configured_ignore(cli, tmp_path):
    """Only a run narrowed on the command line keeps quiet about it; a config's own `ignore` is
    the run the article always gets."""
    (tmp_path / "newslint.toml").write_text('ignore = ["SP102"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("---\ndate: 2025-01-01\n---\n<!-- newslint-disable-next-line -->\nराम आया।\n", encoding="utf-8")
    findings = json_findings(cli("check", "--format", "json", "a.md", cwd=tmp_path))
    assert [f["rule"] for f in findings] == ["NL001"]
