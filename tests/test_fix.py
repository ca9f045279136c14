"""`newslint fix`: what it changes, what it never touches, and how it writes."""

from __future__ import annotations

import codecs
import os
import random
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.fixer import (
    FileChanged,
    NotWritable,
    apply_fixes,
    choose,
    fix_until_stable,
    with_newlines,
    write_atomically,
)
from newslint.rule import Finding, Suggestion
from newslint.source import read_source
from nl_testing import run_with_stderr_on_a_terminal

TWO_SPACES = "यह  पंक्ति   है।\n"
FIXED = "यह पंक्ति है।\n"


def finding(start, end, *suggestions, code="TY999"):
    return Finding(code, "test-rule", "typography", "warning", start, end, f"{code} at {start}", list(suggestions))


def safe(text):
    return Suggestion(text, safe=True)


def unsafe(text):
    return Suggestion(text, safe=False)


# -- the command ------------------------------------------------------------------------------------

def test_fix_applies_safe_fixes_and_reports_what_is_left(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TWO_SPACES * 2, encoding="utf-8")
    result = cli("fix", "--select", "TY107", "a.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert path.read_text(encoding="utf-8") == FIXED * 2
    assert b"Fixed 4 findings." in result.stderr
    assert "All clear" in result.stdout.decode()


def test_second_run_changes_nothing(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TWO_SPACES, encoding="utf-8")
    cli("fix", "--select", "TY107", "a.txt", cwd=tmp_path)
    before = path.read_bytes()
    inode = path.stat().st_ino
    again = cli("fix", "--select", "TY107", "a.txt", cwd=tmp_path)
    assert again.returncode == 0
    assert b"Fixed 0 findings." in again.stderr
    assert path.read_bytes() == before
    assert path.stat().st_ino == inode  # not even rewritten


def test_select_and_ignore(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TWO_SPACES, encoding="utf-8")
    result = cli("fix", "--select", "TY107", "--ignore", "typography", "a.txt", cwd=tmp_path)
    assert result.returncode == 0
    assert path.read_text(encoding="utf-8") == TWO_SPACES
    result = cli("fix", "--select", "typography", "a.txt", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == FIXED


def test_diff_prints_a_patch_and_writes_nothing(cli, tmp_path):
    path = tmp_path / "a.txt"
    original = "पहली पंक्ति\r\n" + TWO_SPACES.replace("\n", "\r\n") + "आखिरी  पंक्ति"
    path.write_bytes(original.encode("utf-8"))
    result = cli("fix", "--diff", "--select", "TY107", "a.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert path.read_bytes() == original.encode("utf-8")
    patch = result.stdout
    assert patch.startswith(b"--- a/a.txt\n+++ b/a.txt\n")
    assert b"Would fix 3 findings." in result.stderr
    # The patch applies and gives exactly what `fix` writes.
    (tmp_path / "fixed").mkdir()
    fixed = tmp_path / "fixed" / "a.txt"
    fixed.write_bytes(original.encode("utf-8"))
    cli("fix", "--select", "TY107", "a.txt", cwd=tmp_path / "fixed")
    subprocess.run(["patch", "-s", "-p1", "-i", "-"], input=patch, cwd=tmp_path, check=True, capture_output=True)
    assert path.read_bytes() == fixed.read_bytes()
    assert b"\r\n" in fixed.read_bytes()


def test_utf8_bom_and_crlf_are_kept(cli, tmp_path):
    path = tmp_path / "a.txt"
    text = "शीर्षक\r\n\r\n" + TWO_SPACES.replace("\n", "\r\n") * 3
    path.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    result = cli("fix", "--select", "TY107", "a.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = path.read_bytes()
    assert data == codecs.BOM_UTF8 + ("शीर्षक\r\n\r\n" + FIXED.replace("\n", "\r\n") * 3).encode("utf-8")
    assert data.count(b"\r\n") == text.count("\r\n") and b"\n" not in data.replace(b"\r\n", b"")


@pytest.mark.parametrize("codec, bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_utf16_stays_utf16(cli, tmp_path, codec, bom):
    path = tmp_path / "a.txt"
    path.write_bytes(bom + TWO_SPACES.replace("\n", "\r\n").encode(codec))
    result = cli("fix", "--select", "TY107", "a.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert path.read_bytes() == bom + FIXED.replace("\n", "\r\n").encode(codec)


def test_old_mac_line_endings_are_kept(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(TWO_SPACES.replace("\n", "\r").encode() * 2)
    cli("fix", "--select", "TY107", "a.txt", cwd=tmp_path)
    assert path.read_bytes() == FIXED.replace("\n", "\r").encode() * 2


def test_write_is_atomic_and_keeps_the_mode(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TWO_SPACES, encoding="utf-8")
    path.chmod(0o640)
    inode = path.stat().st_ino
    result = cli("fix", "--select", "TY107", "a.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.stat().st_ino != inode  # a new file renamed over the old one, not rewritten in place
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]  # no temp file left behind


def test_symlink_is_kept_and_its_target_fixed(cli, tmp_path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "a.txt"
    target.write_text(TWO_SPACES, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    result = cli("fix", "--select", "TY107", "link.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == FIXED


def test_read_only_file_is_not_written(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TWO_SPACES, encoding="utf-8")
    path.chmod(0o444)
    result = cli("fix", "--select", "TY107", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert path.read_text(encoding="utf-8") == TWO_SPACES
    err = result.stderr.decode()
    assert "newslint: error: a.txt: the file is read-only; nothing was written" in err
    assert "Traceback" not in err
    # What is left is reported as found, with the one-line error.
    assert "a.txt:1:3: TY107" in result.stdout.decode()


def test_stdin_fixed_text_goes_to_stdout(cli):
    result = cli("fix", "--select", "TY107", "-", stdin=TWO_SPACES.encode())
    assert result.returncode == 0
    assert result.stdout.decode() == FIXED
    assert b"All clear" in result.stderr


def test_stdin_unchanged_text_still_goes_to_stdout(cli):
    result = cli("fix", "--select", "TY107", "-", stdin=FIXED.encode())
    assert result.returncode == 0 and result.stdout.decode() == FIXED


def test_diff_splits_lines_only_at_line_feeds(cli, tmp_path):
    path = tmp_path / "a.txt"
    original = "पहला\u2028भाग\x0cयह  पंक्ति\nअंत  यहाँ"
    path.write_text(original, encoding="utf-8")
    patch = cli("fix", "--diff", "--select", "TY107", "a.txt", cwd=tmp_path).stdout
    assert b"\\ No newline at end of file" in patch
    subprocess.run(["patch", "-s", "-p1", "-i", "-"], input=patch, cwd=tmp_path, check=True, capture_output=True)
    assert path.read_text(encoding="utf-8") == "पहला\u2028भाग\x0cयह पंक्ति\nअंत यहाँ"


def test_diff_of_a_file_with_a_bom_applies_exactly(cli, tmp_path):
    """The BOM is part of the first line for `patch` and `git apply`: a diff without it did not
    apply with git, and with patch only 'with fuzz' (and not at all when line 1 changed)."""
    path = tmp_path / "a.txt"
    original = codecs.BOM_UTF8 + "यह  पहली पंक्ति\nदूसरी पंक्ति\n".encode("utf-8")
    path.write_bytes(original)
    patch = cli("fix", "--diff", "--select", "TY107", "a.txt", cwd=tmp_path).stdout
    done = subprocess.run(["patch", "-p1", "-F0", "-i", "-"], input=patch, cwd=tmp_path, capture_output=True)
    assert done.returncode == 0 and b"fuzz" not in done.stdout, done.stdout
    assert path.read_bytes() == codecs.BOM_UTF8 + "यह पहली पंक्ति\nदूसरी पंक्ति\n".encode("utf-8")


def test_diff_of_a_utf16_file_warns_that_it_cannot_be_applied(cli, tmp_path):
    (tmp_path / "a.txt").write_bytes("यह  पंक्ति\n".encode("utf-16"))
    result = cli("fix", "--diff", "--select", "TY107", "a.txt", cwd=tmp_path)
    assert result.stdout.startswith(b"--- a/a.txt\n") and result.returncode == 0
    assert b"newslint: warning: a.txt is stored in UTF-16-LE: its diff is shown in UTF-8" in result.stderr


def test_one_bad_file_does_not_stop_the_others(cli, tmp_path):
    (tmp_path / "a.txt").write_text(TWO_SPACES, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"ok \xff\xfd broken")
    (tmp_path / "c.txt").write_text(TWO_SPACES, encoding="utf-8")
    result = cli("fix", "--select", "TY107", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == FIXED
    assert (tmp_path / "c.txt").read_text(encoding="utf-8") == FIXED
    assert (tmp_path / "b.txt").read_bytes() == b"ok \xff\xfd broken"


def _rule_with_a_failing_example(fixable: tuple[str, ...]):
    """A default rule whose fixes are not all safe, with the FAIL example from its docstring."""
    from newslint.registry import all_rules

    for rule in all_rules():
        if rule.fixable not in fixable or not rule.default_enabled or rule.code == "NL001":
            continue
        doc = rule.explanation()
        if "FAIL::" not in doc:
            continue
        block = doc.split("FAIL::", 1)[1].split("\n\n", 2)
        if len(block) < 2:
            continue
        example = "\n".join(line.strip() for line in block[1].splitlines() if line.strip()) + "\n"
        yield rule, example


def test_findings_left_after_fixing_give_check_exit_codes(cli, tmp_path):
    for rule, example in _rule_with_a_failing_example(("no", "unsafe")):
        path = tmp_path / "a.txt"
        path.write_text(example, encoding="utf-8")
        checked = cli("check", "--select", rule.code, "--fail-on", "info", "a.txt", cwd=tmp_path)
        if checked.returncode != 1:
            continue
        result = cli("fix", "--select", rule.code, "--fail-on", "info", "a.txt", cwd=tmp_path)
        assert result.returncode == 1, result.stderr
        assert rule.code in result.stdout.decode()
        assert cli("fix", "--select", rule.code, "--fail-on", "info", "--exit-zero", "a.txt", cwd=tmp_path).returncode == 0
        if rule.fixable == "unsafe":
            before = path.read_text(encoding="utf-8")
            cli("fix", "--unsafe", "--select", rule.code, "a.txt", cwd=tmp_path)
            assert path.read_text(encoding="utf-8") != before
        return
    pytest.skip("no rule with findings that `fix` leaves alone")


# -- choosing and applying ------------------------------------------------------------------------

def test_choose_prefers_safe_and_unsafe_only_when_asked():
    text = "abc"
    f = finding(0, 1, unsafe("x"), safe("y"))
    assert choose(f, unsafe=False, text=text).replacement == "y"
    f = finding(0, 1, unsafe("x"), unsafe("z"))
    assert choose(f, unsafe=False, text=text) is None
    assert choose(f, unsafe=True, text=text).replacement == "x"


def test_guidance_suggestion_is_never_a_fix():
    text = "अब यह ठीक है"
    guidance = finding(3, 5, Suggestion("यह", safe=True, note="keep it if it is a name"))
    assert apply_fixes(text, [guidance], unsafe=True) == (text, [])
    run = fix_until_stable(text, lambda t: [guidance], unsafe=True)
    assert run.text == text and run.applied == [] and run.converged
    # Guidance first does not hide a real fix behind it.
    both = finding(3, 5, Suggestion("यह", safe=True), Suggestion("वह", safe=True))
    new, applied = apply_fixes(text, [both])
    assert new == "अब वह ठीक है" and len(applied) == 1


def test_overlapping_fixes_are_resolved_the_same_way_in_any_order():
    text = "0123456789"
    findings = [
        finding(2, 6, safe("L"), code="TY100"),
        finding(2, 4, safe("s"), code="TY200"),  # same start, shorter: wins
        finding(3, 5, safe("o"), code="TY050"),  # overlaps the winner: next pass
        finding(6, 6, safe("+"), code="TY300"),  # insertion
        finding(6, 6, safe("-"), code="TY301"),  # a second insertion at the same point: next pass
        finding(6, 8, safe("R"), code="TY400"),  # starts where the insertion is: fine
        finding(9, 10, safe("9"), code="TY500"),  # guidance only
    ]
    results = set()
    rng = random.Random(7)
    for _ in range(20):
        rng.shuffle(findings)
        new, applied = apply_fixes(text, findings)
        results.add((new, tuple(a.finding.code for a in applied)))
    assert results == {("01s45+R89", ("TY200", "TY300", "TY400"))}


def test_fix_never_splits_a_crlf_pair_and_writes_the_files_line_breaks():
    text = "अ\r\nब"
    assert apply_fixes(text, [finding(1, 2, safe(""))], newline="\r\n")[0] == text
    assert apply_fixes(text, [finding(2, 3, safe(""))], newline="\r\n")[0] == text
    new, _ = apply_fixes(text, [finding(1, 3, safe("\n\n"))], newline="\r\n")
    assert new == "अ\r\n\r\nब"
    assert with_newlines("a\nb\r\nc\rd", "\r\n") == "a\r\nb\r\nc\r\nd"


def test_passes_repeat_until_stable():
    # Each pass collapses one pair of spaces; the loop goes on until nothing is left to do.
    def lint(text):
        at = text.find("  ")
        return [finding(at, at + 2, safe(" "))] if at != -1 else []

    run = fix_until_stable("a" + " " * 6 + "b", lint)
    assert run.text == "a b" and run.converged and len(run.applied) == 5


def test_rules_that_undo_each_other_stop_and_are_named():
    def lint(text):
        if "x" in text:
            return [finding(text.index("x"), text.index("x") + 1, safe("y"), code="TY001")]
        return [finding(text.index("y"), text.index("y") + 1, safe("x"), code="TY002")]

    run = fix_until_stable("ax", lint)
    assert run.text == "ay"
    assert not run.converged and run.unsettled == ["TY002"]


def test_unsettled_fixes_are_reported_not_looped(tmp_path, monkeypatch):
    """Through the command: a warning names the rules, the exit code is unaffected."""
    import newslint.fixer as fixer

    calls = {"n": 0}
    original = fixer.fix_until_stable

    def flaky(text, lint, *args, **kwargs):
        calls["n"] += 1
        run = original(text, lint, *args, **kwargs)
        run.unsettled = ["TY107"]
        return run

    monkeypatch.setattr(fixer, "fix_until_stable", flaky)
    path = tmp_path / "a.txt"
    path.write_text(TWO_SPACES, encoding="utf-8")
    from newslint.report import Style
    from newslint.runner import RunOptions

    code = fixer.run_fix(RunOptions(paths=[str(path)], select=["TY107"], jobs=1), unsafe=False, diff=False,
                         interactive=False, quiet=True, exit_zero=False, style=Style(False))
    assert code == 0 and calls["n"] == 1
    assert path.read_text(encoding="utf-8") == FIXED


# -- writing -----------------------------------------------------------------------------------------

def _sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def test_refuses_to_write_when_the_file_changed_since_it_was_read(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")
    read_fingerprint = _sha(b"old")
    path.write_bytes(b"an editor saved this meanwhile")
    with pytest.raises(FileChanged):
        write_atomically(path, b"fixed", read_fingerprint)
    assert path.read_bytes() == b"an editor saved this meanwhile"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_refuses_read_only_and_keeps_mode(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")
    path.chmod(0o444)
    with pytest.raises(NotWritable):
        write_atomically(path, b"new", _sha(b"old"))
    path.chmod(0o604)
    write_atomically(path, b"new", _sha(b"old"))
    assert path.read_bytes() == b"new" and stat.S_IMODE(path.stat().st_mode) == 0o604


def test_failed_write_leaves_the_file_and_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomically(path, b"new", _sha(b"old"))
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_python_api_fix_text_still_works():
    from newslint.api import fix_text

    assert fix_text(TWO_SPACES, select=["TY107"]) == FIXED


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__]))


def test_write_refuses_a_source_read_without_a_fingerprint(tmp_path):
    """`check` reads files without fingerprinting them (it never writes); a fix must never be
    written on the strength of such a read."""
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")
    with pytest.raises(ValueError, match="without a fingerprint"):
        write_atomically(path, b"fixed", "")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_only_a_linter_that_may_write_fingerprints_what_it_reads(tmp_path):
    from newslint.config import ConfigResolver
    from newslint.engine import Linter

    path = tmp_path / "a.txt"
    path.write_bytes("पहली  पंक्ति\n".encode("utf-8"))
    linter = Linter(ConfigResolver(cwd=tmp_path))
    assert linter.lint_path(path).source.fingerprint == _sha(path.read_bytes())  # fix, the API
    linter.fingerprints = False  # check
    assert linter.lint_path(path).source.fingerprint == ""


def test_check_reads_without_fingerprints_everywhere(tmp_path, monkeypatch):
    """`check` asks for no fingerprints through its RunOptions, so that a spawned worker (which
    makes its own linter from them) and stdin skip the hash too; `fix` keeps the default."""
    import io

    from newslint import cli, runner

    seen = {}

    def capture(options, **kwargs):
        seen["options"] = options
        return 0

    monkeypatch.setattr(runner, "run_check", capture)
    with pytest.raises(SystemExit):
        cli.main(["check", str(tmp_path)])
    options = seen["options"]
    assert options.fingerprints is False
    linter = runner.make_linter(options)
    path = tmp_path / "a.txt"
    path.write_bytes("पहली  पंक्ति\n".encode("utf-8"))
    assert linter.lint_path(path).source.fingerprint == ""
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(path.read_bytes()), encoding="utf-8"))
    assert linter.lint_stdin("-").source.fingerprint == ""
    assert runner.make_linter(runner.RunOptions(paths=[str(path)])).lint_path(path).source.fingerprint == _sha(path.read_bytes())


@pytest.mark.parametrize(
    "text",
    [
        "नई दिल्ली, 12 जनवरी 2025: राम आज बाजार गया और सब्जियां खरीदीं।\n",
        "नई दिल्ली, 12 जनवरी 2025: राम शनिवार को बाजार गया।\n",
        "नई दिल्ली, 12 जनवरी 2025: राम अगले हफ्ते बाजार जाएगा और अगले महीने लौटेगा।\n",
        "---\ndate: 2025-01-12\n---\nराम पिछले सोमवार को आया।\n",
        "नई दिल्ली, 12 जनवरी 2025: अगले साल चुनाव होंगे।\n",
    ],
)
def test_unsafe_date_suggestions_settle_in_one_pass(tmp_path, text):
    """DT102's suggestion writes the date in brackets after the reference; a reference so dated
    is placed on the calendar and not reported again (it once was, ten times over)."""
    from newslint import fixer
    from newslint.report import Style
    from newslint.runner import RunOptions

    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    code = fixer.run_fix(RunOptions(paths=[str(path)], select=["DT102"], jobs=1), unsafe=True, diff=False,
                         interactive=False, quiet=True, exit_zero=False, style=Style(False))
    fixed = path.read_text(encoding="utf-8")
    assert code == 0 and fixed != text and fixed.count("(") == text.count("(") + (2 if "अगले महीने" in text else 1)
    again = fixer.run_fix(RunOptions(paths=[str(path)], select=["DT102"], jobs=1), unsafe=True, diff=False,
                          interactive=False, quiet=True, exit_zero=False, style=Style(False))
    assert again == 0 and path.read_text(encoding="utf-8") == fixed  # nothing left to do


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_diff_colours_what_goes_to_a_terminal_on_stderr(tmp_path):
    """With --diff the report (and --interactive's questions) go to stderr: its colours follow
    stderr, not stdout, which is the patch (redirected to a file, it left the terminal plain)."""
    (tmp_path / "a.txt").write_text(TWO_SPACES, encoding="utf-8")
    proc, seen = run_with_stderr_on_a_terminal("fix", "--diff", "--select", "TY107,DT101", "a.txt", cwd=tmp_path,
                                               env={k: v for k, v in os.environ.items() if k != "NO_COLOR"})
    assert proc.stdout.startswith(b"--- a/a.txt") and b"\x1b[" not in proc.stdout
    assert b"\x1b[" in seen and b"DT101" in seen


def test_fix_says_which_fixable_findings_went_with_deleted_text(cli, tmp_path):
    """check counts a slip inside a 'ये भी पढ़ें' line as fixable; fix deletes the line and the
    slip with it: 'Fixed 1 finding' left one of check's 2 fixable unexplained."""
    (tmp_path / "a.txt").write_text("मुख्य खबर यहां है।\n\nइसे भी पढें: दूसरी खबर का शीर्षक\n\nआखिरी पंक्ति।\n", encoding="utf-8")
    checked = cli("check", "--select", "ST105,SP101", "a.txt", cwd=tmp_path)
    assert b"(2 fixable with `newslint fix`)" in checked.stdout
    diff = cli("fix", "--diff", "--select", "ST105,SP101", "a.txt", cwd=tmp_path)
    assert b"Would fix 1 finding (and 1 more would go with text another fix removes)." in diff.stderr
    fixed = cli("fix", "--select", "ST105,SP101", "a.txt", cwd=tmp_path)
    assert b"Fixed 1 finding (and 1 more went with text another fix removed)." in fixed.stderr
    assert "पढें" not in (tmp_path / "a.txt").read_text(encoding="utf-8")


def test_fixing_stdin_keeps_its_codec_and_bom(cli, tmp_path):
    """`cat story.txt | newslint fix - > fixed.txt` wrote UTF-8 without the BOM, whatever came in
    (helper-16); the file fixed in place keeps both."""
    for data, codec in ((codecs.BOM_UTF8 + "वे  वहां।\n".encode("utf-8"), "utf-8-sig"),
                        ("वे  वहां।\r\n".encode("utf-16"), "utf-16")):
        result = cli("fix", "--select", "TY107", "-", cwd=tmp_path, stdin=data)
        assert result.stdout[:2] == data[:2]  # the BOM
        assert result.stdout.decode(codec) == data.decode(codec).replace("  ", " ")
        (tmp_path / "a.txt").write_bytes(data)
        cli("fix", "--select", "TY107", "a.txt", cwd=tmp_path)
        assert (tmp_path / "a.txt").read_bytes() == result.stdout


def test_fix_keeps_extended_attributes(cli, tmp_path):
    """ACLs live in extended attributes on Linux: the new file lost them, and the ACL's mask
    turned into group write permission (helper-16)."""
    path = tmp_path / "a.txt"
    path.write_text(TWO_SPACES, encoding="utf-8")
    try:
        os.setxattr(path, "user.newsroom", b"desk-7")
    except (OSError, AttributeError):
        pytest.skip("no user extended attributes on this file system")
    cli("fix", "--select", "TY107", "a.txt", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == FIXED
    assert os.getxattr(path, "user.newsroom") == b"desk-7"


def test_write_refuses_a_file_the_user_may_not_write(tmp_path, monkeypatch):
    """In a folder anyone may write, someone else's 0644 file was replaced by one of ours: the
    rename needs only the folder's permission (helper-16). (os.access stands in for another user:
    the suite runs as root, who may write anything.)"""
    path = tmp_path / "a.txt"
    path.write_text(TWO_SPACES, encoding="utf-8")
    source = read_source(path)
    monkeypatch.setattr(os, "access", lambda target, mode: False)
    with pytest.raises(NotWritable, match="you may not write this file"):
        write_atomically(path, FIXED.encode("utf-8"), source.fingerprint)
    assert path.read_text(encoding="utf-8") == TWO_SPACES


def test_write_keeps_the_group_when_the_owner_cannot_be_kept(tmp_path, monkeypatch):
    """A group-shared file (root:staff 0664) fixed by another member of staff came out theirs,
    in their own group: the group lost write access. Giving the file away is not allowed to a
    user; keeping its group is, and is tried."""
    path = tmp_path / "a.txt"
    path.write_text(TWO_SPACES, encoding="utf-8")
    source = read_source(path)
    real_stat, calls = os.stat, []
    owner = real_stat(path)

    def stat_as_if_theirs(target, *args, **kwargs):
        result = real_stat(target, *args, **kwargs)
        if Path(target) == path:  # the old file: someone else's, group 4242
            values = list(result)
            values[4], values[5] = owner.st_uid + 1, 4242
            return os.stat_result(values)
        return result

    def chown(target, uid, gid):
        calls.append((uid, gid))
        if uid != -1:
            raise PermissionError("not allowed to give a file away")

    monkeypatch.setattr(os, "stat", stat_as_if_theirs)
    monkeypatch.setattr(Path, "stat", lambda self, **kw: stat_as_if_theirs(self))
    monkeypatch.setattr(os, "chown", chown)
    write_atomically(path, FIXED.encode("utf-8"), source.fingerprint)
    assert calls == [(owner.st_uid + 1, 4242), (-1, 4242)]
    assert path.read_text(encoding="utf-8") == FIXED


def test_sigterm_while_writing_leaves_no_temporary_file(tmp_path):
    """SIGTERM's default action ended the process between writing the temporary file and the
    rename, and `.a.txt.….newslint-tmp` stayed in the content folder (helper-16)."""
    import signal
    import time

    path = tmp_path / "a.txt"
    path.write_text(TWO_SPACES, encoding="utf-8")
    slow_disk = ("import os, time; real = os.fsync; os.fsync = lambda fd: (time.sleep(5), real(fd)); "
                 "from newslint.launcher import main; main()")
    env = {**os.environ, "NO_COLOR": "1", "NEWSLINT_SERVER": "off", "NEWSLINT_NO_CACHE": "1"}
    proc = subprocess.Popen([sys.executable, "-c", slow_disk, "fix", "--select", "TY107", "a.txt"], cwd=tmp_path,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while not list(tmp_path.glob(".a.txt.*")) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert list(tmp_path.glob(".a.txt.*")), "the temporary file was never written"
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=30)
    assert proc.returncode in (128 + signal.SIGTERM, -signal.SIGTERM)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
    assert path.read_text(encoding="utf-8") == TWO_SPACES
