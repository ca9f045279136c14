"""A real LanguageTool server for the integration tests, one per test session.

`NEWSLINT_LT_URL=http://127.0.0.1:8081` uses a server that is already running. Otherwise the
fixture runs `scripts/languagetool-server start --warm --port <free port>` — which fetches
LanguageTool from Maven Central the first time (~80 s with an empty ~/.m2) — and stops it when
the session ends. Without Java (or, before the first fetch, Maven) the tests FAIL: they are the
only proof that the LanguageTool rule works, so CI must not skip them silently.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "languagetool-server"
START_TIMEOUT = 30 * 60  # the first fetch downloads ~100 MB through Maven


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _java_available() -> bool:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").is_file():
        return True
    return shutil.which("java") is not None


@pytest.fixture(scope="session")
def lt_url():
    """The base URL of a running LanguageTool server (http://127.0.0.1:PORT)."""
    given = os.environ.get("NEWSLINT_LT_URL", "").strip()
    if given:
        yield given.rstrip("/")
        return
    if not _java_available():
        pytest.fail(
            "the LanguageTool tests need Java 17+ (and Maven for the first fetch) to run a local server "
            "with scripts/languagetool-server; install them (Debian: apt-get install openjdk-17-jre-headless maven) "
            "or set NEWSLINT_LT_URL to a running server",
            pytrace=False,
        )
    port = _free_port()
    try:
        started = subprocess.run(
            ["bash", str(SCRIPT), "start", "--warm", "--port", str(port)],
            capture_output=True, text=True, timeout=START_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        subprocess.run(["bash", str(SCRIPT), "stop", "--port", str(port)], capture_output=True, timeout=120)
        pytest.fail(f"scripts/languagetool-server start did not finish within {START_TIMEOUT} s", pytrace=False)
    if started.returncode != 0:
        tail = "\n".join(started.stderr.strip().splitlines()[-30:])
        pytest.fail(f"scripts/languagetool-server start --port {port} failed (exit {started.returncode}):\n{tail}", pytrace=False)
    url = started.stdout.strip().splitlines()[-1]
    # The server is detached (setsid): if this test process is killed before the finaliser runs
    # (a CI timeout, kill -9), a watchdog stops the server once this process is gone.
    watchdog = subprocess.Popen(
        ["bash", "-c", 'while kill -0 "$1" 2>/dev/null; do sleep 2; done; exec bash "$2" stop --port "$3"', "_",
         str(os.getpid()), str(SCRIPT), str(port)],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        yield url
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop", "--port", str(port)], capture_output=True, timeout=120)
        watchdog.kill()
        watchdog.wait()
