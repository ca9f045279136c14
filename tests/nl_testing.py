"""Helpers shared by the test modules (a uniquely named module: several conftest.py files exist)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def run_cli(*args: str, cwd: Path | None = None, stdin: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real command line in a subprocess, as a user or pre-commit would."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "newslint", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env=full_env,
        timeout=120,
    )


def run_with_stderr_on_a_terminal(*args: str, cwd: Path, env: dict) -> tuple[subprocess.CompletedProcess, bytes]:
    """Run the command line with stderr on a pseudo-terminal (stdout a pipe): the process and
    what the terminal received. The terminal is read while the command runs: a terminal's
    buffer holds a few KB, and a command that writes more would wait for a reader."""
    import threading

    master, slave = os.openpty()
    received: list[bytes] = []

    def read_terminal() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the command ended and closed its end
                return
            if not chunk:
                return
            received.append(chunk)

    reader = threading.Thread(target=read_terminal, daemon=True)
    try:
        proc = subprocess.Popen([sys.executable, "-m", "newslint", *args], cwd=cwd, stdout=subprocess.PIPE,
                                stderr=slave, env=env)
        os.close(slave)  # the command holds the only other end: its exit ends the reading
        slave = -1
        reader.start()
        stdout, _ = proc.communicate(timeout=120)
        reader.join(timeout=30)
    finally:
        if slave != -1:
            os.close(slave)
        os.close(master)
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, None), b"".join(received)


def json_findings(result: subprocess.CompletedProcess) -> list[dict]:
    return json.loads(result.stdout.decode("utf-8"))["findings"]


def children_of(pid: int, zombies: bool = False) -> list[int]:
    """The process ids whose parent is `pid`, read from /proc (Linux)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and (zombies or fields[0] != "Z"):
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    """Is the process running (not gone, not a zombie)?"""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
