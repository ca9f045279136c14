"""In-text suppression comments, written as HTML comments so they survive Markdown and CMS rendering.

    <!-- newslint-disable SP101 -->  …  <!-- newslint-enable SP101 -->
    <!-- newslint-disable-next-line repeated-line -->
    <!-- newslint-disable-file unattributed-figure -->

Selectors are codes, code prefixes, names or categories, separated by commas or spaces; none
means every rule. A comment that suppresses nothing is reported (NL001), like ruff's RUF100.
"""

from __future__ import annotations

import regex

from newslint.document import Document
from newslint.hindi.records import factory, record
from newslint.registry import matches, rule_by_key
from newslint.rule import Finding, Rule
from newslint.compiled import compile_regex

# Every comment that starts like a directive: a kind that is none of these ("disable-nextline",
# a typo) is reported, and suppresses nothing. (Matched as a whole word up to a space, a comma or
# the comment's end: "\b" let "disable-nextline SP101" be a `disable` of "-nextline SP101".)
DIRECTIVE_RE = compile_regex(r"<!--\s*newslint-([^\s,>]*?)(?=[\s,]|-->)(.*?)-->", regex.DOTALL)
KINDS = ("disable-next-line", "disable-file", "disable", "enable")


@record
class Directive:
    kind: str
    selectors: list[str]  # empty: every rule
    start: int  # the comment's span in the file
    end: int
    # The region it covers, as offsets [region_start, region_end):
    region_start: int = 0
    region_end: int = 0
    used: bool = False

    def covers(self, finding: Finding) -> bool:
        if not (self.region_start <= finding.start < self.region_end):
            return False
        if not self.selectors:
            return True
        rule = rule_by_key(finding.code)
        for sel in self.selectors:
            if sel.upper() == finding.code.upper() or sel == finding.name:
                return True
            if rule is not None and matches(rule, sel):
                return True
            if sel.startswith("LT:") and finding.code.upper().startswith(sel.upper()):
                return True
        return False


@record
class Suppressions:
    directives: list[Directive] = factory(list)

    def filter(self, findings: list[Finding]) -> list[Finding]:
        kept = []
        for finding in findings:
            hit = False
            for directive in self.directives:
                if directive.kind != "enable" and directive.covers(finding):
                    directive.used = True
                    hit = True
            if not hit:
                kept.append(finding)
        return kept

    def unused(self) -> list[Directive]:
        return [d for d in self.directives if d.kind != "enable" and not d.used]


def parse_suppressions(doc: Document) -> Suppressions:
    text = doc.text
    if "newslint-" not in text:  # the common case costs one substring search
        return Suppressions()
    directives: list[Directive] = []
    open_ranges: dict[str, Directive] = {}  # selector key -> open disable
    code = _code_spans(doc)
    for match in DIRECTIVE_RE.finditer(text, doc.front_matter_end):
        if code and any(a <= match.start() < b for a, b in code):
            continue  # a directive shown as an example in a code block or span: text, not a directive
        kind = match.group(1)
        selectors = [s for s in regex.split(r"[\s,]+", match.group(2).strip()) if s]
        directive = Directive(kind, selectors, match.start(), match.end())
        if kind not in KINDS:  # covers nothing: reported as what it is (NL001)
            directive.region_start = directive.region_end = match.start()
        elif kind == "disable-file":
            directive.region_start, directive.region_end = 0, len(text) + 1
        elif kind == "disable-next-line":
            line = doc.line_at(match.start())
            following = [ln for ln in doc.lines[line.number:] if not ln.is_blank]
            target = following[0] if following else None
            if target is not None:
                directive.region_start, directive.region_end = target.start, target.end + 1
            else:
                directive.region_start = directive.region_end = len(text)
        elif kind == "disable":
            directive.region_start, directive.region_end = match.end(), len(text) + 1
            key = ",".join(sorted(selectors)) or "*"
            open_ranges[key] = directive
        else:  # enable: closes the matching disable (or every open one when no selectors)
            key = ",".join(sorted(selectors)) or "*"
            if key in open_ranges:
                open_ranges.pop(key).region_end = match.start()
            elif not selectors:
                for opened in open_ranges.values():
                    opened.region_end = match.start()
                open_ranges.clear()
        directives.append(directive)
    return Suppressions(directives)


_CODE_SPAN_IN_LINE_RE = compile_regex(r"(`+)(?!`)[^\n]+?(?<!`)\1(?!`)")


def _code_spans(doc: Document) -> list[tuple[int, int]]:
    """Where a Markdown article shows code (fenced blocks, `code spans`)."""
    if not doc.is_markdown or "`" not in doc.text and "~~~" not in doc.text:
        return []
    from newslint.document import MD_FENCE_RE

    text = doc.text
    fences = [m.span() for m in MD_FENCE_RE.finditer(text, doc.front_matter_end)]
    # code spans within a line: a stray backtick (typed for an apostrophe) pairs with another
    # paragraphs away in the document-wide pattern, and would hide every directive in between
    spans = [m.span() for m in _CODE_SPAN_IN_LINE_RE.finditer(text, doc.front_matter_end)]
    return fences + spans


def unused_suppression_findings(doc: Document, suppressions: Suppressions, rule: Rule, active_codes: set[str], config=None) -> list[Finding]:
    """NL001's findings. `config`: the file's config, whose rules a run without a narrowed
    command-line selection runs (see the blanket-comment case below)."""
    findings = []
    for directive in suppressions.unused():
        unknown = [s for s in directive.selectors if not s.startswith("LT:") and rule_by_key(s) is None and not _is_known_selector(s)]
        if directive.kind not in KINDS:
            findings.append(_unknown_directive_finding(doc, directive, rule))
            continue
        if not directive.selectors and not _configured_codes(doc, config) <= active_codes:
            # A comment for every rule, in a run narrowed on the command line (`fix --select
            # NL001,TY`): it may excuse a rule the configured run runs, and `fix` would delete it.
            continue
        if unknown:
            message = f"suppression names no known rule: {', '.join(unknown)}"
        elif directive.selectors and not any(code_matches_any(code, directive.selectors) for code in active_codes):
            # It names rules that are not selected: it cannot fire, but it is not stale either.
            continue
        else:
            what = ", ".join(directive.selectors) or "all rules"
            message = f"suppression comment for {what} suppresses nothing here; remove it"
        # Deleting the comment (and the line, when it stands alone) is safe.
        line = doc.line_at(directive.start)
        start, end, replacement = directive.start, directive.end, ""
        if doc.text[line.start:line.end].strip() == doc.text[directive.start:directive.end].strip():
            start, end = line.start, min(len(doc.text), line.end + _break_length(doc.text, line.end))
        finding = rule.finding(start, end, message)
        finding.suggestions.append(_delete_suggestion(replacement))
        findings.append(finding)
    return findings


def _configured_codes(doc: Document, config) -> set[str]:
    """The rules the file's config runs on it (its select, extend-select, ignore and
    per-file-ignores), whatever the command line narrowed."""
    from newslint.registry import all_rules, select_rules

    if config is None:
        return {rule.code for rule in all_rules() if rule.default_enabled}
    chosen = select_rules(config.select, config.extend_select, [*config.ignore, *config.extend_ignore])
    ignored = config.ignores_for(doc.path) if doc.path != "-" else []
    return {rule.code for rule in chosen if not any(matches(rule, sel) for sel in ignored)}


def _unknown_directive_finding(doc: Document, directive: Directive, rule: Rule) -> Finding:
    """A comment that looks like a directive but is none (a typo): said so. When it is a known
    directive with its hyphens wrong ("disable-nextline"), that one is offered as an unsafe fix;
    never a guess from similar letters, which can widen a suppression ("disable-line" is not
    "disable-file")."""
    from newslint.rule import Suggestion

    written = f"newslint-{directive.kind}"
    bare = directive.kind.replace("-", "").replace("_", "").lower()
    close = [kind for kind in KINDS if kind.replace("-", "") == bare]
    hint = f"did you mean “newslint-{close[0]}”?" if close else f"the comments are newslint-{', newslint-'.join(KINDS)}"
    finding = rule.finding(directive.start, directive.end, f"“{written}” is not a suppression comment, so it suppresses nothing: {hint}")
    if close:
        comment = doc.text[directive.start:directive.end]
        finding.suggestions.append(Suggestion(comment.replace(written, f"newslint-{close[0]}", 1), safe=False,
                                              note=f"write newslint-{close[0]}"))
    return finding


def _delete_suggestion(replacement: str):
    from newslint.rule import Suggestion

    return Suggestion(replacement, safe=True, note="delete the comment")


def _break_length(text: str, at: int) -> int:
    if text.startswith("\r\n", at):
        return 2
    return 1 if text[at:at + 1] in ("\n", "\r") else 0


def _is_known_selector(selector: str) -> bool:
    from newslint.registry import all_rules

    return any(matches(rule, selector) for rule in all_rules())


def code_matches_any(code: str, selectors: list[str]) -> bool:
    rule = rule_by_key(code)
    return rule is not None and any(matches(rule, s) for s in selectors)
