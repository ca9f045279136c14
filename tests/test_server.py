"""`newslint server`: a real server process, real `newslint` launcher processes talking to it.

The contract: a run handed to the server prints the same bytes on stdout and stderr, returns the
same exit code and writes the same files as the same run in the caller's process
(NEWSLINT_SERVER=off). Each test's server lives in its own cache folder.
"""

from __future__ import annotations

import marshal
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newslint import launcher, server
from nl_testing import alive, children_of

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"


def _env(cache: Path, **extra: str) -> dict:
    # CI is dropped: the launcher starts no server on CI (`auto` mode), and these tests run there
    env = {k: v for k, v in os.environ.items() if k not in ("NEWSLINT_NO_CACHE", "NEWSLINT_SERVER", "CI")}
    # A server a failed test leaves behind exits on its own.
    return {**env, "NEWSLINT_CACHE_DIR": str(cache), "NO_COLOR": "1", "NEWSLINT_SERVER_IDLE_TIMEOUT": "300", **extra}


def newslint(*args: str, cache: Path, cwd: Path | None = None, stdin: bytes | None = None, umask: int | None = None,
             **env: str) -> subprocess.CompletedProcess:
    """The launcher, as the `newslint` console script runs it."""
    return subprocess.run(
        [sys.executable, "-c", "from newslint.launcher import main; main()", *args],
        cwd=cwd, input=stdin, capture_output=True, env=_env(cache, **env), timeout=120,
        preexec_fn=None if umask is None else (lambda: os.umask(umask)),
    )


def runs_served(cache: Path) -> int:
    result = newslint("server", "status", cache=cache)
    assert result.returncode == 0, result.stdout + result.stderr
    return int(result.stdout.decode().split(" runs,")[0].rsplit(" ", 1)[1])


@pytest.fixture(scope="module")
def warm(tmp_path_factory):
    """A running server in a fresh cache folder; stopped afterwards."""
    cache = tmp_path_factory.mktemp("cache")
    started = newslint("server", "start", cache=cache)
    assert started.returncode == 0, started.stderr.decode()
    assert b"newslint server running" in started.stdout
    yield cache
    newslint("server", "stop", cache=cache)


def _same_as_in_process(args: list[str], cache: Path, cwd: Path | None = None, stdin: bytes | None = None):
    before = runs_served(cache)
    served = newslint(*args, cache=cache, cwd=cwd, stdin=stdin)
    assert runs_served(cache) == before + 1, "the run did not go through the server"
    alone = newslint(*args, cache=cache, cwd=cwd, stdin=stdin, NEWSLINT_SERVER="off")
    assert (served.returncode, served.stdout, served.stderr) == (alone.returncode, alone.stdout, alone.stderr)
    return served


@pytest.mark.parametrize("fmt", ["concise", "full", "json", "sarif", "github", "gitlab"])
def test_served_check_prints_what_an_in_process_check_prints(warm, fmt):
    result = _same_as_in_process(["check", "--format", fmt, "seed-article.txt", "content"], warm, cwd=EXAMPLES)
    assert result.returncode == 1  # the seed article has errors
    assert result.stdout


def test_served_parallel_run_prints_what_an_in_process_one_prints(warm):
    result = _same_as_in_process(["check", "--jobs", "2", "--format", "json", "seed-article.txt", "content", "seed-article.corrected.txt"],
                                 warm, cwd=EXAMPLES)
    assert result.returncode == 1


def _served_run_waiting_on_stdin(cache: Path) -> tuple[subprocess.Popen, list[int]]:
    """`newslint check -` handed to the server and waiting on stdin; the server's children."""
    before = runs_served(cache)
    process = subprocess.Popen(
        [sys.executable, "-c", "from newslint.launcher import main; main()", "check", "-"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(cache),
    )
    deadline = time.monotonic() + 30
    while runs_served(cache) == before and time.monotonic() < deadline:
        time.sleep(0.05)
    # the status request can go unanswered on a loaded machine (helper-15 saw it once): ask again
    answer = None
    while not (answer and "pid" in answer) and time.monotonic() < deadline + 10:
        answer = server.status(launcher.socket_path(str(cache)))
        if not (answer and "pid" in answer):
            time.sleep(0.1)
    assert answer and "pid" in answer, f"the server did not say its pid: {answer!r}"
    child_pids = children_of(answer["pid"])
    assert len(child_pids) >= 1  # the run (and maybe an earlier one, ending)
    return process, child_pids


def test_sigterm_to_the_launcher_stops_the_served_run(warm):
    process, child_pids = _served_run_waiting_on_stdin(warm)
    time.sleep(0.3)
    process.terminate()
    assert process.wait(timeout=30) == 128 + signal.SIGTERM
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in child_pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(alive(pid) for pid in child_pids), "the server's child went on after the launcher was terminated"
    for stream in (process.stdin, process.stdout, process.stderr):
        stream.close()


def test_served_runs_keep_exit_codes_and_errors(warm, tmp_path):
    clean = _same_as_in_process(["check", str(EXAMPLES / "seed-article.corrected.txt")], warm)
    assert clean.returncode == 0
    missing = _same_as_in_process(["check", str(tmp_path / "nope.txt")], warm)
    assert missing.returncode == 2 and b"no such file or directory" in missing.stderr
    usage = _same_as_in_process(["check", "--format", "xml", "x.txt"], warm)
    assert usage.returncode == 2
    (tmp_path / "bad.txt").write_bytes("ठीक है\n".encode() + b"\xc3\x28 \x00\x01 broken")
    bad = _same_as_in_process(["check", str(tmp_path / "bad.txt")], warm)
    assert bad.returncode == 2
    _same_as_in_process(["--version"], warm)
    _same_as_in_process(["rule", "SP101"], warm)


def test_served_check_reads_the_callers_stdin(warm):
    text = (EXAMPLES / "seed-article.txt").read_bytes()
    result = _same_as_in_process(["check", "--stdin-filename", "story.txt", "-"], warm, stdin=text)
    assert b"story.txt:" in result.stdout


def test_served_runs_use_the_callers_folder_and_config(warm, tmp_path):
    article = tmp_path / "story.txt"
    shutil.copy(EXAMPLES / "seed-article.txt", article)
    (tmp_path / "newslint.toml").write_text('select = ["SP101"]\n', encoding="utf-8")
    result = _same_as_in_process(["check", "story.txt"], warm, cwd=tmp_path)
    codes = {line.split()[1] for line in result.stdout.decode().splitlines() if line.startswith("story.txt:")}
    assert codes == {"SP101"}
    (tmp_path / "newslint.toml").write_text("select = [\n", encoding="utf-8")  # broken: a config error
    broken = _same_as_in_process(["check", "story.txt"], warm, cwd=tmp_path)
    assert broken.returncode == 2 and b"newslint.toml" in broken.stderr


def test_served_fix_writes_what_an_in_process_fix_writes(warm, tmp_path):
    served_dir, alone_dir = tmp_path / "served", tmp_path / "alone"
    for folder in (served_dir, alone_dir):
        folder.mkdir()
        shutil.copy(EXAMPLES / "seed-article.txt", folder / "story.txt")
        (folder / "story.txt").chmod(0o640)
    before = runs_served(warm)
    served = newslint("fix", "story.txt", cache=warm, cwd=served_dir)
    assert runs_served(warm) == before + 1
    alone = newslint("fix", "story.txt", cache=warm, cwd=alone_dir, NEWSLINT_SERVER="off")
    assert (served.returncode, served.stdout, served.stderr) == (alone.returncode, alone.stdout, alone.stderr)
    fixed = (served_dir / "story.txt").read_bytes()
    assert fixed == (alone_dir / "story.txt").read_bytes()
    assert fixed != (EXAMPLES / "seed-article.txt").read_bytes()
    assert stat.S_IMODE((served_dir / "story.txt").stat().st_mode) == 0o640


def test_served_interactive_fix_reads_the_answers_from_the_callers_stdin(warm, tmp_path):
    text = "पहली  पंक्ति\nदूसरी   पंक्ति\nतीसरी  पंक्ति\n"
    outcomes = []
    for mode in ("on", "off"):
        folder = tmp_path / mode
        folder.mkdir()
        (folder / "a.txt").write_text(text, encoding="utf-8")
        before = runs_served(warm)
        result = newslint("fix", "--interactive", "--select", "TY107", "a.txt", cache=warm, cwd=folder,
                          stdin="1\ns\r\ne\n — \n".encode("utf-8"), NEWSLINT_SERVER=mode)
        assert runs_served(warm) == before + (mode == "on")
        outcomes.append((result.returncode, result.stdout, result.stderr, (folder / "a.txt").read_text(encoding="utf-8")))
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][3] == "पहली पंक्ति\nदूसरी   पंक्ति\nतीसरी — पंक्ति\n"


@pytest.mark.parametrize("umask", [0o077, 0o002])
def test_report_file_follows_the_callers_umask(warm, tmp_path, umask):
    """The server's child takes the caller's umask, not the server's."""
    report = tmp_path / "report.json"
    before = runs_served(warm)
    result = newslint("check", "--format", "json", "--output", str(report), str(EXAMPLES / "seed-article.txt"),
                      cache=warm, umask=umask)
    assert runs_served(warm) == before + 1
    assert result.returncode == 1 and report.exists()
    assert stat.S_IMODE(report.stat().st_mode) == 0o666 & ~umask


def _ctrl_c_as_on_a_terminal() -> None:
    """A shell started in the background (`pytest &`) passes SIGINT on ignored, and Python then
    leaves it ignored; the launcher under test must get it as it would from a terminal."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _interrupted_run(cache: Path, **env: str) -> subprocess.CompletedProcess:
    """`newslint check -` waiting on stdin, then Ctrl-C (SIGINT to the launcher)."""
    process = subprocess.Popen(
        [sys.executable, "-c", "from newslint.launcher import main; main()", "check", "-"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(cache, **env),
        preexec_fn=_ctrl_c_as_on_a_terminal,
    )
    time.sleep(2.0)  # well into the run: waiting for stdin
    process.send_signal(signal.SIGINT)
    process.wait(timeout=30)  # stdin stays open: the run ends by the signal, not by end of input
    out, err = process.stdout.read(), process.stderr.read()
    for stream in (process.stdin, process.stdout, process.stderr):
        stream.close()
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def test_ctrl_c_reaches_the_served_run(warm):
    """SIGINT to the launcher interrupts the run in the server's child, which stops as an
    in-process run does; the server goes on."""
    before = runs_served(warm)
    served = _interrupted_run(warm)
    assert runs_served(warm) == before + 1
    alone = _interrupted_run(warm, NEWSLINT_SERVER="off")
    assert served.returncode == alone.returncode == 130
    assert (served.stdout, served.stderr) == (alone.stdout, alone.stderr)
    assert b"Traceback" not in served.stderr
    _same_as_in_process(["--version"], warm)


def test_an_uncaught_error_in_a_served_run_ends_as_in_process(warm, tmp_path):
    """stdout on a full disk: the report cannot be written; the run ends with Python's traceback
    and exit 1 either way."""
    outcomes = []
    for mode in ("on", "off"):
        before = runs_served(warm)
        with open("/dev/full", "wb") as full:
            result = subprocess.run(
                [sys.executable, "-c", "from newslint.launcher import main; main()", "check", str(EXAMPLES / "seed-article.txt")],
                stdout=full, stderr=subprocess.PIPE, env=_env(warm, NEWSLINT_SERVER=mode), timeout=120,
            )
        assert runs_served(warm) == before + (mode == "on")
        outcomes.append((result.returncode, b"Traceback" in result.stderr, result.stderr.strip().splitlines()[-1:]))
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][0] != 0


def test_a_served_run_ends_when_its_launcher_is_killed(warm):
    """SIGKILL (or a hang-up) of the launcher: the run in the server's child stops too, as an
    in-process run would have, instead of going on writing to the caller's files."""
    process, child_pids = _served_run_waiting_on_stdin(warm)
    process.kill()
    process.wait(timeout=30)
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in child_pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(alive(pid) for pid in child_pids)
    for stream in (process.stdin, process.stdout, process.stderr):
        stream.close()


def test_two_starts_at_once_give_one_server(tmp_path):
    cache = tmp_path / "c"
    try:
        starts = [subprocess.Popen([sys.executable, "-m", "newslint", "server", "start"], env=_env(cache),
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
        results = [(p.wait(timeout=120), p.stdout.read(), p.stderr.read()) for p in starts]
        for p in starts:
            p.stdout.close()
            p.stderr.close()
        assert [code for code, _, _ in results] == [0, 0], results
        pids = {line.split(b"pid ")[1].split(b",")[0] for _, out, _ in results for line in out.splitlines()}
        assert len(pids) == 1, results
        log = next(cache.glob("server-*.log")).read_text(encoding="utf-8")
        assert "listening on" in log  # the loser appended to the winner's log, never truncated it
    finally:
        newslint("server", "stop", cache=cache)


def test_a_server_whose_socket_is_gone_exits_and_leaves_a_new_one_alone(tmp_path):
    cache = tmp_path / "c"
    try:
        assert newslint("server", "start", cache=cache).returncode == 0
        first = server.status(launcher.socket_path(str(cache)))["pid"]
        shutil.rmtree(cache)  # `rm -rf ~/.cache`
        assert newslint("server", "start", cache=cache).returncode == 0
        second = server.status(launcher.socket_path(str(cache)))["pid"]
        assert second != first
        deadline = time.monotonic() + 10
        while alive(first) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not alive(first)
        assert server.status(launcher.socket_path(str(cache)))["pid"] == second  # its socket survived
    finally:
        newslint("server", "stop", cache=cache)


def test_a_shared_fallback_folder_of_another_kind_is_refused(tmp_path):
    folder = tmp_path / "newslint-0"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    with pytest.raises(server.ServerError, match="other users"):
        server._private_folder(folder)
    link = tmp_path / "newslint-1"
    link.symlink_to(tmp_path)
    with pytest.raises(server.ServerError, match="not a folder"):
        server._private_folder(link)


def test_socket_is_private_and_one_server_per_installation(warm):
    path = launcher.socket_path(str(warm))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    pid = server.status(path)["pid"]
    again = newslint("server", "start", cache=warm)
    assert again.returncode == 0
    assert server.status(path)["pid"] == pid
    foreground = newslint("server", "start", "--foreground", cache=warm)
    assert foreground.returncode == 0 and b"already running" in foreground.stderr


def test_stop_status_and_fallback(tmp_path):
    cache = tmp_path / "c"
    assert newslint("server", "status", cache=cache).returncode == 1
    assert newslint("server", "start", "--quiet", cache=cache).stdout == b""
    assert newslint("server", "status", cache=cache).returncode == 0
    assert b"stopped" in newslint("server", "stop", cache=cache).stdout
    assert newslint("server", "status", cache=cache).returncode == 1
    assert not Path(launcher.socket_path(str(cache))).exists()
    # With no server the launcher runs the command itself.
    result = newslint("check", str(EXAMPLES / "seed-article.corrected.txt"), cache=cache)
    assert result.returncode == 0
    assert b"no newslint server was running" in newslint("server", "stop", cache=cache).stdout


def test_idle_timeout_stops_the_server(tmp_path):
    cache = tmp_path / "c"
    assert newslint("server", "start", "--idle-timeout", "1", cache=cache).returncode == 0
    deadline = time.monotonic() + 30
    while newslint("server", "status", cache=cache).returncode == 0 and time.monotonic() < deadline:
        time.sleep(0.5)
    assert newslint("server", "status", cache=cache).returncode == 1


def test_auto_mode_starts_a_server_for_the_next_run(tmp_path):
    cache = tmp_path / "c"
    try:
        first = newslint("--server", "auto", "check", str(EXAMPLES / "seed-article.corrected.txt"), cache=cache)
        assert first.returncode == 0
        deadline = time.monotonic() + 60
        while newslint("server", "status", cache=cache).returncode != 0 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert runs_served(cache) == 0
        second = newslint("check", str(EXAMPLES / "seed-article.corrected.txt"), cache=cache, NEWSLINT_SERVER="auto")
        assert (second.returncode, second.stdout) == (first.returncode, first.stdout)
        assert runs_served(cache) == 1
    finally:
        newslint("server", "stop", cache=cache)


def test_auto_mode_starts_nothing_on_ci(tmp_path):
    cache = tmp_path / "c"
    result = newslint("--server", "auto", "check", str(EXAMPLES / "seed-article.corrected.txt"), cache=cache, CI="true")
    assert result.returncode == 0
    time.sleep(3.0)  # a server started in the background would have made its log and lock by now
    assert newslint("server", "status", cache=cache).returncode == 1
    assert not list(cache.glob("server-*"))


def test_server_off_in_the_environment_beats_the_command_line(warm):
    before = runs_served(warm)
    article = str(EXAMPLES / "seed-article.corrected.txt")
    assert newslint("--server", "on", "check", article, cache=warm, NEWSLINT_SERVER="off").returncode == 0
    assert newslint("--server=off", "check", article, cache=warm).returncode == 0
    assert runs_served(warm) == before
    assert newslint("--server", "on", "check", article, cache=warm).returncode == 0
    assert runs_served(warm) == before + 1


def test_runs_that_ask_for_another_cache_or_none_are_not_served(warm):
    before = runs_served(warm)
    article = str(EXAMPLES / "seed-article.corrected.txt")
    assert newslint("check", "--no-cache", article, cache=warm).returncode == 0
    assert newslint("check", "--cache-dir", str(warm / "other"), article, cache=warm).returncode == 0
    assert newslint("check", article, cache=warm, NEWSLINT_SERVER="off").returncode == 0
    assert runs_served(warm) == before


# -- the server's decisions, in this process (no fork: each request is declined or a control) ---

def _request(listening: server.Server, request: tuple, fds=()) -> bytes:
    client, served = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    with client, served:
        payload = marshal.dumps(request)
        socket.send_fds(client, [len(payload).to_bytes(4, "big") + payload], list(fds))
        listening.handle(served)
        client.settimeout(5)
        return client.recv(65536)


def test_a_server_whose_code_or_packs_changed_declines_runs_and_stops(tmp_path):
    pack = tmp_path / "pack"
    (pack / "hi").mkdir(parents=True)
    watched = pack / "hi" / "words.txt"
    watched.write_text("एक\n", encoding="utf-8")
    listening = server.Server(str(tmp_path / "s.sock"), idle_timeout=0, log=None)
    listening.roots = [str(pack)]
    listening.code = server.code_state(listening.roots)
    run = ("run", launcher.PROTOCOL, ["--version"], str(tmp_path), {}, (None, None, None), 0o022)
    assert _request(listening, ("status", launcher.PROTOCOL))[:2] == b"OK"
    time.sleep(0.01)
    watched.write_text("एक\nदो\n", encoding="utf-8")
    assert _request(listening, run) == b"NO"
    assert listening.stopping and not listening.children


def test_code_state_sees_edits_new_and_removed_files_but_not_bytecode(tmp_path):
    (tmp_path / "checks").mkdir()
    (tmp_path / "checks" / "rule.py").write_text("x = 1\n", encoding="utf-8")
    roots = [str(tmp_path)]
    first = server.code_state(roots)
    (tmp_path / "checks" / "__pycache__").mkdir()
    (tmp_path / "checks" / "__pycache__" / "rule.cpython-311.pyc").write_bytes(b"\0" * 16)
    (tmp_path / "notes.md").write_text("not code\n", encoding="utf-8")
    assert server.code_state(roots) == first
    (tmp_path / "checks" / "new.py").write_text("y = 2\n", encoding="utf-8")
    assert server.changed_files(first, server.code_state(roots)) == [str(tmp_path / "checks" / "new.py")]
    (tmp_path / "checks" / "new.py").unlink()
    assert server.code_state(roots) == first
    (tmp_path / "checks" / "rule.py").write_text("x = 22\n", encoding="utf-8")
    assert server.changed_files(first, server.code_state(roots)) == [str(tmp_path / "checks" / "rule.py")]


def test_a_request_of_another_protocol_or_shape_is_declined(tmp_path):
    listening = server.Server(str(tmp_path / "s.sock"), idle_timeout=0, log=None)
    assert _request(listening, ("run", launcher.PROTOCOL + 1)) == b"NO"
    assert _request(listening, ("status",)) == b"NO"
    assert _request(listening, ("dance", launcher.PROTOCOL)) == b"NO"
    assert not listening.stopping


def test_socket_paths(tmp_path, monkeypatch):
    assert launcher.socket_path(str(tmp_path)).startswith(str(tmp_path) + os.sep)
    deep = tmp_path / ("x" * 120)  # too long for a Unix socket: a private folder under /tmp
    path = launcher.socket_path(str(deep))
    assert not path.startswith(str(deep)) and len(os.fsencode(path)) < 108
    assert launcher.socket_path(str(tmp_path / ("y" * 120))) != path  # one per cache folder there too
    assert launcher.socket_path(str(tmp_path)) != launcher.socket_path(str(tmp_path / "other"))
    monkeypatch.setenv("LC_ALL", "C")  # settled at interpreter start-up: a server of its own
    in_c = launcher.socket_path(str(tmp_path))
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    assert launcher.socket_path(str(tmp_path)) != in_c
    monkeypatch.setenv("NEWSLINT_NO_CACHE", "1")
    assert launcher.socket_path() is None  # no cache, no server


def test_a_stopped_server_does_not_hold_the_callers_output_open(tmp_path):
    """A launcher that gets no answer in 3 s runs the command itself; its streams used to travel
    with the request and sat in the stopped server's queue, holding the stdout pipe open, so
    whoever read it (pre-commit, `| wc -l`) waited until the server was continued."""
    cache = tmp_path / "cache"
    assert newslint("server", "start", cache=cache).returncode == 0
    pid = server.status(launcher.socket_path(str(cache)))["pid"]
    os.kill(pid, signal.SIGSTOP)
    try:
        started = time.monotonic()
        # capture_output reads stdout to its end: the end never came while the server was stopped
        result = newslint("check", str(EXAMPLES / "seed-article.txt"), cache=cache)
        assert time.monotonic() - started < 30
        assert result.returncode == 1 and b"Found 37 findings" in result.stdout
    finally:
        os.kill(pid, signal.SIGCONT)
        newslint("server", "stop", cache=cache)
