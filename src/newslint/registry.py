"""The rule registry: every rule class in `newslint/checks/`, and selector matching.

A selector (in --select, --ignore, config or a suppression comment) is one of:
`ALL`, a rule code (`SP101`), a code prefix (`SP`, `SP1`), a rule name (`repeated-line`) or a
category (`spelling`).
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from typing import Iterable

from newslint.rule import CATEGORIES, Rule


class UnknownSelector(ValueError):
    pass


@lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    """Every rule class, sorted by code. Importing a check module must stay cheap: data loads lazily."""
    from newslint import checks

    found: dict[str, type[Rule]] = {}
    for module_info in pkgutil.iter_modules(checks.__path__):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"newslint.checks.{module_info.name}")
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, Rule) and value is not Rule and value.code and value.__module__ == module.__name__:
                if value.code in found and found[value.code] is not value:
                    raise RuntimeError(f"rule code {value.code} is used twice: {found[value.code].__name__} and {value.__name__}")
                found[value.code] = value
    return tuple(sorted(found.values(), key=lambda rule: rule.code))


def rule_by_key(key: str) -> type[Rule] | None:
    """Find a rule by exact code or name (case-insensitive for codes).

    LanguageTool findings carry the LanguageTool rule id (`LT:EN_A_VS_AN`); they belong to LT001.
    """
    if key.upper().startswith("LT:"):
        key = "LT001"
    for rule in all_rules():
        if rule.code.upper() == key.upper() or rule.name == key.lower():
            return rule
    return None


def matches(rule: type[Rule], selector: str) -> bool:
    sel = selector.strip()
    if not sel:
        return False
    if sel.upper() == "ALL":
        return True
    if sel.lower() in CATEGORIES:
        return rule.category == sel.lower()
    if sel.lower() == rule.name:
        return True
    code = rule.code.upper()
    up = sel.upper()
    if code == up:
        return True
    # A prefix must end on a letter/digit boundary of the code: "SP1" matches SP101, "S" matches SP101.
    return code.startswith(up) and (up[-1].isalpha() or up[-1].isdigit())


def check_selectors(selectors: Iterable[str], where: str) -> None:
    rules = all_rules()
    for sel in selectors:
        if sel.startswith("LT:"):  # LanguageTool rule ids are dynamic
            continue
        if not any(matches(rule, sel) for rule in rules):
            raise UnknownSelector(f"{where}: unknown rule selector '{sel}' (see `newslint rules`)")


def select_rules(
    select: list[str] | None,
    extend_select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> list[type[Rule]]:
    rules = all_rules()
    if select is None:
        chosen = [rule for rule in rules if rule.default_enabled]
    else:
        chosen = [rule for rule in rules if any(matches(rule, sel) for sel in select)]
    extra = [rule for rule in rules if any(matches(rule, sel) for sel in extend_select) and rule not in chosen]
    chosen.extend(extra)
    ignore = list(ignore)
    return sorted((rule for rule in chosen if not any(matches(rule, sel) for sel in ignore)), key=lambda r: r.code)
