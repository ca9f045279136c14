"""Configuration: where it is found, what it may say, and which rules it turns on.

Config lives in `newslint.toml` / `.newslint.toml` (keys at the top level) or under
`[tool.newslint]` in `pyproject.toml`. For each checked file the nearest config found walking
up from the file's folder applies; `--config FILE` overrides discovery.

The raw table is validated by the pydantic model in `config_schema.py`, imported only when a
config file exists (pydantic costs ~100 ms to import, and pre-commit runs us on every commit).
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path
from typing import Any

from newslint.hindi.records import factory, record

CONFIG_FILES = ("newslint.toml", ".newslint.toml", "pyproject.toml")
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", "build", "dist")


class ConfigError(Exception):
    """A broken or invalid config: one line on stderr, exit code 2."""


def url_problem(url: str) -> str | None:
    """What is wrong with a LanguageTool server URL, or None: an http(s) URL with a host."""
    from urllib.parse import urlsplit

    if not url.startswith(("http://", "https://")):
        return "must start with http:// or https://"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - a port that is not a number raises here
    except ValueError as exc:  # "http://[::1": Invalid IPv6 URL
        return f"is not a URL ({exc})"
    if not parts.hostname:
        return "names no host"
    return None


@record
class LanguageToolSettings:
    enabled: bool = True  # used only when a server URL is configured
    url: str | None = None
    language: str = "en-US"
    disabled_rules: list[str] = factory(list)
    min_words: int = 4  # a Latin-script passage shorter than this is a name or a term, not English prose


@record
class Config:
    path: Path | None = None  # the file it came from; None for the built-in defaults
    root: Path = factory(Path.cwd)  # relative paths in the config are relative to this
    select: list[str] | None = None
    extend_select: list[str] = factory(list)
    ignore: list[str] = factory(list)
    extend_ignore: list[str] = factory(list)
    severity: dict[str, str] = factory(dict)
    per_file_ignores: dict[str, list[str]] = factory(dict)
    exclude: list[str] = factory(list)
    fail_on: str = "error"
    packs: list[Path] = factory(list)
    max_file_size: int = 10 * 1024 * 1024
    options: dict[str, dict[str, Any]] = factory(dict)
    languagetool: LanguageToolSettings = factory(LanguageToolSettings)

    @property
    def label(self) -> str:
        return str(self.path) if self.path else "built-in defaults"

    def is_excluded(self, path: Path) -> bool:
        """Does an `exclude` glob match this path (relative to the config's folder) or one of its parts?"""
        if not self.exclude:
            return False
        try:
            rel = path.resolve().relative_to(self.root.resolve()).as_posix()
        except (ValueError, OSError, RuntimeError):  # outside the root; RuntimeError: a symlink loop
            rel = path.as_posix()
        parts = rel.split("/")
        for pattern in self.exclude:
            pattern = pattern.rstrip("/")
            if fnmatch.fnmatch(rel, pattern) or any(fnmatch.fnmatch(part, pattern) for part in parts):
                return True
            if rel.startswith(pattern + "/"):
                return True
        return False

    def ignores_for(self, path: str) -> list[str]:
        """Selectors ignored for this file by `per-file-ignores`."""
        if not self.per_file_ignores:
            return []
        posix = Path(path).as_posix()
        try:
            rel = Path(path).resolve().relative_to(self.root.resolve()).as_posix()
        except (ValueError, OSError, RuntimeError):  # outside the root; RuntimeError: a symlink loop
            rel = posix
        result: list[str] = []
        for pattern, selectors in self.per_file_ignores.items():
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(posix, pattern) or fnmatch.fnmatch(Path(path).name, pattern):
                result.extend(selectors)
        return result


def toml_module():
    """`tomllib` (`tomli` before Python 3.11), imported when a TOML file is read."""
    try:
        import tomllib
    except ModuleNotFoundError:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    return tomllib


def read_table(path: Path) -> dict[str, Any] | None:
    """The newslint table of a config file, or None when a pyproject.toml has no [tool.newslint]."""
    tomllib = toml_module()
    try:
        raw = path.read_bytes()
        if path.name == "pyproject.toml" and b"newslint" not in raw:
            return None  # a project's pyproject.toml without a newslint table: no need to parse it
        data = tomllib.loads(raw.decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: broken TOML: {exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: broken config: not valid UTF-8") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        return tool.get("newslint") if isinstance(tool, dict) else None
    return data


def load_config(path: Path) -> Config:
    table = read_table(path)
    if table is None:
        if path.name == "pyproject.toml":
            raise ConfigError(f"{path}: has no [tool.newslint] table")
        table = {}
    from newslint.config_schema import (
        validate,  # pydantic: only when there is a config to check
    )

    return validate(table, path)


def find_config_file(start: Path, known: dict[Path, Path | None] | None = None) -> Path | None:
    """The nearest config file walking up from `start` (a folder).

    `known`: the answers for folders already walked from (each folder → its nearest config
    file), filled in here. A run over a tree of folders asks once per folder, and without it
    every folder re-read and re-parsed the same pyproject.toml up the tree (19 parses for the
    bench corpus: ~6 ms of a run's serial start)."""
    folder = start.resolve()
    walked = []
    found = None
    for candidate in (folder, *folder.parents):
        if known is not None and candidate in known:
            found = known[candidate]
            break
        walked.append(candidate)
        found = _config_in(candidate)
        if found is not None:
            break
    if known is not None:
        for candidate in walked:
            known[candidate] = found
    return found


def _config_in(folder: Path) -> Path | None:
    for name in CONFIG_FILES:
        path = folder / name
        if path.is_file():
            if name == "pyproject.toml" and read_table(path) is None:
                continue
            return path
    return None


class ConfigResolver:
    """Finds the config for each checked file, caching by folder."""

    def __init__(self, explicit: Path | None = None, cwd: Path | None = None, languagetool_url: str | None = None):
        self.cwd = cwd or Path.cwd()
        self.languagetool_url = languagetool_url  # --languagetool-url wins over every config
        self._by_file: dict[Path, Config] = {}
        self._by_folder: dict[Path, Config] = {}
        self._nearest: dict[Path, Path | None] = {}  # folder → its nearest config file (find_config_file)
        self.explicit = self._override(load_config(explicit)) if explicit else None

    def _override(self, config: Config) -> Config:
        if self.languagetool_url:
            config.languagetool.url = self.languagetool_url
        return config

    def for_path(self, path: Path | None) -> Config:
        if self.explicit is not None:
            return self.explicit
        raw_folder = path.parent if path is not None else self.cwd
        cached = self._by_folder.get(raw_folder)
        if cached is not None:
            return cached
        folder = raw_folder.resolve()
        config_path = find_config_file(folder, self._nearest)
        if config_path is None:
            config = self._by_file.get(Path("<defaults>")) or self._override(Config(root=self.cwd))
            self._by_file[Path("<defaults>")] = config
        else:
            config = self._by_file.get(config_path)
            if config is None:
                config = self._override(load_config(config_path))
                self._by_file[config_path] = config
        self._by_folder[folder] = config
        self._by_folder[raw_folder] = config
        return config


def is_default_excluded(name: str) -> bool:
    return name in DEFAULT_EXCLUDE or (name.startswith(".") and name not in (".", ".."))


def relpath(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)
