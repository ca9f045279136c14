"""`newslint fix --interactive`: a copy editor reviews each finding and chooses what to do.

For every finding the line is shown with the span marked, then the suggestions, numbered. One
answer a line, read from stdin (so a session can be scripted by piping answers in):

    1–9   accept that suggestion
    s     skip this finding
    e     edit: type the replacement yourself (an empty line cancels); for a rule whose finding
          marks where something is missing (DT101's dateline), the line to add above it
    i     ignore this rule for the rest of the file
    q     quit: what was accepted so far is saved, nothing else is asked

The end of stdin counts as q. Nothing is written until the file is done (or q): then the
accepted changes are applied at once, atomically, by `newslint fix`. Changes are decided on
the text as it was read; a finding that overlaps a change already accepted is skipped (run
`newslint fix --interactive` again to see what is left). A suggestion that would leave the text
as it is is guidance only: choosing it changes nothing and is not counted as a fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TextIO

from newslint.compiled import compile_re
from newslint.fixer import LINE_BREAK_RE, splice, splits_line_break, with_newlines
from newslint.rule import Finding

MAX_SHOWN_SUGGESTIONS = 9


@dataclass
class Session:
    text: str
    accepted: int = 0
    quit: bool = False
    edits: list[tuple[int, int, str]] = field(default_factory=list)


def _overlaps(edits: list[tuple[int, int, str]], start: int, end: int) -> bool:
    for s, e, _ in edits:
        if start < e and s < end:
            return True
        if start == end and (start == s or start == e):  # an insertion touching a change
            return True
        if s == e and start < s < end:
            return True
        if s == e == start == end:
            return True
    return False


def _display_width(text: str) -> int:
    from newslint.report import display_width

    return display_width(text)


def _line_start(text: str, offset: int) -> int:
    return max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1


def show_finding(out: TextIO, style, finding: Finding, text: str, number: int, total: int,
                 adds_line: str | None = None) -> list:
    """Print the finding, its line with the span marked and the numbered suggestions.
    `adds_line`: "above" or "below" when "e" adds a line there (see `Rule.interactive_edit`)."""
    line_start = _line_start(text, finding.start)
    line_end = len(text)
    for stop in ("\n", "\r"):
        found = text.find(stop, finding.start)
        if found != -1:
            line_end = min(line_end, found)
    line = text[line_start:line_end]
    span_end = min(finding.end, line_end)
    before, span, after = line[: finding.start - line_start], text[finding.start:span_end], line[span_end - line_start:]
    out.write("\n")
    out.write(style.bold(f"[{number}/{total}] {finding.path}:{finding.line}:{finding.column}") + " "
              + style.code(finding.code) + " " + style.severity(finding.severity, finding.severity)
              + f": {finding.message} [{finding.name}]\n")
    gutter = f"{finding.line:>5} | "
    marked = f"\x1b[7m{span}\x1b[0m" if style.enabled and span else span  # reverse video
    out.write(style.dim(gutter) + before + marked + after + "\n")
    caret = "^" * max(1, _display_width(span)) if span else "^ (here)"
    out.write(style.dim(" " * 6 + "| ") + " " * _display_width(before) + style.severity(finding.severity, caret) + "\n")
    shown = finding.suggestions[:MAX_SHOWN_SUGGESTIONS]
    current = text[finding.start:finding.end]
    for index, suggestion in enumerate(shown, start=1):
        if suggestion.replacement == current:
            what = "keep “" + current + "” (guidance only: nothing to change)"
        elif suggestion.replacement:
            what = f"replace with “{suggestion.replacement}”"
        else:
            what = "delete it"
        kind = "fix" if suggestion.safe else "suggestion"
        note = f" — {suggestion.note}" if suggestion.note else ""
        out.write(f"  {index}) {what}  [{kind}]{note}\n")
    if not shown and adds_line:
        out.write(f"  (no suggestion: add a line {adds_line} it with e, or skip)\n")
    elif not shown:
        out.write("  (no suggestion: edit it yourself with e, or skip)\n")
    return shown


def _prompt(out: TextIO, shown: list, code: str, saves: bool = True) -> None:
    accept = {0: "", 1: "1 accept · "}.get(len(shown), f"1–{len(shown)} accept · ")
    quit_ = "q save and quit" if saves else "q quit"  # --diff saves nothing
    out.write(f"  {accept}s skip · e edit · i ignore {code} in this file · {quit_} > ")
    out.flush()


def _read(keys: TextIO, out: TextIO) -> str | None:
    line = keys.readline()
    if line == "":
        return None  # end of input
    answer = line.rstrip("\r\n")
    isatty = getattr(keys, "isatty", None)
    if not (isatty and isatty()):
        out.write(answer + "\n")  # answers piped in: echo them, so the transcript reads as typed
    return answer


def review(result, keys: TextIO, out: TextIO, style, saves: bool = True) -> Session:
    """Walk the findings of one file; return the text with the accepted changes applied.
    `saves`: False with --diff (the changes are shown, not written)."""
    source = result.source
    text = source.text
    session = Session(text)
    ignored: set[str] = set()
    findings = [f for f in result.findings]
    total = len(findings)
    for number, finding in enumerate(findings, start=1):
        if finding.code in ignored:
            continue
        if splits_line_break(text, finding.start) or splits_line_break(text, finding.end):
            continue
        inserts = _inserts_a_line(finding)
        at = _line_insertion_point(text, finding, source.kind) if inserts else None
        if (_insertion_conflicts(session.edits, at) if inserts else _overlaps(session.edits, finding.start, finding.end)):
            out.write(f"\n[{number}/{total}] {finding.path}:{finding.line}:{finding.column} {finding.code}: "
                      "skipped — it overlaps a change you accepted (run again to review it)\n")
            continue
        adds_line = ("below" if at > finding.end else "above") if inserts else None
        shown = show_finding(out, style, finding, text, number, total, adds_line)
        while True:
            _prompt(out, shown, finding.code, saves)
            answer = _read(keys, out)
            if answer is None:
                out.write("\n")
                session.quit = True
                break
            key = answer.strip().lower()
            if key == "q":
                session.quit = True
                break
            if key == "s":
                break
            if key == "i":
                ignored.add(finding.code)
                break
            if key == "e":
                if inserts:
                    where = "below this headline, before the lead" if adds_line == "below" else "above this line"
                    out.write(f"  a line to add {where} (empty line: cancel) > ")
                else:
                    out.write(f"  replacement for “{text[finding.start:finding.end]}” (empty line: cancel) > ")
                out.flush()
                typed = _read(keys, out)
                if typed is None:
                    session.quit = True
                    break
                if typed == "":
                    continue
                if inserts:
                    line = typed + "\n"
                    if at == len(text) and text and text[-1] not in "\r\n":
                        line = "\n" + typed  # after a last line that has no line break
                    session.edits.append((at, at, with_newlines(line, source.newline)))
                    session.accepted += 1
                    out.write("  added.\n")
                elif _accept(session, finding, typed, source.newline):
                    out.write("  edited.\n")
                else:
                    out.write("  that is the text as it is: nothing to change.\n")
                break
            if key.isdigit() and 1 <= int(key) <= len(shown):
                suggestion = shown[int(key) - 1]
                if _accept(session, finding, suggestion.replacement, source.newline):
                    out.write("  accepted.\n")
                else:
                    out.write("  that suggestion is guidance only: nothing to change.\n")
                break
            choices = {0: "", 1: "1, "}.get(len(shown), f"1–{len(shown)}, ")
            out.write(f"  ? type {choices}s, e, i or q\n")
        if session.quit:
            break
    session.edits.sort(key=lambda edit: (edit[0], edit[1]))
    session.text = splice(text, session.edits)
    if total:
        verb = ("saving" if saves else "shown as a diff, not saved") if session.accepted else "no changes"
        out.write(f"\n{source.path}: {session.accepted} change{'s' if session.accepted != 1 else ''} accepted; {verb}.\n")
    return session


def _line_insertion_point(text: str, finding: Finding, kind: str) -> int:
    """Where a line added for `finding` goes: the start of its line; when that line is a
    Markdown headline, the start of the lead below it (a dateline opens the lead), past blank
    lines, subheadings, images and HTML on lines of their own."""
    line_start = _line_start(text, finding.start)
    if kind != "markdown":
        return line_start
    lines = list(_lines_from(text, line_start))
    if not lines or _heading_size(lines, 0) == 0:
        return line_start
    i = 0
    while i < len(lines):
        size = _heading_size(lines, i)
        if size:
            i += size
        elif not lines[i][1].strip() or _MD_NOT_PROSE.fullmatch(lines[i][1]):
            i += 1
        else:
            return lines[i][0]
    return len(text)


# a line of Markdown that is not the lead: an image, an HTML tag or comment on its own
_MD_NOT_PROSE = compile_re(r" {0,3}(?:!\[[^\]]*\]\([^)]*\)|<[^>]*>)\s*")
_SETEXT_UNDERLINE = compile_re(r" {0,3}(?:=+|-+)[ \t]*")


def _heading_size(lines: list[tuple[int, str]], i: int) -> int:
    """How many lines the Markdown heading at line i takes: 1 (# …), 2 (a setext heading: its
    text, then a line of = or -), 0 (not a heading)."""
    line = lines[i][1]
    if line.startswith(("#", " #", "  #", "   #")):
        return 1
    if line.strip() and i + 1 < len(lines) and _SETEXT_UNDERLINE.fullmatch(lines[i + 1][1]):
        return 2
    return 0


def _lines_from(text: str, at: int):
    """(start, text without its line break) of each line from offset `at` (LF, CRLF or CR)."""
    for brk in LINE_BREAK_RE.finditer(text, at):
        yield at, text[at:brk.start()]
        at = brk.end()
    if at < len(text):
        yield at, text[at:]


def _insertion_conflicts(edits: list[tuple[int, int, str]], at: int) -> bool:
    """Only a change across the point, or another insertion at it, stands in a line's way: a
    change that starts at it (a slip fixed in the line's first word) goes after the new line."""
    return any(s < at < e or s == e == at for s, e, _ in edits)


def _inserts_a_line(finding: Finding) -> bool:
    """Does "e" add a line above the finding's line rather than replace its text? (See
    `Rule.interactive_edit`.)"""
    from newslint.registry import rule_by_key

    rule = rule_by_key(finding.code)
    return rule is not None and rule.interactive_edit == "insert-line-above"


def _accept(session: Session, finding: Finding, replacement: str, newline: str) -> bool:
    replacement = with_newlines(replacement, newline)
    if session.text[finding.start:finding.end] == replacement:
        return False  # guidance only: never counts as a fix
    session.edits.append((finding.start, finding.end, replacement))
    session.accepted += 1
    return True
