"""Output formats: concise, full, json, sarif, github, gitlab.

`json` follows shared/findings.schema.json exactly; `sarif` is SARIF 2.1.0 with code-point
columns; `github` prints workflow commands (annotations); `gitlab` is a Code Quality report.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from typing import TYPE_CHECKING, Iterable, Iterator
from urllib.parse import quote

from newslint import __version__
from newslint.rule import Finding

if TYPE_CHECKING:
    from newslint.engine import FileResult

FORMATS = ("concise", "full", "json", "sarif", "github", "gitlab")
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
GITLAB_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}
GITHUB_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


class Style:
    """ANSI colours, or none."""

    def __init__(self, enabled: bool):
        self.enabled = enabled

    def _wrap(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.enabled else text

    def bold(self, text: str) -> str:
        return self._wrap("1", text)

    def severity(self, level: str, text: str) -> str:
        return self._wrap({"error": "31;1", "warning": "33;1", "info": "36"}[level], text)

    def dim(self, text: str) -> str:
        return self._wrap("2", text)

    def code(self, text: str) -> str:
        return self._wrap("35;1", text)


def render(fmt: str, results: list["FileResult"], style: Style, statistics: bool = False, quiet: bool = False,
           unchecked: int = 0) -> str:
    """The report of `results`; `unchecked`: the input errors met (see `Report.finish`)."""
    report = Report(fmt, style, statistics=statistics, quiet=quiet)
    for result in results:
        report.add(result)
    return report.finish(unchecked=unchecked)


class FileDigest:
    """What the human formats print of one file: its report lines, and the numbers of the
    summary and the exit code. Made where the file was linted: a `--jobs` helper sends these
    few strings back instead of every finding (unpickling the findings was ~30 ms of the main
    process's time in a 5 MB run, and the main process is the one that also prints)."""

    __slots__ = ("lines", "severities", "fixable", "failing")

    def __init__(self, lines: list[str], severities: dict[str, int], fixable: int, failing: int):
        self.lines = lines
        self.severities = severities  # severity → findings
        self.fixable = fixable  # findings `newslint fix` changes
        self.failing = failing  # findings at or above the failing severity


class Digester:
    """Makes a file's `FileDigest` (picklable: a spawned worker gets its own)."""

    def __init__(self, fmt: str, style: Style, per_file: bool):
        self.fmt, self.style, self.per_file = fmt, style, per_file

    def digest(self, result: "FileResult", fail_on: str | None = None) -> FileDigest:
        findings, style = result.findings, self.style
        lines: list[str] = []
        if self.per_file:
            for finding in findings:
                lines.append(concise_line(finding, style))
                if self.fmt == "full":
                    lines.extend(full_context(finding, result.source.text, style))
        if not findings:
            return FileDigest(lines, {}, 0, 0)
        failing = 0
        if fail_on is not None:
            from newslint.engine import at_or_above

            failing = at_or_above(findings, fail_on)
        return FileDigest(lines, Counter(f.severity for f in findings), sum(1 for f in findings if f.fixable), failing)


class Report:
    """A report built as the results come in (in input order): the lines of the human formats
    are written for each file when it arrives — with `--jobs`, while the other processes are
    still linting — and the rest (summaries, machine formats) when all are in.

    The human formats (without --statistics) need no more of a file than its `FileDigest`:
    `digester` makes them where the files are linted, and `add` takes a digest or a result."""

    def __init__(self, fmt: str, style: Style, statistics: bool = False, quiet: bool = False):
        self.fmt, self.style, self.statistics, self.quiet = fmt, style, statistics, quiet
        self.results: list["FileResult | FileDigest"] = []
        self.lines: list[str] = []
        self.per_file = fmt in ("concise", "full") and not statistics and not quiet
        human = fmt in ("concise", "full")
        self._digester = Digester(fmt, style, self.per_file) if human else None  # what `add` uses
        # What the linting may use in place of whole results: none when the report needs the
        # findings themselves (`--statistics` tabulates them)
        self.digester = self._digester if human and not statistics else None
        # The summary line's numbers, counted as the results come (not over every finding at
        # the end: with --jobs the counting then happens while the helpers still lint).
        self.severities: Counter = Counter()
        self.fixable = 0

    def add(self, result: "FileResult | FileDigest") -> None:
        self.results.append(result)
        if self._digester is None:
            return  # a machine format: everything happens in `finish`
        digest = result if isinstance(result, FileDigest) else self._digester.digest(result)
        self.lines.extend(digest.lines)
        if digest.severities:
            self.severities.update(digest.severities)
            self.fixable += digest.fixable

    def finish(self, unchecked: int = 0) -> str:
        """The report. `unchecked`: the input errors met (they are on stderr): the summary line
        then does not say "all clear"."""
        results = self.results
        fmt = self.fmt
        if fmt not in ("concise", "full") or self.statistics:
            findings = [f for result in results for f in result.findings]
        if fmt == "json":
            return json_report(findings, len(results))
        if fmt == "sarif":
            return sarif_report(findings)
        if fmt == "github":
            return github_report(findings)
        if fmt == "gitlab":
            return gitlab_report(findings)
        lines = self.lines
        if self.statistics:
            lines.extend(statistics_table(findings))
        if not self.quiet or self.severities or unchecked:
            lines.append(summary_text(self.severities, self.fixable, len(results), self.style, unchecked))
        if not lines:
            return ""  # --quiet, and nothing to say
        lines.append("")  # the final newline (the report is megabytes: no copy to add it)
        return "\n".join(lines)


# -- human formats ---------------------------------------------------------------------------------

def concise_line(f: Finding, style: Style) -> str:
    marker = " [*]" if f.fixable else ""
    if not style.enabled:  # the usual case (a file, a pipe, CI): one f-string, no calls per part
        return f"{f.path}:{f.line}:{f.column}: {f.code}{marker} {f.severity}: {f.message} [{f.name}]"
    where = f"{f.path}:{f.line}:{f.column}:"
    return f"{style.bold(where)} {style.code(f.code)}{marker} {style.severity(f.severity, f.severity)}: {f.message} [{f.name}]"


def display_width(text: str) -> int:
    width = 0
    for ch in text:
        cat = unicodedata.category(ch)
        if cat in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def full_context(f: Finding, text: str, style: Style) -> list[str]:
    out = []
    line_start = f.start - (f.column - 1)
    line_end = text.find("\n", line_start)
    line_end = len(text) if line_end == -1 else line_end
    source_line = text[line_start:line_end].rstrip("\r")
    gutter = f"{f.line:>4} | "
    out.append(style.dim(gutter) + source_line)
    span_end = min(f.end, line_start + len(source_line)) if f.end_line > f.line else f.end
    lead = display_width(text[line_start:f.start])
    width = max(1, display_width(text[f.start:span_end]))
    out.append(style.dim(" " * 4 + " | ") + " " * lead + style.severity(f.severity, "^" * width))
    for s in f.suggestions[:3]:
        label = "fix" if s.safe else "suggestion"
        what = f"replace with “{s.replacement}”" if s.replacement else "delete it"
        if s.replacement == "" and f.text == "":
            what = "(no text change)"
        note = f" — {s.note}" if s.note else ""
        out.append(style.dim(f"     = {label}: ") + what + note)
    out.append("")
    return out


def summary_text(counts: Counter, fixable: int, files: int, style: Style, unchecked: int = 0) -> str:
    """The last line of the human formats, from the findings' severities and fixable count."""
    total = sum(counts.values())
    if not total and unchecked:
        # errors, not inputs: one broken config in a folder keeps all its files from being checked
        return (f"No findings in {files} file{'s' if files != 1 else ''}; {unchecked} input error{'s' if unchecked != 1 else ''} "
                "(see the errors).")
    if not total:
        return f"All clear: no findings in {files} file{'s' if files != 1 else ''}."
    parts = [f"{counts[level]} {level}{'s' if counts[level] != 1 else ''}" for level in ("error", "warning", "info") if counts[level]]
    tail = f" ({fixable} fixable with `newslint fix`)" if fixable else ""
    if unchecked:
        tail += f"; {unchecked} input error{'s' if unchecked != 1 else ''} (see the errors)"
    return style.bold(f"Found {total} finding{'s' if total != 1 else ''} in {files} file{'s' if files != 1 else ''}: {', '.join(parts)}{tail}.")


def statistics_table(findings: list[Finding]) -> list[str]:
    counts = Counter((f.code, f.name) for f in findings)
    fixable = Counter(f.code for f in findings if f.fixable)
    rows = []
    for (code, name), n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        rows.append(f"{n:>5}  {code:<8} {'[*]' if fixable[code] else '   '} {name}")
    return rows


# -- machine formats ---------------------------------------------------------------------------------

def finding_dict(f: Finding) -> dict:
    item = {
        "path": json_path(f.path),
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "start": f.start,
        "end": f.end,
        "rule": f.code,
        "name": f.name,
        "category": f.category,
        "severity": f.severity,
        "message": f.message,
        "text": f.text,
        "suggestions": [],
    }
    for s in f.suggestions:
        suggestion = {"replacement": s.replacement, "safe": s.safe}
        if s.note:
            suggestion["note"] = s.note
        item["suggestions"].append(suggestion)
    return item


def json_report(findings: list[Finding], files: int) -> str:
    report = {
        "format_version": 1,
        "tool": {"name": "newslint", "version": __version__},
        "findings": [finding_dict(f) for f in findings],
        "summary": {
            "files": files,
            "findings": len(findings),
            "by_severity": dict(Counter(f.severity for f in findings)),
            "by_category": dict(Counter(f.category for f in findings)),
        },
    }
    return json.dumps(report, ensure_ascii=False, indent=2)


def json_path(path: str) -> str:
    """A path as the machine formats write it: valid UTF-8 whatever the file's name. A name that
    is not UTF-8 holds surrogate escapes, which JSON cannot carry as UTF-8: its odd bytes are
    written as backslash escapes ("bad\\xff.txt")."""
    if path.isascii() or path.isprintable() or not any("\udc80" <= ch <= "\udcff" for ch in path):
        return path
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _uri(path: str) -> str:
    # a file name that is not UTF-8 holds surrogate escapes: its own bytes, percent-encoded
    return quote(path.replace("\\", "/").encode("utf-8", "surrogateescape"))


def _sarif_rule(code: str, sample: Finding) -> dict:
    from newslint.registry import rule_by_key

    rule = rule_by_key(code)
    descriptor = {
        "id": code,
        "name": sample.name,
        "defaultConfiguration": {"level": SARIF_LEVEL[(rule.severity if rule else sample.severity)]},
        "properties": {"category": sample.category, "tags": [sample.category]},
    }
    if rule is not None:
        descriptor["shortDescription"] = {"text": rule.summary() or rule.name}
        descriptor["fullDescription"] = {"text": rule.explanation() or rule.name}
        descriptor["help"] = {"text": f"Run `newslint rule {code}` for examples.\n\n{rule.explanation()}"}
    else:
        descriptor["shortDescription"] = {"text": sample.name}
    return descriptor


def sarif_report(findings: list[Finding]) -> str:
    rule_index: dict[str, int] = {}
    rules: list[dict] = []
    results = []
    for f, print_ in fingerprinted(findings):
        if f.code not in rule_index:
            rule_index[f.code] = len(rules)
            rules.append(_sarif_rule(f.code, f))
        region = {
            "startLine": f.line,
            "startColumn": f.column,
            "endLine": f.end_line,
            "endColumn": f.end_column,
            "charOffset": f.start,
            "charLength": f.end - f.start,
        }
        if f.text:
            region["snippet"] = {"text": f.text}
        location = {"physicalLocation": {"artifactLocation": {"uri": _uri(f.path)}, "region": region}}
        result = {
            "ruleId": f.code,
            "ruleIndex": rule_index[f.code],
            "level": SARIF_LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [location],
            "partialFingerprints": {"newslint/v2": print_},
        }
        fixes = []
        for s in f.suggestions:
            fixes.append(
                {
                    "description": {"text": (s.note or ("delete" if not s.replacement else f"replace with “{s.replacement}”")) + ("" if s.safe else " (unsafe: review before applying)")},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": _uri(f.path)},
                            "replacements": [
                                {
                                    "deletedRegion": {"charOffset": f.start, "charLength": f.end - f.start},
                                    "insertedContent": {"text": s.replacement},
                                }
                            ],
                        }
                    ],
                }
            )
        if fixes:
            result["fixes"] = fixes
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "newslint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": "https://example.invalid/newslint",
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)


def _github_escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def github_report(findings: list[Finding]) -> str:
    lines = []
    for f in findings:
        props = ",".join(
            [
                f"file={_github_escape(f.path, True)}",
                f"line={f.line}",
                f"col={f.column}",
                f"endLine={f.end_line}",
                f"endColumn={f.end_column}",
                f"title={_github_escape(f'{f.code} {f.name}', True)}",
            ]
        )
        lines.append(f"::{GITHUB_COMMAND[f.severity]} {props}::{_github_escape(f.message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def fingerprint(f: Finding, occurrence: int = 0) -> str:
    """Stable across runs and unaffected by edits elsewhere in the file: the file, the rule, the
    flagged text and which occurrence of that (file, rule, text) it is. Not the position, and
    not the message, which may name another line ("repeats line 12", "same author as line 3")
    or change with a rule pack's wording. (SARIF: ``newslint/v2``; v1 hashed the message.)"""
    import hashlib  # here: only the formats with fingerprints pay for its import

    key = "\x1f".join([f.path, f.code, f.text, str(occurrence)])
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()  # (a file name that is not UTF-8)


def fingerprinted(findings: Iterable[Finding]) -> Iterator[tuple[Finding, str]]:
    """Each finding with its fingerprint: identical (file, rule, text) findings are told apart
    by their order (the third “थें” of a file)."""
    seen: Counter = Counter()
    for f in findings:
        base = (f.path, f.code, f.text)
        yield f, fingerprint(f, seen[base])
        seen[base] += 1


def gitlab_report(findings: Iterable[Finding]) -> str:
    issues = []
    for f, print_ in fingerprinted(findings):
        issues.append(
            {
                "description": f"{f.code} {f.message}",
                "check_name": f"{f.code} {f.name}",
                "fingerprint": print_,
                "severity": GITLAB_SEVERITY[f.severity],
                "categories": ["Style"] if f.category in ("spelling", "grammar", "typography", "structure") else ["Bug Risk"],
                "location": {"path": json_path(f.path), "lines": {"begin": f.line, "end": f.end_line}},
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2)
