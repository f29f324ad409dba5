"""A faster ``__init__`` for the frozen value types built by the thousand per corpus.

Scanned headings, sections, list items and labels, and each design's summary, are frozen slots
dataclasses: immutable, hashable, cheap to hold. Their generated ``__init__`` is the one
cost of that promise worth removing; :func:`fast_init` removes it without changing the
type.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

_T = TypeVar("_T")


class _FactoryDefault:
    """The default of a field with a default factory, shown as dataclasses shows it."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _FactoryDefault()


def fast_init(cls: type[_T]) -> type[_T]:
    """Give a frozen slots dataclass an ``__init__`` that stores through the slots' setters.

    Apply it above ``@dataclass(frozen=True, slots=True)``. The ``__init__`` dataclasses
    writes for a frozen class calls ``object.__setattr__`` per field, which binds a method
    wrapper each time; the slot's own setter stores the same value for about half the cost
    (a sixth of the scanner's run went to the headings, items and labels it builds, 28
    fields per design summary). Same parameters, defaults and default factories; the
    class still compares, hashes, prints, pickles and refuses assignment as before.

    Args:
        cls: A frozen slots dataclass without ``__post_init__``, keyword-only or
            non-init fields.

    Returns:
        ``cls``, with the new ``__init__``.

    Raises:
        TypeError: If ``cls`` has a field or hook the generated ``__init__`` cannot honour.
    """
    namespace: dict[str, object] = {"__name__": cls.__module__, "_FACTORY": _FACTORY}
    params = []
    body = []
    for item in dataclasses.fields(cls):  # type: ignore[arg-type]
        name = item.name
        if not item.init or item.kw_only:
            raise TypeError(f"{cls.__name__}.{name}: only plain init fields are supported")
        namespace[f"_set_{name}"] = getattr(cls, name).__set__
        value = name
        if item.default is not dataclasses.MISSING:
            namespace[f"_default_{name}"] = item.default
            params.append(f"{name}=_default_{name}")
        elif item.default_factory is not dataclasses.MISSING:
            namespace[f"_factory_{name}"] = item.default_factory
            params.append(f"{name}=_FACTORY")
            value = f"_factory_{name}() if {name} is _FACTORY else {name}"
        else:
            params.append(name)
        body.append(f"    _set_{name}(self, {value})\n")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: __post_init__ is not supported")
    exec(f"def __init__(self, {', '.join(params)}):\n{''.join(body)}", namespace)
    init: Any = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = dict(cls.__init__.__annotations__)
    setattr(cls, "__init__", init)  # noqa: B010 - mypy forbids assigning a method
    return cls
