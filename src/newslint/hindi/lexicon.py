"""The Hindi lexicon: which words are known, and how frequent they are.

A lexicon is loaded from one or more *pack roots*; each root may hold a
``hi/`` folder with any of:

==========================  ===================================================
``words.tsv``               generated known-word list (see :mod:`.wordfile`)
``extra-words.txt``         hand-written known words (valid forms the sources
                            miss, loanwords), ``word [zipf]`` a line
``gazetteer.txt``           proper nouns, one a line, ``[section]`` headers
``never-valid.txt``         forms that are always wrong (see :mod:`.never_valid`)
``likely-misspellings.tsv`` generated: forms found in the sources that are far
                            rarer than a confusion variant (build script)
``confusions.txt``          confusion classes (used by the speller)
==========================  ===================================================

Later roots extend earlier ones (a newsroom adds its own word list after the
bundled pack).  Where they disagree the later root wins: a word in a later
root's ``extra-words.txt`` or gazetteer is known even if an earlier root lists
it as never valid, and the reverse.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property
from pathlib import Path

from .records import record
from .inflection import Ending, stem_candidates
from .never_valid import NeverValidEntry, NeverValidList
from .never_valid import parse as parse_never_valid
from .text import lookup_key
from .wordfile import SortedWordFile, read_valued_keys, read_word_list

PACK_DIR = "hi"
# Zipf values used when a list gives none.  wordfreq's Hindi list stops at
# Zipf 3.0, so a known word without a frequency is rarer than that.
UNATTESTED_ZIPF = 1.0
NAME_ZIPF = 3.0
EXTRA_WORD_ZIPF = 2.5
# An inflected form is taken to be this much rarer than its stem.
INFLECTION_BACKOFF = 1.0
# wordfreq lists every Hindi word down to Zipf 3.0, so a form it does not list is rarer than
# that, whatever its stem's frequency suggests.
UNLISTED_CEILING = 2.99
# Weighted questions about frequencies (a search of words.tsv: 1) before valued-keys.txt is
# read: about what reading it costs (see Lexicon.valued_index).
_VALUED_AFTER = 1500
_LISTED_MEMO_SIZE = 100_000  # keys whose word-list entries are remembered (Lexicon._listed)


@record(frozen=True)
class LikelyMisspelling:
    """A form found in the sources that is probably a slip for ``right``."""

    wrong: str
    right: str
    kind: str
    wrong_zipf: float
    right_zipf: float


class Lexicon:
    def __init__(self) -> None:
        self._sorted_files: list[SortedWordFile] = []
        self._sorted_paths: list[Path] = []
        self._listed_memo: dict[str, tuple[int | None, ...]] = {}
        self._valued_questions = 0  # see valued_index
        self._extra: dict[str, float | None] = {}  # key → zipf
        self._names: dict[str, str] = {}  # key → name as written
        self._never_valid_files: list[tuple[Path, int]] = []  # (file, root index)
        self._confusion_files: list[Path] = []
        self._likely: dict[str, str] = {}  # key → its line in likely-misspellings.tsv
        # key → index of the last root that allows / forbids it
        self._allowed_in: dict[str, int] = {}
        self._forbidden_in: dict[str, int] = {}
        self.never_valid = NeverValidList([])

    # ── loading ────────────────────────────────────────────────────────────
    @classmethod
    def load(cls, roots: Sequence[Path]) -> Lexicon:
        lexicon = cls()
        for index, root in enumerate(roots):
            lexicon._add_root(index, Path(root) / PACK_DIR)
        groups = []
        for path, root_index in lexicon._never_valid_files:
            for group in parse_never_valid(path.read_text(encoding="utf-8").splitlines(), str(path)):
                groups.append(group)
                for entry in group.entries:
                    lexicon._forbid(lookup_key(entry.wrong), root_index)
        lexicon.never_valid = NeverValidList(groups)
        return lexicon

    def _add_root(self, index: int, folder: Path) -> None:
        if not folder.is_dir():
            raise FileNotFoundError(f"no {PACK_DIR}/ folder in rules root {folder.parent}")
        words = folder / "words.tsv"
        if words.exists():
            self._sorted_files.append(SortedWordFile.read(words))
            self._sorted_paths.append(words)
        for name in ("extra-words.txt", "gazetteer.txt"):
            path = folder / name
            if not path.exists():
                continue
            for key, (written, zipf) in read_word_list(path).items():
                self._extra[key] = zipf if zipf is not None else self._extra.get(key)
                self._allowed_in[key] = index
                if name == "gazetteer.txt":
                    self._names[key] = written
        likely = folder / "likely-misspellings.tsv"
        if likely.exists():
            # Generated, already lookup keys.  Thousands of lines: keep each
            # line as text and parse it only when asked (load-time budget).
            for line in likely.read_text(encoding="utf-8").splitlines():
                if line and not line.startswith("#"):
                    key = line[: line.index("\t")]
                    self._likely[key] = line
                    self._forbidden_in[key] = index
        never_valid_file = folder / "never-valid.txt"
        if never_valid_file.exists():
            self._never_valid_files.append((never_valid_file, index))
        confusions = folder / "confusions.txt"
        if confusions.exists():
            self._confusion_files.append(confusions)

    def _forbid(self, key: str, index: int) -> None:
        self._forbidden_in[key] = max(index, self._forbidden_in.get(key, -1))

    @property
    def confusion_files(self) -> list[Path]:
        return list(self._confusion_files)

    # ── lookups ────────────────────────────────────────────────────────────
    def is_forbidden(self, word: str) -> bool:
        """True if a never-valid entry or a likely-misspelling rules the word out."""
        key = lookup_key(word)
        forbidden = self._forbidden_in.get(key)
        return forbidden is not None and forbidden >= self._allowed_in.get(key, -1)

    def is_stored(self, word: str) -> bool:
        """True if the word itself (not an inflection of it) is listed."""
        key = lookup_key(word)
        return key in self._extra or any(value is not None for value in self._listed(key))

    def _listed(self, key: str) -> tuple[int | None, ...]:
        """What each word list stores for ``key`` (`SortedWordFile.get`), remembered: a new
        word is searched for once as a word (is_stored) and again for its frequency
        (is_attested, frequency)."""
        found = self._listed_memo.get(key)
        if found is None:
            if len(self._listed_memo) >= _LISTED_MEMO_SIZE:  # a long-running process
                self._listed_memo.clear()
            found = self._listed_memo[key] = tuple(f.get(key) for f in self._sorted_files)
        return found

    def is_known(self, word: str) -> bool:
        """True if the word is listed, or is a regular inflection of a listed stem.

        ``is_known("नजदीकियां")`` is True through the stem नजदीकी + -ियां.
        Never-valid forms and likely misspellings are never known.
        """
        key = lookup_key(word)
        if self.is_forbidden(key):
            return False
        if self.is_stored(key):
            return True
        return any(True for _ in self.analyses(key))

    def analyses(self, word: str) -> list[tuple[str, Ending]]:
        """``(stem, ending)`` pairs that explain ``word`` as a regular inflection.

        The stem (for a verb ending: its infinitive) must be a *trusted* word:
        one corpora attest (Zipf >= 3) or a hand-written list holds.  Forms of
        hunspell-only stems are already expanded in words.tsv by hunspell's
        own affix flags, and its word list keeps junk stems (मेर, सामन) that
        would otherwise make slips like मेरें and सामनें look inflected.
        """
        found = []
        for stem, ending in stem_candidates(lookup_key(word)):
            trusted = stem + "ना" if ending.verb_only else stem
            if self.is_forbidden(stem) or not self._is_trusted(trusted):
                continue
            if ending.names_only and stem not in self._names:
                continue
            found.append((stem, ending))
        return found

    def _is_trusted(self, key: str) -> bool:
        return key in self._extra or (self.stored_zipf(key) or 0.0) >= 3.0

    def valued_index(self, weight: int = 1) -> frozenset[str] | None:
        """`valued_keys` once it is worth reading, else None (search the word lists).

        Reading it costs ~3.5 ms, a few hundred searches of words.tsv or a handful of unknown
        words' candidates: a short article may never need it. Callers count their questions
        (``weight``: the searches the index would spare) and it is read when they reach
        _VALUED_AFTER. Answers are the same either way.
        """
        if "valued_keys" in self.__dict__:  # read (or ruled out) already
            return self.__dict__["valued_keys"]
        self._valued_questions += weight
        if self._valued_questions < _VALUED_AFTER:
            return None
        return self.valued_keys

    @cached_property
    def valued_keys(self) -> frozenset[str] | None:
        """Every key some ``words.tsv`` gives a Zipf value (their ``valued-keys.txt``); None if
        a word list has no such index. Read on first use (see `valued_index`)."""
        found: set[str] = set()
        for path in self._sorted_paths:
            keys = read_valued_keys(path)
            if keys is None:
                return None
            found.update(keys)
        return frozenset(found)

    def stored_zipf(self, word: str) -> float | None:
        """The listed Zipf frequency, ``None`` if not listed or listed without one."""
        key = lookup_key(word)
        best: float | None = self._extra.get(key)
        valued = self.valued_index()
        if valued is not None and key not in valued:
            # No word list gives it a value: they would add nothing. Most keys asked about are
            # such (inflection stems, confusion candidates, the attestation of every new word),
            # and this spares a search of words.tsv for each.
            return best
        for value in self._listed(key):
            if value:
                best = max(best or 0.0, value / 100)
        return best

    def frequency(self, word: str) -> float:
        """Zipf frequency (log10 per billion words); 0.0 for an unknown word.

        Unlisted inflections get their stem's frequency less a back-off;
        listed words without a frequency get a floor by kind.
        """
        key = lookup_key(word)
        zipf = self.stored_zipf(key)
        if zipf:
            return zipf
        if key in self._names:
            return NAME_ZIPF
        if key in self._extra:
            return EXTRA_WORD_ZIPF
        stored = self.is_stored(key)
        from_stems = [
            (self.stored_zipf(stem) or (NAME_ZIPF if stem in self._names else UNATTESTED_ZIPF))
            - INFLECTION_BACKOFF
            for stem, _ in (self.analyses(key) if not self.is_forbidden(key) or stored else [])
        ]
        if from_stems:
            return max(min(max(from_stems), UNLISTED_CEILING), UNATTESTED_ZIPF if stored else 0.0)
        return UNATTESTED_ZIPF if stored else 0.0

    def frequency_bound(self, word: str) -> float:
        """At least `frequency` (of a word `is_known` accepts), from memory: no search of
        ``words.tsv`` unless the word has a Zipf value. Needs `valued_keys`.

        A word no list gives a value has, by `frequency`, at most the unlisted ceiling, and only
        if a stem may explain it (the stem test of `analyses` without its searches: a trusted
        stem has a value or is hand-listed); otherwise at most the floor of a listed word.
        """
        key = lookup_key(word)
        valued = self.valued_keys
        extra = self._extra
        if key in valued or key in extra:  # names are in extra too
            return self.frequency(word)
        for stem, ending in stem_candidates(lookup_key(key)):
            trusted = stem + "ना" if ending.verb_only else stem
            if trusted in extra:
                return UNLISTED_CEILING
            trusted_key = lookup_key(trusted)
            if trusted_key in valued or trusted_key in extra:
                return UNLISTED_CEILING
        return UNATTESTED_ZIPF

    def is_attested(self, word: str) -> bool:
        """True if corpus counts (wordfreq, Zipf ≥ 3) list the word itself."""
        return (self.stored_zipf(word) or 0.0) >= 3.0

    @property
    def hand_listed_keys(self) -> dict[str, float | None]:
        """The keys of every hand-written list (extra words, gazetteer), read-only."""
        return self._extra

    def is_hand_listed(self, word: str) -> bool:
        """True if a hand-written list (extra words, gazetteer) of any root has the word."""
        return lookup_key(word) in self._extra

    def is_name(self, word: str) -> bool:
        return lookup_key(word) in self._names

    def names(self) -> Iterable[str]:
        return self._names.values()

    def never_valid_entry(self, word: str) -> NeverValidEntry | None:
        entry = self.never_valid.entry(word)
        if entry is None or not self.is_forbidden(word):
            return None
        return entry

    def never_valid_stem(self, word: str) -> tuple[str, NeverValidEntry] | None:
        """``(correction, entry)`` when ``word`` is a regular inflection of a never-valid form.

        बिमारियों is बिमारी + -ियों, and बिमारी is never valid (→ बीमारी), so the word is
        बीमारियों misspelled — even though corpora record it.  Only hand-written never-valid
        entries count (not the build's likely misspellings), only noun and adjective endings,
        and only when the corrected form is a known word.
        """
        key = lookup_key(word)
        if key in self._extra:
            return None
        for stem, ending in stem_candidates(key):
            if ending.verb_only or ending.names_only or len(stem) < 3:
                continue
            entry = self.never_valid.entry(stem)
            if entry is None or not self.is_forbidden(stem):
                continue
            right = lookup_key(entry.rights[0])
            if not right.endswith(ending.stem_end):
                continue
            corrected = right[: len(right) - len(ending.stem_end)] + ending.suffix
            if corrected != key and self.is_known(corrected):
                return corrected, entry
        return None

    def likely_misspelling(self, word: str) -> LikelyMisspelling | None:
        key = lookup_key(word)
        line = self._likely.get(key)
        if line is None or not self.is_forbidden(key):
            return None
        wrong, right, kind, wrong_zipf, right_zipf = line.split("\t")
        return LikelyMisspelling(wrong, right, kind, float(wrong_zipf), float(right_zipf))
