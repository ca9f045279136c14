"""The `newslint` entry point ends an in-process run with os._exit (launcher._leave): no
interpreter teardown, but the same exit status, every byte of output and the exit handlers."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from newslint import launcher

ENTRY = """
import atexit, sys
atexit.register(lambda: sys.stderr.write("exit handler ran\\n"))
sys.argv = ["newslint", *sys.argv[1:]]
from newslint.launcher import main
main()
"""


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NEWSLINT_SERVER": "off", "NEWSLINT_NO_CACHE": "1", "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-c", ENTRY, *args], input=stdin, capture_output=True, env=env, timeout=120)


@pytest.mark.parametrize(("args", "stdin", "status"), [
    (("--version",), None, 0),
    (("check", "--fail-on", "warning", "-"), "यह  पंक्ति है।\n".encode(), 1),
    (("check", "--select", "NOPE", "-"), b"x\n", 2),
])
def test_exit_status_output_and_exit_handlers(args, stdin, status):
    result = run(*args, stdin=stdin)
    assert result.returncode == status
    assert result.stderr.endswith(b"exit handler ran\n")
    if status == 1:
        assert result.stdout.decode().splitlines()[-1].startswith("Found ")


def test_a_large_report_through_a_pipe_arrives_whole():
    text = "यह  पंक्ति है।\n" * 3000  # 3,000 findings: far more than a pipe holds
    result = run("check", "--fail-on", "warning", "--format", "json", "-", stdin=text.encode())
    assert result.returncode == 1
    assert result.stdout.rstrip().endswith(b"}") and result.stdout.count(b'"TY107"') == 3000


def test_exit_status_follows_the_interpreter(capsys):
    assert launcher._exit_status(None) == 0
    assert launcher._exit_status(2) == 2
    assert launcher._exit_status(256 + 3) == 3
    assert launcher._exit_status("newslint: gone") == 1
    assert capsys.readouterr().err == "newslint: gone\n"


def test_a_run_leaves_its_results_to_the_exit_only_when_the_process_ends_after_it(tmp_path, monkeypatch):
    """run_check hands its report to keep_until_exit: kept for os._exit to drop in the `newslint`
    process, freed as usual where the process goes on (a test, a program using newslint)."""
    import weakref

    from newslint.report import Style
    from newslint.runner import RunOptions, run_check

    path = tmp_path / "a.txt"
    path.write_text("यह  पंक्ति है।\n", encoding="utf-8")
    reports = []
    real_keep = launcher.keep_until_exit

    def spy(report, *rest):
        reports.append(weakref.ref(report))
        real_keep(report, *rest)

    monkeypatch.setattr("newslint.runner.keep_until_exit", spy)
    monkeypatch.setattr(launcher, "_KEPT", [])
    options = RunOptions(paths=[str(path)], jobs=1)
    assert run_check(options, "concise", tmp_path / "out.txt", Style(False), False, False, True) == 0
    assert reports and reports[-1]() is None and launcher._KEPT == []  # freed on return
    monkeypatch.setattr(launcher, "_ENDS_AFTER_COMMAND", [True])
    assert run_check(options, "concise", tmp_path / "out.txt", Style(False), False, False, True) == 0
    assert reports[-1]() is not None and launcher._KEPT[0][0] is reports[-1]()
