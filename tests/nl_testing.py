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
    what the terminal received."""
    master, slave = os.openpty()
    try:
        proc = subprocess.run([sys.executable, "-m", "newslint", *args], cwd=cwd, stdout=subprocess.PIPE,
                              stderr=slave, env=env, timeout=120)
        os.close(slave)
        slave = -1
        seen = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the terminal's other end is closed
                break
            if not chunk:
                break
            seen += chunk
    finally:
        if slave != -1:
            os.close(slave)
        os.close(master)
    return proc, seen


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
