"""Compiled regular expressions, kept between runs in the user's cache folder.

Both `re` and `regex` compile a pattern in two steps: a parser and optimiser written in Python
turn the pattern into a list of opcodes and group tables, then a C constructor
(``_sre.compile``, ``_regex.compile``) builds the pattern object from them. For newslint's large
alternations — month and weekday names in three scripts, attribution verbs, CMS phrases — the
first step costs 1–6 ms a pattern and some 70 ms of every start-up; the second, microseconds.

The opcodes and tables are plain lists, dicts and numbers. `compile_re` and `compile_regex`
record them (by interposing on the C constructor during a normal compile) in a
:class:`newslint.cache.Store` keyed by the Python and `regex` versions, and the next run hands
them straight to the constructor. Only patterns compiled through these two functions are kept:
the large ones built from the rule packs, and the fixed patterns the modules compile when they
are imported (some 60, ~7 ms of a one-file run); a per-document pattern would only fill the file.

Nothing depends on it: with the cache off, on a miss, or if a stored entry is refused (another
engine version, a damaged file), the normal compile runs. The interposition swaps a module
attribute for the length of one compile, so it is not thread-safe; newslint compiles in one
thread per process.
"""

from __future__ import annotations

import re
import sys
from typing import Any, Callable

_STORE: Any = None  # the cache Store, opened at the first compile
MAX_PATTERNS = 4000


def compile_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile`, reusing the compiled form from an earlier run."""
    import _sre
    from re import _compiler  # type: ignore[attr-defined]

    return _compile("re", pattern, int(flags), _compiler, "_sre", _sre, lambda: _compiler.compile(pattern, int(flags)))


def compile_regex(pattern: str, flags: int = 0):
    """`regex.compile`, reusing the compiled form from an earlier run."""
    import regex
    import regex._main as main

    return _compile(
        "regex", pattern, int(flags), main, "_regex", main._regex, lambda: regex.compile(pattern, flags, cache_pattern=False)
    )


def _compile(engine: str, pattern: str, flags: int, caller: Any, attribute: str, constructor: Any, build: Callable[[], Any]):
    store = _store()
    key = f"{engine}\0{flags}\0{pattern}"
    stored = store.get(key)
    if stored is not None:
        try:
            return constructor.compile(pattern, *stored)
        except Exception:  # noqa: BLE001 - a refused entry: compile it the normal way
            pass
    calls: list[tuple] = []
    setattr(caller, attribute, _Recorder(constructor, calls))
    try:
        compiled = build()
    finally:
        setattr(caller, attribute, constructor)
    if len(calls) == 1 and calls[0][0] == pattern:
        args = _plain(calls[0][1:])
        if args is not None:
            store.add(key, args)
    return compiled


class _Recorder:
    """Stands in for the C module while one pattern compiles: notes the constructor's arguments."""

    def __init__(self, module: Any, calls: list[tuple]):
        self._module = module
        self._calls = calls

    def compile(self, *args):
        self._calls.append(args)
        return self._module.compile(*args)

    def __getattr__(self, name: str):
        return getattr(self._module, name)


class _NotPlain(Exception):
    pass


def _plain(value: Any) -> Any:
    """``value`` with int subclasses (flags, `re`'s named opcodes) as plain ints, so that
    `marshal` can store it; None if it holds anything else."""
    try:
        return _convert(value)
    except _NotPlain:
        return None


def _convert(value: Any) -> Any:
    kind = type(value)
    if value is None or kind in (bool, int, float, str):
        return value
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, (list, tuple, frozenset)):
        items = [_convert(item) for item in value]
        return items if isinstance(value, list) else tuple(items) if isinstance(value, tuple) else frozenset(items)
    if isinstance(value, dict):
        return {_convert(k): _convert(v) for k, v in value.items()}
    raise _NotPlain(kind.__name__)


def _store():
    global _STORE
    if _STORE is None:
        import _sre

        import regex

        from newslint.cache import Store

        _STORE = Store("patterns", [], sys.version, str(_sre.MAGIC), regex.__version__, limit=MAX_PATTERNS)
    return _STORE


def reset() -> None:
    """Forget the open store (tests change the cache settings between calls)."""
    global _STORE
    _STORE = None
