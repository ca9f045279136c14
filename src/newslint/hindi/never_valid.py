"""Never-valid forms: spellings that are wrong in every context (थें → थे).

File format (``rules/hi/never-valid.txt``), one item a line, ``#`` comments::

    [group-id] What the slips of this group have in common
    थें            थे
    करेगें          करेंगे
    ~(.+)ेगें       \\1ेंगे          # a pattern over the whole word
    ~(.+)ें  \\1े  gap=1.5 not-verb   # a pattern that needs evidence
    > वे वहां थें। => वे वहां थे।    # a spec: the wrong sentence becomes the right one

* An entry is ``wrong right [right …]``: the first right form is the
  suggestion, the others are accepted alternatives (जिद / ज़िद).
* A pattern starts with ``~``: a ``regex`` matched against the whole word and
  a replacement template.  A pattern fires only when its replacement is a
  known word, so it can never suggest a non-word.  Options after the
  template:

  ``gap=G``   the pattern is a *likely*-misspelling pattern: on a word that is
              itself known it fires only if the replacement is at least G
              Zipf units (10**G times) more frequent and the word is not in a
              hand-written word list.  (On an unknown word it always fires.)
              Without ``gap=`` the pattern is never valid and always fires.
  ``not-verb``  does not fire when the first group + ना is a known word:
              the form is then a verb's (रहें is a subjunctive, गहरें is not).
* A spec line belongs to the group above it.  ``tests/hindi`` runs the whole
  speller over the left sentence, applies the first suggestion of every
  finding and expects the right sentence — the way textlint-rule-prh ``specs``
  work — so every spec also proves its sentence has no false alarm.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .records import factory, record
from .text import lookup_key, nfc
from newslint.compiled import compile_re

if TYPE_CHECKING:
    import regex


@record(frozen=True)
class Spec:
    wrong: str
    right: str
    line: int


@record
class Group:
    id: str
    description: str
    source: str
    entries: list[NeverValidEntry] = factory(list)
    patterns: list[NeverValidPattern] = factory(list)
    specs: list[Spec] = factory(list)


@record(frozen=True)
class NeverValidEntry:
    wrong: str
    rights: tuple[str, ...]
    group: str
    line: int


@record(frozen=True)
class NeverValidPattern:
    source: str  # the regex, compiled on first use (compiling costs load time)
    template: str
    group: str
    line: int
    gap: float | None = None  # None: always wrong; else a likely-misspelling pattern
    not_verb: bool = False

    @functools.cached_property
    def pattern(self) -> re.Pattern[str] | regex.Pattern[str]:
        return compile_word_pattern(self.source)

    def stem(self, word: str) -> str:
        match = self.pattern.fullmatch(word)
        return match.group(1) if match and match.groups() else ""

    def correct(self, word: str) -> str | None:
        match = self.pattern.fullmatch(word)
        return match.expand(self.template) if match else None


_PORTABLE_GROUP = compile_re(r"\(\?(?![:=!]|<[=!])")


def compile_word_pattern(source: str) -> re.Pattern[str] | regex.Pattern[str]:
    """Compile a never-valid pattern. One written with literal letters, classes, groups and
    look-arounds only (all of never-valid.txt) means the same to Python's `re`, which compiles
    it three times faster than `regex` (start-up cost); any other (``\\p{…}``, ``\\w``) uses
    `regex`."""
    if "\\" not in source and "[[" not in source and _PORTABLE_GROUP.search(source) is None:
        try:
            return re.compile(source)
        except re.error:
            pass
    import regex

    return regex.compile(source)


class NeverValidList:
    def __init__(self, groups: Iterable[Group]):
        self.groups: dict[str, Group] = {}
        self._entries: dict[str, NeverValidEntry] = {}  # by lookup key
        self._exact: dict[str, NeverValidEntry] = {}  # by NFC spelling
        self._patterns: list[NeverValidPattern] = []
        for group in groups:
            self.groups[group.id] = group
            for entry in group.entries:
                self._entries[lookup_key(entry.wrong)] = entry
                self._exact[entry.wrong] = entry
            self._patterns.extend(group.patterns)

    @classmethod
    def load(cls, paths: Iterable[Path]) -> NeverValidList:
        groups: list[Group] = []
        for path in paths:
            groups.extend(parse(path.read_text(encoding="utf-8").splitlines(), str(path)))
        return cls(groups)

    def entry(self, word: str) -> NeverValidEntry | None:
        """The entry for ``word``; one listed in the writer's own spelling
        variant (जायेगें rather than जाएगें) wins, so its correction keeps it."""
        word = nfc(word)
        return self._exact.get(word) or self._entries.get(lookup_key(word))

    @functools.cached_property
    def _any_pattern(self) -> re.Pattern[str] | regex.Pattern[str] | None:
        """All patterns as one alternation: most words match none, and one scan tells."""
        sources = [p.source for p in self._patterns]
        # Group references and names would clash or point elsewhere in one alternation.
        if not sources or any("\\" in s or "(?P" in s or "(?<" in s.replace("(?<=", "").replace("(?<!", "") for s in sources):
            return None
        try:
            return compile_word_pattern("|".join(f"(?:{s})" for s in sources))
        except Exception:  # noqa: BLE001 - a broken pattern fails, naming itself, when used alone
            return None

    def pattern_corrections(self, word: str) -> Iterator[tuple[str, NeverValidPattern]]:
        if not self._patterns:
            return
        text = nfc(word)
        any_pattern = self._any_pattern
        if any_pattern is not None and any_pattern.fullmatch(text) is None:
            return
        for pattern in self._patterns:
            corrected = pattern.correct(text)
            if corrected is not None and corrected != word:
                yield corrected, pattern

    def wrong_keys(self) -> set[str]:
        return set(self._entries)

    def __len__(self) -> int:
        return len(self._entries) + len(self._patterns)


def parse(lines: Iterable[str], source: str = "<never-valid>") -> list[Group]:
    groups: list[Group] = []
    for number, raw in enumerate(lines, 1):
        text = nfc(raw.strip())
        if text.startswith(">"):  # spec lines may contain "#"
            if not groups:
                raise ValueError(f"{source}:{number}: spec before any [group]")
            wrong, sep, right = text[1:].partition("=>")
            if not sep:
                raise ValueError(f"{source}:{number}: spec needs 'wrong => right'")
            groups[-1].specs.append(Spec(wrong.strip(), right.strip(), number))
            continue
        line = text.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("["):
            group_id, sep, description = line[1:].partition("]")
            if not sep:
                raise ValueError(f"{source}:{number}: bad group header {raw!r}")
            groups.append(Group(group_id.strip(), description.strip(), source))
            continue
        if not groups:
            raise ValueError(f"{source}:{number}: entry before any [group]")
        fields = line.split()
        if len(fields) < 2:
            raise ValueError(f"{source}:{number}: expected 'wrong right': {raw!r}")
        group = groups[-1]
        if fields[0].startswith("~"):
            gap, not_verb = None, False
            for option in fields[2:]:
                if option.startswith("gap="):
                    gap = float(option[4:])
                elif option == "not-verb":
                    not_verb = True
                else:
                    raise ValueError(f"{source}:{number}: unknown pattern option {option!r}")
            group.patterns.append(
                NeverValidPattern(fields[0][1:], fields[1], group.id, number, gap, not_verb)
            )
        else:
            group.entries.append(NeverValidEntry(fields[0], tuple(fields[1:]), group.id, number))
    return groups
