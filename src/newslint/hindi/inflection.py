"""Inflection analysis: which stems could a word be an inflected form of?

The generated word list already holds every form that hindi-hunspell's affix
rules produce.  This module covers the rest — names from the gazetteer, a
newsroom's own words, and stems whose hunspell flags miss a plural — with a
short list of *regular* Hindi endings.  It only proposes stems; the lexicon
accepts a word when one of them is a stored word (one level deep, no
recursion, so errors cannot compound).

The rules stay deliberately narrow: a consonant stem may take -ें/-ों
(बात → बातें, बातों) but not -े (बाते is a slip), and verb endings are
accepted only on a stem whose infinitive (stem + ना) is a stored word.
All strings are lookup keys (see :func:`newslint.hindi.text.lookup_key`),
so ँ has already become ं.
"""

from __future__ import annotations

from collections.abc import Iterator

from .records import record
from .text import CONSONANTS, NUKTA


@record(frozen=True)
class Ending:
    suffix: str  # what the inflected word ends with
    stem_end: str  # what replaces it to give the stem ("" = nothing)
    needs_consonant_stem: bool = False  # stem must end in a consonant (बात-ें)
    verb_only: bool = False  # stem + "ना" must be a stored word
    names_only: bool = False  # the stem must be a name (gazetteer): रूस → रूसी
    description: str = ""


# Longest suffixes first, so that ियां is tried before ां.
ENDINGS: tuple[Ending, ...] = tuple(
    sorted(
        [
            # nouns in -ी/-ि: नजदीकी → नजदीकियां, नजदीकियों; नीति → नीतियां
            Ending("ियां", "ी", description="plural of -ी noun"),
            Ending("ियों", "ी", description="oblique plural of -ी noun"),
            Ending("ियां", "ि", description="plural of -ि noun"),
            Ending("ियों", "ि", description="oblique plural of -ि noun"),
            Ending("इयां", "ई", description="plural of -ई noun (भाई)"),
            Ending("इयों", "ई", description="oblique plural of -ई noun"),
            # nouns in -ा (feminine or loan): महिला → महिलाएं, महिलाओं
            Ending("ाएं", "ा", description="plural of -ा feminine noun"),
            Ending("ाओं", "ा", description="oblique plural of -ा noun"),
            # nouns in -ु/-ू: वस्तु → वस्तुएं, वस्तुओं; बहू → बहुएं
            Ending("ुएं", "ु", description="plural of -ु noun"),
            Ending("ुओं", "ु", description="oblique plural of -ु noun"),
            Ending("ुएं", "ू", description="plural of -ू noun"),
            Ending("ुओं", "ू", description="oblique plural of -ू noun"),
            # consonant-final nouns: बात → बातें, बातों; देश → देशों
            Ending("ें", "", needs_consonant_stem=True, description="plural of consonant-final feminine noun"),
            Ending("ों", "", needs_consonant_stem=True, description="oblique plural of consonant-final noun"),
            # -ा masculine nouns and adjectives: लड़का → लड़के, लड़कों; गहरा → गहरी
            Ending("े", "ा", description="oblique/plural of -ा word"),
            Ending("ों", "ा", description="oblique plural of -ा noun"),
            Ending("ी", "ा", description="feminine of -ा adjective (गहरा → गहरी)"),
            # adjectives of place and origin, on names only (on any word they
            # would accept slips: लब + ी for लंबी): रूस → रूसी, कोरिया → कोरियाई
            Ending("ी", "", needs_consonant_stem=True, names_only=True, description="adjective in -ी (रूसी)"),
            Ending("ी", "ा", names_only=True, description="adjective in -ी (अमेरिका → अमेरिकी)"),
            Ending("ाई", "ा", names_only=True, description="adjective in -आई (कोरियाई)"),
            Ending("ीय", "", needs_consonant_stem=True, names_only=True, description="adjective in -ईय (भारतीय)"),
            # (-ीं is a verb ending only — गईं, खुलीं, थीं (hand-listed); on other -ी words
            # it makes slips look inflected: सभीं, कभीं, बड़ीं)
            # verbs: only when stem + ना is a stored infinitive
            Ending("ता", "", verb_only=True),
            Ending("ती", "", verb_only=True),
            Ending("ते", "", verb_only=True),
            Ending("तीं", "", verb_only=True),
            Ending("ने", "", verb_only=True),
            Ending("नी", "", verb_only=True),
            Ending("कर", "", verb_only=True),
            Ending("एगा", "", verb_only=True),
            Ending("एगी", "", verb_only=True),
            Ending("एंगे", "", verb_only=True),
            Ending("एंगी", "", verb_only=True),
            Ending("ेगा", "", verb_only=True),
            Ending("ेगी", "", verb_only=True),
            Ending("ेंगे", "", verb_only=True),
            Ending("ेंगी", "", verb_only=True),
            # a root ending in a vowel takes गा/गी/ंगे/ंगी directly (हो-गा, दे-ंगे)
            Ending("गा", "", verb_only=True),
            Ending("गी", "", verb_only=True),
            Ending("ंगे", "", verb_only=True),
            Ending("ंगी", "", verb_only=True),
            Ending("ूंगा", "", verb_only=True),
            Ending("ूंगी", "", verb_only=True),
            Ending("ऊंगा", "", verb_only=True),
            Ending("ऊंगी", "", verb_only=True),
            Ending("ोगे", "", verb_only=True),
            Ending("ओगे", "", verb_only=True),
            Ending("ए", "", verb_only=True),
            Ending("एं", "", verb_only=True),
            Ending("े", "", verb_only=True),
            Ending("ें", "", verb_only=True),
            Ending("ो", "", verb_only=True),
            Ending("ओ", "", verb_only=True),
            Ending("ी", "", verb_only=True),
            Ending("ा", "", verb_only=True),
            Ending("ीं", "", verb_only=True),
            Ending("ई", "", verb_only=True),  # गिरा-ई (गिराना)
            Ending("ईं", "", verb_only=True),  # गिरा-ईं: मिसाइलें मार गिराईं
            Ending("या", "", verb_only=True),
            Ending("यी", "", verb_only=True),
            Ending("यीं", "", verb_only=True),  # खा-यीं, बता-यीं (= खाईं, बताईं)
            Ending("वाला", "", description="agent/adjective in -वाला on an oblique infinitive"),
            Ending("वाले", "", description="agent/adjective in -वाले"),
            Ending("वाली", "", description="agent/adjective in -वाली"),
        ],
        key=lambda e: -len(e.suffix),
    )
)

_CONSONANT_END = set(CONSONANTS) | {NUKTA}


# Endings by their last character, longest first (a word is matched only against these).
_BY_LAST: dict[str, tuple[Ending, ...]] = {}
for _ending in ENDINGS:
    _BY_LAST[_ending.suffix[-1]] = _BY_LAST.get(_ending.suffix[-1], ()) + (_ending,)


# Endings by their whole suffix, and the suffix lengths longest first: a word's endings are
# found with one dict lookup per length (about four) instead of an endswith test per ending
# sharing its last letter (up to 19 for -ी); longest first and in ENDINGS order within a
# length, as ENDINGS (sorted by length, stably) lists them.
_BY_SUFFIX: dict[str, tuple[Ending, ...]] = {}
for _ending in ENDINGS:
    _BY_SUFFIX[_ending.suffix] = _BY_SUFFIX.get(_ending.suffix, ()) + (_ending,)
_SUFFIX_LENGTHS = tuple(sorted({len(suffix) for suffix in _BY_SUFFIX}, reverse=True))


def stem_candidates(key: str) -> Iterator[tuple[str, Ending]]:
    """Yield ``(stem, ending)`` for each regular ending ``key`` could carry.

    The caller decides whether the stem is a word (and, for ``verb_only``
    endings, whether ``stem + "ना"`` is one).
    """
    if not key:
        return
    size = len(key)
    for length in _SUFFIX_LENGTHS:
        if length > size:
            continue
        endings = _BY_SUFFIX.get(key[size - length:])
        if endings is None:
            continue
        base = key[: size - length]
        for ending in endings:
            # a stem has two letters or more, a verb root may have one (आ-एंगी)
            if len(base) < (1 if ending.verb_only else 2):
                continue
            if ending.needs_consonant_stem and base[-1] not in _CONSONANT_END:
                continue
            if ending.verb_only and base[-1] == "्":
                continue
            yield base + ending.stem_end, ending


def _stem_candidates_plain(key: str) -> Iterator[tuple[str, Ending]]:
    """`stem_candidates` by its definition, ending by ending (for the tests)."""
    if not key:
        return
    for ending in _BY_LAST.get(key[-1], ()):
        # a stem has two letters or more, a verb root may have one (आ-एंगी)
        shortest_stem = 1 if ending.verb_only else 2
        if not key.endswith(ending.suffix) or len(key) < len(ending.suffix) + shortest_stem:
            continue
        base = key[: len(key) - len(ending.suffix)]
        if ending.needs_consonant_stem and base[-1] not in _CONSONANT_END:
            continue
        if ending.verb_only and base[-1] == "्":
            continue
        yield base + ending.stem_end, ending
