"""The command line: `newslint check`, `fix`, `rules`, `rule`.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage, config or
input error (always one line on stderr, never a traceback).
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import List, Optional

import typer

from newslint import __version__

app = typer.Typer(
    name="newslint",
    help="Editorial-quality and fact-check linter for Hindi news articles.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class OutputFormat(str, Enum):
    concise = "concise"
    full = "full"
    json = "json"
    sarif = "sarif"
    github = "github"
    gitlab = "gitlab"


class Level(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


class ServerMode(str, Enum):
    # read by `newslint.launcher` before this module is imported; listed here for --help
    on = "on"
    auto = "auto"
    off = "off"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


def fail(message: str) -> "typer.Exit":
    sys.stderr.write(f"newslint: error: {message}\n")
    return typer.Exit(2)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newslint {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_callback(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
    server: ServerMode = typer.Option(
        ServerMode.on, "--server",
        help="Hand the run to a warm `newslint server`: on (if one runs), auto (and start one for the next run), off. "
             "NEWSLINT_SERVER=off overrides it.",
    ),
) -> None:
    """Editorial-quality and fact-check linter for Hindi news articles."""


def _url(value: Optional[str]) -> Optional[str]:
    from newslint.config import url_problem

    if value is not None and not value.strip():
        return None  # an empty CI variable: no server given, as before

    problem = url_problem(value) if value is not None else None
    if problem:
        raise typer.BadParameter(problem, param_hint="--languagetool-url")
    return value


def _selected(values: Optional[List[str]]) -> list[str] | None:
    """--select's rules; None when it is not given. Given but empty (`--select ""`, a CI variable
    that was never set) is a usage error, not "no rules": a gate that checks nothing passes all."""
    if not values:
        return None
    selected = _split(values)
    if not selected:
        raise typer.BadParameter("it names no rule (it is empty)", param_hint="--select")
    return selected


def _split(values: Optional[List[str]]) -> list[str]:
    result: list[str] = []
    for value in values or []:
        result.extend(part.strip() for part in value.split(",") if part.strip())
    return result


def _style(color: Color, stream) -> "object":
    from newslint.report import Style

    if color == Color.always:
        return Style(True)
    if color == Color.never or os.environ.get("NO_COLOR"):
        return Style(False)
    return Style(hasattr(stream, "isatty") and stream.isatty())


PATHS = typer.Argument(None, help="Files or folders to check (folders: *.txt, *.md, *.markdown). '-' reads stdin.")
SELECT = typer.Option(None, "--select", help="Only these rules (codes, prefixes, names or categories; comma-separated).")
EXTEND_SELECT = typer.Option(None, "--extend-select", help="Add these rules to the selection.")
IGNORE = typer.Option(None, "--ignore", help="Skip these rules.")
CONFIG = typer.Option(None, "--config", help="Use this config file instead of discovering one.")
STDIN_FILENAME = typer.Option(None, "--stdin-filename", help="The name to report for text read from stdin.")
LT_URL = typer.Option(None, "--languagetool-url", help="Check English passages with the LanguageTool server at this URL.")
JOBS = typer.Option(
    None, "--jobs", "-j", min=0,
    help="Worker processes. Default (or 0): the number of cores when there are more than a handful of files, else 1.",
)
NO_CACHE = typer.Option(
    False, "--no-cache",
    help="Do not read or write the word cache (NEWSLINT_NO_CACHE=1 does the same).",
)
CACHE_DIR = typer.Option(
    None, "--cache-dir", metavar="DIR",
    help="Keep the word cache here. Default: $NEWSLINT_CACHE_DIR, else $XDG_CACHE_HOME/newslint or ~/.cache/newslint.",
)
PROGRESS = typer.Option(
    None, "--progress/--no-progress",
    help="A progress bar on stderr. Default: shown for long runs when stderr is a terminal.",
)


def _use_cache(off: bool, folder: Optional[str]) -> None:
    """The cache settings go into the environment, where `newslint.cache` and worker
    processes (forked or spawned) read them. An empty --cache-dir (a CI variable never set)
    means the default, not the working folder (where the cache files would land in the content
    repository, and `newslint clean` would delete *.marshal there)."""
    from newslint import cache

    if off:
        os.environ[cache.OFF_ENV] = "1"
    if folder:
        os.environ[cache.DIR_ENV] = os.path.abspath(folder)


@app.command()
def check(
    paths: Optional[List[str]] = PATHS,
    format: OutputFormat = typer.Option(OutputFormat.concise, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report to this file."),
    select: Optional[List[str]] = SELECT,
    extend_select: Optional[List[str]] = EXTEND_SELECT,
    ignore: Optional[List[str]] = IGNORE,
    fail_on: Optional[Level] = typer.Option(None, "--fail-on", help="Lowest severity that fails (exit 1). Default: error, or the config's fail-on."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when there are findings."),
    statistics: bool = typer.Option(False, "--statistics", help="Show counts per rule instead of each finding."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only the summary and errors."),
    color: Color = typer.Option(Color.auto, "--color", help="Colour the output."),
    config: Optional[Path] = CONFIG,
    stdin_filename: Optional[str] = STDIN_FILENAME,
    languagetool_url: Optional[str] = LT_URL,
    jobs: Optional[int] = JOBS,
    progress: Optional[bool] = PROGRESS,
    no_cache: bool = NO_CACHE,
    cache_dir: Optional[str] = CACHE_DIR,
) -> None:
    """Check articles and report findings."""
    _use_cache(no_cache, cache_dir)  # before the engine's modules compile their patterns
    from newslint.runner import RunOptions, run_check

    options = RunOptions(
        paths=paths or ["."],
        select=_selected(select),
        extend_select=_split(extend_select),
        ignore=_split(ignore),
        fail_on=fail_on.value if fail_on else None,
        config=config,
        stdin_filename=stdin_filename,
        languagetool_url=_url(languagetool_url),
        jobs=jobs,
        progress=progress,
        fingerprints=False,  # `check` never writes: no file needs a fingerprint
    )
    if output is not None and _an_input(output, options.paths):
        raise fail(f"--output {output} is one of the articles being checked: the report would replace it")
    out = sys.stdout
    code = run_check(
        options,
        fmt=format.value,
        output=output,
        style=_style(color, out if output is None else None),
        statistics=statistics,
        quiet=quiet,
        exit_zero=exit_zero,
    )
    raise typer.Exit(code)


@app.command()
def fix(
    paths: Optional[List[str]] = PATHS,
    unsafe: bool = typer.Option(False, "--unsafe", help="Also apply the first unsafe suggestion of each finding."),
    diff: bool = typer.Option(False, "--diff", help="Print a unified diff of the fixes and write nothing."),
    interactive: bool = typer.Option(False, "--interactive", "-i", help="Review each finding and choose a fix."),
    select: Optional[List[str]] = SELECT,
    extend_select: Optional[List[str]] = EXTEND_SELECT,
    ignore: Optional[List[str]] = IGNORE,
    fail_on: Optional[Level] = typer.Option(None, "--fail-on", help="Lowest severity of what is left that fails (exit 1)."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when findings are left."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only the summary and errors."),
    color: Color = typer.Option(Color.auto, "--color", help="Colour the output."),
    config: Optional[Path] = CONFIG,
    stdin_filename: Optional[str] = STDIN_FILENAME,
    jobs: Optional[int] = JOBS,
    progress: Optional[bool] = PROGRESS,
    no_cache: bool = NO_CACHE,
    cache_dir: Optional[str] = CACHE_DIR,
) -> None:
    """Apply safe fixes (and, with --unsafe, suggested ones), then report what is left."""
    _use_cache(no_cache, cache_dir)  # before the engine's modules compile their patterns
    from newslint.fixer import run_fix
    from newslint.runner import RunOptions

    options = RunOptions(
        paths=paths or ["."],
        select=_selected(select),
        extend_select=_split(extend_select),
        ignore=_split(ignore),
        fail_on=fail_on.value if fail_on else None,
        config=config,
        stdin_filename=stdin_filename,
        jobs=jobs,
        progress=progress,
    )
    # With --diff (stdout is the patch) or stdin (stdout is the fixed text), the report and the
    # questions of --interactive go to stderr: colour them if stderr is a terminal.
    talks_to = sys.stderr if (diff or "-" in options.paths) else sys.stdout
    code = run_fix(options, unsafe=unsafe, diff=diff, interactive=interactive, quiet=quiet, exit_zero=exit_zero,
                   style=_style(color, talks_to))
    raise typer.Exit(code)


@app.command("rules")
def list_rules(
    format: str = typer.Option("text", "--format", "-f", help="text or json"),
) -> None:
    """List every rule: code, name, category, default severity, fixable, enabled by default."""
    import json

    from newslint.registry import all_rules

    if format not in ("text", "json"):
        raise fail(f"--format must be text or json, not {format!r}")
    rules = all_rules()
    if format == "json":
        typer.echo(
            json.dumps(
                [
                    {
                        "code": r.code,
                        "name": r.name,
                        "category": r.category,
                        "severity": r.severity,
                        "severity_note": r.severity_note,
                        "fixable": r.fixable,
                        "default_enabled": r.default_enabled,
                        "summary": r.summary(),
                    }
                    for r in rules
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    for r in rules:
        fixable = {"safe": "fix", "unsafe": "suggest", "no": ""}[r.fixable]
        enabled = "" if r.default_enabled else " (off by default)"
        note = f" (severity: {r.severity_note})" if r.severity_note else ""
        typer.echo(f"{r.code:<7} {r.name:<32} {r.category:<12} {r.severity:<8} {fixable:<8}{r.summary()}{enabled}{note}")


@app.command("rule")
def explain_rule(key: str = typer.Argument(..., help="A rule code or name, e.g. SP101 or repeated-line.")) -> None:
    """Explain one rule, with examples."""
    from newslint.registry import rule_by_key

    rule = rule_by_key(key)
    if rule is None:
        raise fail(f"no rule '{key}' (see `newslint rules`)")
    typer.echo(f"{rule.code} {rule.name}")
    typer.echo(f"category: {rule.category}   default severity: {rule.severity_text()}   fixable: {rule.fixable}"
               f"{'' if rule.default_enabled else '   (off by default: enable with --extend-select)'}")
    if rule.options:
        typer.echo("options: " + ", ".join(f"{k} = {v!r}" for k, v in rule.options.items()))
    typer.echo("")
    typer.echo(rule.explanation())


@app.command("clean")
def clean(cache_dir: Optional[str] = CACHE_DIR) -> None:
    """Delete the word and pattern cache (the LanguageTool download is kept)."""
    from newslint import cache

    _use_cache(False, cache_dir)
    os.environ.pop(cache.OFF_ENV, None)
    folder = cache.cache_dir()
    removed = cache.clear() if folder is not None else 0
    typer.echo(f"Removed {removed} cache file{'s' if removed != 1 else ''} from {folder}.")


server_app = typer.Typer(
    help="A warm background process that answers each newslint run in milliseconds (for pre-commit).",
    no_args_is_help=True,
)
app.add_typer(server_app, name="server")
IDLE_TIMEOUT = typer.Option(
    3600.0, "--idle-timeout", min=0, envvar="NEWSLINT_SERVER_IDLE_TIMEOUT",
    help="Exit after this many seconds without a run (0: never).",
)


def _server(action: str, *args):
    """Call `newslint.server.<action>`; its ServerError becomes the one-line error and exit 2."""
    from newslint import server

    try:
        return getattr(server, action)(*args)
    except server.ServerError as exc:
        raise fail(str(exc))


@server_app.command("start")
def server_start(
    idle_timeout: float = IDLE_TIMEOUT,
    foreground: bool = typer.Option(False, "--foreground", help="Run in this process (logs on stderr) instead of in the background."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing on success."),
) -> None:
    """Start the server: later `newslint` runs of this installation hand their work to it."""
    if foreground:
        raise typer.Exit(_server("serve_foreground", idle_timeout))
    info = _server("start_detached", idle_timeout)
    if not quiet:
        typer.echo(f"newslint server running (pid {info['pid']}, socket {info['socket']})")


@server_app.command("stop")
def server_stop() -> None:
    """Stop this installation's server (runs already under way finish)."""
    typer.echo("newslint server stopped" if _server("stop") else "no newslint server was running")


@server_app.command("status")
def server_status() -> None:
    """Is a server running for this installation? Exit 0 if so, 1 if not."""
    import time

    info = _server("status")
    if info is None:
        typer.echo("no newslint server is running")
        raise typer.Exit(1)
    uptime = time.time() - info["started"]
    idle = f"{info['idle_timeout']:g} s" if info["idle_timeout"] else "never"
    typer.echo(f"newslint server {info['version']} running: pid {info['pid']}, up {uptime:.0f} s, "
               f"{info['runs']} runs, idle timeout {idle}, socket {info['socket']}")


@lru_cache(maxsize=1)
def command():
    """The click command typer builds from `app` (built once: a server's children reuse it)."""
    return typer.main.get_command(app)


def _an_input(output: Path, paths: List[str]) -> bool:
    """Is `output` one of the files a check of `paths` reads? (A pre-commit hook given a staged
    file named `-onews.md` read it as `-o news.md` and wrote the report over news.md.)"""
    from newslint.source import TEXT_SUFFIXES

    try:
        target = output.resolve()
        for raw in paths:
            if raw == "-":
                continue
            given = Path(raw).resolve()
            if target == given or (given.is_dir() and given in target.parents and target.suffix.lower() in TEXT_SUFFIXES):
                return True
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop
        return False
    return False


def _utf8_streams() -> None:
    """Read and write UTF-8 whatever the locale says. newslint's output is Hindi, and JSON,
    SARIF and GitLab reports are UTF-8 by definition; in a C or POSIX locale (a bare container,
    cron, LC_ALL=C) Python encodes the standard streams in ASCII, and the first Hindi letter of a
    report was a traceback. Each stream keeps its error handler."""
    for name in ("stdin", "stdout", "stderr"):
        stream = getattr(sys, name, None)
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
        if encoding in ("utf-8", "utf8") or not hasattr(stream, "reconfigure"):
            continue
        try:
            stream.reconfigure(encoding="utf-8")
        except (ValueError, OSError, AttributeError):  # already read from, or not a text stream
            pass


def main(argv: Optional[List[str]] = None) -> None:
    """Run the command line (`argv`, default sys.argv[1:]); exits with the command's code."""
    _utf8_streams()
    try:
        command().main(args=argv, prog_name="newslint")
    except KeyboardInterrupt:
        sys.stderr.write("newslint: interrupted\n")
        sys.exit(130)


if __name__ == "__main__":  # pragma: no cover
    main()
