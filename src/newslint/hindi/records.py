"""`@record`: a light stand-in for `@dataclasses.dataclass` on plain data classes.

`dataclasses.dataclass` costs about 1.4 ms a class at import (it introspects the class and
`exec`s several generated methods); pre-commit runs newslint on every commit, and the spelling
engine, the document model and the structure rules define some 25 such classes. `record` makes
the same `__init__` (one `exec`), `__repr__`, `__eq__` and — for `frozen=True` — `__hash__`,
in about a tenth of the time. What it does not do: enforce immutability (a frozen record is
immutable by convention), ordering, `dataclasses.fields()`/`replace()`/`asdict()`.

    @record(frozen=True)
    class Candidate:
        word: str
        score: float
        edits: int = 1
        notes: list[str] = factory(list)     # dataclasses.field(default_factory=list)
"""

from __future__ import annotations

from typing import Any, Callable

__all__ = ["factory", "record"]


class factory:  # noqa: N801 - reads like dataclasses.field(default_factory=…)
    """A default made afresh for each instance (`factory(list)`)."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Any]):
        self.make = make


_NOTHING = object()


def record(cls: type | None = None, *, frozen: bool = False):
    """Give a class with annotated fields an `__init__`, `__repr__`, `__eq__` (and `__hash__`
    when `frozen`), as `@dataclass` / `@dataclass(frozen=True)` would."""

    def wrap(cls: type) -> type:
        names = [name for name in cls.__dict__.get("__annotations__", {}) if not name.startswith("__")]
        namespace: dict[str, Any] = {"_NOTHING": _NOTHING}
        params, lines = [], []
        for name in names:
            default = cls.__dict__.get(name, _NOTHING)
            if isinstance(default, factory):
                namespace[f"_make_{name}"] = default.make
                params.append(f"{name}=_NOTHING")
                lines.append(f"    self.{name} = _make_{name}() if {name} is _NOTHING else {name}")
                delattr(cls, name)
                continue
            if default is not _NOTHING:
                namespace[f"_default_{name}"] = default
                params.append(f"{name}=_default_{name}")
            elif any(p.partition("=")[2] for p in params):
                raise TypeError(f"non-default argument {name!r} follows default argument in {cls.__name__}")
            else:
                params.append(name)
            lines.append(f"    self.{name} = {name}")
        source = f"def __init__(self, {', '.join(params)}):\n" + ("\n".join(lines) or "    pass") + "\n"
        exec(source, namespace)  # noqa: S102 - generated from the class's own field names
        init = namespace["__init__"]
        init.__qualname__ = f"{cls.__qualname__}.__init__"
        cls.__init__ = init
        fields = tuple(names)

        def __repr__(self) -> str:
            inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in fields)
            return f"{type(self).__qualname__}({inner})"

        def __eq__(self, other: object):
            if other.__class__ is not self.__class__:
                return NotImplemented
            return tuple(getattr(self, name) for name in fields) == tuple(getattr(other, name) for name in fields)

        cls.__repr__ = __repr__
        cls.__eq__ = __eq__
        if frozen:

            def __hash__(self) -> int:
                return hash(tuple(getattr(self, name) for name in fields))

            cls.__hash__ = __hash__
        else:
            cls.__hash__ = None  # as a mutable dataclass with eq: unhashable
        cls.__record_fields__ = fields
        return cls

    return wrap if cls is None else wrap(cls)
