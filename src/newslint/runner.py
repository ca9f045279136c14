"""Running a check over many files: collection, error handling, exit codes.

Input and config errors are collected as one-line messages; the run goes on with the other
files and exits 2 at the end, so one bad file never hides the findings in the rest.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from newslint.config import ConfigError, ConfigResolver
from newslint.engine import FileResult, InternalError, Linter, Selection, at_or_above
from newslint.source import InputError


@dataclass
class RunOptions:
    paths: list[str]
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str | None = None
    config: Path | None = None
    stdin_filename: str | None = None
    languagetool_url: str | None = None


def error(message: str) -> None:
    sys.stderr.write(f"newslint: error: {message}\n")


def make_linter(options: RunOptions) -> Linter:
    if options.config is not None and not options.config.is_file():
        raise ConfigError(f"{options.config}: config file not found")
    resolver = ConfigResolver(options.config, languagetool_url=options.languagetool_url)
    return Linter(resolver, Selection(options.select, options.extend_select, options.ignore, options.fail_on))


def iter_results(linter: Linter, options: RunOptions, on_error: Callable[[str], None]) -> Iterator[FileResult]:
    """Lint every input, yielding results in input order; report input errors through on_error."""
    for raw in options.paths:
        if raw == "-":
            try:
                yield linter.lint_stdin(options.stdin_filename or "-")
            except (InputError, ConfigError) as exc:
                on_error(str(exc))
            continue
        path = Path(raw)
        if not path.exists() and not path.is_symlink():
            on_error(f"{raw}: no such file or directory")
            continue
        try:
            files = list(linter.collect([raw]))
        except ConfigError as exc:
            on_error(str(exc))
            continue
        if path.is_dir() and not files:
            sys.stderr.write(f"newslint: note: {raw}: no .txt, .md or .markdown files to check\n")
            continue
        for file in files:
            try:
                yield linter.lint_path(file)
            except (InputError, ConfigError) as exc:
                on_error(str(exc))


def run_check(options: RunOptions, fmt: str, output: Path | None, style, statistics: bool, quiet: bool, exit_zero: bool) -> int:
    from newslint.report import render

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
    text = render(fmt, results, style, statistics=statistics, quiet=quiet)
    if output is not None:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            error(f"{output}: cannot write the report: {exc.strerror or exc}")
            return 2
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    if errors:
        return 2
    if exit_zero:
        return 0
    failing = sum(at_or_above(r.findings, linter.fail_on(r.config)) for r in results)
    return 1 if failing else 0
