"""newslint.compiled: patterns rebuilt from the stored compiled form behave exactly as compiled."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import regex

from newslint import cache, compiled

REPO = Path(__file__).resolve().parent.parent

RE_PATTERNS = [
    (r"(?:updated|published|अपडेट|प्रकाशित)\s*[:\-]?\s*(?P<day>\d{1,2})\s+(?P<month>[^\s,]+)", re.IGNORECASE),
    (r"^[ \t]{0,3}(```+|~~~+)[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.MULTILINE | re.DOTALL),
    (r"(?<![कखग])[ािी]+|ये भी पढ़ें|must read", 0),
]
REGEX_PATTERNS = [
    (r"(?<![\p{L}\p{M}\p{Nd}])(?P<wd>सोमवार|मंगलवार|Monday|Tuesday)(?![\p{L}\p{M}])", regex.IGNORECASE),
    (r"(?P<num>[0-9०-९]+(?:,[0-9०-९]{2,3})*)\s*(?P<unit>लोगों|people)", 0),
    (r"[\p{L}\p{M}]+(?:[\u200c\u200d]+[\p{L}\p{M}]+)*", 0),
]


@pytest.fixture
def cache_on(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.OFF_ENV, "")
    monkeypatch.setenv(cache.DIR_ENV, str(tmp_path))
    cache.take_fresh()
    compiled.reset()
    yield tmp_path
    cache.take_fresh()
    compiled.reset()


SAMPLE_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((REPO / "examples").glob("*.txt"))] + [
    "Updated: 14 July 2025 सोमवार को 1,200 लोगों ने\n```\ncode\n```\nMonday 5 people कि"
]


def same_behaviour(a, b) -> None:
    assert (a.pattern, a.flags, a.groupindex, a.groups) == (b.pattern, b.flags, b.groupindex, b.groups)
    for text in SAMPLE_TEXTS:
        assert [(m.span(), m.groups()) for m in a.finditer(text)] == [(m.span(), m.groups()) for m in b.finditer(text)]


@pytest.mark.parametrize("engine", ["re", "regex"])
def test_a_pattern_from_the_store_is_the_pattern(cache_on, monkeypatch, engine):
    compile_, reference, patterns = {
        "re": (compiled.compile_re, re.compile, RE_PATTERNS),
        "regex": (compiled.compile_regex, regex.compile, REGEX_PATTERNS),
    }[engine]
    for pattern, flags in patterns:
        compile_(pattern, flags)
    cache.save_fresh()
    compiled.reset()  # as a new process would
    parse = {"re": (re._compiler, "compile"), "regex": (regex._main, "_compile")}[engine]
    with monkeypatch.context() as guard:  # a hit must not parse the pattern
        guard.setattr(*parse, lambda *a, **k: pytest.fail("parsed a stored pattern"))
        rebuilt = [compile_(pattern, flags) for pattern, flags in patterns]
    for built, (pattern, flags) in zip(rebuilt, patterns):
        same_behaviour(built, reference(pattern, flags))


def test_a_refused_entry_falls_back_to_compiling(cache_on):
    pattern, flags = REGEX_PATTERNS[0]
    compiled.compile_regex(pattern, flags)
    cache.save_fresh()
    [store] = list(cache_on.glob("patterns-*.marshal"))
    import marshal

    entries = cache._read(store)
    for key in entries:
        entries[key] = ("not", "the", "arguments")
    store.write_bytes(cache.store_bytes(entries))
    compiled.reset()
    same_behaviour(compiled.compile_regex(pattern, flags), regex.compile(pattern, flags))


def test_nothing_is_kept_with_the_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.OFF_ENV, "1")
    monkeypatch.setenv(cache.DIR_ENV, str(tmp_path))
    compiled.reset()
    pattern, flags = RE_PATTERNS[0]
    same_behaviour(compiled.compile_re(pattern, flags), re.compile(pattern, flags))
    cache.save_fresh()
    assert list(tmp_path.iterdir()) == []
    compiled.reset()


def test_an_invalid_pattern_raises_as_usual(cache_on):
    with pytest.raises(re.error):
        compiled.compile_re("(unclosed")
    with pytest.raises(regex.error):
        compiled.compile_regex("(unclosed")
    assert compiled.compile_re("ok").pattern == "ok"  # the engine was put back


def test_pack_patterns_are_the_same_text_in_every_process(tmp_path):
    """The patterns built from the packs must not depend on set order (string hashing differs per
    process): a second run with another hash seed finds every pattern in the store and adds none.
    (Set order once made five date patterns miss on every run, ~25 ms of each start-up.)"""
    import marshal
    import os
    import subprocess
    import sys

    article = REPO / "examples" / "seed-article.txt"
    env = {k: v for k, v in os.environ.items() if k not in (cache.OFF_ENV, "NEWSLINT_SERVER")}
    env.update({cache.DIR_ENV: str(tmp_path), "NEWSLINT_SERVER": "off"})

    def stored_keys() -> set[str]:
        (store,) = tmp_path.glob("patterns-*.marshal")
        return set(cache._read(store))

    for seed in ("1", "2"):
        result = subprocess.run([sys.executable, "-m", "newslint", "check", str(article)],
                                env={**env, "PYTHONHASHSEED": seed}, capture_output=True, timeout=120)
        assert result.returncode == 1, result.stderr
        if seed == "1":
            first = stored_keys()
    assert len(first) > 20
    assert stored_keys() == first


def test_a_damaged_pattern_store_is_refused_not_run(cli, tmp_path):
    """The regex engine's C constructor trusts the opcodes it is given: a flipped bit in a stored
    pattern's opcodes crashed every run (SIGSEGV) until the cache was cleared. The store keeps a
    checksum of its entries, and a damaged file counts as absent."""
    import marshal

    article = REPO / "examples" / "seed-article.txt"
    expected = cli("check", "--format", "json", "--exit-zero", str(article), env={"NEWSLINT_NO_CACHE": "1"}).stdout
    folder = tmp_path / "cache"
    env = {cache.DIR_ENV: str(folder), "NEWSLINT_NO_CACHE": "", "NEWSLINT_SERVER": "off"}
    cli("check", "--exit-zero", str(article), env=env)
    (store,) = folder.glob("patterns-*.marshal")
    version, checksum, payload = marshal.loads(store.read_bytes())
    entries = marshal.loads(payload)
    key = "regex\x000\x00[०-९]+"  # a pattern every run compiles (DIGITS_RE)
    assert key in entries
    for index in range(len(entries[key][1])):  # one opcode at a time, as a flipped bit would damage it
        damaged = dict(entries)
        parts = list(damaged[key])
        code = list(parts[1])
        code[index] ^= 128
        parts[1] = code
        damaged[key] = tuple(parts)
        store.write_bytes(marshal.dumps((version, checksum, marshal.dumps(damaged))))
        result = cli("check", "--format", "json", "--exit-zero", str(article), env=env)
        assert result.returncode == 0, (index, result.returncode, result.stderr[-300:])
        assert result.stdout == expected
    # a length field damaged into a huge one: refused, not a MemoryError traceback
    store.write_bytes(b"\xdb\xff\xff\xff\x7f")  # a marshal list of 2**31 - 1 items
    result = cli("check", "--format", "json", "--exit-zero", str(article), env=env)
    assert result.returncode == 0 and result.stdout == expected
