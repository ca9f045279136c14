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
