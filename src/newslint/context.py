"""What a check may read besides the document: config, rule packs, and process-wide caches."""

from __future__ import annotations

from typing import Any, Callable

from newslint.config import Config
from newslint.hindi.records import factory, record
from newslint.packs import Packs, building


@record
class Context:
    config: Config
    packs: Packs
    # Expensive derived data (a compiled lexicon, a phrase automaton) built once per process
    # and per pack set, shared by every document and rule.
    shared: dict[str, Any] = factory(dict)

    def load(self, key: str, build: Callable[[Packs], Any]) -> Any:
        """Build `key` from the packs the first time it is asked for; reuse it afterwards."""
        cache = self.packs._cache
        slot = ("built", key)
        if slot not in cache:
            cache[slot] = building(self.packs.roots, build, self.packs)
        return cache[slot]
