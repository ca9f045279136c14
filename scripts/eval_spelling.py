#!/usr/bin/env python3
"""Measure the Hindi spelling rules (category `spelling`: SP1xx and SP2xx) on sentence sets.

    python scripts/eval_spelling.py                 # dev / held-out split of devset/spelling.yaml
    python scripts/eval_spelling.py --fresh         # also the fresh set (tests/hindi/fresh-spelling.yaml)
    python scripts/eval_spelling.py --edited        # findings on professionally edited articles
    python scripts/eval_spelling.py --speed [--megabytes 5] [--select SP1]
    python scripts/eval_spelling.py --verbose       # list misses, wrong suggestions, false findings

Sets are YAML lists (see devset/spelling.yaml's header): slip items have `text`, `slip`, `fix`,
`kind`; clean items `text` and `clean: true`. Each sentence is linted as its own document with
every spelling rule.

The dev set is split once, deterministically, before any tuning: every third item (index 2, 5,
8, … in file order) is *held out* and never looked at while tuning; the other two thirds are the
*development* part.

- recall: a slip counts as found when a spelling finding overlaps the slip word;
- precision: findings overlapping the slip word of their sentence / all spelling findings
  (findings on clean sentences and elsewhere in slip sentences are false);
- first suggestion: of the found slips, those whose finding's first suggestion is the fix, or
  an accepted variant of it (the same lookup key: हाँ/हां, गये/गए, ज़िद/जिद, हिन्दी/हिंदी);
- false findings per 1,000 words on the clean sentences.

Also usable as a module: `evaluate(items)` returns the numbers (tests/test_spelling_eval.py).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import regex
import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

DEVSET = REPO / "devset" / "spelling.yaml"
FRESH = REPO / "tests" / "hindi" / "fresh-spelling.yaml"
WORD_RE = regex.compile(r"[\p{L}\p{M}]+")
EDITED = [
    *sorted((REPO / "devset" / "structure").glob("clean-*")),
    *sorted((REPO / "examples").rglob("*.txt")),
    *sorted((REPO / "examples").rglob("*.md")),
]


def load(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def split(items: list[dict]) -> tuple[list[dict], list[dict]]:
    """(development, held out): every third item, in file order, is held out."""
    return [it for i, it in enumerate(items) if i % 3 != 2], [it for i, it in enumerate(items) if i % 3 == 2]


def words(text: str) -> int:
    return len(WORD_RE.findall(text))


def lint(text: str, filename: str = "sentence.txt"):
    from newslint.api import lint_text

    return lint_text(text, filename, select=["spelling"])


def slip_span(item: dict) -> tuple[int, int]:
    match = regex.search(r"(?<![\p{L}\p{M}])" + regex.escape(item["slip"]) + r"(?![\p{L}\p{M}])", item["text"])
    if match is None:
        raise ValueError(f"slip {item['slip']!r} not found as a word in {item['text']!r}")
    return match.span()


def _same_word(a: str, b: str) -> bool:
    from newslint.hindi.text import lookup_key

    return lookup_key(a) == lookup_key(b)


def evaluate(items: list[dict]) -> dict:
    slips = [it for it in items if not it.get("clean")]
    clean = [it for it in items if it.get("clean")]
    found = right_first = true_findings = all_findings = 0
    by_kind: Counter = Counter()
    found_by_kind: Counter = Counter()
    missed, wrong_first, false = [], [], []
    for item in slips:
        start, end = slip_span(item)
        by_kind[item["kind"]] += 1
        hit = None
        for f in lint(item["text"]):
            all_findings += 1
            if f.start < end and f.end > start:
                true_findings += 1
                hit = hit or f
            else:
                false.append({"text": f.text, "code": f.code, "message": f.message, "sentence": item["text"]})
        if hit is None:
            missed.append({"slip": item["slip"], "fix": item["fix"], "kind": item["kind"]})
            continue
        found += 1
        found_by_kind[item["kind"]] += 1
        first = hit.suggestions[0].replacement if hit.suggestions else None
        if first is not None:
            corrected = item["text"][:hit.start] + first + item["text"][hit.end:]
            first_word = corrected[start:end + len(corrected) - len(item["text"])]
        if first is not None and _same_word(first_word, item["fix"]):
            right_first += 1
        else:
            wrong_first.append({"slip": item["slip"], "fix": item["fix"], "got": first, "code": hit.code})
    clean_words = clean_false = 0
    for item in clean:
        clean_words += words(item["text"])
        for f in lint(item["text"]):
            all_findings += 1
            clean_false += 1
            false.append({"text": f.text, "code": f.code, "message": f.message, "sentence": item["text"]})
    n = len(slips)
    return {
        "slips": n,
        "clean_sentences": len(clean),
        "clean_words": clean_words,
        "recall": round(found / n, 3) if n else None,
        "precision": round(true_findings / all_findings, 3) if all_findings else 1.0,
        "first_suggestion": round(right_first / found, 3) if found else None,
        "false_per_1000_clean_words": round(1000 * clean_false / clean_words, 2) if clean_words else None,
        "findings": all_findings,
        "false_findings": all_findings - true_findings,
        "recall_by_kind": {k: f"{found_by_kind[k]}/{by_kind[k]}" for k in sorted(by_kind)},
        "missed": missed,
        "wrong_first": wrong_first,
        "false": false,
    }


def edited(paths: list[Path] = EDITED, factcheck: Path = REPO / "devset" / "factcheck.yaml") -> dict:
    """Spelling findings on professionally edited text (clean articles, examples, fact-check passages)."""
    total_words = 0
    findings = []
    for path in paths:
        text = path.read_bytes().decode("utf-8-sig")
        if path.name == "seed-article.txt":
            continue  # the uncorrected seed: its slips are real
        total_words += words(text)
        findings += [{"file": str(path.relative_to(REPO)), "line": f.line, "code": f.code, "text": f.text, "message": f.message} for f in lint(text, path.name)]
    if factcheck.exists():
        for item in load(factcheck):
            total_words += words(item["text"])
            findings += [{"file": f"factcheck:{item['id']}", "line": f.line, "code": f.code, "text": f.text, "message": f.message} for f in lint(item["text"])]
    return {
        "words": total_words,
        "findings": len(findings),
        "per_1000_words": round(1000 * len(findings) / total_words, 2) if total_words else None,
        "list": findings,
    }


def speed(megabytes: float = 5.0, select: tuple[str, ...] = ("spelling",)) -> dict:
    """CPU time of the spelling rules over a ~N MB corpus of many articles (best of five).

    The corpus: the dev-set sentences grouped ten to an article, the edited articles and the
    fact-check passages, repeated until it reaches N MB. Parsing is not timed (the documents are
    parsed and tokenised first). The spelling engine's per-word caches start empty on the first
    run ("cold": every distinct word is judged once), later runs reuse them ("warm": the steady
    state of a process that lints many articles).
    """
    from newslint.config import Config
    from newslint.context import Context
    from newslint.document import parse_document
    from newslint.packs import packs_for
    from newslint.registry import select_rules
    from newslint.source import Source

    texts = []
    sentences = [it["text"] for it in load(DEVSET)]
    for i in range(0, len(sentences), 10):
        texts.append("\n\n".join(sentences[i:i + 10]) + "\n")
    for path in EDITED:
        texts.append(path.read_bytes().decode("utf-8-sig"))
    texts += [it["text"] for it in load(REPO / "devset" / "factcheck.yaml")]
    target = int(megabytes * 1_000_000)
    corpus, size = [], 0
    while size < target:
        for text in texts:
            corpus.append(text)
            size += len(text.encode("utf-8"))
            if size >= target:
                break
    docs = [parse_document(Source(path=f"doc{i}.txt", text=t, kind="text")) for i, t in enumerate(corpus)]
    for doc in docs:
        doc.tokens  # noqa: B018 - tokenising is parsing, not timed
    config = Config(select=list(select))
    rules = [cls() for cls in select_rules(list(select), [], [])]
    ctx = Context(config=config, packs=packs_for([]))
    load_start = time.perf_counter()
    from newslint.checks.spelling_shared import model

    model(ctx)
    load_seconds = time.perf_counter() - load_start
    runs = []
    for _ in range(5):
        for doc in docs:
            doc.cache.clear()
        start = time.process_time()
        n = 0
        for doc in docs:
            for rule in rules:
                n += sum(1 for _ in rule.check(doc, ctx))
        runs.append(time.process_time() - start)
    mb = size / 1_000_000
    return {
        "megabytes": round(mb, 2),
        "documents": len(docs),
        "rules": [r.code for r in rules],
        "model_load_seconds": round(load_seconds, 3),
        "cold_seconds": round(runs[0], 3),
        "best_seconds": round(min(runs), 3),
        "cold_mb_per_second": round(mb / runs[0], 1),
        "mb_per_second": round(mb / min(runs), 1),
        "findings": n,
    }


def _print_eval(name: str, result: dict, verbose: bool) -> None:
    print(
        f"{name:10} slips {result['slips']:3}  recall {result['recall']:.3f}  precision {result['precision']:.3f}  "
        f"first-suggestion {result['first_suggestion']:.3f}  false/1000 clean words {result['false_per_1000_clean_words']:.2f} "
        f"({result['false_findings']} false of {result['findings']} findings; {result['clean_words']} clean words)"
    )
    print("           by kind: " + ", ".join(f"{k} {v}" for k, v in result["recall_by_kind"].items()))
    if verbose:
        for m in result["missed"]:
            print(f"   missed   {m['slip']} → {m['fix']} ({m['kind']})")
        for w in result["wrong_first"]:
            print(f"   first    {w['slip']} → got {w['got']}, want {w['fix']} ({w['code']})")
        for f in result["false"]:
            print(f"   false    {f['code']} {f['text']}: {f['message']}\n            in: {f['sentence']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devset", type=Path, default=DEVSET)
    parser.add_argument("--fresh", action="store_true", help="also evaluate the fresh set")
    parser.add_argument("--edited", action="store_true", help="findings on professionally edited articles")
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--select", default="spelling", help="rules to time (default: spelling, i.e. SP1xx and SP2xx)")
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--part", choices=("dev", "held-out", "all"), help="only this part of the dev set")
    args = parser.parse_args(argv)
    out: dict = {}
    if args.speed:
        out["speed"] = speed(args.megabytes, tuple(args.select.split(",")))
    else:
        dev, held_out = split(load(args.devset))
        parts = {"dev": dev, "held-out": held_out}
        if args.part == "all":
            parts = {"all": dev + held_out}
        elif args.part:
            parts = {args.part: parts[args.part]}
        for name, items in parts.items():
            out[name] = evaluate(items)
        if args.fresh and FRESH.exists():
            out["fresh"] = evaluate(load(FRESH))
        if args.edited:
            out["edited"] = edited()
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    for name, result in out.items():
        if name == "speed":
            print(json.dumps(result, indent=1))
        elif name == "edited":
            print(f"edited text: {result['findings']} findings in {result['words']} words = {result['per_1000_words']:.2f} per 1,000 words")
            for f in result["list"]:
                print(f"   {f['file']}:{f['line']} {f['code']} {f['text']}: {f['message']}")
        else:
            _print_eval(name, result, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
