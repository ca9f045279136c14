"""Running a check (or a fix) over many files: collection, parallelism, errors, exit codes.

Input and config errors are collected as one-line messages; the run goes on with the other
files and exits 2 at the end, so one bad file never hides the findings in the rest.

The run has three steps:

1. *plan*: expand the paths given on the command line into an ordered list of items (a file,
   stdin, an error such as a missing path, or a note such as an empty folder);
2. *work*: run a task (lint one file, or fix one file) for every file item — in this process,
   or with `--jobs N` in this process and N - 1 forked helpers that share the files out;
3. *emit*: hand the outcomes back **in input order**, whatever order the workers finished in,
   so `--jobs 2` prints exactly what `--jobs 1` prints.

What a run learns about words is kept for the next one in the user's cache folder
(`newslint.cache`): workers hand it back with their results, and the parent writes it once.

`NEWSLINT_RULE_TIMES=FILE` (for `bench/run.py`) makes every process time each rule's `check()`
and the parsing, and writes the totals to FILE as JSON at the end of the run.
"""

from __future__ import annotations

import functools
import gc
import json
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any, Callable, Iterator

from newslint import cache
from newslint.config import ConfigError, ConfigResolver
from newslint.engine import FileResult, InternalError, Linter, RuleError, Selection, at_or_above
from newslint.launcher import flush_standard_streams, keep_until_exit
from newslint.hindi.records import factory, record
from newslint.source import InputError

# "More than a handful of files": below this a process pool costs more than it saves.
PARALLEL_MIN_FILES = 8
# Show the progress bar only for runs that last longer than this (seconds).
PROGRESS_DELAY_ENV = "NEWSLINT_PROGRESS_DELAY"  # read per run (a server's children share one import)
RULE_TIMES_ENV = "NEWSLINT_RULE_TIMES"


@record
class RunOptions:
    paths: list[str]
    select: list[str] | None = None
    extend_select: list[str] = factory(list)
    ignore: list[str] = factory(list)
    fail_on: str | None = None
    config: Path | None = None
    stdin_filename: str | None = None
    languagetool_url: str | None = None
    jobs: int | None = None  # None or 0: the number of cores when there are many files, else 1
    progress: bool | None = None  # None: when stderr is a terminal and the run is long
    fingerprints: bool = True  # fingerprint what is read, for `fix` (Linter.fingerprints); `check` never writes


def error(message: str) -> None:
    sys.stderr.write(f"newslint: error: {message}\n")


def write_fully(stream, data: str | bytes) -> None:
    """Write all of `data` to a standard stream. A non-blocking stream (shared with a Node-based
    CI tool) takes only what fits in the pipe; with PYTHONUNBUFFERED the rest was dropped
    without a word (a 2 MB report came out as 64 KiB). Such a stream is written here, waiting
    until it takes more; any other goes through its usual write."""
    try:
        fd = stream.fileno()
        blocking = os.get_blocking(fd)
    except (AttributeError, OSError, ValueError):  # not a file (a test's stream)
        blocking = True
    if blocking:
        if isinstance(data, bytes):
            stream.flush()
            stream.buffer.write(data)
            stream.buffer.flush()
        else:
            stream.write(data)
        return
    import select

    stream.flush()
    encoded = data if isinstance(data, bytes) else data.encode(stream.encoding or "utf-8", stream.errors or "strict")
    view = memoryview(encoded)
    while view:
        try:
            written = os.write(fd, view)
        except BlockingIOError:
            select.select([], [fd], [])
            continue
        view = view[written:]


def reader_gone(stream) -> None:
    """The reader of `stream` went away (EPIPE): point it at /dev/null, so that what is still
    buffered, and the interpreter's last flush, go nowhere quietly. The run's exit code stands:
    it was 1 ("findings") for any run, even `--exit-zero` or all clear, when click caught it."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


class InputErrors:
    """The input errors of a run, each printed and counted once: a broken config is met again
    for every file under it that is named on the command line (as pre-commit names them)."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self._seen: set[str] = set()

    def __call__(self, message: str) -> None:
        if message not in self._seen:
            self._seen.add(message)
            self.messages.append(message)
            error(message)

    def __len__(self) -> int:
        return len(self.messages)


def make_linter(options: RunOptions) -> Linter:
    if options.config is not None and not options.config.is_file():
        raise ConfigError(f"{options.config}: config file not found")
    resolver = ConfigResolver(options.config, languagetool_url=options.languagetool_url)
    selection = Selection(options.select, options.extend_select, options.ignore, options.fail_on)
    linter = TimedLinter(resolver, selection) if os.environ.get(RULE_TIMES_ENV) else Linter(resolver, selection)
    linter.fingerprints = options.fingerprints
    return linter


# -- 1. plan ------------------------------------------------------------------------------------

@record
class Item:
    kind: str  # "file", "stdin", "error" or "note"
    value: Any  # a Path for "file", the name to show for "stdin", the message otherwise


def plan(linter: Linter, options: RunOptions) -> list[Item]:
    """The inputs in command-line order, folders expanded (sorted, recursively)."""
    items: list[Item] = []
    for raw in options.paths:
        if raw == "-":
            items.append(Item("stdin", options.stdin_filename or "-"))
            continue
        path = Path(raw)
        if not path.exists() and not path.is_symlink():
            items.append(Item("error", f"{raw}: no such file or directory"))
            continue
        try:
            files = list(linter.collect([raw]))
        except ConfigError as exc:
            items.append(Item("error", str(exc)))
            continue
        if path.is_dir() and not files:
            items.append(Item("note", f"{raw}: no .txt, .md or .markdown files to check"))
            continue
        items.extend(Item("file", file) for file in files)
    return items


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


def effective_jobs(requested: int | None, files: int) -> int:
    if requested is None or requested == 0:
        return default_jobs() if files > PARALLEL_MIN_FILES else 1
    return max(1, min(requested, files))


# -- 2. work --------------------------------------------------------------------------------------

# A task is a module-level function `task(linter, item) -> value` (picklable, for the pool). It
# may raise InputError/ConfigError or RuleError (a rule's bug met on this file): reported for
# that file, the run goes on (exit 2); or InternalError, a fatal ConfigError (LanguageTool down)
# or any other exception (a bug in newslint itself): the run stops with exit 2.

@record
class Outcome:
    status: str  # "ok", "error" (one line, the run goes on) or "internal" (the run stops)
    value: Any = None  # the task's value, or the message
    timings: dict | None = None  # NEWSLINT_RULE_TIMES: what this piece of work cost
    learned: dict | None = None  # a worker's new cache entries, for the parent to save (cache.py)


def _attempt(task: Callable, linter: Linter, item: Item) -> Outcome:
    try:
        return Outcome("ok", task(linter, item))
    except (InputError, ConfigError) as exc:  # a `fatal` one (LanguageTool down) stops the run
        return Outcome("internal" if getattr(exc, "fatal", False) else "error", str(exc))
    except RuleError as exc:  # this file's report is lost; the others are checked
        return Outcome("error", str(exc))
    except InternalError as exc:
        return Outcome("internal", str(exc))
    except Exception as exc:  # a bug in newslint itself: one line, not a traceback at a copy editor
        return Outcome("internal", f"{item.value}: internal error: {type(exc).__name__}: {exc} — please report this with the file")


def lint_task(linter: Linter, item: Item, keep_text: bool = True) -> FileResult:
    """Lint one file. `keep_text=False` when the report shows no source lines (every format but
    `full`): the text then never crosses a pipe from a `--jobs` helper, nor stays in memory."""
    if item.kind == "stdin":
        result = linter.lint_stdin(item.value)
    else:
        result = linter.lint_path(item.value)
    result.document = None  # the report needs the source and findings only; keeps memory flat
    if not keep_text:
        result.source.text = ""
    return result


def _shrink(value: Any) -> Any:
    """Before a result leaves a worker: drop what the parent has itself (the config)."""
    result = getattr(value, "result", value)
    if isinstance(result, FileResult):
        result.config = None
    return value


def _restore(linter: Linter, item: Item, value: Any) -> Any:
    result = getattr(value, "result", value)
    if isinstance(result, FileResult) and result.config is None:
        result.config = linter.resolver.for_path(item.value)
    return value


# Worker-process state for the spawn pool (no fork: macOS, Windows): the linter is built once
# per worker process.
_WORKER: dict[str, Any] = {}


def _init_worker(options: RunOptions) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the parent stops the pool, quietly
    if _WORKER.get("linter") is None:
        _WORKER["linter"] = make_linter(options)


def _work_chunk(task: Callable, chunk: list[tuple[int, Item]], linter: Linter | None = None) -> list[tuple[int, Outcome]]:
    """Run `task` over one chunk in a worker process, packing each outcome for the trip back."""
    linter = linter or _WORKER["linter"]
    done = []
    for index, item in chunk:
        outcome = _attempt(task, linter, item)
        outcome.timings = take_timings()
        outcome.learned = cache.take_fresh() or None
        if outcome.status == "ok":
            _shrink(outcome.value)
        done.append((index, outcome))
    return done


def _chunks(pending_work: list, jobs: int) -> list[list]:
    """Chunks of up to 16 files, smaller towards the end ("guided" scheduling): small chunks keep
    the workers evenly loaded at the finish; big ones cost fewer messages."""
    chunks = []
    i = 0
    while i < len(pending_work):
        size = max(1, min(16, (len(pending_work) - i) // (jobs * 4)))
        chunks.append(pending_work[i:i + size])
        i += size
    return chunks


def _can_fork() -> bool:
    # fork starts a worker in milliseconds and shares the parent's loaded rule data; elsewhere
    # (macOS, Windows) only spawn is safe.
    return sys.platform.startswith("linux") and hasattr(os, "fork")


def run_items(
    linter: Linter,
    options: RunOptions,
    items: list[Item],
    task: Callable,
    jobs: int | None = None,
    parallel: bool = True,
    progress: "Progress | None" = None,
) -> Iterator[tuple[Item, Outcome | None]]:
    """Run `task` for every file/stdin item; yield (item, outcome) in input order.

    Error and note items come through with outcome None. With jobs > 1 the files are shared
    between this process and jobs - 1 forked helpers (a spawned pool where there is no fork) and
    the outcomes re-ordered, so the output never depends on the job count.
    Whoever prints while this runs calls `progress.clear()` first.
    """
    work = [(index, item) for index, item in enumerate(items) if item.kind in ("file", "stdin")]
    files = sum(1 for _, item in work if item.kind == "file")
    jobs = effective_jobs(options.jobs if jobs is None else jobs, files) if parallel else 1
    progress = progress or Progress.for_items(items, options.progress)
    outcomes: dict[int, Outcome] = {}
    cursor = 0
    collector = _Collector()

    def drain() -> Iterator[tuple[Item, Outcome | None]]:
        nonlocal cursor
        while cursor < len(items) and (items[cursor].kind not in ("file", "stdin") or cursor in outcomes):
            item = items[cursor]
            outcome = outcomes.pop(cursor, None)
            cursor += 1
            yield item, outcome

    def run_here(index: int, item: Item) -> None:
        outcomes[index] = _attempt(task, linter, item)
        outcomes[index].timings = take_timings()
        progress.advance()
        collector.after_file()

    try:
        if jobs <= 1 or files < 2:
            for index, item in work:
                run_here(index, item)
                yield from drain()
        else:
            # Stdin is read here, in this process; the files are shared out.
            pending_work = []
            for index, item in work:
                if item.kind == "stdin":
                    run_here(index, item)
                else:
                    pending_work.append((index, item))
            yield from drain()
            if pending_work:
                run = _run_team if _can_fork() else _run_pool
                yield from run(linter, options, items, pending_work, task, jobs, outcomes, progress, drain, run_here, collector)
        yield from drain()
        if cursor != len(items):  # an outcome went missing: never report less than was asked for
            raise InternalError("a file's result went missing; run again with --jobs 1")
    finally:
        progress.clear()
        collector.end()
        cache.save_fresh()  # what this run learned, for the next (the workers' included)


class _Collector:
    """What a run does with Python's garbage collector.

    The first file loads the rule data, the word cache and the compiled patterns: objects that
    live for the rest of the run, which every full collection of a long run would scan again (five
    of them, ~75 ms of a 5 MB run). `gc.freeze()` after the first file puts them out of its sight.
    Before forking helpers, too: then fewer pages are copied on write. Not over someone else's
    freeze (a program embedding newslint); undone at the end of the run.

    And the young generation is collected after 3,000 new objects rather than 700: a file makes
    hundreds of thousands of short-lived ones, so four in five of those collections were pure
    cost (gc time of a 5 MB run 0.18 → 0.13 s, peak memory +0.3 MB). Restored at the end.
    """

    YOUNG = 3000

    def __init__(self) -> None:
        self.ours = gc.get_freeze_count() == 0
        self.pending = self.ours
        self.thresholds = gc.get_threshold()
        gc.set_threshold(max(self.YOUNG, self.thresholds[0]), *self.thresholds[1:])

    def after_file(self) -> None:
        if self.pending:
            self.pending = False
            gc.freeze()

    def before_fork(self) -> None:
        if self.ours:
            gc.freeze()

    def end(self) -> None:
        gc.set_threshold(*self.thresholds)
        if self.ours:
            gc.unfreeze()


def _take_chunk_result(linter: Linter, items: list[Item], chunk, outcomes: dict, progress: "Progress") -> None:
    for index, outcome in chunk:
        cache.absorb(outcome.learned)
        if outcome.status == "ok":
            _restore(linter, items[index], outcome.value)
        outcomes[index] = outcome
        progress.advance()


class _Helper:
    """One forked helper of a team: its process id (0 once waited for), and the pipe its
    results come back on."""

    def __init__(self, pid: int, results_fd: int):
        self.pid = pid
        self.results_fd = results_fd
        self.buffer = bytearray()
        self.open = True


HELPER_FAILED = 70  # a helper's exit status when it could not do or send its work
_HEADER = 8  # each message from a helper: 8-byte length, then a pickled chunk of outcomes
_STOP_GRACE = 2.0  # seconds a helper has to stop on SIGTERM (and tidy a half-written fix) before SIGKILL


class _Stopped(BaseException):
    """Raised in a helper by SIGTERM: it unwinds (a `fix` removes its temporary file) and exits."""


def _run_team(linter, options, items, pending_work, task, jobs, outcomes, progress, drain, run_here, collector):
    """Lint with this process and jobs - 1 forked helpers, all taking chunks from one queue.

    Why not a process pool: there the parent only hands out work and unpickles every result, a
    third process on two cores; and every result crosses a pipe. Here this process works too,
    and only the helpers' results are pickled. The queue is a pipe filled with 4-byte chunk
    numbers before anyone reads it: each read takes exactly one (a pipe read is atomic, and the
    data is a whole number of 4-byte records), and an empty pipe with no writer reads as the end.
    """
    import pickle
    import selectors

    parent = os.getpid()
    helpers: list[_Helper] = []
    selector = None
    queue_read = -1
    try:
        try:
            selector = selectors.DefaultSelector()
            queue_read, chunks = _fill_queue(_chunks(pending_work, jobs))
        except OSError:  # no file descriptors left (ulimit -n): this process does all the work
            chunks, jobs = [pending_work], 1
        flush_standard_streams()  # or a helper's copy of a buffer could be written twice
        collector.before_fork()
        for _ in range(jobs - 1):
            helper = _start_helper(task, linter, chunks, queue_read, helpers, parent)
            if helper is None:
                break  # no more processes allowed (a container's limit, memory): fewer helpers
            helpers.append(helper)
            os.set_blocking(helper.results_fd, False)
            selector.register(helper.results_fd, selectors.EVENT_READ, helper)
        finished = 0  # chunks done, here or by a helper

        def collect(timeout: float | None) -> None:
            nonlocal finished
            for key, _ in selector.select(timeout):
                helper = key.data
                while True:
                    try:
                        data = os.read(helper.results_fd, 1 << 20)
                    except BlockingIOError:
                        break
                    if not data:
                        helper.open = False
                        selector.unregister(helper.results_fd)
                        break
                    helper.buffer += data
                buffer = helper.buffer
                start = 0
                while len(buffer) - start >= _HEADER:
                    size = int.from_bytes(buffer[start:start + _HEADER], "little")
                    if len(buffer) - start - _HEADER < size:
                        break
                    chunk = pickle.loads(buffer[start + _HEADER:start + _HEADER + size])
                    _take_chunk_result(linter, items, chunk, outcomes, progress)
                    finished += 1
                    start += _HEADER + size
                del buffer[:start]
                if not helper.open:  # it has exited (or is exiting): a helper that failed stops the run now
                    _, status = os.waitpid(helper.pid, 0)
                    helper.pid = 0
                    if status != 0 or buffer:
                        raise InternalError(f"a worker process died ({_how_it_ended(status)}); run again with --jobs 1")

        if queue_read < 0:
            for index, item in pending_work:
                run_here(index, item)
                yield from drain()
            return
        while (number := _next_chunk(queue_read)) is not None:
            for index, item in chunks[number]:
                run_here(index, item)
                if helpers:
                    collect(0)
            finished += 1
            yield from drain()
        while any(helper.open for helper in helpers):
            collect(None)
            yield from drain()
        if finished != len(chunks):  # cannot happen while every helper exits 0; never print less
            raise InternalError("a worker process stopped early; run again with --jobs 1")
    finally:
        if queue_read >= 0:
            os.close(queue_read)
        _stop_helpers(helpers)
        for helper in helpers:
            os.close(helper.results_fd)
        if selector is not None:
            selector.close()


def _fill_queue(chunks: list[list]) -> tuple[int, list[list]]:
    """A pipe holding every chunk's number, and the chunks (merged in pairs until their numbers
    fit the pipe: it is filled before anyone reads it, so it must not fill up)."""
    queue_read, queue_write = os.pipe()
    try:
        room = _pipe_size(queue_write)
        while len(chunks) * 4 > room:
            chunks = [a + b for a, b in zip(chunks[::2], chunks[1::2] + [[]])]
        _write_all(queue_write, b"".join(n.to_bytes(4, "little") for n in range(len(chunks))))
    except BaseException:
        os.close(queue_read)
        raise
    finally:
        os.close(queue_write)
    return queue_read, chunks


def _pipe_size(fd: int) -> int:
    """The pipe's capacity: 64 KiB as a rule, less for a user past `pipe-user-pages-soft`."""
    import fcntl

    try:
        return fcntl.fcntl(fd, getattr(fcntl, "F_GETPIPE_SZ", 1032))
    except OSError:
        return 4096  # one page: the least a pipe holds


def _start_helper(task: Callable, linter: Linter, chunks: list, queue_read: int, helpers: list[_Helper], parent: int) -> _Helper | None:
    """Fork one helper (None when the system refuses another process, or the pipe to it)."""
    try:
        results_read, results_write = os.pipe()
    except OSError:  # no file descriptors left (ulimit -n): fewer helpers, as when fork is refused
        return None
    _grow_pipe(results_write)
    # Ctrl-C goes to the terminal's whole process group: blocked across the fork, so that neither
    # the new helper (before it ignores SIGINT) nor this process (before it records the helper)
    # is interrupted half-way. Either gets what was blocked when it unblocks.
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        try:
            pid = os.fork()
        except OSError:
            os.close(results_read)
            os.close(results_write)
            return None
        if pid == 0:  # the helper: never returns, never unwinds into the caller's stack
            try:
                os.close(results_read)
                for other in helpers:
                    os.close(other.results_fd)
                _helper_main(task, linter, chunks, queue_read, results_write, parent, mask)
            finally:
                os._exit(HELPER_FAILED)
        os.close(results_write)
        return _Helper(pid, results_read)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)


def _stop_helpers(helpers: list[_Helper]) -> None:
    """Stop the helpers still running (the run ended early: an error, Ctrl-C) and wait for them.

    SIGTERM first: a helper in the middle of `fix` removes its temporary file as it unwinds.
    SIGKILL for one that has not stopped after a grace period."""
    running = [helper for helper in helpers if helper.pid]
    for helper in running:
        try:
            os.kill(helper.pid, signal.SIGTERM)
        except OSError:
            pass
    deadline = time.monotonic() + _STOP_GRACE
    for helper in running:
        try:
            while os.waitpid(helper.pid, os.WNOHANG)[0] == 0:
                if time.monotonic() > deadline:
                    os.kill(helper.pid, signal.SIGKILL)
                    os.waitpid(helper.pid, 0)
                    break
                time.sleep(0.005)
        except OSError:
            pass
        helper.pid = 0


def _helper_main(task: Callable, linter: Linter, chunks: list, queue_read: int, results_write: int, parent: int, mask) -> None:
    """A forked helper: take chunks until the queue is empty, send their outcomes, exit.

    It leaves with os._exit, so nothing of the parent's (atexit hooks, the finally blocks up the
    stack, buffered output) runs twice.
    """
    import pickle

    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the parent stops the team, quietly
        signal.signal(signal.SIGTERM, _on_stop)
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        _die_with(parent)
        cache.take_fresh()  # the parent's entries are the parent's to save
        first = True
        while (number := _next_chunk(queue_read)) is not None:
            data = pickle.dumps(_work_chunk(task, chunks[number], linter), protocol=pickle.HIGHEST_PROTOCOL)
            _write_all(results_write, len(data).to_bytes(_HEADER, "little") + data)
            if first:  # the rule data this helper loaded lives as long as it does (see _Collector)
                first = False
                gc.freeze()
    except (_Stopped, BrokenPipeError):  # stopped by the parent, or the parent has gone: nothing to tell
        code = HELPER_FAILED
    except BaseException as exc:  # noqa: BLE001 - the parent reports a helper that ends badly
        code = HELPER_FAILED
        try:
            os.write(2, f"newslint: a worker process failed: {type(exc).__name__}: {exc}\n".encode("utf-8", "replace"))
        except OSError:
            pass
    finally:
        os._exit(code)


def _on_stop(signum, frame) -> None:
    raise _Stopped()


def _die_with(parent: int) -> None:
    """Linux's parent-death signal: a helper must not go on linting for a killed `newslint`.
    SIGTERM, so that a helper in the middle of `fix` still tidies up."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # without it a helper stops at its next result, on a broken pipe
    if os.getppid() != parent:  # the parent died before the signal was set up
        raise _Stopped()


def _next_chunk(queue_read: int) -> int | None:
    data = os.read(queue_read, 4)
    if not data:
        return None
    if len(data) != 4:  # cannot happen (see _run_team); never take a wrong chunk
        raise InternalError("the work queue was misread; run again with --jobs 1")
    return int.from_bytes(data, "little")


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _grow_pipe(fd: int) -> None:
    """Room for a few chunks' results: a helper should not wait while this process lints a file."""
    import fcntl

    try:
        fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ", 1031), 256 * 1024)
    except OSError:
        pass  # the default 64 KiB works too, with more waiting


def _how_it_ended(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"killed by signal {os.WTERMSIG(status)}"
    return f"exit status {os.waitstatus_to_exitcode(status)}"


def _run_pool(linter, options, items, pending_work, task, jobs, outcomes, progress, drain, run_here, collector):
    """Where there is no fork: a pool of spawned workers, each building its own linter."""
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("spawn")
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker, initargs=(options,))
    try:
        futures = {executor.submit(_work_chunk, task, chunk) for chunk in _chunks(pending_work, jobs)}
        while futures:
            finished, futures = wait(futures, return_when=FIRST_COMPLETED)
            for future in finished:
                try:
                    chunk = future.result()
                except BrokenProcessPool as exc:
                    raise InternalError(f"a worker process died ({exc}); run again with --jobs 1") from None
                _take_chunk_result(linter, items, chunk, outcomes, progress)
            yield from drain()
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


# -- progress -------------------------------------------------------------------------------------

class Progress:
    """A progress bar on stderr (`newslint ████████░░░░ 37/120 files · 4 s left`): only when
    stderr is a terminal and the run lasts more than half a second (or with --progress); wiped
    before anything else is printed."""

    BAR_CELLS = 24  # at most; fewer on a narrow terminal

    def __init__(self, total: int, wanted: bool | None, stream=None):
        self.stream = stream or sys.stderr
        self.total = total
        self.done = 0
        self.started = time.monotonic()
        self.last = 0.0
        self.shown = False
        self.drawn = 0  # characters on the line now, for `clear`
        if wanted is None:
            isatty = getattr(self.stream, "isatty", None)
            self.enabled = bool(isatty and isatty()) and total > 1
            self.delay = float(os.environ.get(PROGRESS_DELAY_ENV, "0.5"))
        else:
            self.enabled = bool(wanted) and total > 0
            self.delay = 0.0
        self.width = self._terminal_width() if self.enabled else 80
        # block characters and a middle dot, or ASCII where stderr cannot encode them
        self.cells, self.dot = (("█", "░"), "·") if self._can_write("█░·") else (("#", "-"), "-")

    @classmethod
    def for_items(cls, items: list[Item], wanted: bool | None) -> "Progress":
        return cls(sum(1 for item in items if item.kind in ("file", "stdin")), wanted)

    def advance(self, count: int = 1) -> None:
        self.done += count
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.started < self.delay:
            return
        if self.shown and now - self.last < 0.1 and self.done < self.total:
            return
        self.last = now
        self.shown = True
        line = self.line(now - self.started)
        # a shorter line than the one before (the time left shrank) must cover all of it
        self.stream.write("\r" + line + " " * max(0, self.drawn - len(line)))
        self.drawn = len(line)
        self.stream.flush()

    def line(self, elapsed: float) -> str:
        """The bar, the count and, once the pace is known, the time left; never wider than the
        terminal (a wrapped line cannot be redrawn with \\r)."""
        counted = f"{self.done}/{self.total} files"
        left = ""
        if elapsed >= 1.0 and 0 < self.done < self.total:
            seconds = round(elapsed / self.done * (self.total - self.done))
            left = f" {self.dot} {seconds} s left" if seconds < 120 else f" {self.dot} {round(seconds / 60)} min left"
        room = self.width - 1 - len("newslint  ") - len(counted) - len(left)
        cells = min(self.BAR_CELLS, room)
        if cells < 8:  # too narrow for a bar worth drawing
            return f"newslint: {counted}"[:max(self.width - 1, 1)]
        full = min(cells, self.done * cells // self.total) if self.total else cells
        bar = self.cells[0] * full + self.cells[1] * (cells - full)
        return f"newslint {bar} {counted}{left}"

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * self.drawn + "\r")
            self.stream.flush()
            self.shown = False
            self.drawn = 0

    def _terminal_width(self) -> int:
        try:
            return os.get_terminal_size(self.stream.fileno()).columns or 80
        except (AttributeError, OSError, ValueError):  # not a real terminal (a test's stream, --progress to a pipe)
            return 80

    def _can_write(self, text: str) -> bool:
        try:
            text.encode(getattr(self.stream, "encoding", None) or "ascii")
            return True
        except (LookupError, UnicodeEncodeError):
            return False


# -- rule timing (NEWSLINT_RULE_TIMES, for bench/run.py) ------------------------------------------

_TIMINGS: dict[str, float] = {}


def take_timings() -> dict | None:
    if not _TIMINGS:
        return None
    snapshot = dict(_TIMINGS)
    _TIMINGS.clear()
    return snapshot


def _add_time(key: str, seconds: float) -> None:
    _TIMINGS[key] = _TIMINGS.get(key, 0.0) + seconds


class TimedLinter(Linter):
    """A linter that times (in CPU seconds) the parsing, the document's views, each rule's
    `check()` (consumed in full; its first call in this process apart, since that is where a
    rule builds its data) and each `ctx.load` build."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _patch_context_load()

    def rules_for(self, config):
        rules = super().rules_for(config)
        for rule in rules:
            if not getattr(rule, "_newslint_timed", False):
                rule.check = _timed_check(rule.code, rule.check)
                rule._newslint_timed = True
        return rules

    def lint_source(self, source, config):
        from newslint.document import parse_document
        from newslint.engine import lint_document

        clock = time.process_time
        started = clock()
        document = parse_document(source)
        parsed = clock()
        # The document's lazy views, built here so that the first rule to use one is not
        # charged for it (this costs a little extra when no rule needs a view).
        for view in ("tokens", "sentences", "blocks", "body_lines", "headline", "language", "_line_starts", "_token_starts"):
            getattr(document, view, None)
        viewed = clock()
        findings = lint_document(document, config, self.rules_for(config))
        finished = clock()
        size = float(len(source.text.encode("utf-8")))
        _add_time("parse", parsed - started)
        _add_time("views", viewed - parsed)
        _add_time("lint", finished - started)
        _add_time("bytes", size)
        _add_time("documents", 1.0)
        if "first_bytes" not in _SEEN:
            _SEEN.add("first_bytes")
            _add_time("first_bytes", size)
        return FileResult(source, document, findings, config)


_SEEN: set[str] = set()


def _timed_check(code: str, check: Callable) -> Callable:
    def timed(doc, ctx):
        started = time.process_time()
        try:
            return list(check(doc, ctx))
        finally:
            spent = time.process_time() - started
            _add_time(f"rule:{code}", spent)
            if code not in _SEEN:
                _SEEN.add(code)
                _add_time(f"first:{code}", spent)

    return timed


def _patch_context_load() -> None:
    from newslint.context import Context

    if getattr(Context.load, "_newslint_timed", False):
        return
    original = Context.load

    def load(self, key, build):
        slot = ("built", key)
        if slot in self.packs._cache:
            return self.packs._cache[slot]
        started = time.process_time()
        try:
            return original(self, key, build)
        finally:
            _add_time(f"load:{key}", time.process_time() - started)

    load._newslint_timed = True
    Context.load = load


class TimingTotals:
    def __init__(self) -> None:
        self.totals: dict[str, float] = {}
        self.path = os.environ.get(RULE_TIMES_ENV)

    def add(self, outcome: Outcome | None) -> None:
        if outcome is not None and outcome.timings:
            for key, value in outcome.timings.items():
                self.totals[key] = self.totals.get(key, 0.0) + value

    def write(self) -> None:
        if not self.path:
            return

        def group(prefix: str) -> dict[str, float]:
            return {key[len(prefix):]: value for key, value in sorted(self.totals.items()) if key.startswith(prefix)}

        report = {
            "clock": "process CPU time (s)",
            "documents": int(self.totals.get("documents", 0)),
            "bytes": int(self.totals.get("bytes", 0)),
            "first_document_bytes": int(self.totals.get("first_bytes", 0)),
            "parse_seconds": self.totals.get("parse", 0.0),
            "views_seconds": self.totals.get("views", 0.0),
            "lint_seconds": self.totals.get("lint", 0.0),
            "rules": group("rule:"),
            "rules_first_call": group("first:"),
            "loads": group("load:"),
        }
        try:
            Path(self.path).write_text(json.dumps(report, indent=2), encoding="utf-8")
        except OSError as exc:
            error(f"{self.path}: cannot write rule timings: {exc.strerror or exc}")


# -- check ----------------------------------------------------------------------------------------

def digest_task(linter: Linter, item: Item, digester) -> Any:
    """Lint one file and keep only what the report prints of it (`report.FileDigest`)."""
    result = lint_task(linter, item)
    return digester.digest(result, linter.fail_on(result.config))


def iter_results(
    linter: Linter, options: RunOptions, on_error: Callable[[str], None], keep_text: bool = True, digester=None
) -> Iterator[Any]:
    """Lint every input, yielding results in input order; report input errors through on_error.
    Each result is a FileResult, or with a `digester` (`report.Digester`) the file's digest
    (`keep_text` then does not matter: the digest holds the lines that quote the text).

    Raises InternalError (a bug in a rule) at the point a sequential run would hit it.
    """
    timings = TimingTotals()
    items = plan(linter, options)
    progress = Progress.for_items(items, options.progress)
    try:
        if digester is not None:
            task = functools.partial(digest_task, digester=digester)
        else:
            task = lint_task if keep_text else functools.partial(lint_task, keep_text=False)
        for item, outcome in run_items(linter, options, items, task, progress=progress):
            timings.add(outcome)
            if item.kind != "file" and item.kind != "stdin" or outcome.status != "ok":
                progress.clear()
            if item.kind == "note":
                sys.stderr.write(f"newslint: note: {item.value}\n")
            elif item.kind == "error":
                on_error(item.value)
            elif outcome.status == "error":
                on_error(outcome.value)
            elif outcome.status == "internal":
                raise InternalError(outcome.value)
            else:
                yield outcome.value
    finally:
        timings.write()


def run_check(options: RunOptions, fmt: str, output: Path | None, style, statistics: bool, quiet: bool, exit_zero: bool) -> int:
    from newslint.report import FileDigest, Report

    errors = on_error = InputErrors()
    report = Report(fmt, style, statistics=statistics, quiet=quiet)
    try:
        linter = make_linter(options)
        for result in iter_results(linter, options, on_error, keep_text=fmt == "full", digester=report.digester):
            report.add(result)  # written as it comes: with --jobs, while the helpers still lint
    except (ConfigError, InternalError) as exc:
        error(str(exc))
        return 2
    results = report.results
    keep_until_exit(report, linter)  # (when the process ends right after this run)
    text = report.finish(unchecked=len(errors))
    if output is not None:
        try:
            output.write_text(text, encoding="utf-8", errors="surrogateescape")  # a file name that is not UTF-8: its bytes
        except OSError as exc:
            error(f"{output}: cannot write the report: {exc.strerror or exc}")
            return 2
    else:
        try:
            write_fully(sys.stdout, text)
            sys.stdout.flush()
        except BrokenPipeError:  # `| head -1`: the reader has what it wanted; the exit code is the run's
            reader_gone(sys.stdout)
    if errors:
        return 2
    if exit_zero:
        return 0
    failing = sum(r.failing if isinstance(r, FileDigest) else at_or_above(r.findings, linter.fail_on(r.config)) for r in results)
    return 1 if failing else 0
