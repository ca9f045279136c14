#!/usr/bin/env python3
"""Measure the structure rules (ST1xx) on the development set in devset/structure/.

    python scripts/eval_structure.py [--devset DIR] [--verbose] [--json]
    python scripts/eval_structure.py --speed [--megabytes 5]

For each article the ST findings are compared with `expected.yaml` (see its header):
- an expected item counts as found when any ST finding starts on its line (for a repeated-block
  item, on the first line of its `lines`); recall is reported per kind;
- a false finding is an ST finding that starts on a line no item annotates (every line of a
  repeated-block item is annotated), and any ST finding at all in a clean-NN article;
- a found item whose finding is of another ST rule than its kind is counted as a kind mismatch
  (informational: recall does not depend on it).

With --speed it measures every structure and typography rule on a ~5 MB corpus made by
concatenating the dev-set and example articles, in two shapes: many articles (each parsed as its
own document, as newslint meets them) and one single 5 MB document (the worst case for the
repeat detection: every article in it occurs many times). Parsing the document is not timed;
before each run the documents' caches are cleared, so a rule pays for the shared structure
analysis it needs. CPU time (not wall time) is measured, best of three runs.

Also usable as a module: `evaluate(devset_dir)` returns the numbers (the test suite asserts them).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DEVSET = REPO / "devset" / "structure"
KIND_TO_CODE = {
    "repeated-line": "ST101",
    "repeated-block": "ST102",
    "duplicate-byline": "ST103",
    "cms-debris": "ST104",
    "related-story-link": "ST105",
    "teaser-headline": "ST106",
}


def lint_structure(path: Path):
    from newslint.api import lint_text

    text = path.read_bytes().decode("utf-8-sig")
    return lint_text(text, path.name, select=["structure"])


def evaluate(devset: Path = DEFAULT_DEVSET) -> dict:
    expected = yaml.safe_load((devset / "expected.yaml").read_text(encoding="utf-8")) or {}
    found_by_kind: Counter = Counter()
    total_by_kind: Counter = Counter()
    missed: list[dict] = []
    false_findings: list[dict] = []
    clean_false: list[dict] = []
    kind_mismatch: list[dict] = []
    files = sorted(p for p in devset.iterdir() if p.suffix in (".txt", ".md"))
    for path in files:
        items = expected.get(path.name)
        if items is None:
            continue
        findings = lint_structure(path)
        starts: dict[int, list] = defaultdict(list)
        for f in findings:
            starts[f.line].append(f)
        annotated: set[int] = set()
        for item in items:
            lines = item.get("lines") or [item["line"]]
            annotated.update(lines)
            kind = item["kind"]
            total_by_kind[kind] += 1
            hits = starts.get(lines[0], [])
            if hits:
                found_by_kind[kind] += 1
                if not any(f.code == KIND_TO_CODE[kind] for f in hits):
                    kind_mismatch.append({"file": path.name, "line": lines[0], "kind": kind, "got": sorted({f.code for f in hits})})
            else:
                missed.append({"file": path.name, "line": lines[0], "kind": kind, "note": item.get("note", "")})
        for f in findings:
            if f.line not in annotated:
                entry = {"file": path.name, "line": f.line, "code": f.code, "message": f.message}
                false_findings.append(entry)
                if path.name.startswith("clean"):
                    clean_false.append(entry)
    recall = {kind: found_by_kind[kind] / total_by_kind[kind] for kind in sorted(total_by_kind)}
    total = sum(total_by_kind.values())
    return {
        "articles": len([p for p in files if p.name in expected]),
        "clean_articles": len([p for p in files if p.name in expected and p.name.startswith("clean")]),
        "items": total,
        "found": sum(found_by_kind.values()),
        "recall": sum(found_by_kind.values()) / total if total else 1.0,
        "recall_by_kind": recall,
        "items_by_kind": dict(total_by_kind),
        "missed": missed,
        "false_findings": false_findings,
        "clean_false_findings": clean_false,
        "kind_mismatch": kind_mismatch,
    }


def _corpus_articles(devset: Path) -> list[tuple[str, str]]:
    paths = sorted(p for p in devset.iterdir() if p.suffix in (".txt", ".md"))
    examples = REPO / "examples"
    if examples.is_dir():
        paths += sorted(p for p in examples.rglob("*") if p.suffix in (".txt", ".md"))
    return [(p.name, p.read_text(encoding="utf-8")) for p in paths]


def speed(devset: Path = DEFAULT_DEVSET, megabytes: float = 5.0, repeat: int = 3) -> list[dict]:
    import time

    from newslint.config import Config
    from newslint.context import Context
    from newslint.document import parse_document
    from newslint.packs import packs_for
    from newslint.registry import all_rules
    from newslint.source import source_from_bytes

    articles = _corpus_articles(devset)
    target = int(megabytes * 1024 * 1024)
    many: list[tuple[str, bytes]] = []
    size = 0
    while size < target:
        for name, text in articles:
            data = text.encode("utf-8")
            many.append((name, data))
            size += len(data)
    single = b"\n\n".join(data for name, data in many if name.endswith(".txt"))
    shapes = {"articles": many, "one document": [("corpus.txt", single)]}
    ctx = Context(Config(), packs_for([]))
    rules = [cls() for cls in all_rules() if cls.code[:2] in ("ST", "TY")]

    def parse(items):
        docs = [parse_document(source_from_bytes(data, name, max_bytes=0)) for name, data in items]
        for doc in docs:
            doc.body_lines, doc.blocks  # the core document model, shared by every rule: not timed
        return docs

    parsed = {shape: parse(items) for shape, items in shapes.items()}
    for rule in rules:  # load the rule packs once (ctx.load) before timing
        for doc in parsed["articles"][:5]:
            list(rule.check(doc, ctx))
    results = []
    for rule in rules:
        row = {"code": rule.code, "name": rule.name}
        for shape, items in shapes.items():
            total = sum(len(data) for _, data in items)
            docs = parsed[shape]
            best = None
            for _ in range(repeat):
                for doc in docs:
                    doc.cache.clear()  # each run pays for the shared structure analysis again
                start = time.process_time()
                count = 0
                for doc in docs:
                    count += sum(1 for _ in rule.check(doc, ctx))
                elapsed = time.process_time() - start
                best = elapsed if best is None else min(best, elapsed)
            row[shape] = {"mb": total / 1048576, "seconds": best, "mb_per_s": total / 1048576 / best, "findings": count}
        results.append(row)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=DEFAULT_DEVSET)
    parser.add_argument("--verbose", "-v", action="store_true", help="list missed items and false findings")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--speed", action="store_true", help="measure MB/s per structure and typography rule")
    parser.add_argument("--megabytes", type=float, default=5.0, help="corpus size for --speed")
    args = parser.parse_args(argv)
    if args.speed:
        rows = speed(args.devset, args.megabytes)
        if args.json:
            print(json.dumps(rows, ensure_ascii=False, indent=2))
            return 0
        first = rows[0]
        print(f"corpus: {first['articles']['mb']:.1f} MB as articles, {first['one document']['mb']:.1f} MB as one document")
        print(f"{'rule':40} {'MB/s (articles)':>16} {'MB/s (one doc)':>15}")

        def rate(value: float) -> str:
            return f"{value:.1f}" if value < 10000 else ">9999"

        for row in rows:
            label = f"{row['code']} {row['name']}"
            print(f"{label:40} {rate(row['articles']['mb_per_s']):>16} {rate(row['one document']['mb_per_s']):>15}")
        return 0
    result = evaluate(args.devset)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(f"{result['articles']} articles ({result['clean_articles']} clean), {result['items']} expected items")
    print(f"{'kind':22} {'items':>5} {'recall':>7}")
    for kind, value in result["recall_by_kind"].items():
        print(f"{kind:22} {result['items_by_kind'][kind]:>5} {value:>7.3f}")
    print(f"{'overall':22} {result['items']:>5} {result['recall']:>7.3f}")
    print(f"false findings: {len(result['false_findings'])} (on clean articles: {len(result['clean_false_findings'])})")
    print(f"found with another ST rule than the annotated kind: {len(result['kind_mismatch'])}")
    if args.verbose:
        for m in result["missed"]:
            print(f"  MISSED {m['file']}:{m['line']} {m['kind']} {m['note']}")
        for f in result["false_findings"]:
            print(f"  FALSE  {f['file']}:{f['line']} {f['code']} {f['message']}")
        for k in result["kind_mismatch"]:
            print(f"  KIND   {k['file']}:{k['line']} expected {k['kind']}, got {', '.join(k['got'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
