"""Bad input gets one clear line on stderr and exit 2 — never a traceback, never lost data."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys

import pytest
from nl_testing import json_findings

TWO_SPACES = "यह  पंक्ति है।\n"


def assert_one_line_error(result, *fragments: str) -> str:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    err = result.stderr.decode("utf-8")
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("newslint: error:")]
    assert len(lines) == 1, err
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


def test_missing_path(cli, tmp_path):
    assert_one_line_error(cli("check", "nope.txt", cwd=tmp_path), "nope.txt", "no such file")


def test_invalid_utf8_names_file_and_place(cli, tmp_path):
    (tmp_path / "bad.txt").write_bytes("ठीक है\n".encode() + b"\xff\xfe broken\n")
    assert_one_line_error(cli("check", "bad.txt", cwd=tmp_path), "bad.txt", "not valid UTF-8", "line 2")


def test_binary_file(cli, tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert_one_line_error(cli("check", "image.txt", cwd=tmp_path), "image.txt", "binary")


def test_empty_file_is_not_an_error(cli, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = cli("check", "--select", "TY107", "empty.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr


def test_utf16_with_bom_is_decoded(cli, tmp_path):
    (tmp_path / "u16.txt").write_bytes(codecs.BOM_UTF16_LE + TWO_SPACES.encode("utf-16-le"))
    findings = json_findings(cli("check", "--select", "TY107", "--format", "json", "u16.txt", cwd=tmp_path))
    assert [(f["line"], f["column"], f["start"]) for f in findings] == [(1, 3, 2)]


def test_utf8_bom_and_crlf_keep_positions(cli, tmp_path):
    text = "पहली पंक्ति\r\nयह  पंक्ति है।\r\n"
    (tmp_path / "crlf.txt").write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    findings = json_findings(cli("check", "--select", "TY107", "--format", "json", "crlf.txt", cwd=tmp_path))
    assert len(findings) == 1
    f = findings[0]
    assert (f["line"], f["column"], f["end_column"]) == (2, 3, 5)
    # Offsets index the decoded text after BOM removal, with CRLF as written.
    assert text[f["start"]:f["end"]] == "  " and f["text"] == "  "


def test_broken_front_matter_never_closed(cli, tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: x\n\nपाठ\n", encoding="utf-8")
    assert_one_line_error(cli("check", "a.md", cwd=tmp_path), "a.md", "front matter", "never closed")


def test_broken_front_matter_yaml(cli, tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: [unclosed\ndate: 2025-01-01\n---\nपाठ\n", encoding="utf-8")
    assert_one_line_error(cli("check", "a.md", cwd=tmp_path), "a.md", "broken front matter")


def test_front_matter_that_is_not_a_mapping(cli, tmp_path):
    (tmp_path / "a.md").write_text("---\n- a\n- b\n---\nपाठ\n", encoding="utf-8")
    assert_one_line_error(cli("check", "a.md", cwd=tmp_path), "a.md", "broken front matter")


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("select = [\n", "broken TOML"),
        ('selekt = ["TY107"]\n', "unknown key 'selekt'"),
        ('fail-on = "fatal"\n', "key 'fail-on'"),
        ("ignore = 3\n", "key 'ignore'"),
        ('[languagetool]\nurl = "ftp://x"\n', "languagetool.url"),
        ('[languagetool]\nurl = "http://[::1"\n', "is not a URL"),  # an internal error in LT001 once
        ('[languagetool]\nurl = "http://localhost:port"\n', "is not a URL"),
        ('[languagetool]\nurl = "https://"\n', "names no host"),
    ],
)
def test_broken_config(cli, tmp_path, content, fragment):
    (tmp_path / "newslint.toml").write_text(content, encoding="utf-8")
    (tmp_path / "a.txt").write_text("ठीक है।\n", encoding="utf-8")
    assert_one_line_error(cli("check", "a.txt", cwd=tmp_path), "newslint.toml", fragment)


def test_missing_explicit_config(cli, tmp_path):
    (tmp_path / "a.txt").write_text("ठीक है।\n", encoding="utf-8")
    assert_one_line_error(cli("check", "--config", "nope.toml", "a.txt", cwd=tmp_path), "nope.toml", "not found")


def test_missing_pack_folder(cli, tmp_path):
    (tmp_path / "newslint.toml").write_text('packs = ["house-style"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("ठीक है।\n", encoding="utf-8")
    assert_one_line_error(cli("check", "a.txt", cwd=tmp_path), "house-style")


def test_huge_file_is_refused_before_reading(cli, tmp_path):
    (tmp_path / "newslint.toml").write_text("max-file-size = 1000\n", encoding="utf-8")
    (tmp_path / "big.txt").write_text("क" * 2000, encoding="utf-8")
    assert_one_line_error(cli("check", "big.txt", cwd=tmp_path), "big.txt", "limit")


def test_unreadable_file(tmp_path, monkeypatch, capsys):
    # The sandbox runs as root, which can read any file, so the permission error is simulated
    # at the one place newslint reads bytes.
    from pathlib import Path

    from newslint.runner import RunOptions, run_check
    from newslint.report import Style

    target = tmp_path / "secret.txt"
    target.write_text("ठीक है।\n", encoding="utf-8")
    real = Path.read_bytes

    def deny(self):
        if self == target:
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    code = run_check(RunOptions(paths=[str(target)]), "concise", None, Style(False), False, False, False)
    assert code == 2
    assert "permission denied" in capsys.readouterr().err


def test_directory_with_nothing_to_lint(cli, tmp_path):
    (tmp_path / "empty").mkdir()
    result = cli("check", "empty", cwd=tmp_path)
    assert result.returncode == 0
    assert b"no .txt, .md or .markdown files" in result.stderr


def test_one_bad_file_does_not_hide_the_others(cli, tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfd")
    (tmp_path / "good.txt").write_text(TWO_SPACES, encoding="utf-8")
    result = cli("check", "--select", "TY107", "--format", "json", "bad.txt", "good.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert [f["path"] for f in json_findings(result)] == ["good.txt"]


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("2025-13-45", "month must be in 1..12"),
        ("2025-02-30", "day is out of range"),
        ("2025-02-28 25:61:00", "hour must be in 0..23"),
        ("!!int abc", "invalid literal"),
        ("!!float xyz", "could not convert"),
        ("!!timestamp nope", "cannot be read"),
    ],
)
def test_front_matter_value_that_cannot_be_read(cli, tmp_path, value, fragment):
    """Well-formed YAML whose value YAML cannot build (a date that does not exist) is broken
    front matter, said in one line: not an internal error that stops the whole run."""
    (tmp_path / "a.md").write_text(f"---\ndate: {value}\n---\nपाठ\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("यह  पंक्ति है।\n", encoding="utf-8")
    result = cli("check", "--select", "TY107", "a.md", "b.md", cwd=tmp_path)
    line = assert_one_line_error(result, "a.md", "broken front matter", fragment)
    assert "internal error" not in line
    assert b"b.md:1:3: TY107" in result.stdout  # the other file is still checked


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_front_matter_with_crlf_or_cr_line_endings(cli, tmp_path, newline):
    """A Windows-saved (or old Mac) article's front matter closes like an LF one's: same
    metadata, same findings at the same places."""
    lines = ["---", "title: x", "date: 2025-01-01", "---", "राम नही आया।", ""]
    (tmp_path / "lf.md").write_text("\n".join(lines), encoding="utf-8", newline="")
    (tmp_path / "other.md").write_text(newline.join(lines), encoding="utf-8", newline="")
    lf = json_findings(cli("check", "--format", "json", "lf.md", cwd=tmp_path))
    other = json_findings(cli("check", "--format", "json", "other.md", cwd=tmp_path))
    assert lf and [(f["rule"], f["line"], f["column"]) for f in other] == [(f["rule"], f["line"], f["column"]) for f in lf]


def test_crlf_code_fence_closes(cli, tmp_path):
    """The closing fence of a CRLF file ends the code block: the prose after it is checked."""
    text = "पहली पंक्ति है।\r\n\r\n```\r\ncode  here\r\n```\r\n\r\nयह  पंक्ति है।\r\n"
    (tmp_path / "a.md").write_bytes(text.encode("utf-8"))
    findings = json_findings(cli("check", "--select", "TY107", "--format", "json", "a.md", cwd=tmp_path))
    assert [f["line"] for f in findings] == [7]


@pytest.mark.parametrize("sign", ["-", "*", "_", ">", "#", "•", "[", "(", "= "])
def test_separator_lines_are_checked_in_time(cli, tmp_path, sign):
    """A line of 60 separator signs once backtracked exponentially in the structure rules (30
    dashes took a minute): the run must finish, and find what it finds around it."""
    (tmp_path / "a.md").write_text(f"राम आया।\n\n{sign * 60}\n\nयह  पंक्ति है।\n", encoding="utf-8")
    result = cli("check", "--select", "ST,TY107", "--format", "json", "a.md", cwd=tmp_path)  # run_cli: 120 s at most
    assert [f["rule"] for f in json_findings(result)] == ["TY107"]


@pytest.mark.parametrize("word", ["कि" * 400, "\u200d".join(["क"] * 250)])
def test_an_endless_word_is_not_judged(cli, tmp_path, word):
    """A run of letters far longer than any Hindi word (a keyboard accident, a pasted blob) is
    passed over by the speller, whose two-slip search grows with its square (it took minutes)."""
    (tmp_path / "a.md").write_text(f"यह {word} है।\n\nवह कहते थें।\n", encoding="utf-8")
    result = cli("check", "--select", "SP", "--format", "json", "a.md", cwd=tmp_path, env={"NEWSLINT_NO_CACHE": "1"})
    # (the joiners themselves are SP202 findings: stray ZWJs)
    assert [(f["rule"], f["text"]) for f in json_findings(result) if f["rule"] < "SP2"] == [("SP101", "थें")]


def test_a_fifo_in_a_folder_is_passed_over_and_a_device_is_read_up_to_the_limit(cli, tmp_path):
    """A FIFO met while walking a folder is never opened (without a writer it would wait
    forever); a device or pipe named on the command line is read no further than the size
    limit (/dev/zero has no size and no end)."""
    news = tmp_path / "news"
    news.mkdir()
    os.mkfifo(news / "pipe.md")
    (news / "a.txt").write_text(TWO_SPACES, encoding="utf-8")
    result = cli("check", "--select", "TY107", "--format", "json", "news", cwd=tmp_path)
    assert result.returncode == 0 and [f["path"] for f in json_findings(result)] == ["news/a.txt"]  # (a warning)
    assert_one_line_error(cli("check", "/dev/zero", cwd=tmp_path), "/dev/zero", "over the 10 MiB limit")
    endless = subprocess.run([sys.executable, "-m", "newslint", "check", "-"], stdin=open("/dev/zero", "rb"),
                             capture_output=True, cwd=tmp_path, timeout=120, env={**os.environ, "NO_COLOR": "1"})
    assert_one_line_error(endless, "-", "over the 10 MiB limit")


@pytest.mark.parametrize(
    "text",
    [
        "---\ndate: 0001-01-01T00:00:00Z\n---\nराम ने शनिवार को बाजार से सब्जियां खरीदीं।\n",  # Hugo's zero date
        "---\ndate: 9999-12-31\n---\nराम अगले महीने आएगा और अगले हफ्ते भी। आगामी 2 जनवरी को मेला है।\n",
        "नई दिल्ली, 31 दिसंबर 9999: राम ने शुक्रवार, 1 जनवरी को बाजार जाने की बात कही। अगले हफ्ते वह फिर आएगा।\n",
        "नई दिल्ली, 1 जनवरी 0001: राम ने पिछले महीने और बीते सोमवार को और दिसंबर में बाजार जाने की बात कही।\n",
    ],
)
def test_a_placeholder_publication_date_is_no_date(cli, tmp_path, text):
    """A publication date at the ends of the calendar is a placeholder: the date rules treat the
    article as undated instead of counting days off the calendar (an internal error that stopped
    the run)."""
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    result = cli("check", "--select", "DT", "--format", "json", "a.md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "DT101" in [f["rule"] for f in json_findings(result)]


@pytest.mark.parametrize("args", [["check", "a.txt"], ["rules"], ["fix", "--diff", "a.txt"], ["rule", "TY107"]])
def test_output_that_cannot_be_written_is_one_line(tmp_path, args):
    """Standard output on a full disk: one line and exit 2, not a traceback."""
    (tmp_path / "a.txt").write_text(TWO_SPACES, encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1", "NEWSLINT_SERVER": "off"}
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "newslint", *args], stdout=full, stderr=subprocess.PIPE,
                                cwd=tmp_path, env=env, timeout=120)
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == ["newslint: error: cannot write the output: No space left on device"]


def test_a_closed_standard_output_is_no_traceback(tmp_path):
    (tmp_path / "a.txt").write_text(TWO_SPACES, encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1", "NEWSLINT_SERVER": "off"}
    result = subprocess.run([sys.executable, "-m", "newslint", "check", "--fail-on", "warning", "a.txt"], stderr=subprocess.PIPE,
                            cwd=tmp_path, env=env, timeout=120, preexec_fn=lambda: os.close(1))
    assert result.returncode == 1 and b"Traceback" not in result.stderr and not result.stderr


@pytest.mark.parametrize("fmt", ["concise", "full", "json", "sarif", "github", "gitlab"])
def test_a_file_name_that_is_not_utf8(tmp_path, fmt):
    """Such a name (a Latin-1 archive, a broken copy) is reported in every format, to standard
    output and with -o; the machine formats stay valid UTF-8 JSON."""
    import json

    name = b"bad\xff.txt"
    (tmp_path / os.fsdecode(name)).write_text("यह  पंक्ति है।\n", encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1", "NEWSLINT_SERVER": "off"}
    for extra in ([], ["-o", "report.out"]):
        result = subprocess.run([sys.executable, "-m", "newslint", "check", "--format", fmt, *extra, "."],
                                capture_output=True, cwd=tmp_path, env=env, timeout=120)
        assert result.returncode == 0 and not result.stderr, result.stderr
        out = (tmp_path / "report.out").read_bytes() if extra else result.stdout
        assert b"bad" in out
        if fmt in ("json", "sarif", "gitlab"):
            json.loads(out.decode("utf-8"))


@pytest.mark.parametrize(
    ("file", "content", "fragment"),
    [
        ("hi/never-valid.txt", "थें\n", "entry before any [group]"),
        ("hi/gazetteer.txt", b"\xff\xfe\n", "UnicodeDecodeError"),
        ("hi/confusions.txt", "bad line\n", "confusions.txt:1"),
        ("hi/phrases.txt", "{bad\n", "phrases.txt:1"),
        ("structure/transliteration.toml", "devanagari = 1\n", "AttributeError"),
        ("dates/months.txt", "झनवरी = x\n", "invalid literal"),
        ("dates/months.txt", "झनवरी = 13\n", "from 1 to 12"),
        ("dates/relative-days.txt", "झल = 99999999\n", "from -366 to 366"),
    ],
)
def test_a_broken_rule_pack_is_a_config_error(cli, tmp_path, file, content, fragment):
    """Data a newsroom's pack holds that newslint cannot read stops the run with one line that
    names the pack, exit 2: not an internal error blamed on the first article."""
    path = tmp_path / "pack" / file
    path.parent.mkdir(parents=True)
    (tmp_path / "pack" / "hi").mkdir(exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    (tmp_path / "newslint.toml").write_text('packs = ["pack"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("राम नही आया। 12 झनवरी को झल आया।\n", encoding="utf-8")
    line = assert_one_line_error(cli("check", "a.txt", cwd=tmp_path), "a rule pack cannot be read", "pack", fragment)
    assert "internal error" not in line and "please report" not in line


def test_languagetool_url_option_is_checked(cli, tmp_path):
    (tmp_path / "a.txt").write_text("ठीक है।\n", encoding="utf-8")
    result = cli("check", "--languagetool-url", "http://[::1", "a.txt", cwd=tmp_path)
    assert result.returncode == 2 and b"--languagetool-url: is not a URL" in result.stderr and b"Traceback" not in result.stderr


@pytest.mark.parametrize("value", ["[" * 50_000 + "]" * 50_000, "\n  " + "- " * 50_000 + "a"])
def test_front_matter_nested_beyond_reason_is_broken_not_a_crash(cli, tmp_path, value):
    """50,000 levels crashed the YAML parser's C code (SIGSEGV, no output at all)."""
    (tmp_path / "a.md").write_text(f"---\nx: {value}\n---\nपाठ\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntags:\n" + "".join(f"  - t{i}\n" for i in range(3000)) + "---\nयह  पंक्ति है।\n", encoding="utf-8")
    result = cli("check", "--select", "TY107", "a.md", "b.md", cwd=tmp_path)
    assert_one_line_error(result, "a.md", "broken front matter: nested more than 1000 levels deep")
    assert b"b.md:" in result.stdout  # a long list is not deep


def test_thousands_of_identical_lines_are_checked_in_time(cli, tmp_path):
    """The repeat search (ST101/ST102) followed every repeated block to its end and looked at a
    poem's chorus again from each of its lines: 50,000 identical lines took minutes."""
    (tmp_path / "a.txt").write_text("राम आया।\n" * 50_000, encoding="utf-8")
    result = cli("check", "--select", "ST101,ST102", "--format", "json", "a.txt", cwd=tmp_path)  # run_cli: 120 s at most
    assert result.returncode == 0 and json_findings(result)


def test_a_run_with_input_errors_does_not_say_all_clear(cli, tmp_path):
    (tmp_path / "a.txt").write_text("ठीक है।\n", encoding="utf-8")
    result = cli("check", "--select", "TY107", "a.txt", "missing.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout.decode().splitlines() == ["No findings in 1 file; 1 input error (see the errors)."]


def test_a_fix_run_with_input_errors_does_not_say_all_clear(cli, tmp_path):
    """`fix` printed "All clear: no findings in 0 files." on stdout for a file that does not
    exist, a broken config or undecodable text (exit 2): a copy editor reads stdout."""
    (tmp_path / "a.txt").write_text("ठीक है।\n", encoding="utf-8")
    result = cli("fix", "--select", "TY107", "a.txt", "missing.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout.decode().splitlines() == ["No findings in 1 file; 1 input error (see the errors)."]
    (tmp_path / "newslint.toml").write_text("select = 3\n", encoding="utf-8")
    broken = cli("fix", "a.txt", cwd=tmp_path)
    assert broken.returncode == 2 and b"All clear" not in broken.stdout + broken.stderr


def test_the_summary_counts_input_errors_not_files(cli, tmp_path):
    """One broken config keeps every file of its folder from being checked: the summary said
    '1 could not be checked' of three files."""
    (tmp_path / "a.txt").write_text("ठीक है।\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "c.txt"):
        (tmp_path / "sub" / name).write_text("ठीक है।\n", encoding="utf-8")
    (tmp_path / "newslint.toml").write_text("select = 3\n", encoding="utf-8")
    for command in ("check", "fix"):
        result = cli(command, ".", cwd=tmp_path)
        assert result.returncode == 2
        assert result.stdout.decode().splitlines()[-1] == "No findings in 0 files; 1 input error (see the errors)."


def test_one_broken_config_is_one_error_however_many_files_are_named(cli, tmp_path):
    """pre-commit names every file: the same config error was printed and counted per file."""
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "c.txt"):
        (tmp_path / "sub" / name).write_text("ठीक है।\n", encoding="utf-8")
    (tmp_path / "sub" / "newslint.toml").write_text("select = 3\n", encoding="utf-8")
    for command in ("check", "fix"):
        result = cli(command, "sub/b.txt", "sub/c.txt", cwd=tmp_path)
        assert result.returncode == 2
        assert result.stderr.decode().count("newslint: error:") == 1, result.stderr.decode()
        assert result.stdout.decode().splitlines()[-1] == "No findings in 0 files; 1 input error (see the errors)."


def test_the_summary_mentions_input_errors_next_to_findings(cli, tmp_path):
    (tmp_path / "a.txt").write_text("यह  पंक्ति है।\n", encoding="utf-8")
    result = cli("check", "--select", "TY107", "a.txt", "missing.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout.decode().splitlines()[-1] == (
        "Found 1 finding in 1 file: 1 warning (1 fixable with `newslint fix`); 1 input error (see the errors).")


def test_quiet_says_nothing_when_all_is_clear_and_the_summary_when_inputs_failed(cli, tmp_path):
    (tmp_path / "a.txt").write_text("ठीक है।\n", encoding="utf-8")
    clear = cli("check", "-q", "--select", "TY107", "a.txt", cwd=tmp_path)
    assert clear.returncode == 0 and clear.stdout == b""  # it printed an empty line
    failed = cli("check", "-q", "--select", "TY107", "a.txt", "missing.txt", cwd=tmp_path)
    assert failed.returncode == 2
    assert failed.stdout.decode() == "No findings in 1 file; 1 input error (see the errors).\n"


def test_output_is_utf8_whatever_the_locale(cli, tmp_path):
    """In a C locale (a bare container, cron, LC_ALL=C) or with PYTHONIOENCODING=ascii, Python
    writes the standard streams in ASCII: the first Hindi letter of any report was a traceback."""
    (tmp_path / "a.txt").write_text("वे  वहां थें।\n", encoding="utf-8")
    for env in ({"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}, {"PYTHONIOENCODING": "ascii"}):
        human = cli("check", "--select", "TY107,SP101", "a.txt", cwd=tmp_path, env=env)
        assert human.returncode == 1 and b"Traceback" not in human.stderr
        assert "“थें”".encode("utf-8") in human.stdout
        machine = cli("check", "--format", "json", "--select", "TY107,SP101", "a.txt", cwd=tmp_path, env=env)
        assert [f["text"] for f in json_findings(machine)] == ["  ", "थें"]
        typed = cli("fix", "-i", "--select", "TY107", "a.txt", cwd=tmp_path, env=env, stdin="e\n - \n".encode("utf-8"))
        assert typed.returncode == 0 and (tmp_path / "a.txt").read_text(encoding="utf-8") == "वे - वहां थें।\n"
        (tmp_path / "a.txt").write_text("वे  वहां थें।\n", encoding="utf-8")


def test_the_report_is_never_written_over_an_article_being_checked(cli, tmp_path):
    (tmp_path / "news.md").write_text("ठीक है।\n", encoding="utf-8")
    for output in ("news.md", "./news.md"):
        result = cli("check", "-o", output, cwd=tmp_path)
        assert result.returncode == 2 and b"is one of the articles being checked" in result.stderr
        assert (tmp_path / "news.md").read_text(encoding="utf-8") == "ठीक है।\n"
    elsewhere = cli("check", "-o", "report.txt", "news.md", cwd=tmp_path)
    assert elsewhere.returncode == 0 and (tmp_path / "report.txt").exists()


def test_a_symlink_loop_is_one_error_and_the_other_files_are_fixed(cli, tmp_path):
    """Path.resolve() raises RuntimeError (not OSError) on a loop: a traceback, exit 1, and no
    other file fixed (helper-16)."""
    (tmp_path / "sl").mkdir()
    (tmp_path / "sl" / "good.txt").write_text("यह  पंक्ति है।\n", encoding="utf-8")
    (tmp_path / "sl" / "loop.md").symlink_to("loop.md")
    (tmp_path / "newslint.toml").write_text('exclude = ["drafts"]\n', encoding="utf-8")  # is_excluded resolves too
    result = cli("fix", "--select", "TY107", "sl", cwd=tmp_path)
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    assert result.stderr.count(b"newslint: error:") == 1 and b"loop.md" in result.stderr
    assert (tmp_path / "sl" / "good.txt").read_text(encoding="utf-8") == "यह पंक्ति है।\n"


def test_a_fifo_beside_a_link_that_cannot_be_followed_is_passed_over(cli, tmp_path):
    """A link that cannot be followed made the folder's listing count every name as a regular
    file, and the FIFO beside it was opened: the run waited forever (helper-16)."""
    folder = tmp_path / "sp"
    folder.mkdir()
    os.mkfifo(folder / "ff.txt")
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "ok.txt").write_text("ठीक है।\n", encoding="utf-8")
    result = cli("check", "--select", "TY107", "sp", cwd=tmp_path)  # run_cli's timeout: a hang fails
    assert result.returncode == 2 and b"loop.txt" in result.stderr and b"ff.txt" not in result.stderr


def test_hard_links_to_one_file_are_fixed_once(cli, tmp_path):
    (tmp_path / "a.txt").write_text("यह  पंक्ति है।\n", encoding="utf-8")
    os.link(tmp_path / "a.txt", tmp_path / "b.txt")
    result = cli("fix", "--select", "TY107", "a.txt", "b.txt", cwd=tmp_path)
    assert b"Fixed 1 finding." in result.stderr, result.stderr


def test_closed_standard_streams_are_not_errors(tmp_path):
    """`2>&-` made a successful fix exit 2 (sys.stderr is None); `<&-` was an internal error."""
    (tmp_path / "a.txt").write_text("यह  पंक्ति है।\n", encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1", "NEWSLINT_SERVER": "off"}
    launcher = [sys.executable, "-c", "from newslint.launcher import main; main()"]
    fixed = subprocess.run([*launcher, "fix", "--select", "TY107", "a.txt"], cwd=tmp_path, env=env,
                           stdout=subprocess.DEVNULL, stderr=None, close_fds=True, timeout=60,
                           preexec_fn=lambda: os.close(2))
    assert fixed.returncode == 0 and (tmp_path / "a.txt").read_text(encoding="utf-8") == "यह पंक्ति है।\n"
    (tmp_path / "a.txt").write_text("यह  पंक्ति है।\n", encoding="utf-8")
    asked = subprocess.run([*launcher, "fix", "-i", "--select", "TY107", "a.txt"], cwd=tmp_path, env=env,
                           capture_output=True, timeout=60, preexec_fn=lambda: os.close(0))
    assert asked.returncode == 0 and b"internal error" not in asked.stderr  # no answer: quits, saves nothing
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "यह  पंक्ति है।\n"


def test_a_non_blocking_stdout_gets_the_whole_report(tmp_path):
    """A non-blocking stdout (shared with a Node-based CI tool) takes only what fits in the pipe;
    with PYTHONUNBUFFERED=1 the rest of the report was dropped without a word (helper-16)."""
    import fcntl
    import threading
    import time

    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(40):
        (folder / f"{n:02d}.txt").write_text("यह  पंक्ति है।  वह  भी।\n" * 40, encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1", "NEWSLINT_SERVER": "off", "PYTHONUNBUFFERED": "1"}
    args = [sys.executable, "-m", "newslint", "check", "--select", "TY107", "--jobs", "1", "many"]
    expected = subprocess.run(args, cwd=tmp_path, env=env, capture_output=True, timeout=120).stdout
    assert len(expected) > 200_000  # several times what a pipe holds
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, fcntl.F_SETFL, fcntl.fcntl(write_end, fcntl.F_GETFL) | os.O_NONBLOCK)
    received = []

    def read_later():
        time.sleep(1.0)  # the pipe fills up before anyone reads it
        with os.fdopen(read_end, "rb") as pipe:
            received.append(pipe.read())

    reader = threading.Thread(target=read_later)
    reader.start()
    proc = subprocess.run(args, cwd=tmp_path, env=env, stdout=write_end, stderr=subprocess.PIPE, timeout=120)
    os.close(write_end)
    reader.join(timeout=60)
    assert proc.returncode == 0, proc.stderr  # warnings only
    assert received[0] == expected


def test_a_reader_that_goes_away_leaves_the_runs_exit_code(tmp_path):
    """`newslint check --exit-zero … | head -1` exited 1 ("findings") when head went away: click
    caught the broken pipe. The exit code is the run's (helper-16)."""
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(40):
        (folder / f"{n:02d}.txt").write_text("यह  पंक्ति है।  वह  भी।\n" * 150, encoding="utf-8")  # > a pipe's 64 KiB
    # buffered, as stdout usually is (PYTHONUNBUFFERED takes another path through the io stack)
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}, "NO_COLOR": "1", "NEWSLINT_SERVER": "off"}
    for extra, code in ((["--exit-zero", "--select", "TY107,SP101"], 0), (["--select", "TY107"], 0),
                        (["--select", "TY107", "--fail-on", "warning"], 1)):
        proc = subprocess.Popen([sys.executable, "-m", "newslint", "check", *extra, "many"], cwd=tmp_path, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert proc.stdout.readline().startswith(b"many/00.txt:")
        proc.stdout.close()  # the reader goes away, as head does
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == code, (extra, err)
        assert b"Traceback" not in err


def test_a_deleted_working_folder_is_said_plainly(tmp_path):
    gone = tmp_path / "gone"
    gone.mkdir()
    script = (f"import os; os.chdir({str(gone)!r}); os.rmdir({str(gone)!r}); "
              "from newslint.launcher import main; main()")
    env = {**os.environ, "NO_COLOR": "1", "NEWSLINT_SERVER": "off"}
    result = subprocess.run([sys.executable, "-c", script, "check", str(tmp_path / "x.txt")], env=env,
                            capture_output=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.decode() == ("newslint: error: the working folder no longer exists (was it deleted?); "
                                      "run newslint from a folder that does\n")
