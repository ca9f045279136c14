"""`newslint fix`: apply suggestions without ever losing data.

- Only the spans that findings report change; everything else stays byte for byte.
- A suggestion whose replacement equals the flagged text is guidance only: it is never applied
  and never counted as a fix.
- Which suggestion: the first safe one; with `--unsafe`, when there is no safe one, the first
  unsafe one.
- Overlapping fixes are resolved deterministically: earliest start first, then the shorter span,
  then the rule code, then the replacement; a fix that overlaps one already taken (or a second
  insertion at the same point) waits for the next pass. A fix whose span would split a CRLF pair
  is never applied, and line breaks inside a replacement are written as the file's own.
- Passes repeat (re-linting the fixed text) until nothing changes, so a second run is a no-op.
  Rules that keep undoing each other are stopped and reported (not converged) instead of looping.
- Writing is atomic (temp file + rename in the same folder, mode kept), in the file's own
  encoding, BOM and line endings, refuses to write when the file changed since it was read, and
  refuses a read-only file.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import codecs
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable


from newslint.rule import Finding, Suggestion
from newslint.source import fingerprint_of
from newslint.compiled import compile_regex

MAX_PASSES = 10
LINE_BREAK_RE = compile_regex(r"\r\n|\r|\n")


@dataclass
class AppliedFix:
    finding: Finding
    suggestion: Suggestion


def is_change(text: str, finding: Finding, suggestion: Suggestion) -> bool:
    """False for guidance: a suggestion that would leave the flagged text as it is."""
    return text[finding.start:finding.end] != suggestion.replacement


def choose(finding: Finding, unsafe: bool, text: str | None = None) -> Suggestion | None:
    """The suggestion `fix` applies: the first safe one; with unsafe, else the first unsafe one.

    Given the text, suggestions that would change nothing (guidance) are passed over.
    """
    real = [s for s in finding.suggestions if text is None or is_change(text, finding, s)]
    for suggestion in real:
        if suggestion.safe:
            return suggestion
    if unsafe and real:
        return real[0]
    return None


def splits_line_break(text: str, offset: int) -> bool:
    return 0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n"


def with_newlines(replacement: str, newline: str) -> str:
    """Line breaks in a replacement are written as the file's own (CRLF stays CRLF)."""
    if "\r" not in replacement and "\n" not in replacement:
        return replacement
    return LINE_BREAK_RE.sub(newline.replace("\\", "\\\\"), replacement)


def select_edits(text: str, candidates: list[tuple[Finding, Suggestion]]) -> list[tuple[Finding, Suggestion]]:
    """A deterministic, non-overlapping subset of (finding, suggestion) edits, in text order."""
    ordered = sorted(
        (c for c in candidates if 0 <= c[0].start <= c[0].end <= len(text)),
        key=lambda c: (c[0].start, c[0].end - c[0].start, c[0].code, c[1].replacement, c[0].message),
    )
    taken: list[tuple[Finding, Suggestion]] = []
    last_end = -1
    last_was_insertion_at = -1
    for finding, suggestion in ordered:
        if splits_line_break(text, finding.start) or splits_line_break(text, finding.end):
            continue
        if finding.start < last_end:
            continue  # overlaps a fix already taken: the next pass sees it again
        if finding.start == finding.end and finding.start in (last_end, last_was_insertion_at):
            continue  # two insertions at one point (or right after a change): order would matter
        taken.append((finding, suggestion))
        last_end = finding.end
        if finding.start == finding.end:
            last_was_insertion_at = finding.start
    return taken


def splice(text: str, edits: list[tuple[int, int, str]]) -> str:
    """Replace non-overlapping, sorted [start, end) spans; everything else is kept as is."""
    pieces = []
    cursor = 0
    for start, end, replacement in edits:
        pieces.append(text[cursor:start])
        pieces.append(replacement)
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def apply_fixes(text: str, findings: list[Finding], unsafe: bool = False, newline: str | None = None) -> tuple[str, list[AppliedFix]]:
    """Apply one non-overlapping set of fixes to `text`; return the new text and what was applied."""
    candidates = []
    for finding in findings:
        suggestion = choose(finding, unsafe, text)
        if suggestion is not None:
            candidates.append((finding, suggestion))
    taken = select_edits(text, candidates)
    nl = newline or "\n"
    edits = [(f.start, f.end, with_newlines(s.replacement, nl) if newline else s.replacement) for f, s in taken]
    applied = [AppliedFix(f, s) for (f, s), (start, end, rep) in zip(taken, edits) if text[start:end] != rep]
    return splice(text, edits), applied


@dataclass
class FixRun:
    text: str
    applied: list[AppliedFix] = field(default_factory=list)
    remaining: list[Finding] | None = None  # findings of the final text (the last pass linted it)
    passes: int = 0
    unsettled: list[str] = field(default_factory=list)  # rules whose fixes did not settle
    # fixable findings that went with the text another fix deleted or replaced (a slip in a
    # related-story line that ST105 deletes): gone, though no fix of theirs was applied
    swept: int = 0

    @property
    def converged(self) -> bool:
        return not self.unsettled


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def fix_until_stable(
    text: str,
    lint: Callable[[str], list[Finding]],
    unsafe: bool = False,
    newline: str | None = None,
    first_findings: list[Finding] | None = None,
    max_passes: int = MAX_PASSES,
) -> FixRun:
    """Fix repeatedly: `lint(text)` returns findings for a text; stop when nothing changes.

    Stops early, keeping the last text reached, when a pass would bring back a text seen
    before (rules undoing each other) or after `max_passes`; `unsettled` names the rules.
    """
    run = FixRun(text)
    seen = {_digest(text)}
    findings = first_findings if first_findings is not None else lint(text)
    while True:
        new_text, applied = apply_fixes(run.text, findings, unsafe, newline)
        run.remaining = findings
        if not applied or new_text == run.text:
            return run
        digest = _digest(new_text)
        if run.passes >= max_passes or digest in seen:
            run.unsettled = sorted({fix.finding.code for fix in applied})
            return run
        seen.add(digest)
        run.swept += _swept(findings, applied, run.text, unsafe)
        run.applied.extend(applied)
        run.text = new_text
        run.passes += 1
        findings = lint(run.text)


def _swept(findings: list[Finding], applied: list[AppliedFix], text: str, unsafe: bool) -> int:
    """How many of `findings` with a fix of their own were not applied but lie wholly inside
    the text an applied fix replaced."""
    taken = {id(fix.finding) for fix in applied}
    spans = [(fix.finding.start, fix.finding.end) for fix in applied if fix.finding.end > fix.finding.start]
    return sum(
        1
        for f in findings
        if id(f) not in taken and choose(f, unsafe, text) is not None
        and any(s <= f.start and f.end <= e and (s, e) != (f.start, f.end) for s, e in spans)
    )


def fix_text(text: str, lint, unsafe: bool = False) -> tuple[str, list[AppliedFix]]:
    """Fix repeatedly: `lint(text)` returns findings for a text; stop when nothing changes."""
    run = fix_until_stable(text, lint, unsafe)
    return run.text, run.applied


# -- writing ---------------------------------------------------------------------------------------

class FileChanged(Exception):
    pass


class NotWritable(Exception):
    pass


def _fingerprint(path: Path) -> str:
    return fingerprint_of(path.read_bytes())


def write_atomically(path: Path, data: bytes, expected_fingerprint: str) -> None:
    """Replace `path` with `data`: temp file in the same folder, fsync, rename; mode kept.

    Refuses (FileChanged) when the bytes on disk are no longer those that were read, and
    (NotWritable) when the file is read-only. A symlink is followed: its target is replaced.
    """
    if not expected_fingerprint:  # a source read without one (as `check` reads): never guess
        raise ValueError(f"{path}: read without a fingerprint; nothing was written")
    target = path.resolve()
    if _fingerprint(target) != expected_fingerprint:
        raise FileChanged(f"{path}: the file changed while newslint was fixing it; nothing was written (run again)")
    info = target.stat()
    if not info.st_mode & 0o222:
        raise NotWritable(f"{path}: the file is read-only; nothing was written")
    if not os.access(target, os.W_OK):
        # the rename would need only the folder's permission: a file of someone else's that we
        # may not write (`echo > file` is refused) must not be replaced by one of ours
        raise NotWritable(f"{path}: you may not write this file; nothing was written")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".newslint-tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _copy_metadata(target, info, tmp)
        # Last look just before the rename: an editor that saved meanwhile wins.
        if _fingerprint(target) != expected_fingerprint:
            raise FileChanged(f"{path}: the file changed while newslint was fixing it; nothing was written (run again)")
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    _fsync_folder(target.parent)


def _copy_metadata(target: Path, info: os.stat_result, tmp: str) -> None:
    """Give the new file the old one's owner and group (as far as we may), extended attributes
    (ACLs among them, on Linux) and mode."""
    if hasattr(os, "chown"):
        mine = os.stat(tmp)
        if (info.st_uid, info.st_gid) != (mine.st_uid, mine.st_gid):
            try:
                os.chown(tmp, info.st_uid, info.st_gid)
            except OSError:
                try:  # not allowed to give the file away: keep at least its group (a shared folder)
                    os.chown(tmp, -1, info.st_gid)
                except OSError:
                    pass
    if hasattr(os, "listxattr"):
        try:
            names = os.listxattr(target)
        except OSError:
            names = []
        for name in names:  # system.posix_acl_access is the file's ACL
            try:
                os.setxattr(tmp, name, os.getxattr(target, name))
            except OSError:  # security.* labels may need privileges: the rest is still copied
                pass
    # last: with an ACL the group bits are its mask, and chmod sets them back to the old file's
    os.chmod(tmp, info.st_mode & 0o7777)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":  # pragma: no cover
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some filesystems refuse
        pass
    finally:
        os.close(fd)


PATCH_LINE_RE = compile_regex(r"[^\n]*\n|[^\n]+\Z")


def unified_diff(path: str, before: str, after: str) -> str:
    """A patch `patch -p1`/`git apply` accept: lines split at LF only, as they do (str.splitlines
    would also split at form feeds, U+2028 and other characters that are not line breaks there)."""
    diff = difflib.unified_diff(
        PATCH_LINE_RE.findall(before), PATCH_LINE_RE.findall(after), fromfile=f"a/{path}", tofile=f"b/{path}"
    )
    lines = []
    for line in diff:
        lines.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(lines)


# -- one file ----------------------------------------------------------------------------------------

@dataclass
class FixOutcome:
    """What fixing one file did; built in a worker, reported by the parent in input order."""

    result: object  # the FileResult of what is left (source = the fixed text)
    applied: int = 0
    swept: int = 0  # see FixRun.swept
    diff: str = ""
    stdout_text: bytes | None = None  # stdin: the fixed text, encoded as it came (codec and BOM)
    write_error: str | None = None
    note: str | None = None
    quit: bool = False  # interactive: the editor pressed q


def make_lint(linter, source, config) -> Callable[[str], list[Finding]]:
    from newslint.document import parse_document
    from newslint.engine import lint_document

    rules = linter.rules_for(config)

    def lint(text: str) -> list[Finding]:
        clone = dataclasses.replace(source, text=text)
        return lint_document(parse_document(clone), config, rules)

    return lint


def fix_task(linter, item, unsafe: bool = False, diff: bool = False) -> FixOutcome:
    from newslint.runner import lint_task

    result = lint_task(linter, item)
    source, config = result.source, result.config
    lint = make_lint(linter, source, config)
    run = fix_until_stable(source.text, lint, unsafe, source.newline, first_findings=result.findings)
    outcome = FixOutcome(result, applied=len(run.applied), swept=run.swept)
    if not run.converged:
        outcome.note = (
            f"{source.path}: fixes by {', '.join(run.unsettled)} did not settle (the rules undo each other); "
            "stopped before repeating — please report this"
        )
    return finish(outcome, linter, source, config, run.text, run.remaining, lint, diff)


def finish(outcome: FixOutcome, linter, source, config, new_text: str, remaining, lint, diff: bool) -> FixOutcome:
    """Write (or diff) the fixed text; leave in outcome.result what is still to report."""
    result = outcome.result
    if new_text == source.text:
        if source.real_path is None and not diff:
            outcome.stdout_text = source.encode(new_text)  # stdin is a filter: the text goes out even when unchanged
        result.findings = remaining if remaining is not None else lint(new_text)
        return outcome
    if diff:
        # A UTF-8 file's BOM is part of its first line for `patch` and `git apply`: without it
        # the first hunk does not apply (or only with fuzz).
        bom = "\ufeff" if source.bom == codecs.BOM_UTF8 else ""
        outcome.diff = unified_diff(source.path, bom + source.text, bom + new_text)
        if source.encoding != "utf-8":
            undiffable = (f"{source.path} is stored in {source.encoding.upper()}: its diff is shown in UTF-8, "
                          "which `patch` and `git apply` cannot apply to it (`newslint fix` without --diff can)")
            outcome.note = f"{outcome.note}; {undiffable}" if outcome.note else undiffable
    elif source.real_path is None:
        outcome.stdout_text = source.encode(new_text)  # stdin: the fixed text goes to stdout
    else:
        try:
            data = source.encode(new_text)
            write_atomically(source.real_path, data, source.fingerprint)
        except (FileChanged, NotWritable) as exc:
            outcome.write_error = str(exc)
        except UnicodeEncodeError as exc:
            outcome.write_error = f"{source.path}: a fix cannot be stored in {source.encoding.upper()} ({exc.reason}); nothing was written"
        except OSError as exc:
            outcome.write_error = f"{source.path}: cannot write: {exc.strerror or exc}"
        if outcome.write_error:
            outcome.applied = 0
            return outcome  # the file is as it was: its findings are the first lint's
    result.findings = remaining if remaining is not None else lint(new_text)
    result.source = dataclasses.replace(source, text=new_text)
    return outcome


def interactive_task(linter, item, keys, out, style, diff: bool = False) -> FixOutcome:
    from newslint.interactive import review
    from newslint.runner import lint_task

    result = lint_task(linter, item)
    source, config = result.source, result.config
    lint = make_lint(linter, source, config)
    session = review(result, keys, out, style, saves=not diff)
    outcome = FixOutcome(result, applied=session.accepted, quit=session.quit)
    return finish(outcome, linter, source, config, session.text, None, lint, diff)


# -- the command -------------------------------------------------------------------------------------

def run_fix(options, unsafe: bool, diff: bool, interactive: bool, quiet: bool, exit_zero: bool, style) -> int:
    import functools

    from newslint.config import ConfigError
    from newslint.engine import InternalError, at_or_above
    from newslint.report import render
    from newslint.runner import InputErrors, Progress, TimingTotals, error, make_linter, plan, reader_gone, run_items, write_fully

    errors = on_error = InputErrors()

    _unwind_on_sigterm()
    to_stdout = source_is_stdout(options)
    if interactive and to_stdout:
        error("--interactive reads your answers from stdin, so it cannot fix text read from stdin ('-')")
        return 2
    out = sys.stdout
    report_stream = sys.stderr if (to_stdout or diff) else out
    remaining = []
    total_applied = total_swept = 0
    timings = TimingTotals()
    try:
        linter = make_linter(options)
        items = unique_files(plan(linter, options))
        progress = Progress.for_items(items, False if interactive else options.progress)
        if interactive:
            keys = sys.stdin
            stopped = {"quit": False}

            def task(linter, item):
                if stopped["quit"]:
                    from newslint.runner import lint_task

                    return FixOutcome(lint_task(linter, item))  # after q: report, change nothing
                # with --diff, stdout is the patch: the conversation goes to stderr
                outcome = interactive_task(linter, item, keys, sys.stderr if diff else out, style, diff)
                stopped["quit"] = outcome.quit
                return outcome

            stream = run_items(linter, options, items, task, parallel=False, progress=progress)
        else:
            stream = run_items(linter, options, items, functools.partial(fix_task, unsafe=unsafe, diff=diff), progress=progress)
        try:
            for item, outcome in stream:
                timings.add(outcome)
                if item.kind not in ("file", "stdin") or outcome.status != "ok" or outcome.value.diff \
                        or outcome.value.note or outcome.value.write_error or outcome.value.stdout_text is not None:
                    progress.clear()
                if item.kind == "note":
                    sys.stderr.write(f"newslint: note: {item.value}\n")
                    continue
                if item.kind == "error":
                    on_error(item.value)
                    continue
                if outcome.status == "error":
                    on_error(outcome.value)
                    continue
                if outcome.status == "internal":
                    raise InternalError(outcome.value)
                fixed: FixOutcome = outcome.value
                if fixed.note:
                    sys.stderr.write(f"newslint: warning: {fixed.note}\n")
                if fixed.write_error:
                    on_error(fixed.write_error)
                if fixed.diff:
                    write_fully(out, fixed.diff)
                if fixed.stdout_text is not None:
                    # bytes, in the input's own codec and BOM: `cat a.txt | newslint fix - > b.txt`
                    # gives the file `newslint fix a.txt` would write
                    write_fully(out, fixed.stdout_text)
                total_applied += fixed.applied
                total_swept += fixed.swept
                remaining.append(fixed.result)
        finally:
            timings.write()
    except (ConfigError, InternalError) as exc:
        error(str(exc))
        return 2
    out.flush()

    verb = "Would fix" if diff else "Fixed"
    if total_applied or not quiet:
        # `check` counted the swept findings as fixable: say where they went
        swept = (f" (and {total_swept} more {'would go' if diff else 'went'} with text another fix "
                 f"{'removes' if diff else 'removed'})") if total_swept else ""
        sys.stderr.write(f"{verb} {total_applied} finding{'s' if total_applied != 1 else ''}{swept}.\n")
    # a run in which inputs could not be read or written is never "All clear"
    report = render("concise", remaining, style, quiet=quiet, unchecked=len(errors))
    try:
        write_fully(report_stream, report)
        report_stream.flush()
    except BrokenPipeError:  # the reader went away: the exit code is still the run's
        reader_gone(report_stream)
    if errors:
        return 2
    if exit_zero:
        return 0
    failing = sum(at_or_above(r.findings, linter.fail_on(r.config)) for r in remaining)
    return 1 if failing else 0


def _unwind_on_sigterm() -> None:
    """SIGTERM (a hook's timeout, a cancelled CI job, the server's child told by its launcher)
    unwinds `fix` like an error: a file half-written to its temporary name is removed (see
    write_atomically), where the default action ended the process and left it in the folder.
    The exit status is the signal's, as before."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():  # pragma: no cover - the API in a thread
        return

    def terminated(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, terminated)


def unique_files(items: list) -> list:
    """Each file is fixed once, however it was named (twice, through a symlink, a folder and a
    file in it): two workers writing one file would race, and the second fix has nothing to do."""
    seen: set = set()
    kept = []
    for item in items:
        if item.kind == "file":
            try:  # the file itself: a symlink or a hard link to it is the same file
                info = os.stat(item.value)
                key = (info.st_dev, info.st_ino)
            except (OSError, ValueError):  # missing, unreadable, a loop: reading it will say so
                key = item.value
            if key in seen:
                continue
            seen.add(key)
        kept.append(item)
    return kept


def source_is_stdout(options) -> bool:
    """When fixing stdin, stdout carries the fixed text: the report goes to stderr."""
    return "-" in options.paths
