"""The spelling engine's fast paths give what their plain definitions give, on many random words.

Each fast path (a lookup table per block of the word list, rules picked by the letters a word
has, …) exists for speed only; these tests compare it with the straightforward version on
random inputs (fixed seeds, so a failure repeats).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newslint.hindi import Speller
from newslint.hindi.confusions import ConfusionSet, _apply, is_well_formed
from newslint.hindi import wordfile
from newslint.hindi.wordfile import SORTED_MAGIC, SortedWordFile

RULES = Path(__file__).resolve().parents[2] / "rules"

_LETTERS = "कखगघचछजझटठडढणतथदधनपफबभमयरलवशषसह" "अआइईउऊएऐओऔ" "ािीुूृेैोौ" "ंँ़्"


def _random_words(rng: random.Random, known: list[str], n: int) -> list[str]:
    """Listed words, and words one or two random changes away from them (mostly unlisted)."""
    words = []
    for _ in range(n):
        word = rng.choice(known)
        for _ in range(rng.choice((0, 1, 1, 2))):
            i = rng.randrange(len(word) + 1)
            change = rng.choice(("insert", "delete", "replace", "cut"))
            if change == "insert":
                word = word[:i] + rng.choice(_LETTERS) + word[i:]
            elif change == "delete":
                word = word[:i] + word[i + 1:]
            elif change == "replace":
                word = word[:i] + rng.choice(_LETTERS) + word[i + 1:]
            else:
                word = word[:i]
        words.append(word)
    return words


def _plain_get(data: bytes, key: str) -> int | None:
    """SortedWordFile.get by definition: parse every line."""
    for line in data.decode("utf-8").split("\n"):
        if not line or line.startswith("#"):
            continue
        word, _, zipf = line.partition("\t")
        if word == key:
            return int(zipf) if zipf else 0
    return None


def _scanned(words: SortedWordFile, key: str) -> int | None:
    """SortedWordFile.get with block tables turned off: a scan of the block every time."""
    saved = wordfile._TABLE_AFTER
    wordfile._TABLE_AFTER = 1 << 60
    try:
        return words.get(key)
    finally:
        wordfile._TABLE_AFTER = saved


@pytest.mark.parametrize("seed", [1, 2])
def test_word_file_tables_equal_scans(seed: int):
    """A block answered from its table answers as a scan of it does — repeated lookups build
    tables for most blocks touched."""
    fast = SortedWordFile.read(RULES / "hi" / "words.tsv")
    scan = SortedWordFile.read(RULES / "hi" / "words.tsv")
    rng = random.Random(seed)
    known = [word for word, _ in rng.sample(fast.words(), 3000)]
    words = _random_words(rng, known, 6000) + ["123", "0", "अ", "ॐ", "\u093c", "zz", "ह\u094d\u0939"]
    for _ in range(3):  # past the searches after which a block gets its table
        for word in words:
            if word:
                assert fast.get(word) == _scanned(scan, word), word
    assert fast._tables and not scan._tables


def test_word_file_with_digit_keys(tmp_path: Path):
    """A block with an all-digit key (possible in a newsroom's list) is never read from a table
    (its key could pass for a value there); every answer matches the plain definition."""
    entries = ["1-", "12", "123\t450", "२०२४", "क", "कब\t300", "कल", "9\t100", "खत", "ख\t12"]
    rng = random.Random(3)
    more = sorted({"".join(rng.choice("कखगतप") for _ in range(rng.randint(1, 4))) for _ in range(400)})
    lines = sorted(set(entries) | set(more), key=lambda line: line.split("\t")[0].encode())
    seen, unique = set(), []
    for line in lines:
        if line.split("\t")[0] not in seen:
            seen.add(line.split("\t")[0])
            unique.append(line)
    data = (SORTED_MAGIC.decode() + "\n# test\n" + "\n".join(unique) + "\n").encode("utf-8")
    path = tmp_path / "words.tsv"
    path.write_bytes(data)
    fast = SortedWordFile.read(path)
    queries = ["1-", "12", "123", "450", "9", "100", "12", "कब", "300", "खत", "ख", "कल", "x", "1"] + more[:50] + ["कबक", "खतख"]
    for _ in range(4):
        for query in queries:
            assert fast.get(query) == _plain_get(data, query), query


def _plain_rule_applications(confusions: ConfusionSet, word: str):
    """ConfusionSet.rule_applications by definition: every rule in order, through `_apply`."""
    for rule in confusions.rules:
        for candidate in _apply(rule, word):
            if candidate != word and is_well_formed(candidate):
                yield rule, candidate


@pytest.mark.parametrize("seed", [1, 2])
def test_rule_applications_equal_plain_definition(speller: Speller, seed: int):
    rng = random.Random(seed)
    known = [word for word, _ in rng.sample(speller.lexicon._sorted_files[0].words(), 2000)]
    confusions = speller.confusions
    for word in _random_words(rng, known, 4000):
        assert list(confusions.rule_applications(word)) == list(_plain_rule_applications(confusions, word)), word


@pytest.mark.parametrize("seed", [1, 2])
def test_style_letter_filter_equals_sites(speller: Speller, seed: int):
    """HouseStyle skips `sites` for a word without a site letter: no word it skips has a site."""
    from newslint.hindi import style

    rng = random.Random(seed)
    known = [word for word, _ in rng.sample(speller.lexicon._sorted_files[0].words(), 2000)]
    words = _random_words(rng, known, 4000) + ["गये", "हाँ", "हिन्दी", "ज़रूर", "क़", "नयी", "ए", "ई"]
    for word in words:
        for dimension in style.DIMENSIONS:
            if style._SITE_LETTERS[dimension].isdisjoint(word):
                assert style.sites(word, dimension) == [], (word, dimension)
