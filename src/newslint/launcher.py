"""The `newslint` command: hand the run to a warm newslint server when one is running, else run
the command line in this process.

Most of what a one-file run costs is start-up: importing the CLI, the engine and every rule, and
building the rules' data. `newslint server start` keeps one process with all of that done; this
module, which imports nothing but a few built-in modules, connects to it and passes it the
command line, the working folder, the environment and this process's stdin, stdout and stderr
themselves (file descriptors over a Unix socket), so the server's forked child reads and writes
exactly what this process would have. The child's exit code becomes this process's.

Nothing changes without a server: no socket, a stale server (newslint or its packs changed
since it started), `NEWSLINT_SERVER=off`, `--no-cache` or `--cache-dir` (the server belongs to
the default cache folder) all mean the command runs here, as it always did.

`NEWSLINT_SERVER=auto` (or `newslint --server auto …`, as the pre-commit hooks run it) also
starts a server in the background when none answers, for the next run — the next commit's hook
(not on CI, where the machine is thrown away). `NEWSLINT_SERVER=off` always runs in-process.
"""

from __future__ import annotations

import os
import sys

SERVER_ENV = "NEWSLINT_SERVER"  # see `server_mode`
PROTOCOL = 2  # 2: a run's streams are sent only once the server has answered the request
# Unix socket paths are limited to 108 bytes (104 on macOS).
SOCKET_PATH_LIMIT = 100
CONNECT_WAIT = 3.0  # seconds to wait for a server to answer before running the command here

# What a command leaves for the end of the process to drop (see `keep_until_exit`), and whether
# this process ends with os._exit right after the command (`main`, a server's child).
_KEPT: list = []
_ENDS_AFTER_COMMAND = [False]


def ends_after_command() -> None:
    """Say that this process ends (with os._exit) as soon as the command returns."""
    _ENDS_AFTER_COMMAND[0] = True


def keep_until_exit(*objects) -> None:
    """Leave a run's results to the end of the process rather than free them when the command
    returns, if the process ends right after it (os._exit frees nothing one by one). A 5 MB
    run's 11,000 findings took ~7 ms to free, at the serial end of every run."""
    if _ENDS_AFTER_COMMAND[0]:
        _KEPT.append(objects)


def cache_folder() -> str | None:
    """The user's newslint cache folder (see `newslint.cache`), or None when caching is off."""
    if os.environ.get("NEWSLINT_NO_CACHE", "") not in ("", "0"):  # cache.OFF_ENV
        return None
    configured = os.environ.get("NEWSLINT_CACHE_DIR")  # cache.DIR_ENV
    if configured:
        return configured
    # XDG: a relative XDG_CACHE_HOME is invalid and ignored. Without an absolute home either (HOME
    # empty or relative), no cache: never a folder relative to wherever newslint runs.
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        home = os.environ.get("HOME")
        if home is None:
            home = os.path.expanduser("~")  # the password database's
        if not os.path.isabs(home) or home == "/":  # empty ("" expands to "/"), relative, or root
            return None
        base = os.path.join(home, ".cache")
    return os.path.join(base, "newslint")


# What the interpreter settles at start-up from the environment, which a server's child cannot
# take over from its caller (the rest of the environment it does take over, per run).
INTERPRETER_ENV = ("PYTHONPATH", "PYTHONHOME", "PYTHONHASHSEED", "PYTHONUTF8", "PYTHONWARNINGS", "PYTHONIOENCODING",
                   "PYTHONSAFEPATH", "PYTHONDEVMODE", "LANG", "LC_ALL", "LC_CTYPE")


def installation_key() -> str:
    """Which newslint a server is: this interpreter and this copy of the package, started with
    these interpreter settings, by this user and these groups. A server started from another
    virtualenv or checkout, or in another locale, never answers for this one."""
    from _blake2 import blake2b

    here = os.path.dirname(os.path.abspath(__file__))
    settings = "\0".join(f"{name}={os.environ.get(name, '')}" for name in INTERPRETER_ENV)
    groups = ",".join(map(str, sorted(os.getgroups())))
    seed = f"{sys.executable}\0{here}\0{sys.version}\0{os.getuid()}\0{os.getgid()}\0{groups}\0{settings}"
    return blake2b(seed.encode("utf-8", "surrogatepass"), digest_size=6).hexdigest()


def socket_path(folder: str | None = None) -> str | None:
    """Where this installation's server listens: in the cache folder, or (when that path is too
    long for a Unix socket) in a private folder under the temporary directory."""
    folder = folder if folder is not None else cache_folder()
    if folder is None:
        return None
    folder = os.path.abspath(folder)
    name = f"server-{installation_key()}.sock"
    path = os.path.join(folder, name)
    if len(os.fsencode(path)) > SOCKET_PATH_LIMIT:
        from _blake2 import blake2b

        # one socket per cache folder there too: a server reads and writes its folder's cache
        where = blake2b(os.fsencode(folder), digest_size=6).hexdigest()
        tmp = os.environ.get("TMPDIR") or "/tmp"
        path = os.path.join(tmp, f"newslint-{os.getuid()}", f"server-{installation_key()}-{where}.sock")
    return path


MODES = ("on", "auto", "off")


def server_mode(argv: list[str]) -> str:
    """"on": use a running server; "auto": also start one when none runs; "off": never.
    `newslint --server MODE …` (what the pre-commit hooks pass) or NEWSLINT_SERVER; an
    environment that says "off" wins, so a user can always switch the server off."""
    from_env = os.environ.get(SERVER_ENV, "")
    if from_env == "off":
        return "off"
    if argv[:1] == ["--server"] and len(argv) > 1:
        return argv[1] if argv[1] in MODES else "on"  # the command line reports a bad value
    if argv and argv[0].startswith("--server="):
        value = argv[0].split("=", 1)[1]
        return value if value in MODES else "on"
    return from_env if from_env in MODES else "on"


def _command_of(argv: list[str]) -> list[str]:
    """argv after a leading `--server MODE`."""
    if argv[:1] == ["--server"]:
        return argv[2:]
    if argv and argv[0].startswith("--server="):
        return argv[1:]
    return argv


def supported() -> bool:
    """The server forks a warm process per run, which is safe on Linux; elsewhere (macOS system
    libraries, Windows) newslint always runs in-process, as `runner` uses fork only on Linux."""
    return sys.platform.startswith("linux")


def _server_wanted(argv: list[str]) -> bool:
    if not supported():
        return False
    argv = _command_of(argv)
    if not argv or argv[0] == "server":
        return False
    # The server keeps the default cache folder's knowledge; a run that asks for another
    # cache folder, or none, runs here.
    return not any(arg == "--no-cache" or arg.startswith("--cache-dir") for arg in argv)


def _recv_exact(sock, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            return data
        data += chunk
    return data


def run_on_server(argv: list[str]) -> int | None:
    """The exit code of the run as the server did it, or None when no server took it (the
    caller then runs the command here)."""
    import _socket
    import marshal
    from array import array

    path = socket_path()
    if path is None:
        return None
    try:
        for fd in (0, 1, 2):
            os.fstat(fd)  # a closed standard stream cannot be handed over
        sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    except OSError:
        return None
    try:
        try:
            sock.settimeout(CONNECT_WAIT)
            sock.connect(path)
            if not _same_user(sock):
                return None  # never hand our environment and streams to someone else's process
        except OSError:
            return None
        encodings = tuple((stream.encoding, stream.errors) if stream is not None else None for stream in (sys.stdin, sys.stdout, sys.stderr))
        umask = os.umask(0o022)
        os.umask(umask)
        try:
            cwd = os.getcwd()
        except OSError:
            return None  # the working folder is gone: the command says so itself
        request = marshal.dumps(("run", PROTOCOL, argv, cwd, dict(os.environ), encodings, umask))
        try:
            # The streams go only to a server that answers: sent with the request, they sat in
            # a stopped server's accept queue and held our stdout open after we had run the
            # command ourselves, so whoever read our output (pre-commit, a pipe) never saw its end.
            sock.sendall(len(request).to_bytes(4, "big") + request)
            if _recv_exact(sock, 2) != b"FD":  # a stopped or wedged server: timed out, we run it here
                return None
            fds = array("i", (0, 1, 2)).tobytes()
            sock.sendmsg([b"F"], [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS, fds)])
            answer = _recv_exact(sock, 6)
            if answer[:2] != b"OK":
                return None  # stale or declined: nothing was run, so this process runs the command
            sock.sendall(b"G")  # the child runs only on this "go": never both it and we
        except OSError:
            return None
        sock.settimeout(None)  # the run itself may take as long as it takes
        child = int.from_bytes(answer[2:6], "big")
        # From here on the server's child owns the run; its output is already on our streams.
        # A SIGTERM (a hook's timeout, a CI job cancelled) stops the child too.
        import signal

        signal.signal(signal.SIGTERM, lambda signum, frame: (_signal(child, signal.SIGTERM), os._exit(128 + signum)))
        while True:
            try:
                code = _recv_exact(sock, 1)
                break
            except KeyboardInterrupt:
                _interrupt(child)
            except OSError:
                code = b""
                break
        if len(code) != 1:
            sys.stderr.write("newslint: error: the newslint server ended the run without an exit code "
                             "(run again with NEWSLINT_SERVER=off, and see `newslint server status`)\n")
            return 2
        return code[0]
    finally:
        sock.close()


def _same_user(sock) -> bool:
    """Is the process at the other end of the socket ours (Linux SO_PEERCRED: pid, uid, gid)?"""
    import _socket

    creds = sock.getsockopt(_socket.SOL_SOCKET, _socket.SO_PEERCRED, 12)
    return int.from_bytes(creds[4:8], sys.byteorder) == os.getuid()


def _interrupt(child: int) -> None:
    import signal

    _signal(child, signal.SIGINT)  # Ctrl-C reaches the run, which stops as it would in-process


def _signal(child: int, signum: int) -> None:
    try:
        os.kill(child, signum)
    except OSError:
        pass


def _start_in_background() -> None:
    """`NEWSLINT_SERVER=auto`: start a server for the next run; never delays or fails this one."""
    import subprocess

    try:
        subprocess.Popen(
            [sys.executable, "-m", "newslint", "server", "start", "--quiet"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True, close_fds=True,
        )
    except OSError:
        pass


def main() -> None:
    argv = sys.argv[1:]
    mode = server_mode(argv)
    if mode != "off" and _server_wanted(argv):
        code = run_on_server(argv)
        if code is not None:
            sys.exit(code)
        # A CI job is one run on a machine thrown away afterwards: no server to keep there.
        if mode == "auto" and os.environ.get("CI", "").lower() in ("", "0", "false", "no"):
            _start_in_background()
    try:
        os.getcwd()
    except OSError:  # deleted under us: every path and config lookup would fail with a puzzling message
        sys.stderr.write("newslint: error: the working folder no longer exists (was it deleted?); "
                         "run newslint from a folder that does\n")
        sys.exit(2)
    from newslint.cli import main as cli_main

    ends_after_command()
    # Started with a standard stream closed (`>&-`, `2>&-`, `<&-`): what goes there is dropped,
    # and a closed stdin reads as empty (end of input: `fix -i` quits, `check -` has no text).
    for name, mode in (("stdout", "w"), ("stderr", "w"), ("stdin", "r")):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, mode, encoding="utf-8"))  # noqa: SIM115 - lives as long as the process
    try:
        cli_main()
        code = 0
    except SystemExit as exc:
        code = _exit_status(exc.code)
    except OSError as exc:  # what newslint reads is checked where it is read: this is the output
        code = output_failed(exc)
    _leave(code)


def output_failed(exc: OSError) -> int:
    """The command could not write its output (a full disk, a closed pipe), or another file it
    needed (the one named): one line, exit 2. A reader that went away (`newslint check | head`)
    needs no message."""
    import errno

    if exc.errno != errno.EPIPE:
        what = f"{exc.filename}: {exc.strerror or exc}" if exc.filename else f"cannot write the output: {exc.strerror or exc}"
        try:
            sys.stderr.write(f"newslint: error: {what}\n")
        except (OSError, ValueError, AttributeError):
            pass
    return 2


def _exit_status(code) -> int:
    """What the interpreter makes of `sys.exit(code)`: None is 0, a message is printed and 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    sys.stderr.write(f"{code}\n")
    return 1


def _leave(code: int) -> None:
    """End the process without tearing the interpreter down.

    A run leaves tens of megabytes of objects (rule data, the word cache, compiled patterns);
    freeing them one by one at exit took ~30 ms of every run, as long as linting a 100 kB
    article. Nothing is lost by skipping it: every file newslint writes is closed when written,
    the standard streams are flushed here and the exit handlers run, as at a normal exit."""
    import atexit

    atexit._run_exitfuncs()
    if not flush_standard_streams() and code == 0:
        code = 120  # the interpreter's own status when it cannot flush at exit
    os._exit(code)


def flush_standard_streams() -> bool:
    """Flush stdout and stderr (before os._exit or os.fork); False when one could not be."""
    flushed = True
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            flushed = False
    return flushed


if __name__ == "__main__":  # pragma: no cover
    main()
