#!/usr/bin/env python3
"""Measure the fact-check rules (attribution of figures, and dates) on a dev set.

    python scripts/eval_factcheck.py [devset/factcheck.yaml] [--verbose] [--json]

Each item's text is linted as an article: with `published`, as a Markdown file whose front
matter carries `date: <published>`; without, as a plain-text file. Only the fact-check rules
that are on by default run (AT1xx, DT1xx).

An item is correct when its findings match `expect` exactly: every expected (rule, text) has a
finding of that rule whose span overlaps the expected text, and there is no other AT/DT finding
of level warning or error. Info-level findings are not counted: they are the calendar-date
suggestions that unanchored-relative-date offers when the publication date is known (the dev set
expects nothing there), not problems.

Prints accuracy per group and precision/recall per rule (a finding is a true positive when it
matches an expected entry of its rule, each expected entry matched at most once).

    python scripts/eval_factcheck.py --speed [--mb 5] [--repeat 3]

measures speed instead, on one core, in this process: article-sized documents (examples/, the
structure dev set, and the fact-check dev set six items an article) copied until --mb MB of
UTF-8; the core's parse and sentence split (document, blocks, sentences, body lines) is timed
alone, then each AT/DT rule alone and each family together on the parsed documents (their
shared analysis cleared between runs), best of --repeat, CPU time, with the garbage collector paused
while timing (the whole corpus is held in memory; a linter holds one document at a time).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from newslint.api import lint_text  # noqa: E402
from newslint.registry import all_rules  # noqa: E402

FACTCHECK_PREFIXES = ("AT", "DT")


def factcheck_rules() -> list[str]:
    return [r.code for r in all_rules() if r.code.startswith(FACTCHECK_PREFIXES) and r.default_enabled]


def item_source(item: dict) -> tuple[str, str, int]:
    """(file text, file name, offset of the item's text in the file)."""
    text = item["text"]
    if item.get("published"):
        head = f"---\ndate: {item['published']}\n---\n"
        return head + text, "item.md", len(head)
    return text, "item.txt", 0


def run_item(item: dict, select: list[str]):
    content, filename, offset = item_source(item)
    findings = lint_text(content, filename, select=select)
    return [f for f in findings if f.severity != "info"], content, offset


def match_item(item: dict, findings, content: str, offset: int):
    """Return (matched pairs, missed expectations, extra findings)."""
    text = item["text"]
    expected = []
    for exp in item.get("expect") or []:
        pos = text.find(exp["text"])
        if pos < 0:
            raise SystemExit(f"{item['id']}: expected text not in item: {exp['text']!r}")
        expected.append((exp["rule"], offset + pos, offset + pos + len(exp["text"]), exp["text"]))
    taken = set()
    matched, extra = [], []
    for f in findings:
        hit = None
        for i, (rule, s, e, _t) in enumerate(expected):
            if i in taken or rule != f.name:
                continue
            if f.start < e and s < f.end or (f.start == f.end and s <= f.start <= e):
                hit = i
                break
        if hit is None:
            extra.append(f)
        else:
            taken.add(hit)
            matched.append((expected[hit], f))
    missed = [exp for i, exp in enumerate(expected) if i not in taken]
    return matched, missed, extra


def evaluate(path: Path, verbose: bool = False) -> dict:
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    select = factcheck_rules()
    groups = defaultdict(lambda: [0, 0])
    per_rule = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    failures = []
    named_flagged = 0
    for item in items:
        findings, content, offset = run_item(item, select)
        matched, missed, extra = match_item(item, findings, content, offset)
        ok = not missed and not extra
        groups[item["group"]][0] += ok
        groups[item["group"]][1] += 1
        for (rule, *_rest), _f in matched:
            per_rule[rule]["tp"] += 1
        for rule, *_rest in missed:
            per_rule[rule]["fn"] += 1
        for f in extra:
            per_rule[f.name]["fp"] += 1
        if item["group"] == "attribution" and not item.get("expect") and any(f.code.startswith("AT") for f in extra):
            named_flagged += 1
        if not ok:
            failures.append((item, missed, extra))
    result = {
        "items": len(items),
        "groups": {g: {"correct": c, "total": t, "accuracy": round(c / t, 4)} for g, (c, t) in sorted(groups.items())},
        "rules": {},
        "clean_items_with_attribution_findings": named_flagged,
    }
    for rule, counts in sorted(per_rule.items()):
        tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
        result["rules"][rule] = {
            **counts,
            "precision": round(tp / (tp + fp), 4) if tp + fp else 1.0,
            "recall": round(tp / (tp + fn), 4) if tp + fn else 1.0,
        }
    result["failures"] = [
        {
            "id": item["id"],
            "missed": [f"{r}: {t}" for r, _s, _e, t in missed],
            "extra": [f"{f.name}: {f.text} — {f.message}" for f in extra],
        }
        for item, missed, extra in failures
    ]
    return result


def speed_corpus(size_mb: float) -> tuple[list[tuple[str, str]], int]:
    articles: list[tuple[str, str]] = []
    for folder in ("examples", "devset/structure"):
        for path in sorted((REPO / folder).rglob("*")):
            if path.suffix in (".txt", ".md") and "ci" not in path.relative_to(REPO).parts:
                articles.append((path.name, path.read_text(encoding="utf-8")))
    items = [i for i in yaml.safe_load((REPO / "devset" / "factcheck.yaml").read_text(encoding="utf-8")) if i.get("text")]
    for n, start in enumerate(range(0, len(items), 6)):
        group = items[start:start + 6]
        published = next((str(i["published"]) for i in group if i.get("published")), None)
        front = f"---\ntitle: समाचार {n}\ndate: {published}\n---\n\n" if published else ""
        articles.append((f"factcheck-{n:03d}.md", front + "\n\n".join(i["text"].strip() for i in group) + "\n"))
    docs, total = [], 0
    while total < size_mb * 1e6:
        for name, text in articles:
            docs.append((name, text))
            total += len(text.encode("utf-8"))
            if total >= size_mb * 1e6:
                break
    return docs, total


def speed(size_mb: float, repeat: int) -> int:
    import gc
    import time

    from newslint.config import Config
    from newslint.context import Context
    from newslint.document import parse_document
    from newslint.packs import packs_for
    from newslint.source import source_from_bytes

    docs, total = speed_corpus(size_mb)
    mb = total / 1e6

    def parse_all():
        parsed = []
        for name, text in docs:
            doc = parse_document(source_from_bytes(text.encode("utf-8"), name, max_bytes=0))
            doc.blocks, doc.sentences, doc.body_lines, doc.line_at(0)  # the core's derived views
            parsed.append(doc)
        return parsed

    best = float("inf")
    for _ in range(repeat):
        parsed = None
        gc.collect()
        gc.disable()
        t = time.process_time()
        parsed = parse_all()
        best = min(best, time.process_time() - t)
        gc.enable()
    print(f"{len(docs)} documents, {mb:.2f} MB")
    print(f"  {'parse + sentence split (core)':<32} {best:6.2f} s  {mb / best:6.1f} MB/s")
    ctx = Context(config=Config(), packs=packs_for([]))
    rules = {r.code: r for r in all_rules() if r.code.startswith(FACTCHECK_PREFIXES)}
    groups = [[code] for code in sorted(rules)]
    for prefix in FACTCHECK_PREFIXES:
        groups.append([code for code in sorted(rules) if code.startswith(prefix)])
    for group in groups:
        checks = [rules[code](None) for code in group]
        for check in checks:  # build the lists and patterns once (ctx.load), as a process does
            list(check.check(parsed[0], ctx))
        best = float("inf")
        for _ in range(repeat):
            for doc in parsed:
                doc.cache.clear()
            gc.collect()
            gc.disable()  # the corpus is held in memory; a linter holds one document at a time
            t = time.process_time()
            for doc in parsed:
                for check in checks:
                    for _finding in check.check(doc, ctx):
                        pass
            best = min(best, time.process_time() - t)
            gc.enable()
        label = "+".join(group) if len(group) < 3 else f"{group[0]}–{group[-1]} together"
        print(f"  {label:<32} {best:6.2f} s  {mb / best:6.1f} MB/s")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("devset", nargs="?", default=str(REPO / "devset" / "factcheck.yaml"))
    parser.add_argument("--verbose", "-v", action="store_true", help="list every failing item")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    parser.add_argument("--speed", action="store_true", help="measure speed (MB/s per rule) instead")
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size for --speed")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement for --speed (best is kept)")
    args = parser.parse_args(argv)
    if args.speed:
        return speed(args.mb, args.repeat)
    result = evaluate(Path(args.devset))
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(f"{result['items']} items")
    for group, g in result["groups"].items():
        print(f"  {group:<12} accuracy {g['accuracy']:.3f}  ({g['correct']}/{g['total']})")
    print("rule                          tp   fp   fn  precision  recall")
    for rule, r in result["rules"].items():
        print(f"  {rule:<26} {r['tp']:>4} {r['fp']:>4} {r['fn']:>4}     {r['precision']:.3f}   {r['recall']:.3f}")
    print(f"clean attribution items with an AT finding: {result['clean_items_with_attribution_findings']}")
    if args.verbose:
        for failure in result["failures"]:
            print(f"\n{failure['id']}")
            for m in failure["missed"]:
                print(f"  missed  {m}")
            for e in failure["extra"]:
                print(f"  extra   {e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
