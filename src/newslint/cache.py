"""The user's cache folder: per-word knowledge (and compiled patterns) kept between runs.

Judging a Hindi word the first time it is seen is the costliest thing newslint does (a lexicon
search, never-valid patterns and, for an unknown word, every confusion-class candidate: about
0.1–3 ms a word). The verdict depends only on the word, the rule packs and the engine's code,
and a newsroom's articles share most of their vocabulary, so the verdicts are kept in a file
and the next run — the next commit's pre-commit hook — reads them instead of recomputing them.

* **Where**: ``$NEWSLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/newslint``, else
  ``~/.cache/newslint``. ``NEWSLINT_NO_CACHE=1`` (or ``newslint check --no-cache``) turns it
  off; every run then computes everything afresh, with the same findings.
* **When it is stale**: never used. A store's file name carries a fingerprint of what its
  entries were computed from — newslint's version and the size and modification time of the
  engine's source files and of every pack file the entries depend on — so editing a word list
  or upgrading newslint starts a new file; the least recently written are deleted.
* **Safety**: a missing, unreadable, corrupt or unwritable cache is ignored (the run computes
  what it needs); a write is a temporary file renamed over the old one, so a reader never sees
  half a file, and a write merges with what other processes saved meanwhile.
* **Parallel runs**: each ``--jobs`` worker hands what it learned back to the parent with its
  results (:func:`take_fresh` / :func:`absorb`); the parent alone writes, once, at the end.

The same mechanism keeps the compiled form of the large regular expressions built from the
rule packs (`newslint.compiled`), in a ``patterns-…`` file of its own.

Entries are plain tuples, strings and numbers, stored with :mod:`marshal` (the format Python
uses for its own ``__pycache__``): fast to read, and it cannot run code.
"""

from __future__ import annotations

import marshal
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newslint.launcher import cache_folder

try:  # the C module itself: `hashlib` loads OpenSSL, ~5 ms of every start-up
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

DIR_ENV = "NEWSLINT_CACHE_DIR"
OFF_ENV = "NEWSLINT_NO_CACHE"
# 2: the entries are marshalled on their own and stored with a checksum of those bytes (1 had
# none: a flipped bit in a compiled pattern's opcodes could crash the regex engine).
FORMAT = 2
# A store that grows past this many entries starts afresh (a few MB on disk, ~30 ms to read).
MAX_ENTRIES = 300_000

# Entries learned by this process and not yet written: store file → key → entry.
_FRESH: dict[str, dict[str, Any]] = {}
# Each store file's size limit (entries), as its Store said.
_LIMITS: dict[str, int] = {}
# Every Store of this process (a handful), for `reload_changed`.
_STORES: list["Store"] = []


def enabled() -> bool:
    return os.environ.get(OFF_ENV, "") in ("", "0")


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is off."""
    folder = cache_folder()
    return None if folder is None else Path(folder)


def fingerprint(files: Iterable[Path], *salt: str) -> str:
    """A short digest of ``salt`` and each file's path, size and modification time."""
    digest = blake2b(digest_size=10)
    for part in salt:
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    for path in sorted(files):
        try:
            stat = path.stat()
        except OSError:
            continue
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class Store:
    """One cache file: key (a word, a pattern) → entry (tuples of str, int, float, bool, None,
    dict, list), for one ``kind`` of entry computed from ``files`` and ``salt``."""

    def __init__(self, kind: str, files: Iterable[Path], *salt: str, limit: int = MAX_ENTRIES):
        from newslint import __version__

        folder = cache_dir()
        self.kind = kind
        self.limit = limit
        self.path: Path | None = None
        self.entries: dict[str, Any] = {}
        if folder is None:
            return
        self.path = folder / f"{kind}-{fingerprint(files, __version__, *salt)}.marshal"
        self.read_at = _mtime(self.path)
        self.entries = _read(self.path)
        _LIMITS[str(self.path)] = limit
        _STORES.append(self)

    def reload_if_changed(self) -> None:
        """Read the file again if another process wrote it since (a long-lived server's
        children learn words; the server reads them back for the next child)."""
        if self.path is None:
            return
        written_at = _mtime(self.path)
        if written_at != self.read_at:
            self.read_at = written_at
            self.entries = _read(self.path)

    def get(self, key: str) -> Any:
        return self.entries.get(key)

    def add(self, key: str, entry: Any) -> None:
        """Remember ``entry`` for ``key``, to be written at the end of the run."""
        if self.path is None:
            return
        fresh = _FRESH.setdefault(str(self.path), {})
        if len(fresh) < self.limit:  # a long-lived process that never saves stays bounded
            fresh[key] = entry


def reload_changed() -> None:
    for store in _STORES:
        store.reload_if_changed()


def _mtime(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


def _read(path: Path) -> dict[str, Any]:
    """The entries of a store file; {} if it is missing, of another format or damaged. The
    checksum matters: a compiled pattern's opcodes go to the regex engine's C constructor, which
    trusts them, and a damaged one could crash the process rather than fail to load."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a FIFO would wait for a writer forever
            return {}
        data = marshal.loads(path.read_bytes())
        if not (isinstance(data, tuple) and len(data) == 3 and data[0] == FORMAT
                and isinstance(data[2], bytes) and data[1] == _checksum(data[2])):
            return {}
        entries = marshal.loads(data[2])
    except (OSError, EOFError, ValueError, TypeError, MemoryError):  # MemoryError: a damaged length
        return {}
    return entries if isinstance(entries, dict) else {}


def _checksum(payload: bytes) -> bytes:
    return blake2b(payload, digest_size=16).digest()


def store_bytes(entries: dict[str, Any]) -> bytes:
    """A store file's content: the format, the entries' checksum and the entries (see `_read`)."""
    payload = marshal.dumps(entries)
    return marshal.dumps((FORMAT, _checksum(payload), payload))


def take_fresh() -> dict[str, dict[str, Any]]:
    """What this process learned since the last call (a worker sends it to the parent)."""
    fresh = dict(_FRESH)
    _FRESH.clear()
    return fresh


def absorb(fresh: dict[str, dict[str, Any]] | None) -> None:
    """Add what a worker learned to what this process will write."""
    for path, entries in (fresh or {}).items():
        _FRESH.setdefault(path, {}).update(entries)


def save_fresh() -> None:
    """Write what was learned: merged with the file as it is now, atomically. Never raises."""
    for name, entries in take_fresh().items():
        if entries:
            _save(Path(name), entries)


def _save(path: Path, entries: dict[str, Any]) -> None:
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        merged = _read(path)  # another process may have saved since this one read it
        if len(merged) + len(entries) > _LIMITS.get(str(path), MAX_ENTRIES):
            merged = {}
        merged.update(entries)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(store_bytes(merged))
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
        _remove_stale(path)
    except (OSError, ValueError):
        pass  # a read-only or full disk: the next run computes again


KEEP_FILES = 4
KINDS = ("spelling", "patterns")


def clear() -> int:
    """Delete this cache's files (`newslint clean`); the number deleted."""
    folder = cache_dir()
    removed = 0
    if folder is None or not folder.is_dir():
        return 0
    for kind in KINDS:
        for path in folder.glob(f"{kind}-*.marshal"):
            try:
                path.unlink()
                removed += 1
            except OSError:
                pass
    return removed


def _remove_stale(current: Path) -> None:
    """Keep this kind's `KEEP_FILES` most recently written files, delete older ones.

    More than one is kept because different repositories (their own packs) or newslint
    installations on one machine each have a file; older packs' files are left to age out.
    """
    kind = current.name.rsplit("-", 1)[0]
    found = []
    for other in current.parent.glob(f"{kind}-*.marshal"):
        if other.name.rsplit("-", 1)[0] == kind:
            try:
                found.append((other.stat().st_mtime_ns, other))
            except OSError:
                continue
    for _, other in sorted(found, reverse=True)[KEEP_FILES:]:
        try:
            other.unlink()
        except OSError:
            pass
