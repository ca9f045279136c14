"""Read a Hunspell ``.aff``/``.dic`` pair and expand it into surface forms.

Build-time helper for ``scripts/build_lexicon.py`` (it never runs while
linting).  It implements the subset of Hunspell that Hindi dictionaries use:
single-character flags, ``SFX``/``PFX`` groups with strip/add/condition,
cross products of one prefix with one suffix, one level of continuation
flags (``SFX 2 0 /1 .``) and the ``REP`` table.  Flags we do not understand
are ignored: expansion is then incomplete, never wrong.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

import regex


@dataclasses.dataclass(frozen=True)
class AffixRule:
    strip: str
    add: str
    continuation: str  # flags carried by the affixed form (``/7`` in the add field)
    condition: regex.Pattern[str]


@dataclasses.dataclass
class AffixGroup:
    flag: str
    is_suffix: bool
    cross_product: bool
    rules: list[AffixRule] = dataclasses.field(default_factory=list)

    def apply(self, word: str) -> Iterator[tuple[str, str]]:
        """Yield ``(form, continuation_flags)`` for every rule that fits ``word``."""
        for rule in self.rules:
            if not rule.condition.search(word):
                continue
            if self.is_suffix:
                if rule.strip and not word.endswith(rule.strip):
                    continue
                base = word[: len(word) - len(rule.strip)] if rule.strip else word
                yield base + rule.add, rule.continuation
            else:
                if rule.strip and not word.startswith(rule.strip):
                    continue
                yield rule.add + word[len(rule.strip):], rule.continuation


@dataclasses.dataclass
class AffixFile:
    groups: dict[str, AffixGroup]
    replacements: list[tuple[str, str]]  # the REP table, NFC


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _condition(pattern: str, is_suffix: bool) -> regex.Pattern[str]:
    # Hunspell conditions are per-character patterns: ".", literal letters and
    # bracket classes, which is regex syntax already.
    pattern = _nfc(pattern)
    if pattern == ".":
        return regex.compile("")
    return regex.compile(pattern + "$" if is_suffix else "^" + pattern)


def read_aff(path: Path) -> AffixFile:
    groups: dict[str, AffixGroup] = {}
    replacements: list[tuple[str, str]] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        fields = raw.split("#", 1)[0].split() if not raw.startswith("#") else []
        if not fields:
            continue
        kind = fields[0]
        if kind == "REP" and len(fields) == 3:
            replacements.append((_nfc(fields[1]), _nfc(fields[2])))
        elif kind in ("SFX", "PFX") and len(fields) >= 4:
            flag = fields[1]
            if flag not in groups:  # header line: SFX flag Y count
                groups[flag] = AffixGroup(flag, kind == "SFX", fields[2] == "Y")
                continue
            strip = "" if fields[2] == "0" else _nfc(fields[2])
            add, _, continuation = fields[3].partition("/")
            add = "" if add == "0" else _nfc(add)
            condition = fields[4] if len(fields) > 4 else "."
            groups[flag].rules.append(
                AffixRule(strip, add, continuation, _condition(condition, kind == "SFX"))
            )
    return AffixFile(groups, replacements)


def read_dic(path: Path) -> Iterator[tuple[str, str]]:
    """Yield ``(stem, flags)``; the optional count line is skipped."""
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        line = line.strip()
        if not line or line.isdigit():
            continue
        stem, _, flags = line.partition("/")
        yield _nfc(stem), flags


def expand(stem: str, flags: str, aff: AffixFile) -> set[str]:
    """All surface forms of one dictionary entry."""
    forms = {stem}
    suffixed: list[tuple[str, bool]] = []  # (form, may take a cross-product prefix)
    for flag in flags:
        group = aff.groups.get(flag)
        if group is None or not group.is_suffix:
            continue
        for form, continuation in group.apply(stem):
            forms.add(form)
            suffixed.append((form, group.cross_product))
            for cont_flag in continuation:  # one level of twofold suffixes
                cont = aff.groups.get(cont_flag)
                if cont is not None and cont.is_suffix:
                    forms.update(f for f, _ in cont.apply(form))
    for flag in flags:
        group = aff.groups.get(flag)
        if group is None or group.is_suffix:
            continue
        forms.update(f for f, _ in group.apply(stem))
        if group.cross_product:
            for form, cross in suffixed:
                if cross:
                    forms.update(f for f, _ in group.apply(form))
    return forms


def expand_dictionary(entries: Iterable[tuple[str, str]], aff: AffixFile) -> set[str]:
    words: set[str] = set()
    for stem, flags in entries:
        words.update(expand(stem, flags, aff))
    return words
