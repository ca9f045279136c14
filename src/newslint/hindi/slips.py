"""Say in words what separates a misspelled word from its correction.

``describe_slip("नजदिकियां", "नजदीकियां")`` →
``"short ि where the word has long ी"``.  Used in messages a copy editor
reads, so it names the letters rather than the confusion class.
"""

from __future__ import annotations

import difflib
import functools

from .text import ANUSVARA, CHANDRABINDU, NUKTA, VIRAMA, nfc

_NAMES = {
    "ि": "short ि",
    "ी": "long ी",
    "ु": "short ु",
    "ू": "long ू",
    "इ": "short इ",
    "ई": "long ई",
    "उ": "short उ",
    "ऊ": "long ऊ",
    ANUSVARA: "anusvara ं",
    CHANDRABINDU: "chandrabindu ँ",
    NUKTA: "nukta ़",
    VIRAMA: "halant ्",
}
_NASALS = {ANUSVARA, CHANDRABINDU}


def _name(segment: str) -> str:
    return _NAMES.get(segment, f"“{segment}”")


def _window(wrong: str, right: str) -> tuple[str, str, int]:
    """The differing middle of two words (common prefix and suffix removed) and its offset."""
    p = 0
    while p < min(len(wrong), len(right)) and wrong[p] == right[p]:
        p += 1
    s = 0
    while s < min(len(wrong), len(right)) - p and wrong[-1 - s] == right[-1 - s]:
        s += 1
    # never split a letter from its nukta or a halant from its letter
    while p > 0 and (wrong[p:p + 1] in (NUKTA, VIRAMA) or right[p:p + 1] in (NUKTA, VIRAMA)):
        p -= 1
    return wrong[p:len(wrong) - s], right[p:len(right) - s], p


@functools.lru_cache(maxsize=4096)
def describe_slip(wrong: str, right: str) -> str:
    """A short English phrase for the difference between ``wrong`` and ``right``."""
    wrong, right = nfc(wrong), nfc(right)
    if wrong == right:
        return "a spelling variant"
    nasal_free = str.maketrans("", "", ANUSVARA + CHANDRABINDU)
    if wrong.translate(nasal_free) == right.translate(nasal_free) and sum(map(wrong.count, _NASALS)) == sum(
        map(right.count, _NASALS)
    ):
        return "the anusvara ं on the wrong syllable"
    if "र्" in wrong and "र्" in right and wrong.replace("र्", "") == right.replace("र्", ""):
        return "the reph र् on the wrong letter"
    was, now, at = _window(wrong, right)
    if not was and now:  # something missing
        if now in _NASALS:
            return f"the {_name(now)} is missing"
        if now == NUKTA:
            return f"“{right[at - 1]}” without its nukta (“{right[at - 1]}{NUKTA}”)"
        if now == VIRAMA:
            return "a halant ् is missing"
        if len(now) == 2 and now[0] == VIRAMA and right[at - 1:at] == now[1]:
            return f"“{now[1]}” should be doubled"
        if len(now) == 2 and now[1] == VIRAMA and right[at + 2:at + 3] == now[0]:
            return f"“{now[0]}” should be doubled"
        return f"“{now}” is missing"
    if was and not now:  # something extra
        if was in _NASALS:
            return f"a stray {_name(was)}"
        if len(was) == 2 and VIRAMA in was:
            return f"a doubled “{was.replace(VIRAMA, '')}”"
        return f"a stray “{was}”"
    if len(was) == 3 and was[1] == VIRAMA and was[0] == was[2] == now:
        return f"a doubled “{now}”"
    if len(now) == 3 and now[1] == VIRAMA and now[0] == now[2] == was:
        return f"a single “{was}” where the word has “{now}”"
    if now == was + VIRAMA:
        return "a halant ् is missing"
    if len(was) == 1 and len(now) == 1:
        return f"{_name(was)} where the word has {_name(now)}"
    if was.replace(NUKTA, "") == now.replace(NUKTA, "") and now.count(NUKTA) > was.count(NUKTA):
        base = now.replace(NUKTA, "")
        return f"“{base}” without its nukta (“{now}”)"
    if len(was) <= 4 and len(now) <= 4:
        return f"“{was}” where the word has “{now}”"
    return f"“{wrong}” where the word is written “{right}”"
