"""Rule packs: the data the checks read (lexicons, phrase lists, patterns).

A pack is a folder. The built-in pack is the repository's top-level `rules/` folder (carried
inside the wheel as `newslint/_packs`); a newsroom adds its own folders with `packs = [...]` in
the config. Every pack has the same layout, so a file is named by its path inside a pack
(`structure/cms-debris.txt`) and the entries of that file in every pack are merged: built-in
first, then the newsroom's packs in config order.

Two file formats, both reviewable in a pull request:
- `.txt` lists: one entry per line; a line starting with `#`, or ` #` and what follows it, is a
  comment; blank lines are ignored;
- `.toml` tables, for structured entries.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from newslint.config import ConfigError
from newslint.compiled import compile_re


@lru_cache(maxsize=1)
def builtin_pack_root() -> Path:
    here = Path(__file__).resolve().parent
    installed = here / "_packs"
    if installed.is_dir():
        return installed
    # A source checkout or an editable install: the repository's rules/ folder.
    return here.parent.parent / "rules"


def longest_first(entries) -> list[str]:
    """Distinct entries, longest first, ties in code-point order: the order of the branches of an
    alternation where a longer entry must win. Never set order: that changes from process to
    process (string hashing is randomised), and with it the pattern's text, which would defeat
    the compiled-pattern cache (`newslint.compiled`) and fill it with copies."""
    return sorted(set(entries), key=lambda entry: (-len(entry), entry))


def read_list(path: Path) -> list[str]:
    entries: list[str] = []
    with path.open(encoding="utf-8-sig") as handle:
        for raw in handle:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if " #" in line:  # a trailing comment; "#" inside an entry (a hashtag) stays
                line = line.split(" #", 1)[0].rstrip()
            entries.append(line)
    return entries


class BrokenPack(ConfigError):
    """A newsroom's rule pack holds data newslint cannot read (a list line out of its format, a
    file that is not UTF-8, a table of the wrong shape). One line on stderr, exit 2, and the run
    stops: every other file would fail on the same data (`fatal`, as LanguageToolUnavailable)."""

    fatal = True


# What reading a pack's data raises when the data is wrong: the parsers' ValueErrors (with the
# file and line), a file that is not UTF-8, a value of the wrong type in a table.
_DATA_ERRORS = (ValueError, UnicodeError, TypeError, AttributeError, KeyError, IndexError, OverflowError)


def building(roots: tuple[Path, ...], build, *args):
    """`build(*args)`: rule data built from the packs at `roots`. With a newsroom's pack among
    them, data it cannot read is that pack's problem (BrokenPack); from the built-in pack alone
    it is newslint's own bug, and stays an internal error."""
    try:
        return build(*args)
    except _DATA_ERRORS as exc:
        if len(roots) == 1:
            raise
        packs = ", ".join(str(root) for root in roots[1:])
        raise BrokenPack(f"a rule pack cannot be read ({packs}): {type(exc).__name__}: {exc}") from None


class Packs:
    def __init__(self, extra_roots: list[Path] | tuple[Path, ...] = ()):
        for root in extra_roots:
            if not root.is_dir():
                raise ConfigError(f"rule pack folder not found: {root}")
        self.roots: tuple[Path, ...] = (builtin_pack_root(), *extra_roots)
        self._cache: dict[tuple[str, str], Any] = {}

    def paths(self, name: str) -> list[Path]:
        """Every pack's copy of the data file `name`, built-in first."""
        return [root / name for root in self.roots if (root / name).is_file()]

    def lines(self, name: str) -> list[str]:
        """Merged entries of a `.txt` list from every pack."""
        key = ("lines", name)
        if key not in self._cache:
            entries: list[str] = []
            for path in self.paths(name):
                try:
                    entries.extend(read_list(path))
                except (OSError, UnicodeDecodeError) as exc:
                    raise ConfigError(f"{path}: cannot read rule pack file: {exc}") from None
            self._cache[key] = entries
        return self._cache[key]

    def tables(self, name: str) -> list[dict[str, Any]]:
        """Each pack's parsed `.toml` file, built-in first."""
        key = ("toml", name)
        if key not in self._cache:
            from newslint.config import toml_module

            tomllib = toml_module()

            tables = []
            for path in self.paths(name):
                try:
                    with path.open("rb") as handle:
                        tables.append(tomllib.load(handle))
                except (OSError, tomllib.TOMLDecodeError) as exc:
                    raise ConfigError(f"{path}: broken rule pack file: {exc}") from None
            self._cache[key] = tables
        return self._cache[key]

    def table_entries(self, name: str, key: str) -> list[Any]:
        """Concatenate the array `key` of a `.toml` file across packs."""
        result: list[Any] = []
        for table in self.tables(name):
            value = table.get(key, [])
            result.extend(value if isinstance(value, list) else [value])
        return result


# Escapes and groups on which Python's `re` and the `regex` module agree (for `\s`, up to the
# C0 separators U+001C–U+001F, which no article contains: the Unicode rules flag them). Anything
# else — `\p{…}`, `\w`/`\b` (which in `regex` include the Devanagari vowel signs), nested
# sets, `regex`-only flags — keeps the `regex` module.
_PORTABLE_ESCAPE_RE = compile_re(r"\\(?:[sSdDAZntr]|u[0-9a-fA-F]{4}|[^0-9A-Za-z])|\\")
_PORTABLE_GROUP_RE = compile_re(r"\(\?(?![:=!]|<[=!])")


def compile_pattern(source: str, ignorecase: bool = False):
    """Compile a pattern from code or a rule pack at the lowest start-up cost.

    The `regex` module parses patterns in pure Python, about three times slower than `re`, and
    pre-commit pays every compilation on every commit. A pattern that means the same in both
    (literals, classes of literal characters, `\\s`/`\\d`, plain groups and look-arounds) is
    compiled with `re`; any other, with `regex` (`\\p{…}`, `\\w`, `\\b`, …). Either way the compiled
    form is kept for the next run (`newslint.compiled`)."""
    from newslint.compiled import compile_re, compile_regex

    flags = re.IGNORECASE if ignorecase else 0
    if "[[" not in source and _PORTABLE_GROUP_RE.search(source) is None:
        if all(m.group() != "\\" for m in _PORTABLE_ESCAPE_RE.finditer(source)):
            try:
                return compile_re(source, flags)
            except re.error:
                pass
    import regex

    return compile_regex(source, regex.IGNORECASE if ignorecase else 0)


_PACKS_BY_ROOTS: dict[tuple[Path, ...], Packs] = {}


def packs_for(extra_roots: list[Path]) -> Packs:
    """One Packs object per distinct set of roots, so data is parsed once per process."""
    key = tuple(extra_roots)
    if key not in _PACKS_BY_ROOTS:
        _PACKS_BY_ROOTS[key] = Packs(extra_roots)
    return _PACKS_BY_ROOTS[key]
