"""`--jobs N`: the same output, byte for byte, whatever the number of worker processes."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newslint import runner
from nl_testing import alive, children_of, run_with_stderr_on_a_terminal

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
    assert "\rnewslint " in err and f" {total}/{total} files" in err
    assert err.count("\r") >= 2  # drawn, then wiped before anything else is printed
    plain = cli("check", "--jobs", "2", "news", cwd=tmp_path)
    assert result.stdout == plain.stdout


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_progress_on_a_terminal(tmp_path):
    make_tree(tmp_path)
    proc, seen = run_with_stderr_on_a_terminal("check", "--jobs", "1", "news", cwd=tmp_path,
                                               env={**os.environ, "NO_COLOR": "1", "NEWSLINT_PROGRESS_DELAY": "0"})
    assert proc.returncode == 2
    total = sum(1 for _ in (tmp_path / "news").rglob("*.*"))
    assert b"\rnewslint " in seen and f" {total}/{total} files".encode() in seen
    assert "█".encode() in seen  # a bar, in the terminal's UTF-8
    assert b"\r" not in proc.stdout


class _Tty(io.StringIO):
    def __init__(self, encoding="utf-8"):
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self):
        return self._encoding

    def isatty(self):
        return True


def test_progress_bar_unit():
    stream = _Tty()
    progress = runner.Progress(4, None, stream)
    progress.delay = 0
    for _ in range(4):
        progress.advance()
    progress.clear()
    text = stream.getvalue()
    first = text.split("\r")[1]
    assert first == "newslint " + "█" * 6 + "░" * 18 + " 1/4 files"  # a quarter of 24 cells
    assert "newslint " + "█" * 24 + " 4/4 files" in text
    assert text.endswith("\r" + " " * len(first) + "\r")  # wiped, all of it
    quiet = runner.Progress(3, None, io.StringIO())  # not a terminal
    quiet.advance()
    assert not quiet.shown


def test_progress_bar_time_left_and_width():
    progress = runner.Progress(100, True, _Tty())
    progress.done = 25
    assert progress.line(0.5).endswith(" 25/100 files")  # the pace is not known yet
    assert progress.line(10.0).endswith(" 25/100 files · 30 s left")
    assert progress.line(100.0).endswith(" · 5 min left")
    progress.width = 40
    assert len(progress.line(10.0)) <= 39  # never wraps: \r could not redraw it
    progress.width = 20
    assert progress.line(10.0) == "newslint: 25/100 fi"  # no room for a bar: the count, cut


def test_progress_bar_redraw_covers_a_longer_line():
    stream = _Tty()
    progress = runner.Progress(10, True, stream)
    progress.drawn = 60  # the line before was longer (it had a time left)
    progress.advance()
    drawn = stream.getvalue()
    assert len(drawn) == 1 + 60 and drawn.rstrip().endswith("1/10 files")


def test_progress_bar_without_utf8_uses_ascii():
    stream = _Tty(encoding="ascii")
    progress = runner.Progress(2, True, stream)
    progress.advance()
    assert "#" * 12 + "-" * 12 + " 1/2 files" in stream.getvalue()
    assert progress.line(10.0).endswith(" 1/2 files - 10 s left")  # the time left too (a · there broke it)
    strict = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    drawing = runner.Progress(100, True, strict)
    drawing.started -= 5  # the pace is known: the time left is drawn
    drawing.advance(24)
    strict.flush()
    drawn = strict.buffer.getvalue().decode("ascii")  # writing a · raised UnicodeEncodeError here
    assert drawn.startswith("\rnewslint ") and " 24/100 files - " in drawn and drawn.endswith(" s left")
    drawing.clear()
    strict.flush()
    assert strict.buffer.getvalue().decode("ascii") == drawn + "\r" + " " * (len(drawn) - 1) + "\r"  # all of it wiped


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


# -- the team: this process and forked helpers share the files ------------------------------------

PARENT = os.getpid()


def items_for(tmp_path: Path, count: int) -> tuple[runner.Linter, runner.RunOptions, list]:
    folder = tmp_path / "team"
    folder.mkdir()
    for n in range(count):
        (folder / f"{n:03d}.txt").write_text(f"लेख {n}।\n", encoding="utf-8")
    options = runner.RunOptions(paths=[str(folder)], jobs=2)
    linter = runner.make_linter(options)
    return linter, options, runner.plan(linter, options)


def who_did_it(linter, item):
    import time

    time.sleep(0.01)  # long enough that the helper gets a share
    return item.value, os.getpid()


DONE_HERE: list[str] = []


def dies_in_a_helper(linter, item):
    import signal
    import time

    if os.getpid() != PARENT:
        os.kill(os.getpid(), signal.SIGKILL)
    DONE_HERE.append(item.value)
    time.sleep(0.01)
    return item.value


def big_value(linter, item):
    return item.value, "क" * 1_500_000  # bigger than any pipe buffer: the framing must put it together


def raises_in_a_helper(linter, item):
    import time

    if os.getpid() != PARENT:
        raise ValueError("broken rule")
    time.sleep(0.01)
    return item.value


def collect(linter, options, items, task, jobs=2):
    return [(item, outcome) for item, outcome in runner.run_items(linter, options, items, task, jobs=jobs)]


@pytest.mark.skipif(not runner._can_fork(), reason="the team forks (Linux)")
def test_every_file_is_done_once_in_order_and_this_process_takes_part(tmp_path):
    linter, options, items = items_for(tmp_path, 40)
    done = collect(linter, options, items, who_did_it)
    assert [outcome.value[0] for _, outcome in done] == [item.value for item in items]
    workers = {outcome.value[1] for _, outcome in done}
    assert PARENT in workers and len(workers) == 2
    (helper,) = workers - {PARENT}
    with pytest.raises(ChildProcessError):  # it was waited for: no zombie left
        os.waitpid(helper, os.WNOHANG)


@pytest.mark.skipif(not runner._can_fork(), reason="the team forks (Linux)")
def test_a_helper_that_dies_stops_the_run_with_a_clear_error(tmp_path):
    linter, options, items = items_for(tmp_path, 30)
    before = set(children_of(PARENT, zombies=True))
    DONE_HERE.clear()
    with pytest.raises(runner.InternalError, match=r"a worker process died \(killed by signal 9\); run again with --jobs 1"):
        collect(linter, options, items, dies_in_a_helper)
    assert set(children_of(PARENT, zombies=True)) <= before  # the dead helper was waited for
    assert len(DONE_HERE) < 10  # the run stopped when the helper died, not after this process did the rest


@pytest.mark.skipif(not runner._can_fork(), reason="the team forks (Linux)")
def test_results_bigger_than_a_pipe_come_back_whole(tmp_path):
    linter, options, items = items_for(tmp_path, 12)
    done = collect(linter, options, items, big_value)
    assert [outcome.value[0] for _, outcome in done] == [item.value for item in items]
    assert all(outcome.value[1] == "क" * 1_500_000 for _, outcome in done)


@pytest.mark.skipif(not runner._can_fork(), reason="the team forks (Linux)")
def test_a_bug_in_a_helper_is_reported_like_one_here(tmp_path):
    linter, options, items = items_for(tmp_path, 30)
    outcomes = [outcome for _, outcome in collect(linter, options, items, raises_in_a_helper)]
    internal = [o.value for o in outcomes if o.status == "internal"]
    assert internal and all(": internal error: ValueError: broken rule" in message for message in internal)
    one = [o.status for _, o in collect(linter, options, items, raises_in_a_helper, jobs=1)]
    assert one == ["ok"] * len(one)


def test_without_fork_a_spawned_pool_gives_the_same_results(tmp_path, monkeypatch):
    """macOS and Windows have no safe fork: there a pool of spawned workers does the work."""
    linter, options, items = items_for(tmp_path, 10)
    one = [(i.value, o.value.findings) for i, o in collect(linter, options, items, runner.lint_task, jobs=1)]
    monkeypatch.setattr(runner, "_can_fork", lambda: False)
    monkeypatch.setattr(runner, "_run_team", None)  # it must not be called
    pooled = [(i.value, o.value.findings) for i, o in collect(linter, options, items, runner.lint_task)]
    assert pooled == one and len(one) == 10


SLOW_TEAM = """
import sys, time
from newslint import runner
linter, options, items = None, None, None
folder = sys.argv[1]
options = runner.RunOptions(paths=[folder], jobs=2)
linter = runner.make_linter(options)
items = runner.plan(linter, options)
print("started", flush=True)
for item, outcome in runner.run_items(linter, options, items, lambda linter, item: time.sleep(0.1)):
    pass
print("finished", flush=True)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the team forks; /proc")
@pytest.mark.parametrize("how", ["SIGINT", "SIGTERM"])
def test_helpers_end_with_the_run_when_it_is_stopped(tmp_path, how):
    import signal
    import time

    folder = tmp_path / "slow"
    folder.mkdir()
    for n in range(200):
        (folder / f"{n:03d}.txt").write_text("लेख।\n", encoding="utf-8")
    # SIGINT as from a terminal, even when the tests run in a background shell (which ignores it).
    process = subprocess.Popen([sys.executable, "-c", SLOW_TEAM, str(folder)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert process.stdout.readline() == b"started\n"
    deadline = time.monotonic() + 10
    while not (helpers := children_of(process.pid)) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert len(helpers) == 1
    process.send_signal(getattr(signal, how))
    assert process.wait(timeout=10) != 0  # not communicate(): a live helper holds the pipes open
    # A helper's chunk (12 files here) takes over a second: it must not finish it.
    deadline = time.monotonic() + 0.4
    while alive(helpers[0]) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not alive(helpers[0]), "the helper went on after the run was stopped"
    out, err = process.communicate(timeout=10)
    assert b"finished" not in out
    assert b"worker process failed" not in err


def test_chunks_cover_the_work_in_order_and_shrink_towards_the_end():
    for count in (2, 9, 40, 1811):
        work = list(range(count))
        chunks = runner._chunks(work, 2)
        assert [n for chunk in chunks for n in chunk] == work
        sizes = [len(chunk) for chunk in chunks]
        assert max(sizes) <= 16 and sizes == sorted(sizes, reverse=True) and sizes[-1] == 1
    assert len(runner._chunks(list(range(1811)), 2)[0]) == 16  # few messages while there is much left


def test_the_queue_fits_its_pipe_however_small(monkeypatch):
    """Past `pipe-user-pages-soft` Linux gives a new pipe one page: the queue is filled before
    anyone reads it, so the chunks are merged until their numbers fit, instead of hanging."""
    monkeypatch.setattr(runner, "_pipe_size", lambda fd: 4096)
    work = list(range(20_000))
    queue, chunks = runner._fill_queue([[n] for n in work])
    try:
        assert len(chunks) <= 1024 and [n for chunk in chunks for n in chunk] == work
        numbers = []
        while (number := runner._next_chunk(queue)) is not None:
            numbers.append(number)
        assert numbers == list(range(len(chunks)))
    finally:
        os.close(queue)


def _open_fds() -> set[str]:
    return set(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not runner._can_fork(), reason="the team forks (Linux)")
def test_when_fork_is_refused_this_process_does_the_work(tmp_path, monkeypatch):
    linter, options, items = items_for(tmp_path, 12)
    one = [o.value for _, o in collect(linter, options, items, runner.lint_task, jobs=1)]

    def refused():
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refused)
    before = _open_fds()
    two = [o.value for _, o in collect(linter, options, items, runner.lint_task)]
    assert [r.findings for r in two] == [r.findings for r in one]
    assert _open_fds() == before


def test_when_no_file_descriptor_is_left_this_process_does_the_work(tmp_path, monkeypatch):
    """`ulimit -n`: a pipe refused (EMFILE) stopped the run; it is treated like a refused fork."""
    linter, options, items = items_for(tmp_path, 12)
    one = [o.value for _, o in collect(linter, options, items, runner.lint_task, jobs=1)]
    real_pipe = os.pipe
    for allowed in (0, 1):  # no pipe at all (the queue's), or the queue's but no helper's

        def pipe(left=[allowed]):
            if left[0] <= 0:
                raise OSError(24, "Too many open files")
            left[0] -= 1
            return real_pipe()

        monkeypatch.setattr(os, "pipe", pipe)
        before = _open_fds()
        two = [o.value for _, o in collect(linter, options, items, runner.lint_task)]
        assert [r.findings for r in two] == [r.findings for r in one]
        assert _open_fds() == before


def fixes_slowly_in_a_helper(linter, item):
    """A helper writing like `fix` does: a temporary file it removes if it is stopped."""
    import time

    if os.getpid() == PARENT:
        time.sleep(0.05)
        raise runner.InternalError("a rule broke")
    temporary = Path(item.value).with_suffix(".newslint-tmp")
    temporary.write_text("half")
    try:
        time.sleep(30)
    except BaseException:
        temporary.unlink()
        raise
    return item.value


@pytest.mark.skipif(not runner._can_fork(), reason="the team forks (Linux)")
def test_a_run_that_stops_early_lets_helpers_tidy_up(tmp_path):
    """An error here (or Ctrl-C) stops the helpers with SIGTERM, so a helper in the middle of
    `fix` removes its temporary file; SIGKILL only for one that does not stop."""
    import time

    linter, options, items = items_for(tmp_path, 30)
    started = time.monotonic()
    with pytest.raises(runner.InternalError, match="a rule broke"):
        for _, outcome in runner.run_items(linter, options, items, fixes_slowly_in_a_helper, jobs=2):
            if outcome.status == "internal":
                raise runner.InternalError(outcome.value)
    assert time.monotonic() - started < runner._STOP_GRACE  # stopped by SIGTERM, not left to SIGKILL
    assert not list(tmp_path.rglob("*.newslint-tmp"))


def test_a_closed_stdout_does_not_break_a_parallel_run(cli, tmp_path):
    """`newslint check --jobs 2 -o report.txt news >&-`: the report goes to the file."""
    make_tree(tmp_path)
    env = {**os.environ, "NO_COLOR": "1", "NEWSLINT_SERVER": "off", "NEWSLINT_NO_CACHE": "1"}
    closed = subprocess.run([sys.executable, "-m", "newslint", "check", "--jobs", "2", "-o", "closed.txt", "news"],
                            cwd=tmp_path, env=env, capture_output=False, stderr=subprocess.PIPE, stdout=None,
                            preexec_fn=lambda: os.close(1), timeout=120)
    assert b"Traceback" not in closed.stderr
    reference = cli("check", "--jobs", "1", "-o", "open.txt", "news", cwd=tmp_path)
    assert closed.returncode == reference.returncode == 2  # findings, and the broken file
    assert (tmp_path / "closed.txt").read_bytes() == (tmp_path / "open.txt").read_bytes()


def test_a_run_leaves_the_garbage_collector_as_it_found_it(tmp_path):
    """A run freezes what its first file loaded and collects less often (runner._Collector);
    a program that embeds newslint gets its own settings back, and its own freeze is left alone."""
    import gc

    linter, options, items = items_for(tmp_path, 3)
    thresholds = gc.get_threshold()
    seen = []

    def task(linter, item):
        seen.append((gc.get_threshold()[0], gc.get_freeze_count()))
        return runner.lint_task(linter, item)

    assert gc.get_freeze_count() == 0
    collect(linter, options, items, task, jobs=1)
    assert seen[0] == (max(3000, thresholds[0]), 0) and seen[1][1] > 0  # frozen after the first file
    assert gc.get_threshold() == thresholds and gc.get_freeze_count() == 0
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        collect(linter, options, items, runner.lint_task, jobs=1)
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


@pytest.mark.parametrize("level", ["error", "warning", "info"])
def test_exit_status_with_two_jobs_counts_what_the_helper_found(cli, tmp_path, level):
    """With a human format the helper sends each file's digest (its report lines and counts),
    not its findings: the failing count in it decides the exit status as the findings did."""
    news = make_tree(tmp_path)
    (news / "desk1" / "broken.txt").unlink()
    codes = {jobs: run(cli, tmp_path, "check", "--fail-on", level, "news", "--jobs", jobs) for jobs in ("1", "2")}
    assert codes["1"] == codes["2"]
    expected = 1 if level != "error" else codes["1"][0]  # the tree has warnings and infos
    assert codes["1"][0] == expected


def test_a_digest_prints_what_the_result_prints(tmp_path):
    """`Report.add` gives the same report for a file's result and for its digest (what a
    `--jobs` helper sends), in the human formats; the digest carries no findings."""
    import pickle

    from newslint.report import FileDigest, Report, Style

    linter, options, items = items_for(tmp_path, 6)
    (tmp_path / "slips.txt").write_text(TWO_SPACES + "वह कहते थें।\n", encoding="utf-8")
    results = [runner.lint_task(linter, item) for item in items] + [runner.lint_task(linter, runner.Item("file", tmp_path / "slips.txt"))]
    assert results[-1].findings
    for fmt in ("concise", "full"):
        for quiet in (False, True):
            direct, digested = Report(fmt, Style(False), quiet=quiet), Report(fmt, Style(False), quiet=quiet)
            for result in results:
                direct.add(result)
                digest = pickle.loads(pickle.dumps(digested.digester.digest(result, "warning")))
                assert isinstance(digest, FileDigest) and not hasattr(digest, "findings")
                digested.add(digest)
            assert direct.finish() == digested.finish()
    assert Report("concise", Style(False), statistics=True).digester is None  # the table needs the findings
    assert Report("json", Style(False)).digester is None


BREAK_A_RULE = """
import sys
from newslint.registry import all_rules
for rule in all_rules():
    if rule.code == "TY107":
        original = rule.check
        def check(self, doc, ctx, original=original):
            if "टूटा" in doc.text:
                raise ValueError("a rule's bug")
            return original(self, doc, ctx)
        rule.check = check
sys.argv = ["newslint", *sys.argv[1:]]
from newslint.launcher import main
main()
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("command", ["check", "fix"])
def test_a_rule_bug_on_one_file_leaves_the_others_checked_and_reported(tmp_path, command, jobs):
    """A rule that fails on one article is reported for that article (exit 2); every other file
    is still checked or fixed, and reported: a `fix` that stopped there had already written
    files it never reported."""
    for n in range(20):
        text = "यह  पंक्ति टूटा है।\n" if n == 7 else f"यह  पंक्ति {n} है।\n"
        (tmp_path / f"{n:02d}.txt").write_text(text, encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1", "NEWSLINT_SERVER": "off"}
    result = subprocess.run([sys.executable, "-c", BREAK_A_RULE, command, "--select", "TY107", "--jobs", jobs, "."],
                            capture_output=True, cwd=tmp_path, env=env, timeout=120)
    assert result.returncode == 2
    errors = [line for line in result.stderr.decode().splitlines() if line.startswith("newslint: error:")]
    assert errors == ["newslint: error: 07.txt: internal error in rule TY107 (multiple-spaces): ValueError: a rule's bug "
                      "— please report this with the file"]
    if command == "check":
        assert result.stdout.decode().count("TY107") == 19
    else:
        assert "Fixed 19 findings." in result.stderr.decode()
        fixed = [p.name for p in sorted(tmp_path.glob("*.txt")) if "  " not in p.read_text(encoding="utf-8")]
        assert fixed == [f"{n:02d}.txt" for n in range(20) if n != 7]
