"""`--jobs N`: the same output, byte for byte, whatever the number of worker processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newslint import runner

REPO = Path(__file__).resolve().parent.parent
TWO_SPACES = "यह  पंक्ति है।\n"


def make_tree(root: Path) -> Path:
    """About 40 articles in nested folders, with slips, a broken file and an empty folder."""
    news = root / "news"
    sources = sorted((REPO / "devset").rglob("*.txt")) + sorted((REPO / "examples").rglob("*.txt"))
    for i, source in enumerate(sources[:36]):
        folder = news / f"desk{i % 4}"
        folder.mkdir(parents=True, exist_ok=True)
        text = source.read_text(encoding="utf-8")
        if i % 3 == 0:
            text = text.replace(" ", "  ", 5)
        suffix = ".md" if i % 5 == 0 else ".txt"
        (folder / f"{i:02d}-{source.stem}{suffix}").write_text(text, encoding="utf-8")
    (news / "desk1" / "broken.txt").write_bytes(b"ok \xff broken\n")
    (news / "desk2" / "crlf.txt").write_bytes("पहली  पंक्ति है।\r\nदूसरी  पंक्ति है।\r\nतीसरी  पंक्ति है।\r\n".encode())
    (root / "empty").mkdir()
    return news


def run(cli, tmp_path, *args, stdin=None):
    result = cli(*args, cwd=tmp_path, stdin=stdin)
    return result.returncode, result.stdout, result.stderr


@pytest.mark.parametrize("fmt", ["concise", "full", "json", "sarif", "github", "gitlab"])
def test_check_output_is_identical_with_two_jobs(cli, tmp_path, fmt):
    make_tree(tmp_path)
    args = ["check", "--format", fmt, "news", "empty", "missing.txt", "-", "--stdin-filename", "piped.txt"]
    one = run(cli, tmp_path, *args, "--jobs", "1", stdin=TWO_SPACES.encode())
    two = run(cli, tmp_path, *args, "--jobs", "2", stdin=TWO_SPACES.encode())
    assert one[0] == 2  # the broken file and the missing path
    assert b"broken.txt" in one[2] and b"missing.txt" in one[2] and b"note: empty" in one[2]
    assert one == two


def test_default_jobs_output_is_the_same_too(cli, tmp_path):
    make_tree(tmp_path)
    assert run(cli, tmp_path, "check", "--format", "json", "news") == run(cli, tmp_path, "check", "--format", "json", "news", "-j", "1")


def test_fix_with_two_jobs_writes_and_prints_the_same(cli, tmp_path):
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        make_tree(tmp_path / name)
    one = run(cli, tmp_path / "one", "fix", "news", "--jobs", "1")
    two = run(cli, tmp_path / "two", "fix", "news", "--jobs", "2")
    assert one == two
    assert b"Fixed" in one[2]
    files_one = {p.relative_to(tmp_path / "one"): p.read_bytes() for p in (tmp_path / "one").rglob("*") if p.is_file()}
    files_two = {p.relative_to(tmp_path / "two"): p.read_bytes() for p in (tmp_path / "two").rglob("*") if p.is_file()}
    assert files_one == files_two
    crlf = (tmp_path / "two" / "news" / "desk2" / "crlf.txt").read_bytes()
    assert b"  " not in crlf and crlf.count(b"\r\n") == 3 and b"\n" not in crlf.replace(b"\r\n", b"")


def test_fix_diff_with_two_jobs_is_the_same(cli, tmp_path):
    make_tree(tmp_path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    one = run(cli, tmp_path, "fix", "--diff", "news", "--jobs", "1")
    two = run(cli, tmp_path, "fix", "--diff", "news", "--jobs", "2")
    assert one == two and b"+++ b/news/desk2/crlf.txt" in one[1]
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


def test_effective_jobs():
    cores = runner.default_jobs()
    assert runner.effective_jobs(None, 3) == 1  # a handful of files: no pool
    assert runner.effective_jobs(None, runner.PARALLEL_MIN_FILES + 1) == cores
    assert runner.effective_jobs(0, 100) == cores
    assert runner.effective_jobs(4, 2) == 2  # never more workers than files
    assert runner.effective_jobs(1, 100) == 1


def test_jobs_must_not_be_negative(cli, tmp_path):
    assert cli("check", "--jobs", "-1", ".", cwd=tmp_path).returncode == 2


# -- progress -------------------------------------------------------------------------------------

def test_no_progress_when_stderr_is_not_a_terminal(cli, tmp_path):
    make_tree(tmp_path)
    result = cli("check", "news", cwd=tmp_path, env={"NEWSLINT_PROGRESS_DELAY": "0"})
    assert b"\r" not in result.stderr


def test_progress_can_be_forced_and_is_cleared(cli, tmp_path):
    make_tree(tmp_path)
    result = cli("check", "--progress", "--jobs", "2", "news", cwd=tmp_path)
    err = result.stderr.decode()
    total = sum(1 for _ in (tmp_path / "news").rglob("*.*"))
    assert f"\rnewslint: {total}/{total} files" in err
    assert err.count("\r") >= 2  # drawn, then wiped before anything else is printed
    plain = cli("check", "--jobs", "2", "news", cwd=tmp_path)
    assert result.stdout == plain.stdout


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_progress_on_a_terminal(tmp_path):
    make_tree(tmp_path)
    master, slave = os.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "newslint", "check", "--jobs", "1", "news"],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=slave,
            env={**os.environ, "NO_COLOR": "1", "NEWSLINT_PROGRESS_DELAY": "0"},
            timeout=120,
        )
        os.close(slave)
        slave = -1
        seen = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        if slave != -1:
            os.close(slave)
        os.close(master)
    assert proc.returncode == 2
    total = sum(1 for _ in (tmp_path / "news").rglob("*.*"))
    assert b"\rnewslint: " in seen and f"{total}/{total} files".encode() in seen
    assert b"\r" not in proc.stdout


def test_progress_counter_unit():
    import io

    class Tty(io.StringIO):
        def isatty(self):
            return True

    stream = Tty()
    progress = runner.Progress(3, None, stream)
    progress.delay = 0
    for _ in range(3):
        progress.advance()
    progress.clear()
    text = stream.getvalue()
    assert text.startswith("\rnewslint: 1/3 files") and "3/3 files" in text and text.endswith("\r")
    quiet = runner.Progress(3, None, io.StringIO())  # not a terminal
    quiet.advance()
    assert not quiet.shown


def test_tree_is_big_enough_for_the_pool(tmp_path):
    news = make_tree(tmp_path)
    assert sum(1 for _ in news.rglob("*.*")) > 2 * runner.PARALLEL_MIN_FILES


def test_fix_names_each_file_once(cli, tmp_path):
    """A file named twice (or through a symlink) is fixed once: no race between two workers."""
    news = make_tree(tmp_path)
    first = sorted(news.rglob("*.txt"))[0]
    (tmp_path / "alias.txt").symlink_to(first)
    for jobs in ("1", "2"):
        result = cli("fix", "--jobs", jobs, "news", str(first.relative_to(tmp_path)), "alias.txt", cwd=tmp_path)
        assert b"changed while newslint was fixing" not in result.stderr
        assert result.returncode in (0, 1, 2)
        assert result.stderr.count(b"newslint: error:") == 1  # only the broken file
