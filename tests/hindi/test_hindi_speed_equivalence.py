"""The spelling engine's fast paths give what their plain definitions give, on many random words.

Each fast path (a lookup table per block of the word list, rules picked by the letters a word
has, …) exists for speed only; these tests compare it with the straightforward version on
random inputs (fixed seeds, so a failure repeats).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newslint.hindi import Lexicon, Speller, lookup_key, nfc
from newslint.hindi.confusions import ConfusionSet, _apply, is_well_formed
from newslint.hindi.speller import _logistic
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


def test_word_file_lookups_equal_plain_definition(tmp_path: Path):
    """SortedWordFile.get (a scan of one block for a line start) answers as parsing every line
    does, with keys that start alike, all-digit keys (a newsroom's list) and values."""
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


def test_bundled_valued_keys_are_up_to_date(tmp_path: Path):
    """valued-keys.txt is what the build derives from words.tsv (byte for byte), and is used."""
    from newslint.hindi.wordfile import read_valued_keys, write_valued_keys

    words_path = RULES / "hi" / "words.tsv"
    fresh = tmp_path / "valued-keys.txt"
    write_valued_keys(words_path, fresh)
    assert fresh.read_bytes() == (RULES / "hi" / "valued-keys.txt").read_bytes()
    keys = read_valued_keys(words_path)
    assert keys is not None and len(keys) > 10_000


def test_valued_keys_that_do_not_match_are_ignored(tmp_path: Path):
    from newslint.hindi.wordfile import read_valued_keys, write_valued_keys

    folder = tmp_path / "hi"
    folder.mkdir()
    words = folder / "words.tsv"
    words.write_text(SORTED_MAGIC.decode() + "\n# x\nकब\t300\nकल\nखत\t450\n", encoding="utf-8")
    assert read_valued_keys(words) is None  # none written
    write_valued_keys(words)
    assert read_valued_keys(words) == {"कब", "खत"}
    words.write_text(SORTED_MAGIC.decode() + "\n# x\nकब\t300\nकल\t320\nखत\t450\n", encoding="utf-8")
    assert read_valued_keys(words) is None  # words.tsv changed since
    lexicon = Lexicon.load([tmp_path])
    assert lexicon.valued_keys is None and lexicon.stored_zipf("कल") == 3.2


def _without_index(speller: Speller) -> Speller:
    """The same engine with no valued-keys index: every question searches words.tsv."""
    plain = Speller.load([RULES])
    plain.lexicon.valued_keys = None  # (a cached_property: the instance attribute wins)
    assert plain.lexicon.valued_index(1 << 30) is None
    return plain


@pytest.fixture(scope="module")
def plain_speller(speller: Speller) -> Speller:
    return _without_index(speller)


@pytest.mark.parametrize("seed", [1, 2])
def test_stored_zipf_and_frequency_bound(speller: Speller, plain_speller: Speller, seed: int):
    """stored_zipf with the index equals stored_zipf without; frequency_bound is never below
    the frequency of a known word."""
    rng = random.Random(seed)
    lexicon, plain = speller.lexicon, plain_speller.lexicon
    assert lexicon.valued_keys is not None and lexicon.valued_index() is lexicon.valued_keys
    known = [word for word, _ in rng.sample(lexicon._sorted_files[0].words(), 2000)]
    known += [word for word, _ in rng.sample(sorted(lexicon._extra.items()), 200)]
    for word in _random_words(rng, known, 5000):
        assert lexicon.stored_zipf(word) == plain.stored_zipf(word), word
        if plain.is_known(word):
            assert lexicon.frequency_bound(word) >= plain.frequency(word), word


@pytest.mark.parametrize("seed", [1, 2])
def test_unknown_words_let_go_early_get_the_same_verdict(plain_speller: Speller, seed: int):
    """A word `_may_have_strong_candidate` lets go is one the full search lets go too; and the
    verdicts of unknown words (mostly one or two slips from a word) are those without the index."""
    fast = Speller.load([RULES])
    rng = random.Random(seed)
    known = [word for word, _ in rng.sample(fast.lexicon._sorted_files[0].words(), 1500)]
    let_go = 0
    for word in _random_words(rng, known, 1500):
        if len(word) < 2:
            continue
        assert fast.verdict(word) == plain_speller.verdict(word), word
        if not fast.lexicon.is_known(word) and not fast._may_have_strong_candidate(word):
            let_go += 1
            candidates = plain_speller.suggest(word)
            if candidates:
                assert _logistic(candidates[0].score) < plain_speller.min_confidence, word
    assert let_go > 50


def _plain_classify(house: "HouseStyle", word: str, dimension: str):
    """HouseStyle._classify by its definition: the word's sites first, then the table."""
    from newslint.hindi.style import respell, sites

    found = sites(word, dimension)
    if not found:
        return None
    own = "".join("1" if marked else "0" for _, _, marked in found)
    if dimension == "panchamakshar":
        marked = "1" in own
        return marked, respell(word, dimension, ("0" if marked else "1") * len(own))
    marks = house.table.get(dimension, {}).get(lookup_key(word))
    if marks is None or "1" not in marks:
        return None
    if "1" in own:
        return True, respell(word, dimension, "0" * len(own))
    return False, respell(word, dimension, marks)


@pytest.mark.parametrize("seed", [1, 2])
def test_classify_all_and_candidate_patterns(speller: Speller, seed: int):
    """HouseStyle.classify_all is the plain classification in each dimension (sites, then the
    variants table); ContextRules.candidate_patterns
    (which lets most words go on a set lookup and their last letter) is the filter over all
    patterns it stands for."""
    from newslint.hindi.context import ContextRules
    from newslint.hindi.style import DIMENSIONS, HouseStyle

    style = HouseStyle.load([RULES])
    plain_style = HouseStyle.load([RULES])
    context = ContextRules.load(speller, [RULES / "hi" / "phrases.txt"])
    plain_context = ContextRules.load(speller, [RULES / "hi" / "phrases.txt"])
    rng = random.Random(seed)
    known = [word for word, _ in rng.sample(speller.lexicon._sorted_files[0].words(), 2000)]
    known += ["रहें", "चुकें", "कोरियां", "किसानो", "की", "गये", "हाँ", "हिन्दी", "ज़रूर", "ड़"]
    table_words = sorted({key for keys in style.table.values() for key in keys})
    known += rng.sample(table_words, min(500, len(table_words)))
    for word in _random_words(rng, known, 4000) + known[-10:]:
        expected = {}
        for dimension in DIMENSIONS:
            found = _plain_classify(plain_style, nfc(word), dimension)
            if found is not None:
                expected[dimension] = found
        assert style.classify_all(word) == expected, word
        if not word:
            continue
        last, key = nfc(word)[-1:], lookup_key(word)
        plain = tuple(
            p
            for p in plain_context.patterns
            if plain_context._may_target(p.tests[p.target], key, last) and plain_context._target_fix(p, word) is not None
        )
        assert context.candidate_patterns(word) == plain, word


@pytest.mark.parametrize("seed", [1, 2])
def test_stem_candidates_equal_plain_definition(speller: Speller, seed: int):
    from newslint.hindi.inflection import ENDINGS, _stem_candidates_plain, stem_candidates

    rng = random.Random(seed)
    known = [word for word, _ in rng.sample(speller.lexicon._sorted_files[0].words(), 2000)]
    words = _random_words(rng, known, 4000)
    words += [rng.choice(known)[: rng.randint(0, 3)] + ending.suffix for ending in ENDINGS for _ in range(5)]
    words += [ending.suffix for ending in ENDINGS] + ["", "्", "क्ता", "आएंगी"]
    for word in words:
        assert list(stem_candidates(word)) == list(_stem_candidates_plain(word)), word
