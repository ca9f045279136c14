"""Property tests: fixing never touches text outside the fixed spans, and is idempotent."""

from __future__ import annotations

import codecs
import contextlib
import io
import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.config import Config
from newslint.document import parse_document
from newslint.engine import lint_document
from newslint.fixer import apply_fixes, fix_until_stable
from newslint.registry import select_rules
from newslint.rule import Finding, Suggestion
from newslint.source import source_from_bytes

WORDS = ["यह", "पंक्ति", "है।", "मुख्यमंत्री", "ने", "सोमवार", "को", "बैठक", "की", "Delhi", "42", "“कहा”", "क़", "ज़रूर"]
GAPS = [" ", "  ", "   ", "\u00a0", " \u00a0 ", "\t", "\n", "\r\n", "\n\n", "  \r\n"]

articles = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(GAPS)), min_size=0, max_size=40).map(
    lambda parts: "".join(word + gap for word, gap in parts)
)


def real_lint(select=("TY107",), filename="article.txt"):
    config = Config(select=list(select))
    rules = [cls() for cls in select_rules(config.select)]

    def lint(text):
        source = source_from_bytes(text.encode("utf-8"), filename, max_bytes=0)
        return lint_document(parse_document(source), config, rules)

    return lint


# -- any findings at all: the splice is exact and order-independent --------------------------------

@st.composite
def text_and_findings(draw):
    text = draw(st.text(alphabet="ab \r\nकि्", max_size=30))
    n = draw(st.integers(0, 8))
    findings = []
    for i in range(n):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        replacement = draw(st.sampled_from(["", "x", "यह", text[start:end], "\n"]))
        safe = draw(st.booleans())
        findings.append(Finding(f"TY{i:03d}", "r", "typography", "warning", start, end, "m", [Suggestion(replacement, safe=safe)]))
    return text, findings, draw(st.booleans()), draw(st.randoms())


@settings(max_examples=300, deadline=None)
@given(text_and_findings())
def test_text_outside_the_fixed_spans_is_unchanged(case):
    text, findings, unsafe, rnd = case
    new, applied = apply_fixes(text, findings, unsafe=unsafe)
    # Rebuild the result from the untouched gaps and the applied replacements: they must be
    # exactly what is in the output, in order, and the spans must not overlap.
    cursor = 0
    rebuilt = []
    for fix in sorted(applied, key=lambda a: (a.finding.start, a.finding.end)):
        assert fix.finding.start >= cursor
        assert fix.suggestion.replacement != text[fix.finding.start:fix.finding.end]  # never guidance
        assert fix.suggestion.safe or unsafe
        rebuilt.append(text[cursor:fix.finding.start])
        rebuilt.append(fix.suggestion.replacement)
        cursor = fix.finding.end
    rebuilt.append(text[cursor:])
    assert new == "".join(rebuilt)
    # Deterministic: the order the rules reported them in does not matter.
    shuffled = list(findings)
    rnd.shuffle(shuffled)
    assert apply_fixes(text, shuffled, unsafe=unsafe)[0] == new


# -- the real rules: idempotent, and only the flagged spans change --------------------------------

@settings(max_examples=150, deadline=None)
@given(articles)
def test_fixing_twice_is_fixing_once(text):
    lint = real_lint()
    once = fix_until_stable(text, lint)
    twice = fix_until_stable(once.text, lint)
    assert once.converged
    assert twice.text == once.text
    assert twice.applied == []


@settings(max_examples=150, deadline=None)
@given(articles)
def test_one_pass_changes_only_flagged_spans(text):
    lint = real_lint()
    findings = lint(text)
    new, applied = apply_fixes(text, findings)
    spans = sorted((f.start, f.end) for f in findings)
    # Walk the output: outside the flagged spans every character is the original one.
    out = 0
    cursor = 0
    by_start = {a.finding.start: a for a in applied}
    while cursor < len(text):
        fix = by_start.get(cursor)
        if fix is not None:
            out += len(fix.suggestion.replacement)
            cursor = fix.finding.end
            continue
        assert new[out] == text[cursor], (cursor, spans)
        out += 1
        cursor += 1
    assert out == len(new)


# -- through the command, on disk: encoding, BOM and line endings are kept byte for byte ------------

ENCODINGS = [
    ("utf-8", b""),
    ("utf-8", codecs.BOM_UTF8),
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles, st.sampled_from(ENCODINGS), st.sampled_from(["\n", "\r\n"]))
def test_file_bytes_outside_fixes_are_kept(text, encoding, newline):
    from newslint.fixer import run_fix
    from newslint.report import Style
    from newslint.runner import RunOptions

    codec, bom = encoding
    text = text.replace("\r\n", "\n").replace("\n", newline)
    findings = real_lint()(text)
    expected = text
    for f in sorted(findings, key=lambda f: f.start, reverse=True):
        expected = expected[: f.start] + " " + expected[f.end:]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.txt"
        path.write_bytes(bom + text.encode(codec))
        sink = io.StringIO()
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            code = run_fix(RunOptions(paths=[str(path)], select=["TY107"], jobs=1), unsafe=False, diff=False,
                           interactive=False, quiet=True, exit_zero=False, style=Style(False))
        assert code == 0, sink.getvalue()
        assert path.read_bytes() == bom + expected.encode(codec)
        # And again: nothing more to do, not a byte changes.
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            run_fix(RunOptions(paths=[str(path)], select=["TY107"], jobs=1), unsafe=False, diff=False,
                    interactive=False, quiet=True, exit_zero=False, style=Style(False))
        assert path.read_bytes() == bom + expected.encode(codec)


def test_every_default_rule_is_idempotent_on_the_examples():
    """Whatever safe fixes the rule families bring, fixing the bundled articles twice == once."""
    repo = Path(__file__).resolve().parent.parent
    from newslint.registry import all_rules

    codes = [r.code for r in all_rules() if r.default_enabled]
    texts = [p.read_text(encoding="utf-8") for p in sorted((repo / "examples").rglob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((repo / "devset").rglob("*.txt"))[:10]]
    rng = random.Random(3)
    noisy = []
    for text in texts[:6]:  # seed some slips the fixes handle
        chars = list(text)
        for _ in range(20):
            i = rng.randrange(len(chars))
            if chars[i] == " ":
                chars[i] = "  "
        noisy.append("".join(chars))
    lint = real_lint(codes)
    for text in texts + noisy:
        once = fix_until_stable(text, lint)
        assert fix_until_stable(once.text, lint).applied == [], "a second fix run changed something"
