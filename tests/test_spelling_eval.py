"""The spelling rules' measured quality must not regress (scripts/eval_spelling.py).

Floors are the numbers reached (docs/spelling.md) minus a small margin. The held-out third of
devset/spelling.yaml and the fresh set were not used for tuning; they are asserted here only so
that a later change cannot quietly make them worse.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SPEC = importlib.util.spec_from_file_location("eval_spelling", REPO / "scripts" / "eval_spelling.py")
eval_spelling = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(eval_spelling)

# part: (recall, precision, first suggestion, false findings per 1,000 clean words) — floors/ceiling
FLOORS = {
    "dev": (0.91, 0.95, 0.95, 1.6),
    "held-out": (0.83, 0.94, 0.95, 1.6),
    "fresh": (0.84, 0.95, 0.95, 1.6),
}


@pytest.fixture(scope="module")
def results():
    dev, held_out = eval_spelling.split(eval_spelling.load(eval_spelling.DEVSET))
    return {
        "dev": eval_spelling.evaluate(dev),
        "held-out": eval_spelling.evaluate(held_out),
        "fresh": eval_spelling.evaluate(eval_spelling.load(eval_spelling.FRESH)),
    }


@pytest.mark.parametrize("part", list(FLOORS))
def test_quality_does_not_regress(results, part):
    recall, precision, first, false_rate = FLOORS[part]
    r = results[part]
    assert r["recall"] >= recall, r["missed"]
    assert r["precision"] >= precision, r["false"]
    assert r["first_suggestion"] >= first, r["wrong_first"]
    assert r["false_per_1000_clean_words"] <= false_rate, r["false"]


def test_split_is_fixed_and_disjoint():
    items = eval_spelling.load(eval_spelling.DEVSET)
    dev, held_out = eval_spelling.split(items)
    assert len(dev) + len(held_out) == len(items) and len(held_out) == len(items) // 3
    assert held_out[0] is items[2] and held_out[1] is items[5]


def test_fresh_set_is_well_formed():
    items = eval_spelling.load(eval_spelling.FRESH)
    slips = [it for it in items if not it.get("clean")]
    assert len(slips) >= 55 and len(items) - len(slips) >= 55
    seed = (REPO / "examples" / "seed-article.txt").read_text(encoding="utf-8")
    dev_texts = {it["text"] for it in eval_spelling.load(eval_spelling.DEVSET)}
    for it in slips:
        eval_spelling.slip_span(it)  # the slip occurs as a whole word
        assert it["slip"] != it["fix"] and it["kind"]
    for it in items:
        assert it["text"] not in dev_texts and it["text"] not in seed


def test_professionally_edited_text():
    edited = eval_spelling.edited()
    assert edited["per_1000_words"] <= 1.0, edited["list"]
