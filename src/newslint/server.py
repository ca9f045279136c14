"""`newslint server`: one warm process that runs each `newslint` command in a forked child.

A pre-commit hook runs newslint on every commit, usually on one or two files, and nearly all of
such a run is start-up: Python importing typer, the engine and every rule, and the rules
building their data (patterns, the lexicon, the word cache). The server does that once. Then,
for each command the `newslint` launcher (`newslint.launcher`) passes it, it forks: the child
starts from the warm state, takes the caller's working folder, environment, umask and its
stdin, stdout and stderr (the file descriptors themselves, passed over a Unix socket), runs the
ordinary command line, and sends back the exit code. The output is the very same as a run in
the caller's process: the same code runs, on the same streams, and the child's state dies with it.

Safety:

* **Stale code or packs**: the server notes newslint's source files and the built-in rule
  packs (paths, sizes, modification times) when it starts, and looks again before every run;
  when they changed, it declines the run (the launcher then runs it itself) and exits.
* **Who may connect**: the socket is created with mode 0600 in the user's cache folder, and on
  Linux each connection's peer must be the same user (SO_PEERCRED).
* **One per installation**: a lock file next to the socket; a second `server start` finds it
  held and leaves the running server alone. Each interpreter and copy of newslint has its own
  socket (see `launcher.installation_key`).
* **Idle timeout**: the server exits after `--idle-timeout` seconds without a request
  (default one hour; 0 keeps it running until `newslint server stop`).

What the children learn about words is written to the word cache by each child, as any run
does; the server re-reads the cache file when it has changed, so the next child starts with it.
"""

from __future__ import annotations

import gc
import marshal
import os
import signal
import socket
import sys
import time
from pathlib import Path

from newslint import __version__, cache
from newslint.launcher import PROTOCOL, _same_user, ends_after_command, output_failed, socket_path, supported

DEFAULT_IDLE_TIMEOUT = 3600.0
START_WAIT = 30.0  # seconds `server start` waits for a detached server to answer
MAX_REQUEST = 4 << 20  # bytes: argv and environment; anything larger is not a request
REQUEST_WAIT = 2.0  # seconds a connection may take to send its request (a local launcher: < 1 ms)
LAUNCHER_GO_WAIT = 10.0  # seconds a child waits for the launcher's "go" before giving up


class ServerError(Exception):
    """A one-line reason the server cannot start or answer."""


# -- talking to a running server -------------------------------------------------------------------

def _connect(path: str, timeout: float = 5.0) -> socket.socket | None:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(path)
        if not _same_user(sock):
            raise ConnectionRefusedError("the socket belongs to another user")
    except OSError:
        sock.close()
        return None
    return sock


def _ask(path: str, request: tuple) -> object | None:
    """Send a control request ("status", "stop"); the server's answer, or None if none runs."""
    sock = _connect(path)
    if sock is None:
        return None
    with sock:
        try:
            payload = marshal.dumps(request)
            sock.sendall(len(payload).to_bytes(4, "big") + payload)
            data = b""
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                data += chunk
        except OSError:
            return None
    if data[:2] != b"OK":
        return None
    try:
        return marshal.loads(data[2:]) if len(data) > 2 else {}
    except (EOFError, ValueError, TypeError):
        return None


def status(path: str | None = None) -> dict | None:
    path = path or _require_path()
    answer = _ask(path, ("status", PROTOCOL))
    return answer if isinstance(answer, dict) else None


def stop(path: str | None = None, wait: float = 10.0) -> bool:
    """Ask the running server to exit; True if one was running (and has gone)."""
    path = path or _require_path()
    if _ask(path, ("stop", PROTOCOL)) is None:
        return False
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline and _connectable(path):
        time.sleep(0.02)
    return True


def _connectable(path: str) -> bool:
    sock = _connect(path, timeout=1.0)
    if sock is None:
        return False
    sock.close()
    return True


def _require_path() -> str:
    if not supported():
        raise ServerError("newslint server runs on Linux only; elsewhere every run is in-process")
    path = socket_path()
    if path is None:
        raise ServerError("the cache is off (NEWSLINT_NO_CACHE): the server lives in the cache folder")
    return path


def start_detached(idle_timeout: float) -> dict:
    """Start a server in its own session and wait until it answers; its status."""
    import subprocess

    path = _require_path()
    running = status(path)
    if running is not None:
        return running
    log = Path(path).with_suffix(".log")
    _private_folder(log.parent)
    # appended to, never truncated: a `server start` that loses the race to another must not
    # wipe the running server's log
    log_fd = _open_private(log, os.O_WRONLY | os.O_APPEND)
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "newslint", "server", "start", "--foreground", "--idle-timeout", str(idle_timeout)],
            stdin=subprocess.DEVNULL, stdout=log_fd, stderr=log_fd, start_new_session=True, close_fds=True,
        )
    finally:
        os.close(log_fd)
    deadline = time.monotonic() + START_WAIT
    while time.monotonic() < deadline:
        running = status(path)
        if running is not None:
            return running
        if process.poll() not in (None, 0):
            tail = log.read_text("utf-8", "replace").strip().splitlines()[-1:] if log.exists() else []
            raise ServerError(f"the server did not start (exit {process.returncode}){': ' + tail[0] if tail else ''}")
        # exit 0: another `server start` holds the lock and is still warming up; wait for it
        time.sleep(0.05)
    raise ServerError(f"the server did not answer within {START_WAIT:.0f} s (see {log})")


# -- the server ----------------------------------------------------------------------------------

def _private_folder(folder: Path) -> None:
    """Make `folder` if need be; refuse one that is not ours alone when it is a shared place
    (the /tmp fallback for long cache paths), where another user could have made it first to
    swap the socket or plant links."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    info = os.lstat(folder)
    import stat

    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        raise ServerError(f"{folder}: not a folder of this user's; the server will not use it")
    if folder.name.startswith("newslint-") and info.st_mode & 0o077:
        raise ServerError(f"{folder}: other users can write or read it; the server will not use it")


def _open_private(path: Path, flags: int) -> int:
    """Open (creating, mode 0600) a file of the server's without following a symbolic link."""
    return os.open(path, flags | os.O_CREAT | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0), 0o600)


CODE_SUFFIXES = (".py", ".txt", ".tsv", ".toml", ".yaml", ".yml", ".json")


def code_state(roots: list[str] | None = None) -> dict[str, tuple[int, int]]:
    """What a server's answers depend on besides the caller's files and config: newslint's own
    source files and the built-in packs, each file's path → (size, modification time), so an
    edited, added or removed file shows. Bytecode caches are left out: Python writes them while
    newslint runs. Under a millisecond; taken before every run."""
    from newslint.packs import builtin_pack_root

    if roots is None:
        roots = [os.path.dirname(os.path.abspath(__file__)), str(builtin_pack_root())]
    state: dict[str, tuple[int, int]] = {}
    pending = list(roots)
    while pending:
        folder = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            state[folder] = (-1, -1)  # a watched folder that is gone
            continue
        for entry in entries:
            try:
                if entry.is_dir():
                    if entry.name != "__pycache__":
                        pending.append(entry.path)
                elif entry.name.endswith(CODE_SUFFIXES):
                    info = entry.stat()
                    state[entry.path] = (info.st_size, info.st_mtime_ns)
            except OSError:
                continue
    return state


def changed_files(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]) -> list[str]:
    return sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))


def warm_up() -> None:
    """Do in the server what every run would otherwise do first: import the command line and
    every rule, and build each rule's data by linting the rules' own documentation (a Hindi
    text with an example of every problem, as plain text and as Markdown with front matter)."""
    from newslint import api, cli
    from newslint.factcheck.text import SubsetPattern
    from newslint.registry import all_rules

    # A one-shot run compiles a per-document subset of the large fact-check alternations (the
    # full ones cost more to compile than a small file costs to lint); a server compiles the
    # full patterns once, here, and every child uses them.
    SubsetPattern.LIMIT = 0

    cli.command()  # typer turns the app into a click command once, not per run
    import newslint.fixer  # noqa: F401  (the modules a run imports late)
    import newslint.report  # noqa: F401
    import newslint.runner  # noqa: F401

    text = "\n\n".join(rule.explanation() for rule in all_rules())
    api.lint_text(text, "warm-up.txt", select=["ALL"])
    api.lint_text(f"---\ntitle: warm-up\ndate: 2025-01-01\n---\n\n{text}\n", "warm-up.md", select=["ALL"])
    cache.save_fresh()  # what the warm-up learned is the cache's, not each child's to write


class Server:
    def __init__(self, path: str, idle_timeout: float, log=sys.stderr):
        self.path = path
        self.idle_timeout = idle_timeout
        self.log = log
        self.children: set[int] = set()
        self.started = time.time()
        self.runs = 0
        self.last_active = time.monotonic()
        self.stopping = False
        self.roots: list[str] | None = None  # what `code_state` watches (None: newslint and its packs)
        self.code: dict[str, tuple[int, int]] = {}
        self.listener: socket.socket | None = None
        self.socket_id: tuple[int, int] | None = None
        self.lock = None

    def say(self, message: str) -> None:
        if self.log is not None:
            try:
                self.log.write(f"[newslint server {os.getpid()}] {message}\n")
                self.log.flush()
            except (OSError, ValueError):
                pass  # a full disk or a closed log never stops the server

    # start and stop

    def acquire(self) -> bool:
        """The installation's lock; False when another server holds it."""
        import fcntl

        _private_folder(Path(self.path).parent)
        self.lock = os.fdopen(_open_private(Path(self.path + ".lock"), os.O_RDWR), "r+")
        try:
            fcntl.flock(self.lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self.lock.close()
            self.lock = None
            return False
        return True

    def listen(self) -> None:
        try:
            os.unlink(self.path)  # a socket left by a server that was killed: we hold the lock
        except FileNotFoundError:
            pass
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old_umask = os.umask(0o177)  # the socket is born 0600: no window for another user
        try:
            listener.bind(self.path)
        finally:
            os.umask(old_umask)
        listener.listen(64)
        listener.settimeout(1.0)  # wake up to reap children and check the idle timeout
        self.listener = listener
        self.socket_id = self._socket_id()

    def _socket_id(self) -> tuple[int, int] | None:
        try:
            info = os.lstat(self.path)
        except OSError:
            return None
        return (info.st_dev, info.st_ino)

    def reachable(self) -> bool:
        """Is our socket still where launchers look (the cache folder may have been deleted)?"""
        return self.socket_id is not None and self._socket_id() == self.socket_id

    def close(self) -> None:
        if self.listener is not None:
            self.listener.close()
            self.listener = None
            if self.reachable():  # never remove a socket another server has bound since
                try:
                    os.unlink(self.path)
                except OSError:
                    pass
        if self.lock is not None:
            self.lock.close()
            self.lock = None


    # the loop

    def serve(self) -> None:
        self.code = code_state(self.roots)
        os.chdir("/")  # never keep a repository's folder busy; each run enters its caller's
        warm_up()
        self.listen()
        signal.signal(signal.SIGTERM, self._on_term)
        gc.collect()
        gc.freeze()  # the warm objects stay in the parent's pages: children do not copy them
        self.say(f"listening on {self.path} (idle timeout {self.idle_timeout:g} s)")
        try:
            while not self.stopping:
                self.reap()
                if self.idle_timeout and not self.children and time.monotonic() - self.last_active > self.idle_timeout:
                    self.say("idle timeout: exiting")
                    break
                if not self.reachable():
                    self.say("the socket is gone (the cache folder was deleted?): exiting")
                    break
                try:
                    conn, _ = self.listener.accept()
                except (socket.timeout, InterruptedError):
                    continue
                except OSError:
                    if self.stopping:
                        break
                    raise
                try:
                    self.handle(conn)
                except Exception as exc:  # one bad connection never stops the server
                    self.say(f"connection dropped: {type(exc).__name__}: {exc}")
                finally:
                    conn.close()
        finally:
            self.close()
            self.reap(wait=True)

    def _on_term(self, signum, frame) -> None:
        self.stopping = True

    def reap(self, wait: bool = False) -> None:
        for pid in list(self.children):
            try:
                done, _ = os.waitpid(pid, 0 if wait else os.WNOHANG)
            except ChildProcessError:
                done = pid
            if done:
                self.children.discard(pid)
                self.last_active = time.monotonic()
                cache.reload_changed()  # what the child learned, for the next child

    def _peer_allowed(self, conn: socket.socket) -> bool:
        option = getattr(socket, "SO_PEERCRED", None)
        if option is None:  # not Linux: the socket's mode (0600) is the guard
            return True
        import struct

        _pid, uid, _gid = struct.unpack("3i", conn.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i")))
        return uid == os.getuid()

    def handle(self, conn: socket.socket) -> None:
        conn.settimeout(REQUEST_WAIT)  # one connection at a time: a silent one must not stall the rest
        if not self._peer_allowed(conn):
            self.say("refused a connection from another user")
            return
        message, fds, _flags, _addr = socket.recv_fds(conn, 65536, 3)
        try:
            if len(message) < 4:
                return
            size = int.from_bytes(message[:4], "big")
            if size > MAX_REQUEST:
                return
            payload = message[4:]
            while len(payload) < size:
                chunk = conn.recv(min(1 << 20, size - len(payload)))
                if not chunk:
                    return
                payload += chunk
            request = marshal.loads(payload)
            if not isinstance(request, tuple) or len(request) < 2 or request[1] != PROTOCOL:
                conn.sendall(b"NO")  # another newslint version's launcher: it runs the command itself
                return
            kind = request[0]
            if kind == "status":
                conn.sendall(b"OK" + marshal.dumps(self.describe()))
            elif kind == "stop":
                self.say("stop requested")
                self.stopping = True
                conn.sendall(b"OK")
            elif kind == "run" and not fds:
                changed = changed_files(self.code, code_state(self.roots))
                if changed:
                    self.say(f"newslint or its packs changed since the server started ({changed[0]}"
                             f"{f' and {len(changed) - 1} more' if len(changed) > 1 else ''}): exiting")
                    self.stopping = True
                    conn.sendall(b"NO")
                    return
                conn.sendall(b"FD")  # now the launcher hands over its streams (see launcher.run_on_server)
                _message, fds, _flags, _addr = socket.recv_fds(conn, 1, 3)
                if len(fds) == 3:
                    self.fork_run(conn, request, fds)
            else:
                conn.sendall(b"NO")
        finally:
            for fd in fds:
                os.close(fd)

    def describe(self) -> dict:
        return {
            "pid": os.getpid(), "socket": self.path, "version": __version__, "python": sys.executable,
            "started": self.started, "runs": self.runs, "idle_timeout": self.idle_timeout,
            "running": len(self.children),
        }

    def fork_run(self, conn: socket.socket, request: tuple, fds: list[int]) -> None:
        pid = os.fork()
        if pid:
            self.children.add(pid)
            self.runs += 1
            self.last_active = time.monotonic()  # a run, not a status question, keeps it alive
            return
        code = 2
        try:
            if self.lock is not None:
                self.lock.close()  # the lock stays the server's alone
            code = run_child(self.listener, conn, request, fds)
        finally:
            os._exit(code)


# -- a run, in a forked child ----------------------------------------------------------------------

def _stream(fd: int, mode: str, encoding_errors: tuple | None, line_buffering: bool, write_through: bool = False):
    """A text stream on fd as Python makes its own standard streams on Linux (newline="\n": no
    translation of "\r" on input, none on output)."""
    import io

    encoding, errors = encoding_errors or ("utf-8", "strict")
    raw = io.FileIO(fd, mode, closefd=False)
    buffered = io.BufferedReader(raw) if mode == "r" else io.BufferedWriter(raw)
    return io.TextIOWrapper(buffered, encoding=encoding, errors=errors, newline="\n",
                            line_buffering=line_buffering, write_through=write_through)


def _die_with_the_launcher(conn: socket.socket) -> None:
    """The launcher sends nothing after "go", so the socket turns readable only when it is gone
    (killed, hung up): the kernel then sends SIGIO, whose default action ends this process, as
    the launcher's death would have ended an in-process run."""
    import fcntl

    signal.signal(signal.SIGIO, signal.SIG_DFL)
    fcntl.fcntl(conn.fileno(), fcntl.F_SETOWN, os.getpid())
    fcntl.fcntl(conn.fileno(), fcntl.F_SETFL, fcntl.fcntl(conn.fileno(), fcntl.F_GETFL) | os.O_ASYNC)


def run_child(listener: socket.socket | None, conn: socket.socket, request: tuple, fds: list[int]) -> int:
    """Become the caller's process, run the command line, send the exit code; our exit status."""
    _kind, _protocol, argv, cwd, env, encodings, umask = request
    if listener is not None:
        listener.close()
    gc.unfreeze()
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    # Say who we are, then wait for the launcher's "go": a launcher that gave up waiting for us
    # (and runs the command itself) has closed the socket, and we must not run it a second time.
    conn.settimeout(LAUNCHER_GO_WAIT)
    try:
        conn.sendall(b"OK" + os.getpid().to_bytes(4, "big"))
        if conn.recv(1) != b"G":
            return 0
    except OSError:
        return 0
    conn.settimeout(None)
    _die_with_the_launcher(conn)
    ends_after_command()  # fork_run's os._exit
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
    unbuffered = bool(env.get("PYTHONUNBUFFERED"))
    sys.stdin = _stream(0, "r", encodings[0], False)
    sys.stdout = _stream(1, "w", encodings[1], os.isatty(1), unbuffered)
    sys.stderr = _stream(2, "w", encodings[2], True, unbuffered)
    os.environ.clear()
    os.environ.update(env)
    os.umask(umask)
    sys.argv = ["newslint", *argv]
    try:
        os.chdir(cwd)
    except OSError as exc:
        sys.stderr.write(f"newslint: error: {cwd}: cannot enter the working folder: {exc.strerror}\n")
        code = 2
    else:
        code = _exit_code(argv)
    try:
        conn.sendall(bytes([code]))
    except OSError:
        pass
    return 0


def _exit_code(argv: list[str]) -> int:
    """Run the command line; its exit status, as the interpreter would make it in-process
    (SystemExit's code; a traceback and 1 for anything else; flushed streams)."""
    from newslint import cli

    code = 0
    try:
        cli.main(argv)
    except SystemExit as exc:
        if exc.code is None:
            code = 0
        elif isinstance(exc.code, int):
            code = exc.code & 0xFF
        else:
            sys.stderr.write(f"{exc.code}\n")
            code = 1
    except OSError as exc:  # as launcher.main: the output could not be written
        code = output_failed(exc)
    except BaseException:  # noqa: BLE001 - what Python does with an uncaught exception
        import traceback

        traceback.print_exc()
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass  # already reported by the run (a full disk, a closed pipe)
    return code


def serve_foreground(idle_timeout: float) -> int:
    """`newslint server start --foreground`: run the server in this process until it stops."""
    path = _require_path()
    server = Server(path, idle_timeout)
    if not server.acquire():
        server.say(f"a server for this installation is already running ({path})")
        return 0
    try:
        server.serve()
    except KeyboardInterrupt:
        server.say("interrupted")
    finally:
        server.close()
    return 0
