"""The engine: collect files, pick the rules for each, run them, suppress, position, sort.

    read (source.py) → parse (document.py) → run checks (checks/) → findings → report / fix
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator

from newslint.config import Config, ConfigError, ConfigResolver, is_default_excluded
from newslint.context import Context
from newslint.document import Document, parse_document
from newslint.hindi.records import factory, record
from newslint.packs import packs_for
from newslint.registry import (
    UnknownSelector,
    check_selectors,
    matches,
    rule_by_key,
    select_rules,
)
from newslint.rule import SEVERITY_RANK, Finding, Rule
from newslint.source import TEXT_SUFFIXES, InputError, Source, read_source, read_stdin
from newslint.suppression import parse_suppressions, unused_suppression_findings


class InternalError(Exception):
    """A bug in newslint: reported as one line (exit 2) rather than a traceback; the run stops."""


class RuleError(InternalError):
    """A bug in one rule, met on one file: reported as one line for that file (exit 2), and the
    run goes on with the other files, as for a file that cannot be read. Stopping would leave
    the rest unchecked and, with `fix`, files already fixed unreported."""


@record
class Selection:
    """Rule selection given on the command line; it overrides the config's."""

    select: list[str] | None = None
    extend_select: list[str] = factory(list)
    ignore: list[str] = factory(list)
    fail_on: str | None = None


@record
class FileResult:
    source: Source
    document: Document | None
    findings: list[Finding]
    config: Config


def _not_special(path: str) -> bool:
    """A regular file, or a name that is not there (a dangling link: reading it says so)."""
    return os.path.isfile(path) or not os.path.exists(path)


def _regular_count(folder: str, names: list[str]) -> int:
    """How many of `names` in `folder` are regular files or links to one (from the folder's
    listing: no stat per file)."""
    wanted = set(names)
    try:
        with os.scandir(folder) as entries:
            return sum(1 for entry in entries if entry.name in wanted and _is_file(entry))
    except OSError:
        return len(names)  # unreadable now: leave it to read_source to say so


def _is_file(entry: os.DirEntry) -> bool:
    """A regular file or a link to one; False for a link that cannot be followed (a loop, no
    permission), so that the folder's names are looked at one by one (`_not_special`) and a
    FIFO beside it is still passed over."""
    try:
        return entry.is_file()
    except OSError:
        return False


class Linter:
    def __init__(self, resolver: ConfigResolver, selection: Selection | None = None):
        self.resolver = resolver
        self.selection = selection or Selection()
        # Each file's fingerprint, for `fix` to see that nothing changed it before it writes.
        # `check` never writes, and turns it off.
        self.fingerprints = True
        self._rules_by_config: dict[int, list[Rule]] = {}
        for sels, where in (
            (self.selection.select or [], "--select"),
            (self.selection.extend_select, "--extend-select"),
            (self.selection.ignore, "--ignore"),
        ):
            try:
                check_selectors(sels, where)
            except UnknownSelector as exc:
                raise ConfigError(str(exc)) from None

    # -- rules -----------------------------------------------------------------------------------
    def rules_for(self, config: Config) -> list[Rule]:
        key = id(config)
        if key not in self._rules_by_config:
            self._rules_by_config[key] = self._build_rules(config)
        return self._rules_by_config[key]

    def _build_rules(self, config: Config) -> list[Rule]:
        where = config.label
        try:
            for name, selectors in (
                ("select", config.select or []),
                ("extend-select", config.extend_select),
                ("ignore", config.ignore),
                ("extend-ignore", config.extend_ignore),
                ("severity", list(config.severity)),
            ):
                check_selectors(selectors, f"{where}: {name}")
            for selectors in config.per_file_ignores.values():
                check_selectors(selectors, f"{where}: per-file-ignores")
        except UnknownSelector as exc:
            raise ConfigError(str(exc)) from None
        select = self.selection.select if self.selection.select is not None else config.select
        classes = select_rules(
            select,
            [*config.extend_select, *self.selection.extend_select],
            [*config.ignore, *config.extend_ignore, *self.selection.ignore],
        )
        self._check_options(config)
        rules = []
        for cls in classes:
            severity = None
            for selector, level in config.severity.items():
                if matches(cls, selector):
                    severity = level
            rules.append(cls(config.options.get(cls.name) or config.options.get(cls.code), severity))
        # `--ignore LT:EN_A_VS_AN` drops single LanguageTool findings (lint_document filters them).
        for rule in rules:
            rule.ignored_codes = [sel for sel in self.selection.ignore if sel.upper().startswith("LT:")]
        return rules

    @staticmethod
    def _check_options(config: Config) -> None:
        for key, values in config.options.items():
            rule = rule_by_key(key)
            if rule is None:
                raise ConfigError(f"{config.label}: options.{key}: no rule has this name or code")
            for option, value in values.items():
                if option not in rule.options:
                    known = ", ".join(sorted(rule.options)) or "none"
                    raise ConfigError(f"{config.label}: options.{key}: unknown option '{option}' (options of {rule.name}: {known})")
                default = rule.options[option]
                if default is not None and not isinstance(value, type(default)):
                    raise ConfigError(
                        f"{config.label}: options.{key}.{option}: expected {type(default).__name__}, got {value!r}"
                    )
                choices = getattr(rule, "option_choices", {}).get(option)
                if choices and value not in choices:
                    raise ConfigError(f"{config.label}: options.{key}.{option}: must be one of {', '.join(map(str, choices))}; got {value!r}")

    # -- files -----------------------------------------------------------------------------------
    def collect(self, paths: Iterable[str]) -> Iterator[Path]:
        """Expand directories (recursively, *.txt/*.md/*.markdown) and apply `exclude`."""
        seen: set[str] = set()  # str(path): a Path hashes its parts anew each time, a str once
        for raw in paths:
            path = Path(raw)
            if path.is_dir():
                for folder, dirs, files in os.walk(path):
                    dirs[:] = sorted(d for d in dirs if not is_default_excluded(d))
                    names = sorted(name for name in files if name.lower().endswith(TEXT_SUFFIXES))
                    if not names:
                        continue
                    if len(names) != _regular_count(folder, names):
                        # a FIFO or a device file among them: never opened (a FIFO without a writer
                        # would wait forever); one named on the command line is read
                        names = [name for name in names if _not_special(os.path.join(folder, name))]
                    base = Path(folder)
                    config = self.resolver.for_path(base / names[0])  # one config for a folder's files
                    for name in names:
                        candidate = base / name
                        key = str(candidate)
                        if key not in seen and not (config.exclude and config.is_excluded(candidate)):
                            seen.add(key)
                            yield candidate
            else:
                # A file named explicitly is linted even if its suffix is unusual (pre-commit
                # passes exactly the files it wants), unless the config excludes it.
                key = str(path)
                if key not in seen:
                    seen.add(key)
                    if path.exists() and self.resolver.for_path(path).is_excluded(path):
                        continue
                    yield path

    def lint_path(self, path: Path) -> FileResult:
        config = self.resolver.for_path(path)
        source = read_source(path, max_bytes=config.max_file_size, fingerprint=self.fingerprints)
        return self.lint_source(source, config)

    def lint_stdin(self, shown_as: str) -> FileResult:
        config = self.resolver.for_path(Path(shown_as) if shown_as != "-" else None)
        source = read_stdin(shown_as, max_bytes=config.max_file_size, fingerprint=self.fingerprints)
        return self.lint_source(source, config)

    def lint_source(self, source: Source, config: Config) -> FileResult:
        document = parse_document(source)
        findings = lint_document(document, config, self.rules_for(config))
        return FileResult(source, document, findings, config)

    def fail_on(self, config: Config) -> str:
        return self.selection.fail_on or config.fail_on


def lint_document(doc: Document, config: Config, rules: list[Rule]) -> list[Finding]:
    ctx = Context(config=config, packs=packs_for(config.packs))
    ignored = config.ignores_for(doc.path) if doc.path != "-" else []
    active = [rule for rule in rules if not any(matches(type(rule), sel) for sel in ignored)]
    code_ignores = [sel for sel in (*config.ignore, *config.extend_ignore, *ignored) if sel.upper().startswith("LT:")]
    findings: list[Finding] = []
    unused_rule = None
    for rule in active:
        if rule.code == "NL001":
            unused_rule = rule
            continue
        try:
            produced = list(rule.check(doc, ctx))
        except (ConfigError, InputError):
            raise
        except Exception as exc:  # a bug in a rule must not print a traceback at a copy editor
            raise RuleError(
                f"{doc.path}: internal error in rule {rule.code} ({rule.name}): {type(exc).__name__}: {exc} "
                "— please report this with the file"
            ) from exc
        dropped = [*code_ignores, *getattr(rule, "ignored_codes", ())]
        if dropped:  # LanguageTool rule ids: prefix match, as in suppression comments
            produced = [f for f in produced if not any(f.code.upper().startswith(sel.upper()) for sel in dropped)]
        if rule.severity_override:
            for finding in produced:
                finding.severity = rule.severity_override
        findings.extend(produced)
    suppressions = parse_suppressions(doc)
    findings = suppressions.filter(findings)
    if unused_rule is not None:
        findings.extend(unused_suppression_findings(doc, suppressions, unused_rule, {r.code for r in active}, config))
    for finding in findings:
        place(doc, finding)
    return dedupe(sorted(findings, key=Finding.sort_key))


def place(doc: Document, finding: Finding) -> None:
    """Fill in path, line/column and the flagged text of a finding."""
    text_length = len(doc.text)
    finding.start = max(0, min(finding.start, text_length))
    finding.end = max(finding.start, min(finding.end, text_length))
    finding.path = doc.path
    finding.line, finding.column = doc.position(finding.start)
    finding.end_line, finding.end_column = doc.position(finding.end)
    finding.text = doc.text[finding.start:finding.end]


def dedupe(findings: list[Finding]) -> list[Finding]:
    seen = set()
    result = []
    for finding in findings:
        key = (finding.code, finding.start, finding.end, finding.message)
        if key not in seen:
            seen.add(key)
            result.append(finding)
    return result


def at_or_above(findings: Iterable[Finding], level: str) -> int:
    floor = SEVERITY_RANK[level]
    return sum(1 for f in findings if SEVERITY_RANK[f.severity] >= floor)
