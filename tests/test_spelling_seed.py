"""The seed article's eight spelling slips, found with the right first suggestion — and nothing else.

See shared/seed-article.problems.md. The corrected article and every other example file must
raise no spelling finding at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.api import fix_text, lint_text

REPO = Path(__file__).resolve().parent.parent

# (line, as written, first suggestion, rule)
SEED_SLIPS = [
    (11, "नजदिकियां", "नजदीकियां", "SP102"),
    (11, "कोरियां", "कोरिया", "SP104"),
    (15, "रहें", "रहे", "SP104"),
    (15, "गहरें", "गहरे", "SP102"),
    (19, "जिद्द", "जिद", "SP101"),
    (21, "थें", "थे", "SP101"),
    (25, "जाएगे", "जाएंगे", "SP101"),
    (29, "पढें", "पढ़ें", "SP101"),
]


def spelling(text: str, filename: str = "article.txt"):
    return lint_text(text, filename, select=["spelling"])


def test_seed_slips_found_with_the_right_first_suggestion(shared: Path):
    text = (shared / "seed-article.txt").read_text(encoding="utf-8")
    found = [(f.line, f.text, f.suggestions[0].replacement, f.code) for f in spelling(text, "seed-article.txt")]
    assert found == SEED_SLIPS  # every slip, and no other spelling finding


def test_seed_slips_in_context(shared: Path):
    text = (shared / "seed-article.txt").read_text(encoding="utf-8")
    by_word = {f.text: f for f in spelling(text, "seed-article.txt")}
    # उत्तर कोरियां ने: the name is spelled कोरिया elsewhere in the article
    assert text[by_word["कोरियां"].start - 6:by_word["कोरियां"].end + 3] == "उत्तर कोरियां ने"
    assert text[by_word["रहें"].start - 3:by_word["रहें"].end] == "हो रहें"
    assert "short ि where the word has long ी" in by_word["नजदिकियां"].message


def test_safe_fix_corrects_only_never_valid_forms(shared: Path):
    text = (shared / "seed-article.txt").read_text(encoding="utf-8")
    fixed = fix_text(text, "seed-article.txt", select=["spelling"])
    for wrong, right in [("जिद्द", "जिद"), ("थें", "थे"), ("जाएगे", "जाएंगे"), ("पढें", "पढ़ें")]:
        assert wrong not in fixed and right in fixed
    assert "नजदिकियां" in fixed  # unsafe: shown, not applied
    unsafe = fix_text(text, "seed-article.txt", select=["spelling"], unsafe=True)
    assert "नजदीकियां" in unsafe and "उत्तर कोरियां" not in unsafe and "हो रहे और भी गहरे" in unsafe
    assert spelling(unsafe, "seed-article.txt") == []


EXAMPLES = sorted(p for p in (REPO / "examples").rglob("*") if p.suffix in (".txt", ".md") and p.name != "seed-article.txt")


@pytest.mark.parametrize("path", EXAMPLES, ids=[str(p.relative_to(REPO)) for p in EXAMPLES])
def test_no_spelling_finding_in_edited_examples(path: Path):
    text = path.read_bytes().decode("utf-8-sig")
    findings = spelling(text, path.name)
    assert findings == [], "; ".join(f"{f.line}:{f.column} {f.code} {f.text}: {f.message}" for f in findings)


def test_corrected_seed_is_among_the_examples():
    assert REPO / "examples" / "seed-article.corrected.txt" in EXAMPLES
