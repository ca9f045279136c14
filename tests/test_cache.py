"""The word cache (newslint.cache): what one run learns about words, the next reads.

The suite runs with the cache off (conftest.py); here it is on, in a folder of the test's own.
"""

from __future__ import annotations

import marshal
import os
from pathlib import Path

import pytest

from nl_testing import json_findings

from newslint import cache

REPO = Path(__file__).resolve().parent.parent
ARTICLES = ["examples", "devset/structure", "devset/factcheck"]


def articles(tmp_path: Path) -> list[str]:
    existing = [str(REPO / name) for name in ARTICLES if (REPO / name).exists()]
    assert existing
    return existing


def on(folder: Path) -> dict:
    return {cache.OFF_ENV: "", cache.DIR_ENV: str(folder)}


def store_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("spelling-*.marshal"))


def read_store(path: Path) -> dict:
    version = marshal.loads(path.read_bytes())[0]
    assert version == cache.FORMAT
    return cache._read(path)


def test_a_warm_run_reports_exactly_what_a_cold_run_reports(cli, tmp_path):
    folder = tmp_path / "cache"
    args = ["check", "--format", "json", "--exit-zero", "--jobs", "1", *articles(tmp_path)]
    cold = cli(*args)
    assert cold.returncode == 0
    assert not folder.exists()  # the suite's default: off
    filling = cli(*args, env=on(folder))
    [store] = store_files(folder)
    entries = read_store(store)
    assert len(entries) > 1000  # every distinct Devanagari word of the articles
    warm = cli(*args, env=on(folder))
    assert json_findings(cold) == json_findings(filling) == json_findings(warm)
    assert json_findings(cold)  # the articles do have findings
    assert store_files(folder) == [store]


def test_workers_hand_what_they_learned_to_the_parent(cli, tmp_path):
    folder = tmp_path / "cache"
    args = ["check", "--format", "json", "--exit-zero", *articles(tmp_path)]
    parallel = cli(*args, "--jobs", "2", env=on(folder))
    [store] = store_files(folder)
    sequential_folder = tmp_path / "sequential"
    cli(*args, "--jobs", "1", env=on(sequential_folder))
    # the parent lints nothing itself: every entry came from a worker, and none is missing
    assert read_store(store) == read_store(store_files(sequential_folder)[0])
    warm = cli(*args, "--jobs", "2", env=on(folder))
    assert json_findings(parallel) == json_findings(warm)


def test_the_cache_is_read_not_only_written(cli, tmp_path):
    """Prove the second run uses the stored entries: plant a verdict for a correct word."""
    folder = tmp_path / "cache"
    article = tmp_path / "story.txt"
    article.write_text("सरकार ने आज नई योजना की घोषणा की।\n", encoding="utf-8")
    assert cli("check", "--exit-zero", str(article), env=on(folder)).returncode == 0
    [store] = store_files(folder)
    entries = read_store(store)
    flags, shape, info = entries["योजना"]
    assert (flags, info) == (0, None)  # a correct word: nothing to report
    verdict = ("योजना", (("योजनाएं", 10.0, "test", 1),), "never-valid", 0.97, "", "planted")
    entries["योजना"] = (1, shape, (verdict, False, None))
    store.write_bytes(cache.store_bytes(entries))
    spelling = ("check", "--format", "json", "--exit-zero", "--select", "spelling")
    planted = cli(*spelling, str(article), env=on(folder))
    assert [(f["rule"], f["suggestions"][0]["replacement"]) for f in json_findings(planted)] == [("SP101", "योजनाएं")]
    # --no-cache ignores it
    ignored = cli(*spelling, "--no-cache", str(article), env=on(folder))
    assert json_findings(ignored) == []


def test_a_corrupt_or_unwritable_cache_is_ignored(cli, tmp_path):
    article = REPO / "examples" / "seed-article.txt"
    cold = cli("check", "--format", "json", "--exit-zero", str(article))
    folder = tmp_path / "cache"
    cli("check", "--exit-zero", str(article), env=on(folder))
    [store] = store_files(folder)
    for junk in (b"", b"\x00garbage\xff", marshal.dumps(["not", "a", "store"])):
        store.write_bytes(junk)
        result = cli("check", "--format", "json", "--exit-zero", str(article), env=on(folder))
        assert result.returncode == 0 and result.stderr == b""
        assert json_findings(result) == json_findings(cold)
        assert len(read_store(store)) > 100  # rewritten whole
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder\n")
    result = cli("check", "--format", "json", "--exit-zero", str(article), env=on(blocked / "cache"))
    assert result.returncode == 0 and result.stderr == b""
    assert json_findings(result) == json_findings(cold)


def test_cache_dir_option_and_no_cache(cli, tmp_path):
    article = REPO / "examples" / "seed-article.txt"
    folder = tmp_path / "chosen"
    cli("check", "--exit-zero", "--cache-dir", str(folder), str(article), env={cache.OFF_ENV: ""})
    assert len(store_files(folder)) == 1
    other = tmp_path / "other"
    cli("check", "--exit-zero", "--no-cache", str(article), env=on(other))
    assert not other.exists()


def test_the_file_name_changes_with_what_the_entries_depend_on(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.OFF_ENV, "")
    monkeypatch.setenv(cache.DIR_ENV, str(tmp_path / "cache"))
    words = tmp_path / "extra-words.txt"
    words.write_text("पहला\n", encoding="utf-8")
    first = cache.Store("spelling", [words]).path
    assert first == cache.Store("spelling", [words]).path
    words.write_text("पहला\nदूसरा\n", encoding="utf-8")
    assert cache.Store("spelling", [words]).path != first
    assert cache.Store("spelling", [words], "another engine").path != cache.Store("spelling", [words]).path
    monkeypatch.setenv(cache.OFF_ENV, "1")
    assert cache.Store("spelling", [words]).path is None


def test_saving_merges_and_keeps_a_few_files(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.OFF_ENV, "")
    monkeypatch.setenv(cache.DIR_ENV, str(tmp_path))
    cache.take_fresh()  # nothing left over from other tests in this process
    store = cache.Store("spelling", [], "one")
    store.add("क", (0, None, None))
    cache.save_fresh()
    again = cache.Store("spelling", [], "one")  # another process, same packs
    again.add("ख", (2, "ख", None))
    cache.absorb(cache.take_fresh())  # as the parent does with a worker's entries
    cache.save_fresh()
    assert read_store(again.path) == {"क": (0, None, None), "ख": (2, "ख", None)}
    made = []
    for n in range(cache.KEEP_FILES + 2):
        other = cache.Store("spelling", [], f"packs {n}")
        other.add("ग", (0, None, None))
        cache.save_fresh()
        os.utime(other.path, ns=(10**18 + n, 10**18 + n))  # written in this order
        made.append(other.path)
    left = store_files(tmp_path)
    assert len(left) == cache.KEEP_FILES
    assert set(made[-(cache.KEEP_FILES - 1):]) <= set(left)


def test_a_long_lived_process_reads_what_others_saved(tmp_path, monkeypatch):
    """`newslint server` keeps its Stores for hours; its children save what they learn, and
    `reload_changed` brings that into the server for the next child (and forgets a deleted file)."""
    monkeypatch.setenv(cache.OFF_ENV, "")
    monkeypatch.setenv(cache.DIR_ENV, str(tmp_path))
    cache.take_fresh()
    server_store = cache.Store("spelling", [], "long-lived")
    assert server_store.get("क") is None
    child = cache.Store("spelling", [], "long-lived")  # a forked child, in effect
    child.add("क", (0, None, None))
    cache.save_fresh()
    cache.reload_changed()
    assert server_store.get("क") == (0, None, None)
    server_store.path.unlink()  # `newslint clean`
    cache.reload_changed()
    assert server_store.get("क") is None


def test_clean_deletes_the_cache_files_only(cli, tmp_path):
    folder = tmp_path / "cache"
    cli("check", "--exit-zero", str(REPO / "examples" / "seed-article.txt"), env=on(folder))
    keep = folder / "languagetool" / "6.8"
    keep.mkdir(parents=True)
    (keep / "a.jar").write_bytes(b"jar")
    made = sorted(p.name for p in folder.glob("*.marshal"))
    assert any(name.startswith("spelling-") for name in made) and any(name.startswith("patterns-") for name in made)
    result = cli("clean", env={cache.DIR_ENV: str(folder), cache.OFF_ENV: "1"})
    assert result.returncode == 0
    assert result.stdout.decode().startswith(f"Removed {len(made)} cache files from {folder}")
    assert list(folder.glob("*.marshal")) == [] and (keep / "a.jar").exists()


@pytest.mark.parametrize("damaged", [("x", None, None), (1, ["a list"], None), (1, None, ("too", "short")), "नहीं", (0,)])
def test_a_damaged_word_cache_entry_is_judged_afresh(damaged):
    """The cache file is plain data anyone can edit: an entry of the wrong shape is judged again
    (it was an internal error in SP101), and leaves nothing of itself behind."""
    from newslint.checks.spelling_shared import SpellingModel
    from newslint.packs import packs_for

    class Damaged:
        def __init__(self):
            self.added = {}

        def get(self, word):
            return damaged if word == "नही" else None

        def add(self, word, entry):
            self.added[word] = entry

    model = SpellingModel(packs_for([]))
    model.store = Damaged()
    model.learn(["नही", "राम"])
    assert set(model.store.added) == {"नही", "राम"}
    assert model.special["नही"].verdict is not None and model.special["नही"].verdict.kind == "never-valid"
    assert model.flags["राम"] == 0 and "राम" in model.boring and "नही" not in model.boring


def test_the_cache_never_lands_in_the_working_folder(cli, tmp_path):
    """An empty --cache-dir (a CI variable never set), a relative XDG_CACHE_HOME or an empty HOME
    put the cache files into the content repository (helper-16)."""
    article = REPO / "examples" / "seed-article.txt"
    work = tmp_path / "repo"
    work.mkdir()
    base = {"NEWSLINT_NO_CACHE": "", "NEWSLINT_SERVER": "off", cache.DIR_ENV: ""}
    cli("check", "--cache-dir", "", "--exit-zero", str(article), cwd=work, env={**base, "HOME": str(tmp_path / "home")})
    cli("check", "--exit-zero", str(article), cwd=work, env={**base, "XDG_CACHE_HOME": "rel", "HOME": ""})
    cli("check", "--exit-zero", str(article), cwd=work, env={**base, "XDG_CACHE_HOME": "", "HOME": ""})
    assert list(work.rglob("*")) == []
    assert list((tmp_path / "home" / ".cache" / "newslint").glob("spelling-*.marshal"))  # the default, as if not given


def test_a_fifo_in_place_of_a_cache_file_is_passed_over(cli, tmp_path):
    article = REPO / "examples" / "seed-article.txt"
    folder = tmp_path / "cache"
    expected = cli("check", "--format", "json", "--exit-zero", str(article), env=on(folder)).stdout
    for store in folder.glob("*.marshal"):
        store.unlink()
        os.mkfifo(store)
    result = cli("check", "--format", "json", "--exit-zero", str(article), env=on(folder))  # a hang times out
    assert result.returncode == 0 and result.stdout == expected
