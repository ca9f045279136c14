"""`newslint fix`: apply suggestions without ever losing data.

- Only the spans that findings report change; everything else stays byte for byte.
- Overlapping fixes are resolved deterministically: earliest start first, then the shorter span,
  then the rule code; a fix that overlaps one already taken waits for the next pass.
- Passes repeat (re-linting the fixed text) until nothing changes, so a second run is a no-op.
- Writing is atomic (temp file + rename in the same folder, mode kept), in the file's own
  encoding, BOM and line endings, and refuses to write when the file changed since it was read.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from newslint.rule import Finding, Suggestion

MAX_PASSES = 10


@dataclass
class AppliedFix:
    finding: Finding
    suggestion: Suggestion


def choose(finding: Finding, unsafe: bool) -> Suggestion | None:
    for suggestion in finding.suggestions:
        if suggestion.safe:
            return suggestion
    if unsafe and finding.suggestions:
        return finding.suggestions[0]
    return None


def apply_fixes(text: str, findings: list[Finding], unsafe: bool = False) -> tuple[str, list[AppliedFix]]:
    """Apply one non-overlapping set of fixes to `text`; return the new text and what was applied."""
    chosen = []
    for finding in findings:
        suggestion = choose(finding, unsafe)
        if suggestion is not None and text[finding.start:finding.end] != suggestion.replacement:
            chosen.append((finding, suggestion))
    chosen.sort(key=lambda item: (item[0].start, item[0].end - item[0].start, item[0].code))
    applied: list[AppliedFix] = []
    last_end = -1
    for finding, suggestion in chosen:
        # Two insertions at the same point, or any overlap, wait for the next pass.
        if finding.start < last_end or (finding.start == last_end and finding.start == finding.end):
            continue
        applied.append(AppliedFix(finding, suggestion))
        last_end = finding.end
    pieces = []
    cursor = 0
    for fix in applied:
        pieces.append(text[cursor:fix.finding.start])
        pieces.append(fix.suggestion.replacement)
        cursor = fix.finding.end
    pieces.append(text[cursor:])
    return "".join(pieces), applied


def fix_text(text: str, lint, unsafe: bool = False) -> tuple[str, list[AppliedFix]]:
    """Fix repeatedly: `lint(text)` returns findings for a text; stop when nothing changes."""
    all_applied: list[AppliedFix] = []
    for _ in range(MAX_PASSES):
        findings = lint(text)
        new_text, applied = apply_fixes(text, findings, unsafe)
        if not applied or new_text == text:
            break
        all_applied.extend(applied)
        text = new_text
    return text, all_applied


class FileChanged(Exception):
    pass


def write_atomically(path: Path, data: bytes, expected_fingerprint: str) -> None:
    current = hashlib.sha256(path.read_bytes()).hexdigest()
    if current != expected_fingerprint:
        raise FileChanged(f"{path}: the file changed while newslint was fixing it; nothing was written (run again)")
    mode = path.stat().st_mode
    folder = path.resolve().parent
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".newslint-tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode & 0o7777)
        os.replace(tmp, path.resolve())
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def unified_diff(path: str, before: str, after: str) -> str:
    diff = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), fromfile=f"a/{path}", tofile=f"b/{path}"
    )
    lines = []
    for line in diff:
        lines.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(lines)


def run_fix(options, unsafe: bool, diff: bool, interactive: bool, quiet: bool, exit_zero: bool, style) -> int:
    from newslint.config import ConfigError
    from newslint.document import parse_document
    from newslint.engine import InternalError, at_or_above, lint_document
    from newslint.report import render
    from newslint.runner import error, iter_results, make_linter
    from newslint.source import InputError, source_from_bytes

    errors: list[str] = []

    def on_error(message: str) -> None:
        errors.append(message)
        error(message)

    try:
        linter = make_linter(options)
        results = list(iter_results(linter, options, on_error))
    except (ConfigError, InternalError) as exc:
        error(str(exc))
        return 2

    remaining = []
    total_applied = 0
    out = sys.stdout
    try:
        for result in results:
            source, config = result.source, result.config
            rules = linter.rules_for(config)

            def lint(text: str, source=source, config=config, rules=rules):
                clone = source_from_bytes(source.encode(text), source.path, source.real_path, max_bytes=0)
                clone.kind = source.kind
                return lint_document(parse_document(clone), config, rules)

            if interactive:
                from newslint.interactive import review

                new_text, applied = review(result, lint, sys.stdin, out, style)
            else:
                new_text, applied = fix_text(source.text, lint, unsafe)
            total_applied += len(applied)
            if new_text != source.text:
                if diff:
                    out.write(unified_diff(source.path, source.text, new_text))
                elif source.real_path is None:
                    out.write(new_text)  # stdin: the fixed text goes to stdout
                else:
                    try:
                        write_atomically(source.real_path, source.encode(new_text), source.fingerprint)
                    except FileChanged as exc:
                        on_error(str(exc))
                        remaining.append(result)
                        continue
                    except OSError as exc:
                        on_error(f"{source.path}: cannot write: {exc.strerror or exc}")
                        remaining.append(result)
                        continue
            left = lint(new_text)
            result.findings = left
            if new_text != source.text:
                result.source = source_from_bytes(source.encode(new_text), source.path, source.real_path, max_bytes=0)
                result.source.kind = source.kind
            remaining.append(result)
    except (InputError, ConfigError, InternalError) as exc:
        error(str(exc))
        return 2

    if not diff:
        verb = "Fixed" if not diff else "Would fix"
        if total_applied or not quiet:
            sys.stderr.write(f"{verb} {total_applied} finding{'s' if total_applied != 1 else ''}.\n")
        report = render("concise", remaining, style, quiet=quiet)
        (sys.stderr if source_is_stdout(options) else out).write(report)
    if errors:
        return 2
    if exit_zero:
        return 0
    failing = sum(at_or_above(r.findings, linter.fail_on(r.config)) for r in remaining)
    return 1 if failing else 0


def source_is_stdout(options) -> bool:
    """When fixing stdin, stdout carries the fixed text: the report goes to stderr."""
    return "-" in options.paths
