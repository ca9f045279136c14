"""What a rule is, and what it reports.

A rule is a small class in `newslint/checks/`: a stable code, a kebab-case name, a category,
a default severity, options with defaults, and a docstring whose PASS/FAIL examples are its
documentation (`newslint rule CODE` prints it). `check()` yields findings for one document.
"""

from __future__ import annotations

import inspect
from typing import TYPE_CHECKING, Any, ClassVar, Iterator

from newslint.hindi.records import factory, record

if TYPE_CHECKING:
    from newslint.context import Context
    from newslint.document import Document

CATEGORIES = ("spelling", "grammar", "typography", "structure", "attribution", "dates")
SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@record(frozen=True)
class Suggestion:
    replacement: str  # replaces [start, end) of the finding
    safe: bool = False  # True: `newslint fix` applies it without --unsafe
    note: str | None = None


@record
class Finding:
    code: str
    name: str
    category: str
    severity: str
    start: int  # code-point offsets into the decoded file text
    end: int
    message: str
    suggestions: list[Suggestion] = factory(list)
    # Filled in by the engine:
    path: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    text: str = ""

    @property
    def fixable(self) -> bool:
        """Does `newslint fix` change something? (A suggestion equal to the flagged text is guidance.)"""
        for s in self.suggestions:  # a loop, not any(<generator>): asked twice per finding by the report
            if s.safe and s.replacement != self.text:
                return True
        return False

    def sort_key(self) -> tuple:
        return (self.path, self.start, self.end, self.code)


class Rule:
    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    category: ClassVar[str] = ""
    severity: ClassVar[str] = "warning"
    # When some findings get another severity than the default (shown in `newslint rules`).
    severity_note: ClassVar[str] = ""
    # Can its suggestions be applied by `newslint fix` (safe), or only shown (unsafe)?
    fixable: ClassVar[str] = "no"  # "safe", "unsafe" or "no"
    # Rules that are too opinionated to run unless selected are off by default.
    default_enabled: ClassVar[bool] = True
    # Options a newsroom may set under [tool.newslint.options.<rule-name>], with their defaults.
    options: ClassVar[dict[str, Any]] = {}
    # What `fix --interactive`'s "e" does with what the editor types: "replace" the flagged text,
    # or "insert-line-above" it, for a rule whose span only shows where something is missing
    # (DT101 marks the first line of text of an article with no date: the dateline goes above
    # it; replacing the line with the dateline would delete the line).
    interactive_edit: ClassVar[str] = "replace"

    def __init__(self, settings: dict[str, Any] | None = None, severity_override: str | None = None):
        self.settings = {**self.options, **(settings or {})}
        # A severity set in the config wins over the rule's default and over any severity the
        # rule picks per finding (unattributed-figure: error for casualties, warning otherwise).
        self.severity_override = severity_override
        self.active_severity = severity_override or self.severity

    @classmethod
    def severity_text(cls) -> str:
        """The default severity, with when some findings get another (`severity_note`)."""
        return f"{cls.severity} ({cls.severity_note})" if cls.severity_note else cls.severity

    def check(self, doc: "Document", ctx: "Context") -> Iterator[Finding]:  # pragma: no cover - interface
        raise NotImplementedError

    def finding(
        self,
        start: int,
        end: int,
        message: str,
        suggestions: list[Suggestion] | None = None,
        severity: str | None = None,
    ) -> Finding:
        return Finding(
            code=self.code,
            name=self.name,
            category=self.category,
            severity=severity or self.active_severity,
            start=start,
            end=end,
            message=message,
            suggestions=list(suggestions or []),
        )

    @classmethod
    def summary(cls) -> str:
        doc = inspect.getdoc(cls) or ""
        return doc.strip().splitlines()[0] if doc.strip() else ""

    @classmethod
    def explanation(cls) -> str:
        return inspect.getdoc(cls) or ""
