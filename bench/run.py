#!/usr/bin/env python3
"""newslint speed benchmark: a script, not a test. Run from anywhere:

    python bench/run.py                 # everything (~2-4 minutes on 2 cores)
    python bench/run.py --quick         # 1 MB corpus, fewer repetitions
    python bench/run.py --no-textlint --no-profile

What it does, in one run, on one machine:

1. builds a ~5 MB corpus under bench/corpus/ (gitignored) from the articles in examples/ and
   devset/ (the devset YAML sentences are grouped into articles), copied until the size is
   reached, one article a file, 100 files a folder;
2. newslint with every default rule over the corpus (`--jobs 1`): MB/s, best of N; then once
   more with NEWSLINT_RULE_TIMES set, which times parsing, the document's derived views and each
   rule's check() in the same process: MB/s per rule;
3. codespell over the same corpus with a Hindi dictionary (bench/codespell-hi.txt, generated in
   codespell's `wrong->right` format from rules/hi/never-valid.txt and likely-misspellings.tsv,
   topped up to a few thousand entries with vowel-length slips of corpus words that are not in
   rules/hi/words.tsv) and `--regex` set to a Devanagari-aware word pattern;
4. textlint + textlint-rule-prh when Node is present (npm install into bench/node_modules,
   gitignored), with a prh YAML generated from the same dictionary;
5. `newslint check` on one small article vs codespell on the same file (hyperfine when
   installed, else repeated timing), in-process and handed to a running `newslint server`, `--jobs 2` vs `--jobs 1` on the corpus, peak RSS
   (/usr/bin/time -v, else resource), and pyinstrument profiles of the small-file start-up and
   of the corpus run (bench/out/profile-*.txt).

Two things make the numbers what a user sees, not what a fresh checkout sees: newslint's
bytecode is compiled first (pip does that when it installs the wheel; an editable install under
PYTHONDONTWRITEBYTECODE=1 would otherwise recompile every module on every run, as codespell's
installed package never does), and the word cache (newslint.cache, in bench/out/cache) is
measured both ways: *cold* (NEWSLINT_NO_CACHE=1: every word judged afresh, as on a new machine
or a CI runner without a cache) and *warm* (the cache filled by one earlier run over the corpus,
as for the pre-commit hook on a writer's machine).

Results: a Markdown summary on stdout and bench/out/results.json. Targets (issue 6): every
default rule >= 15 MB/s per core; one small file <= 1.2x codespell's time; --jobs 2 >= 1.8x;
peak RSS <= 200 MB. MB = 10^6 bytes of UTF-8 text.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
CORPUS = BENCH / "corpus"
OUT = BENCH / "out"
CACHE = OUT / "cache"
DICTIONARY = BENCH / "codespell-hi.txt"
SMALL_FILE = REPO / "examples" / "seed-article.txt"
BIN = Path(sys.executable).parent
# Devanagari-aware word pattern for codespell (Python `re`): \w alone splits Hindi words at
# every vowel sign and virama (they are combining marks, not word characters).
CODESPELL_REGEX = r"[\w\u0900-\u097F\u200c\u200d]+"
TARGETS = {"rule_mb_s": 15.0, "small_file_ratio": 1.2, "jobs2_speedup": 1.8, "peak_rss_mb": 200.0}


def log(message: str) -> None:
    sys.stderr.write(f"[bench] {message}\n")
    sys.stderr.flush()


# -- 1. the corpus ------------------------------------------------------------------------------

def article_sources() -> list[tuple[str, str]]:
    """(name, text) of every article: files as they are, devset sentences grouped."""
    import yaml

    articles: list[tuple[str, str]] = []
    for folder in ("examples", "devset"):
        for path in sorted((REPO / folder).rglob("*")):
            if path.suffix in (".txt", ".md") and "ci" not in path.relative_to(REPO).parts:
                articles.append((path.stem + path.suffix, path.read_text(encoding="utf-8")))
    spelling = yaml.safe_load((REPO / "devset" / "spelling.yaml").read_text(encoding="utf-8")) or []
    texts = [item["text"] for item in spelling if isinstance(item, dict) and item.get("text")]
    for n, start in enumerate(range(0, len(texts), 12)):
        body = "\n\n".join(texts[start:start + 12])
        articles.append((f"spelling-{n:03d}.txt", body + "\n"))
    factcheck = yaml.safe_load((REPO / "devset" / "factcheck.yaml").read_text(encoding="utf-8")) or []
    items = [item for item in factcheck if isinstance(item, dict) and item.get("text")]
    for n, start in enumerate(range(0, len(items), 6)):
        group = items[start:start + 6]
        published = next((str(i["published"]) for i in group if i.get("published")), None)
        front = f"---\ntitle: समाचार {n}\ndate: {published}\n---\n\n" if published else ""
        articles.append((f"factcheck-{n:03d}.md", front + "\n\n".join(i["text"].strip() for i in group) + "\n"))
    return articles


def build_corpus(size_mb: float) -> dict:
    files_dir = CORPUS / "files"
    if files_dir.exists():
        shutil.rmtree(files_dir)
    files_dir.mkdir(parents=True)
    sources = article_sources()
    target = int(size_mb * 1_000_000)
    total = 0
    count = 0
    while total < target:
        for name, text in sources:
            data = text.encode("utf-8")
            folder = files_dir / f"{count // 100:03d}"
            folder.mkdir(exist_ok=True)
            (folder / f"{count:05d}-{name}").write_bytes(data)
            total += len(data)
            count += 1
            if total >= target:
                break
    unique = sum(len(text.encode("utf-8")) for _, text in sources)
    log(f"corpus: {count} files, {total / 1e6:.2f} MB ({len(sources)} distinct articles, {unique / 1e6:.2f} MB)")
    return {"files": count, "bytes": total, "distinct_articles": len(sources), "distinct_bytes": unique, "path": str(files_dir)}


# -- the Hindi dictionary for codespell and prh ---------------------------------------------------

def build_dictionary(corpus_dir: Path, wanted: int = 3000) -> list[tuple[str, str]]:
    pairs: dict[str, str] = {}
    never_valid = REPO / "rules" / "hi" / "never-valid.txt"
    if never_valid.exists():
        for line in never_valid.read_text(encoding="utf-8").splitlines():
            line = line.split(" #", 1)[0].strip()
            if not line or line[0] in "#[>~":
                continue
            parts = line.split()
            if len(parts) >= 2:
                pairs.setdefault(parts[0], parts[1])
    likely = REPO / "rules" / "hi" / "likely-misspellings.tsv"
    if likely.exists():
        for line in likely.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) >= 2:
                pairs.setdefault(parts[0], parts[1])
    from_packs = len(pairs)
    # Top up with vowel-length slips (ि/ी, ु/ू) of frequent corpus words that are not words.
    known: set[str] = set()
    words_file = REPO / "rules" / "hi" / "words.tsv"
    if words_file.exists():
        with words_file.open(encoding="utf-8") as handle:
            for line in handle:
                if not line.startswith("#"):
                    known.add(line.split("\t", 1)[0].strip())
    counts: dict[str, int] = {}
    word_re = re.compile(CODESPELL_REGEX)
    for path in sorted(corpus_dir.rglob("*"))[:400]:
        if path.is_file():
            for word in word_re.findall(path.read_text(encoding="utf-8")):
                if len(word) > 2 and "\u0900" <= word[0] <= "\u097f":
                    counts[word] = counts.get(word, 0) + 1
    swaps = [("ी", "ि"), ("ि", "ी"), ("ू", "ु"), ("ु", "ू"), ("ें", "े"), ("ों", "ो"), ("ां", "ा")]
    for word, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if len(pairs) >= wanted:
            break
        for a, b in swaps:
            i = word.rfind(a)
            if i > 0:
                slip = word[:i] + b + word[i + len(a):]
                if slip not in known and slip not in pairs and slip != word and (not known or word in known):
                    pairs[slip] = word
                    break
    log(f"dictionary: {len(pairs)} entries ({from_packs} from rules/hi, {len(pairs) - from_packs} generated)")
    return sorted(pairs.items())


def write_dictionaries(pairs: list[tuple[str, str]]) -> Path:
    DICTIONARY.write_text("".join(f"{wrong}->{right}\n" for wrong, right in pairs), encoding="utf-8")
    prh = OUT / "prh-hi.yml"
    lines = ["version: 1", "rules:"]
    for wrong, right in pairs:
        lines.append(f"  - expected: {json.dumps(right, ensure_ascii=False)}")
        lines.append(f"    patterns: [{json.dumps(wrong, ensure_ascii=False)}]")
    prh.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return prh


# -- timing helpers ---------------------------------------------------------------------------------

def run_timed(cmd: list[str], env: dict | None = None, cwd: Path | None = None, timeout: float = 1800) -> tuple[float, subprocess.CompletedProcess]:
    """Wall seconds of one run; the CPU seconds (user + sys, children included) are in .cpu."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    result.cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, result


def best_of(n: int, cmd: list[str], env: dict | None = None, ok=(0, 1)) -> tuple[float, list[float], float]:
    """Best wall time of n runs, all wall times, and the best CPU time."""
    times, cpus = [], []
    for _ in range(n):
        seconds, result = run_timed(cmd, env)
        if result.returncode not in ok:
            raise SystemExit(f"{' '.join(cmd)} failed ({result.returncode}): {result.stderr.decode(errors='replace')[-2000:]}")
        times.append(seconds)
        cpus.append(result.cpu)
    return min(times), times, min(cpus)


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def peak_rss_mb(cmd: list[str], env: dict | None = None) -> float:
    gnu_time = shutil.which("time") if Path("/usr/bin/time").exists() else None
    if gnu_time:
        with tempfile.NamedTemporaryFile("r", suffix=".txt") as report:
            subprocess.run(["/usr/bin/time", "-v", "-o", report.name, *cmd], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            text = Path(report.name).read_text()
        match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
        if match:
            return int(match.group(1)) / 1024
    # Fallback: the largest child so far (run first, so nothing bigger ran before).
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def tool(name: str) -> str | None:
    """A console script next to this interpreter (no pyenv/rbenv shim in the timing), else PATH."""
    local = BIN / name
    if local.exists():
        return str(local)
    return shutil.which(name)


def ensure_python_tools(names: list[str]) -> None:
    missing = [n for n in names if tool(n) is None]
    if missing:
        log(f"pip install {' '.join(missing)}")
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", *missing], check=False)


# -- 2. newslint ---------------------------------------------------------------------------------------

def compile_bytecode() -> str:
    """Compile the installed newslint's modules, as `pip install` of the wheel does."""
    result = subprocess.run([sys.executable, "-c", "import newslint, os; print(os.path.dirname(newslint.__file__))"],
                            capture_output=True, text=True)
    package = result.stdout.strip()
    if package:
        subprocess.run([sys.executable, "-m", "compileall", "-q", "-f", package], stdout=subprocess.DEVNULL, check=False)
        log(f"compiled the bytecode of {package}")
    return package


def prepare_cache() -> None:
    """Every newslint run below uses bench/out/cache, empty at the start; cold runs turn it off."""
    shutil.rmtree(CACHE, ignore_errors=True)
    os.environ["NEWSLINT_CACHE_DIR"] = str(CACHE)
    os.environ.pop("NEWSLINT_NO_CACHE", None)
    # Every measurement is of newslint in its own process, but the one that says it is with a
    # server (`bench_small_file`), which turns it on for its own commands.
    os.environ["NEWSLINT_SERVER"] = "off"


def cold(env: dict | None = None) -> dict:
    return {**(env or os.environ), "NEWSLINT_NO_CACHE": "1"}


def rule_times(cmd: list[str], env: dict, mb: float) -> dict:
    """One instrumented run (NEWSLINT_RULE_TIMES): the CPU split and each rule's throughput."""
    timings_path = OUT / "rule-times.json"
    run_timed(cmd, {**env, "NEWSLINT_RULE_TIMES": str(timings_path)})
    t = json.loads(timings_path.read_text(encoding="utf-8"))
    steady_mb = (t["bytes"] - t["first_document_bytes"]) / 1e6
    per_rule = {}
    for code, seconds in t["rules"].items():
        first = t["rules_first_call"].get(code, 0.0)
        steady = seconds - first
        per_rule[code] = {
            "seconds": seconds,
            "first_call_seconds": first,
            "mb_s": mb / seconds if seconds > 0 else float("inf"),
            "steady_mb_s": steady_mb / steady if steady > 0 else float("inf"),
        }
    return {
        "parse_seconds": t["parse_seconds"],
        "views_seconds": t["views_seconds"],
        "lint_seconds": t["lint_seconds"],
        "parse_mb_s": mb / t["parse_seconds"] if t["parse_seconds"] else None,
        "rules": dict(sorted(per_rule.items(), key=lambda kv: kv[1]["steady_mb_s"])),
        "loads": dict(sorted(t["loads"].items(), key=lambda kv: -kv[1])),
    }


def bench_newslint(corpus: dict, repeats: int) -> dict:
    newslint = tool("newslint")
    files = corpus["path"]
    env = {**os.environ, "NO_COLOR": "1"}
    cmd = [newslint, "check", "--jobs", "1", "--exit-zero", "--output", str(OUT / "newslint-report.txt"), files]
    mb = corpus["bytes"] / 1e6
    cold_best, cold_times, cold_cpu = best_of(repeats, cmd, cold(env))
    log(f"newslint --jobs 1, cold cache: {cold_best:.2f} s wall, {cold_cpu:.2f} s CPU, {mb / cold_cpu:.2f} MB/s per core")
    cold_split = rule_times(cmd, cold(env), mb)
    run_timed(cmd, env)  # fills the cache
    best, times, cpu = best_of(repeats, cmd, env)
    log(f"newslint --jobs 1, warm cache: {best:.2f} s wall, {cpu:.2f} s CPU, {mb / cpu:.2f} MB/s per core (load {load_average()})")
    warm_split = rule_times(cmd, env, mb)
    for code, rule in warm_split["rules"].items():
        rule["cold_steady_mb_s"] = cold_split["rules"][code]["steady_mb_s"]
        rule["cold_seconds"] = cold_split["rules"][code]["seconds"]
    report = (OUT / "newslint-report.txt").read_text(encoding="utf-8").splitlines()
    return {
        "seconds": best,
        "cpu_seconds": cpu,
        "runs": times,
        "mb_s": mb / best,
        "mb_s_per_core": mb / cpu,
        "cold_seconds": cold_best,
        "cold_cpu_seconds": cold_cpu,
        "cold_mb_s_per_core": mb / cold_cpu,
        "cold_split": {k: v for k, v in cold_split.items() if k != "rules"},
        "load_average": load_average(),
        "findings_summary": report[-1] if report else "",
        **warm_split,
    }


def bench_jobs(corpus: dict, repeats: int, env: dict | None = None) -> dict:
    newslint = tool("newslint")
    env = {**(env or os.environ), "NO_COLOR": "1"}
    base = [newslint, "check", "--exit-zero", "--output", os.devnull, corpus["path"]]
    ones, twos, cpu1, cpu2 = [], [], [], []
    for _ in range(repeats):  # interleaved, so a burst of load elsewhere hits both alike
        wall, result = run_timed([*base, "--jobs", "1"], env)
        ones.append(wall)
        cpu1.append(result.cpu)
        wall, result = run_timed([*base, "--jobs", "2"], env)
        twos.append(wall)
        cpu2.append(result.cpu)
    one, two = min(ones), min(twos)
    state = "cold" if env.get("NEWSLINT_NO_CACHE") else "warm"
    if env.get("NEWSLINT_SERVER") == "on":
        state += ", handed to a running server (CPU: the launcher's only)"
    log(f"{state} cache: --jobs 1: {one:.2f} s   --jobs 2: {two:.2f} s   speed-up {one / two:.2f}x (load {load_average()}); "
        f"CPU {min(cpu1):.2f} s vs {min(cpu2):.2f} s")
    return {"jobs1_seconds": one, "jobs2_seconds": two, "speedup": one / two, "cores": os.cpu_count(),
            "jobs1_runs": ones, "jobs2_runs": twos, "jobs1_cpu": min(cpu1), "jobs2_cpu": min(cpu2),
            "load_average": load_average()}


def bench_jobs_served(corpus: dict, repeats: int) -> dict:
    """--jobs 2 vs --jobs 1 with both runs handed to a warm `newslint server`: the serial
    start-up (imports, rule data) that caps the in-process speed-up is done once, in advance."""
    with running_server():
        return bench_jobs(corpus, repeats, {**os.environ, "NEWSLINT_SERVER": "on"})


class running_server:
    """`newslint server start` … `stop` around a block; fails if the block's runs were not served."""

    def __enter__(self):
        subprocess.run([tool("newslint"), "server", "start", "--quiet"], check=True)
        return self

    def __exit__(self, *exc):
        try:
            served = subprocess.run([tool("newslint"), "server", "status"], capture_output=True, text=True).stdout
            if exc[0] is None and (" 0 runs" in served or not served.startswith("newslint server")):
                raise SystemExit(f"the newslint server did not answer the timed runs: {served!r}")
        finally:
            subprocess.run([tool("newslint"), "server", "stop"], stdout=subprocess.DEVNULL)
        return False


def bench_startup() -> dict:
    """CPU time of the start-up layers: interpreter, CLI, engine + every rule module, rule data."""
    empty = OUT / "empty.txt"
    empty.write_text("", encoding="utf-8")
    newslint = tool("newslint")
    layers = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "newslint --version (typer)": [newslint, "--version"],
        "newslint check --select TY107 empty.txt (+ engine, all rule modules)": [newslint, "check", "--select", "TY107", str(empty)],
        "newslint check empty.txt (+ every rule's data)": [newslint, "check", str(empty)],
        f"newslint check {SMALL_FILE.name}": [newslint, "check", str(SMALL_FILE)],
        f"codespell {SMALL_FILE.name}": codespell_cmd([str(SMALL_FILE)]),
    }
    out = {}
    for name, cmd in layers.items():
        cpus = [run_timed(cmd)[1].cpu for _ in range(7)]
        out[name] = min(cpus)
    log("start-up CPU: " + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in out.items()))
    return out


# -- 3. codespell ----------------------------------------------------------------------------------------

def codespell_cmd(paths: list[str]) -> list[str]:
    return [tool("codespell"), "-D", str(DICTIONARY), "--regex", CODESPELL_REGEX, *paths]


def bench_codespell(corpus: dict, repeats: int) -> dict:
    best, times, cpu = best_of(repeats, codespell_cmd([corpus["path"]]), ok=(0, 65))
    mb = corpus["bytes"] / 1e6
    log(f"codespell: {best:.2f} s wall, {cpu:.2f} s CPU, {mb / cpu:.2f} MB/s per core")
    return {"seconds": best, "cpu_seconds": cpu, "runs": times, "mb_s": mb / best, "mb_s_per_core": mb / cpu,
            "version": _version([tool("codespell"), "--version"])}


# -- 4. textlint + prh ---------------------------------------------------------------------------------------

def bench_textlint(corpus: dict, prh: Path, budget: float) -> dict:
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        return {"skipped": "Node is not installed"}
    binary = BENCH / "node_modules" / ".bin" / "textlint"
    if not binary.exists():
        log("npm install textlint textlint-rule-prh (into bench/node_modules)")
        # bench/package.json pins the versions; nothing is saved back.
        result = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--no-package-lock", "--no-save", "--prefix", str(BENCH)],
                                capture_output=True, text=True)
        if result.returncode != 0 or not binary.exists():
            return {"skipped": f"npm install failed: {result.stderr.strip()[-300:]}"}
    config = OUT / "textlintrc.json"
    config.write_text(json.dumps({"rules": {"prh": {"rulePaths": [str(prh)]}}}), encoding="utf-8")
    base = [str(binary), "--config", str(config), "--no-color", "--format", "unix"]
    # Measure on a growing subset until the budget is used: textlint is far slower than the others.
    all_files = sorted(p for p in Path(corpus["path"]).rglob("*") if p.is_file())
    chosen, size = [], 0
    limit = 500_000
    for path in all_files:
        chosen.append(path)
        size += path.stat().st_size
        if size >= limit:
            break
    try:
        seconds, result = run_timed([*base, *map(str, chosen)], cwd=BENCH, timeout=budget)
    except subprocess.TimeoutExpired:
        return {"skipped": f"textlint took more than {budget:.0f} s for {size / 1e6:.2f} MB"}
    if result.returncode not in (0, 1):
        return {"skipped": f"textlint failed ({result.returncode}): {result.stderr.decode(errors='replace')[-300:]}"}
    # Start-up alone (one empty file), so the per-MB rate is not flattered or hurt by it.
    empty = OUT / "empty.txt"
    empty.write_text("", encoding="utf-8")
    startup, started = run_timed([*base, str(empty)], cwd=BENCH)
    rate = size / 1e6 / max(result.cpu - started.cpu, 1e-9)
    log(f"textlint+prh: {seconds:.2f} s wall, {result.cpu:.2f} s CPU for {size / 1e6:.2f} MB ({len(chosen)} files), "
        f"start-up {started.cpu:.2f} s CPU, {rate:.3f} MB/s per core")
    return {"seconds": seconds, "cpu_seconds": result.cpu, "bytes": size, "files": len(chosen), "startup_cpu_seconds": started.cpu,
            "mb_s_per_core": rate, "mb_s_including_startup": size / 1e6 / result.cpu, "subset": size < corpus["bytes"],
            "version": _version([str(binary), "--version"])}


# -- 5. one small file, start-up ------------------------------------------------------------------------------

def bench_small_file(runs: int) -> dict:
    """One small article: newslint with the cache warm (the article's words seen before) and
    cold, and handed to a running `newslint server` (what the pre-commit hooks do after their
    first run), against codespell on the same file (hyperfine when installed)."""
    newslint = [tool("newslint"), "check", str(SMALL_FILE)]
    newslint_cold = ["env", "NEWSLINT_NO_CACHE=1", *newslint]
    newslint_server = ["env", "NEWSLINT_SERVER=on", *newslint]
    codespell = codespell_cmd([str(SMALL_FILE)])
    size = SMALL_FILE.stat().st_size
    commands = {"newslint": newslint, "newslint_cold": newslint_cold, "newslint_server": newslint_server, "codespell": codespell}
    with running_server():
        result = _time_small_file(commands, runs)
    result["ratio"] = result["newslint_mean"] / result["codespell_mean"]
    result["cold_ratio"] = result["newslint_cold_mean"] / result["codespell_mean"]
    result["server_ratio"] = result["newslint_server_mean"] / result["codespell_mean"]
    result["file"] = str(SMALL_FILE.relative_to(REPO))
    result["bytes"] = size
    python = subprocess.run([sys.executable, "-c", "import time,subprocess,sys;"
                             "t=time.perf_counter();[subprocess.run([sys.executable,'-c','pass']) for _ in range(10)];"
                             "print((time.perf_counter()-t)/10)"], capture_output=True, text=True)
    result["bare_python_seconds"] = float(python.stdout.strip() or "nan")
    log(f"small file: newslint {result['newslint_mean'] * 1000:.0f} ms (cold cache {result['newslint_cold_mean'] * 1000:.0f} ms, "
        f"with a server {result['newslint_server_mean'] * 1000:.0f} ms), codespell {result['codespell_mean'] * 1000:.0f} ms, "
        f"ratio {result['ratio']:.2f} / {result['cold_ratio']:.2f} / {result['server_ratio']:.2f} "
        f"(bare python {result['bare_python_seconds'] * 1000:.0f} ms)")
    return result


def _time_small_file(commands: dict[str, list[str]], runs: int) -> dict:
    hyperfine = shutil.which("hyperfine")
    result: dict = {}
    if hyperfine:
        export = OUT / "hyperfine-small-file.json"
        named = [part for name, cmd in commands.items() for part in ("-n", name, _shell(cmd))]
        subprocess.run(
            [hyperfine, "--warmup", "3", "--runs", str(runs), "--ignore-failure", "--export-json", str(export), "--style", "none", *named],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        data = {r["command"]: r for r in json.loads(export.read_text())["results"]}
        result["method"] = "hyperfine"
        for name in commands:
            result[f"{name}_mean"], result[f"{name}_stddev"] = data[name]["mean"], data[name]["stddev"]
    else:
        result["method"] = f"{runs} runs each"
        for name, cmd in commands.items():
            times = [run_timed(cmd)[0] for _ in range(runs)]
            result[f"{name}_mean"], result[f"{name}_stddev"] = statistics.mean(times), statistics.stdev(times)
    return result


def _shell(cmd: list[str]) -> str:
    import shlex

    return " ".join(shlex.quote(part) for part in cmd)


def import_times() -> list[tuple[str, float]]:
    """The heaviest imports of a small-file run (cumulative ms), from python -X importtime."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "newslint", "check", str(SMALL_FILE)],
                            capture_output=True, text=True)
    rows = []
    for line in result.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if match and len(match.group(3)) <= 3:  # top-level imports (and their children's total)
            rows.append((match.group(4), int(match.group(2)) / 1000))
    return sorted(rows, key=lambda r: -r[1])[:12]


# -- profiles ------------------------------------------------------------------------------------------------------

def profiles(corpus: dict) -> dict:
    pyinstrument = tool("pyinstrument")
    if not pyinstrument:
        return {"skipped": "pyinstrument is not installed"}
    out = {}
    for name, args in (("small-file", ["check", str(SMALL_FILE)]),
                       ("corpus", ["check", "--jobs", "1", "--exit-zero", "--output", os.devnull, corpus["path"]])):
        target = OUT / f"profile-{name}.txt"
        subprocess.run([pyinstrument, "-r", "text", "-o", str(target), "-m", "newslint", *args],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "NO_COLOR": "1"})
        html = OUT / f"profile-{name}.html"
        subprocess.run([pyinstrument, "-r", "html", "-o", str(html), "-m", "newslint", *args],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "NO_COLOR": "1"})
        out[name] = str(target.relative_to(REPO))
    return out


def _version(cmd: list[str]) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=60).stdout.strip().splitlines()[0]
    except Exception:  # noqa: BLE001 - informational only
        return "?"


# -- the report --------------------------------------------------------------------------------------------------

def summary(results: dict) -> str:
    c, n, cs, tl, sf, jobs = (results[k] for k in ("corpus", "newslint", "codespell", "textlint", "small_file", "jobs"))
    lines = [
        f"Machine: {results['machine']}; load average at the newslint run: {n['load_average']}",
        f"Corpus: {c['files']} files, {c['bytes'] / 1e6:.2f} MB ({c['distinct_articles']} distinct articles)",
        "",
        "Throughput is per core: MB divided by the CPU time (user + sys) of the whole command, start-up",
        "included (the machine is shared, so wall time is noisier; it is in results.json).",
        "",
        "| tool | CPU s | MB/s per core | × newslint |",
        "| --- | ---: | ---: | ---: |",
        f"| newslint check, every default rule ({len(n['rules'])}), --jobs 1, warm cache | {n['cpu_seconds']:.2f} | {n['mb_s_per_core']:.2f} | 1.00 |",
        f"| newslint, the same, cold cache (NEWSLINT_NO_CACHE=1) | {n['cold_cpu_seconds']:.2f} | {n['cold_mb_s_per_core']:.2f} | "
        f"{n['cold_mb_s_per_core'] / n['mb_s_per_core']:.2f} |",
        f"| codespell {cs['version']} ({results['dictionary_entries']} entries, Devanagari --regex) | {cs['cpu_seconds']:.2f} | "
        f"{cs['mb_s_per_core']:.2f} | {cs['mb_s_per_core'] / n['mb_s_per_core']:.2f} |",
    ]
    if "skipped" in tl:
        lines.append(f"| textlint + prh | – | – | skipped: {tl['skipped']} |")
    else:
        lines.append(f"| textlint {tl['version']} + prh, same dictionary ({tl['bytes'] / 1e6:.2f} MB subset, start-up excluded) | "
                     f"{tl['cpu_seconds']:.2f} | {tl['mb_s_per_core']:.3f} | {tl['mb_s_per_core'] / n['mb_s_per_core']:.3f} |")
    rules_total = sum(r["seconds"] for r in n["rules"].values())
    lines += [
        "",
        f"newslint CPU split (instrumented run, warm cache): parse {n['parse_seconds']:.2f} s ({n['parse_mb_s']:.1f} MB/s), "
        f"document views {n['views_seconds']:.2f} s, rules {rules_total:.2f} s",
        "",
        "| rule | CPU s | first call (data build) s | steady MB/s per core | ≥ 15 | cold cache: steady MB/s |",
        "| --- | ---: | ---: | ---: | :---: | ---: |",
    ]
    for code, r in n["rules"].items():
        ok = "yes" if r["steady_mb_s"] >= TARGETS["rule_mb_s"] else "**no**"
        lines.append(f"| {code} | {r['seconds']:.3f} | {r['first_call_seconds']:.3f} | {r['steady_mb_s']:.1f} | {ok} | {r['cold_steady_mb_s']:.1f} |")
    if n["loads"]:
        lines += ["", "Rule data built per process (ctx.load, CPU s): "
                  + ", ".join(f"{key} {sec:.3f}" for key, sec in n["loads"].items())]
    lines += [
        "",
        f"Small file ({sf['file']}, {sf['bytes']} bytes, {sf['method']}, wall): newslint {sf['newslint_mean'] * 1000:.0f} ± "
        f"{sf['newslint_stddev'] * 1000:.0f} ms (cold cache {sf['newslint_cold_mean'] * 1000:.0f} ± {sf['newslint_cold_stddev'] * 1000:.0f} ms), "
        f"codespell {sf['codespell_mean'] * 1000:.0f} ± {sf['codespell_stddev'] * 1000:.0f} ms, "
        f"ratio {sf['ratio']:.2f}, cold {sf['cold_ratio']:.2f} (target ≤ {TARGETS['small_file_ratio']}); "
        f"with a running `newslint server` {sf['newslint_server_mean'] * 1000:.0f} ± {sf['newslint_server_stddev'] * 1000:.0f} ms, "
        f"ratio {sf['server_ratio']:.2f}; "
        f"bare `python -c pass` {sf['bare_python_seconds'] * 1000:.0f} ms",
        "Start-up, CPU ms (best of 7): " + ", ".join(f"{k} {v * 1000:.0f}" for k, v in results["startup_cpu"].items()),
        f"--jobs 2 vs --jobs 1 (wall, best of interleaved runs), warm cache: {jobs['jobs1_seconds']:.2f} s → {jobs['jobs2_seconds']:.2f} s, "
        f"speed-up {jobs['speedup']:.2f}x (target ≥ {TARGETS['jobs2_speedup']}, {jobs['cores']} cores, load {jobs['load_average']}); "
        f"CPU {jobs['jobs1_cpu']:.2f} s vs {jobs['jobs2_cpu']:.2f} s; cold cache: {results['jobs_cold']['jobs1_seconds']:.2f} s → "
        f"{results['jobs_cold']['jobs2_seconds']:.2f} s, speed-up {results['jobs_cold']['speedup']:.2f}x; "
        f"warm, handed to a running server: {results['jobs_served']['jobs1_seconds']:.2f} s → "
        f"{results['jobs_served']['jobs2_seconds']:.2f} s, speed-up {results['jobs_served']['speedup']:.2f}x",
        f"Peak RSS: --jobs 1 {results['rss']['jobs1_mb']:.0f} MB, --jobs 2 {results['rss']['jobs2_mb']:.0f} MB "
        f"(largest process; target ≤ {TARGETS['peak_rss_mb']:.0f} MB)",
        "",
        "Heaviest imports of a small-file run (cumulative ms): "
        + ", ".join(f"{name} {ms:.0f}" for name, ms in results["imports"][:8]),
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=5.0)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--small-runs", type=int, default=30)
    parser.add_argument("--quick", action="store_true", help="1 MB corpus, fewer repetitions")
    parser.add_argument("--no-textlint", action="store_true")
    parser.add_argument("--no-profile", action="store_true")
    parser.add_argument("--textlint-budget", type=float, default=600.0, help="seconds textlint may take")
    parser.add_argument("--nice", type=int, default=0,
                        help="change this script's priority (and so every timed command's); e.g. -10 as root on a shared machine")
    args = parser.parse_args()
    if args.nice:
        try:
            os.nice(args.nice)
            log(f"priority changed by {args.nice}")
        except OSError as exc:
            log(f"cannot change priority: {exc}")
    if args.quick:
        args.size_mb, args.repeats, args.small_runs = 1.0, 1, 10
    OUT.mkdir(parents=True, exist_ok=True)
    ensure_python_tools(["codespell"] + ([] if args.no_profile else ["pyinstrument"]))
    if tool("newslint") is None:
        raise SystemExit("newslint is not installed: pip install -e .")

    results: dict = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}",
        "targets": TARGETS,
    }
    results["bytecode"] = compile_bytecode()
    prepare_cache()
    results["corpus"] = corpus = build_corpus(args.size_mb)
    pairs = build_dictionary(Path(corpus["path"]))
    prh = write_dictionaries(pairs)
    results["dictionary_entries"] = len(pairs)
    results["newslint"] = bench_newslint(corpus, args.repeats)
    results["jobs"] = bench_jobs(corpus, args.repeats)
    results["jobs_cold"] = bench_jobs(corpus, args.repeats, cold())
    results["jobs_served"] = bench_jobs_served(corpus, args.repeats)
    newslint = tool("newslint")
    results["rss"] = {
        "jobs1_mb": peak_rss_mb([newslint, "check", "--jobs", "1", "--exit-zero", "--output", os.devnull, corpus["path"]]),
        "jobs2_mb": peak_rss_mb([newslint, "check", "--jobs", "2", "--exit-zero", "--output", os.devnull, corpus["path"]]),
    }
    results["codespell"] = bench_codespell(corpus, args.repeats)
    results["textlint"] = {"skipped": "--no-textlint"} if args.no_textlint else bench_textlint(corpus, prh, args.textlint_budget)
    results["small_file"] = bench_small_file(args.small_runs)
    results["startup_cpu"] = bench_startup()
    results["imports"] = import_times()
    results["profiles"] = {"skipped": "--no-profile"} if args.no_profile else profiles(corpus)
    (OUT / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    text = summary(results)
    (OUT / "summary.md").write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
