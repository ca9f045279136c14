"""Context slips: phrase rules over consecutive words (``rules/hi/phrases.txt``).

A word list cannot see that रहें is wrong in "संबंध गहरे हो रहें हैं" — रहें is a good
word (वे खुश रहें).  A phrase rule can: after a verb root the progressive auxiliary is
रहे.  The file format is documented at the top of ``rules/hi/phrases.txt``.

The matcher works on a list of words with a function saying whether two neighbours are
*adjacent* (only spaces between them).  Built-in word classes
ask the lexicon (``@verb-root``, ``@name-nasal``, ``@oblique-o``).
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .records import factory, record
from .never_valid import Spec  # the same example-sentence record as the never-valid list
from .text import ANUSVARA, lookup_key, nfc

if TYPE_CHECKING:
    from .speller import Speller

BUILTIN_CLASSES = ("verb-root", "name-nasal", "oblique-o")
# the fix of a built-in class: "@"
CLASS_FIX = "@"
# @oblique-o: the plural must be this much (Zipf) commoner than the -ो form as written
OBLIQUE_GAP = 0.5


@record(frozen=True)
class Test:
    words: frozenset[str] = frozenset()  # lookup keys
    classes: tuple[str, ...] = ()  # class names (built-in or defined)
    written: frozenset[str] = frozenset()  # the literal words as written in the file (NFC)


@record(frozen=True)
class Pattern:
    tests: tuple[Test, ...]
    target: int  # index of the flagged word in ``tests``
    fix: str  # a word, or "@" for the built-in class's own fix
    group: str
    line: int


@record
class Group:
    id: str
    description: str
    patterns: list[Pattern] = factory(list)
    specs: list[Spec] = factory(list)


@record(frozen=True)
class ContextSlip:
    index: int  # index of the flagged word
    fix: str
    group: str
    description: str


def _parse_test(text: str, source: str, number: int) -> Test:
    words, classes, written = set(), [], set()
    for alternative in text.split("|"):
        if not alternative:
            raise ValueError(f"{source}:{number}: empty word test in {text!r}")
        if alternative.startswith("@"):
            classes.append(alternative[1:])
        else:
            words.add(lookup_key(alternative))
            written.update((alternative, lookup_key(alternative)))
    return Test(frozenset(words), tuple(classes), frozenset(written))


def parse(lines: Iterable[str], source: str = "<phrases>") -> tuple[dict[str, frozenset[str]], list[Group]]:
    classes: dict[str, frozenset[str]] = {}
    groups: list[Group] = []
    for number, raw in enumerate(lines, 1):
        text = nfc(raw.strip())
        if text.startswith(">"):
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
        if line.startswith("@") and "=" in line and "=>" not in line:
            name, _, words = line[1:].partition("=")
            classes[name.strip()] = frozenset(lookup_key(w) for w in words.split())
            continue
        if line.startswith("["):
            group_id, sep, description = line[1:].partition("]")
            if not sep:
                raise ValueError(f"{source}:{number}: bad group header {raw!r}")
            groups.append(Group(group_id.strip(), description.strip()))
            continue
        if not groups:
            raise ValueError(f"{source}:{number}: pattern before any [group]")
        pattern_text, sep, fix = line.partition("=>")
        if not sep or not fix.strip():
            raise ValueError(f"{source}:{number}: a pattern needs '=> fix': {raw!r}")
        tests, target = [], None
        for item in pattern_text.split():
            if item.startswith("{") and item.endswith("}"):
                if target is not None:
                    raise ValueError(f"{source}:{number}: more than one {{target}}")
                target = len(tests)
                item = item[1:-1]
            tests.append(_parse_test(item, source, number))
        if target is None:
            raise ValueError(f"{source}:{number}: no {{target}} word in the pattern")
        fix = fix.strip()
        if fix == CLASS_FIX and not any(c in BUILTIN_CLASSES for c in tests[target].classes):
            raise ValueError(f"{source}:{number}: fix '@' needs a built-in class on the target")
        groups[-1].patterns.append(Pattern(tuple(tests), target, fix, groups[-1].id, number))
    for group in groups:
        for pattern in group.patterns:
            for test in pattern.tests:
                for name in test.classes:
                    if name not in classes and name not in BUILTIN_CLASSES:
                        raise ValueError(f"{source}:{pattern.line}: unknown word class @{name}")
    return classes, groups


class ContextRules:
    def __init__(self, speller: Speller, classes: dict[str, frozenset[str]], groups: list[Group]):
        self.speller = speller
        self.classes = classes
        self.groups = {g.id: g for g in groups}
        self.patterns = [p for g in groups for p in g.patterns]
        self._memo: dict[tuple[str, str], str | None] = {}
        self._targets: dict[str, tuple[Pattern, ...]] = {}
        self._matches: dict[tuple[int, str], bool] = {}  # (id of a Test, word)
        # What `_may_target` lets through, for all patterns at once: most words are the target
        # of no pattern, which a set lookup and the word's last letter tell (None: some target
        # test lets any word through, as @verb-root does).
        self._target_keys: frozenset[str] | None = frozenset()
        self._target_lasts = ""
        for pattern in self.patterns:
            test = pattern.tests[pattern.target]
            if self._target_keys is None:
                break
            keys = set(self._target_keys) | test.words
            for name in test.classes:
                if name == "name-nasal":
                    self._target_lasts += ANUSVARA + "ँ"
                elif name == "oblique-o":
                    self._target_lasts += "ोओ"
                elif name in BUILTIN_CLASSES:  # verb-root
                    keys = None
                    break
                else:
                    keys |= self.classes.get(name, frozenset())
            self._target_keys = None if keys is None else frozenset(keys)

    @classmethod
    def load(cls, speller: Speller, paths: Sequence[Path]) -> ContextRules:
        classes: dict[str, frozenset[str]] = {}
        groups: list[Group] = []
        for path in paths:
            more_classes, more_groups = parse(path.read_text(encoding="utf-8").splitlines(), str(path))
            for name, words in more_classes.items():  # a later pack extends a class
                classes[name] = classes.get(name, frozenset()) | words
            groups.extend(more_groups)
        return cls(speller, classes, groups)

    # ── word tests ────────────────────────────────────────────────────────
    def _class_fix(self, name: str, word: str) -> str | None:
        """For a class: None if ``word`` is not in it, else its fix ("" for defined classes)."""
        memo_key = (name, word)
        if memo_key in self._memo:
            return self._memo[memo_key]
        result: str | None
        if name == "verb-root":
            result = "" if self._is_verb_root(word) else None
        elif name == "name-nasal":
            result = self._name_nasal(word)
        elif name == "oblique-o":
            result = self._oblique_o(word)
        else:
            result = "" if lookup_key(word) in self.classes.get(name, ()) else None
        self._memo[memo_key] = result
        return result

    def _is_verb_root(self, word: str) -> bool:
        lexicon = self.speller.lexicon
        key = lookup_key(word)
        return lexicon.is_attested(key + "ना") and lexicon.is_attested(key + "ते")

    def _name_nasal(self, word: str) -> str | None:
        base = self.speller.spurious_anusvara_on_name(word)
        if base is None:
            return None
        lexicon = self.speller.lexicon
        if lexicon.is_attested(word) or lexicon.is_hand_listed(word):
            return None  # the nasal form is a word of its own
        return base

    def _oblique_o(self, word: str) -> str | None:
        word = nfc(word)
        if len(word) < 3 or word[-1] not in "ोओ":
            return None
        key = lookup_key(word)
        if key in self.classes.get("oblique-o-except", ()):
            return None
        lexicon = self.speller.lexicon
        if lexicon.is_name(word):
            return None
        plural = word + ANUSVARA
        if not lexicon.is_known(plural):
            return None
        if lexicon.is_known(word) and lexicon.frequency(plural) - lexicon.frequency(word) < OBLIQUE_GAP:
            return None
        return plural

    def matches(self, test: Test, word: str) -> bool:
        memo = (id(test), word)
        found = self._matches.get(memo)
        if found is None:
            found = bool(test.words and lookup_key(word) in test.words) or any(
                self._class_fix(name, word) is not None for name in test.classes
            )
            if len(self._matches) > 100_000:
                self._matches.clear()
            self._matches[memo] = found
        return found

    def _target_fix(self, pattern: Pattern, word: str) -> str | None:
        test = pattern.tests[pattern.target]
        if pattern.fix != CLASS_FIX:
            return pattern.fix if self.matches(test, word) else None
        for name in test.classes:
            if name in BUILTIN_CLASSES:
                fix = self._class_fix(name, word)
                if fix:
                    return fix
        return None

    def candidate_patterns(self, word: str) -> tuple[Pattern, ...]:
        """Patterns whose target ``word`` can be (cached per distinct word)."""
        found = self._targets.get(word)
        if found is None:
            last = nfc(word)[-1:]
            key = lookup_key(word)
            candidates = self._target_keys
            if candidates is not None and last and key not in candidates and last not in self._target_lasts:
                return ()  # `_may_target` is False for every pattern (not memoised: as cheap)
            found = tuple(
                p
                for p in self.patterns
                if self._may_target(p.tests[p.target], key, last) and self._target_fix(p, word) is not None
            )
            if len(self._targets) > 200_000:
                self._targets.clear()
            self._targets[word] = found
        return found

    def _may_target(self, test: Test, key: str, last: str) -> bool:
        """A cheap test that rules most words out before the real one."""
        if key in test.words:
            return True
        for name in test.classes:
            if name == "name-nasal" and last in (ANUSVARA, "ँ"):
                return True
            if name == "oblique-o" and last in "ोओ":
                return True
            if name not in BUILTIN_CLASSES and key in self.classes.get(name, ()):
                return True
            if name == "verb-root":
                return True
        return False

    # ── matching ──────────────────────────────────────────────────────────
    def find(
        self,
        words: Sequence[str],
        adjacent: Callable[[int], bool],
        indices: Iterable[int] | None = None,
        present: Container[str] | None = None,
    ) -> list[ContextSlip]:
        """Context slips in ``words``; ``adjacent(i)`` says whether words i and i+1 touch
        (only spaces between them).

        ``indices``: only these words are tried as targets (default: all).  ``present``: the
        words of the text as written, to skip at once a pattern whose literal word (कहा in
        "कहा {की}") the text does not contain.
        """
        found = []
        n = len(words)
        matches = self.matches
        viable: dict[int, bool] = {}
        for i in range(n) if indices is None else indices:
            for pattern in self.candidate_patterns(words[i]):
                if present is not None:
                    ok = viable.get(id(pattern))
                    if ok is None:
                        ok = viable[id(pattern)] = all(
                            any(w in present for w in test.written)
                            for k, test in enumerate(pattern.tests)
                            if k != pattern.target and test.written and not test.classes
                        )
                    if not ok:
                        continue
                start = i - pattern.target
                end = start + len(pattern.tests)
                if start < 0 or end > n:
                    continue
                ok = True
                for k, test in enumerate(pattern.tests):
                    if k != pattern.target and not matches(test, words[start + k]):
                        ok = False
                        break
                if not ok:
                    continue
                for j in range(start, end - 1):
                    if not adjacent(j):
                        ok = False
                        break
                if not ok:
                    continue
                fix = self._target_fix(pattern, words[i])
                if fix and lookup_key(fix) != lookup_key(words[i]):
                    group = self.groups[pattern.group]
                    found.append(ContextSlip(i, fix, group.id, group.description))
                    break
        return found
