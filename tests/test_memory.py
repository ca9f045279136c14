"""Memory: a linted document is freed as soon as the last reference to it goes.

The rules keep their per-document analyses in `doc.cache`; an analysis that held the document
strongly made every document a reference cycle, freed only by the garbage collector. Each
young-generation collection of a run then went through the dead documents' tokens and lines
first: a tenth of a 5 MB run's time, and a higher peak of memory."""

from __future__ import annotations

import gc
from pathlib import Path

from newslint.api import lint_text

ROOT = Path(__file__).resolve().parents[1]


def _texts() -> list[tuple[str, str]]:
    examples = sorted(p for p in (ROOT / "examples").rglob("*") if p.suffix in (".txt", ".md") and p.is_file())
    assert len(examples) >= 5
    return [(p.read_text(encoding="utf-8"), p.name) for p in examples]


def test_linting_leaves_no_cyclic_garbage():
    texts = _texts()
    for text, name in texts:  # the first pass builds the rules' data and fills the caches
        lint_text(text, name)
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        found = 0
        for text, name in texts:
            assert lint_text(text, name) is not None
            found += gc.collect()
    finally:
        if was:
            gc.enable()
    assert found == 0, f"{found} objects of linted documents were freed only by the garbage collector"


def test_a_date_analysis_needs_its_document():
    """The date analysis holds its document weakly: read after the document is gone it says so,
    rather than answering "no dates"; an analysis of no document has nothing to find."""
    from newslint.config import Config
    from newslint.context import Context
    from newslint.document import parse_document
    from newslint.factcheck.dates import DateAnalysis, analyse_dates
    from newslint.packs import packs_for
    from newslint.source import source_from_bytes

    ctx = Context(config=Config(), packs=packs_for([]))
    text = "नई दिल्ली, 12 जनवरी 2025। सोमवार को बैठक हुई और 14 जनवरी को फैसला आएगा।\n"
    doc = parse_document(source_from_bytes(text.encode("utf-8"), "a.txt", max_bytes=0))
    kept = analyse_dates(doc, ctx)
    assert kept.dates and kept.relatives
    dropped = analyse_dates(parse_document(source_from_bytes(text.encode("utf-8"), "b.txt", max_bytes=0)), ctx)
    gc.collect()
    try:
        dropped.dates
    except ReferenceError as exc:
        assert "freed" in str(exc)
    else:
        raise AssertionError("an analysis whose document is gone answered")
    empty = DateAnalysis()
    assert empty.dates == [] and empty.pairs == [] and empty.relatives == []
