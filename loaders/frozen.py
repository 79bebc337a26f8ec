"""A faster ``__init__`` for the frozen dataclasses a parse makes by the thousand (spans,
mentions, clauses): the one ``dataclasses`` writes calls ``object.__setattr__`` once for each
field, five times slower than writing the instance's dictionary, which :func:`direct_init`
does. The instances are the same: fields, defaults, ``repr``, equality, hashing, ``replace``,
pickling and the refusal to change a field. And :func:`compared`: the ``repr``, equality and
hashing of such a class from functions made once, not compiled by ``dataclasses`` for each."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T")


def direct_init(cls: type[T]) -> type[T]:
    """Give the frozen dataclass ``cls`` an ``__init__`` that stores its arguments in the
    instance's dictionary directly. Refused (``TypeError``, at import) for what it does not
    do: slots, ``__post_init__``, keyword-only or init-only fields, default factories."""
    _check(cls)
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    defaults = {f"_default_{f.name}": f.default for f in fields if f.default is not _MISSING}
    params = [f.name + (f"=_default_{f.name}" if f.default is not _MISSING else "") for f in fields]
    body = "".join(f"\n    d[{f.name!r}] = {f.name}" for f in fields)
    source = f"def __init__(self, {', '.join(params)}):\n    d = self.__dict__{body}\n"
    namespace: dict[str, Any] = {}
    exec(source, defaults, namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    setattr(cls, "__init__", init)  # noqa: B010 (mypy refuses assigning a method)
    return cls


_MISSING: Any = dataclasses.MISSING


def _check(cls: type) -> None:
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen or not params.init:
        raise TypeError(f"{cls.__name__}: not a frozen dataclass with an __init__")
    if "__slots__" in cls.__dict__ or hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: slots or __post_init__")
    fields = dataclasses.fields(cls)
    if len(fields) != len(cls.__dataclass_fields__):  # type: ignore[attr-defined]
        raise TypeError(f"{cls.__name__}: init-only or class variables")
    for f in fields:
        if not f.init or f.kw_only:
            raise TypeError(f"{cls.__name__}.{f.name}: a keyword-only or no-init field")
        if f.default_factory is not _MISSING:
            raise TypeError(f"{cls.__name__}.{f.name}: a default factory")


def compared(cls: type[T]) -> type[T]:
    """Give the frozen dataclass ``cls`` (made with ``repr=False, eq=False``) the ``__repr__``,
    ``__eq__`` and ``__hash__`` that ``dataclass(frozen=True)`` writes, the same results, from
    functions made once here (``dataclasses`` compiles three for each class it makes: a
    fifth of the package's import)."""
    found = dataclasses.fields(cls)  # type: ignore[arg-type]
    shown = [f.name for f in found if f.repr]
    key = _key([f.name for f in found if f.compare])
    hashed = _key([f.name for f in found if (f.compare if f.hash is None else f.hash)])

    def __repr__(self: Any) -> str:
        shown_fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{self.__class__.__qualname__}({shown_fields})"

    def __eq__(self: Any, other: object) -> Any:
        if other.__class__ is self.__class__:
            return key(self) == key(other)
        return NotImplemented

    def __hash__(self: Any) -> int:
        return hash(hashed(self))

    for method in (__repr__, __eq__, __hash__):
        method.__qualname__ = f"{cls.__qualname__}.{method.__name__}"
        setattr(cls, method.__name__, method)
    return cls


def _key(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The fields ``names`` of an instance, as a tuple (what the generated methods compare)."""
    get = attrgetter(*names)
    return get if len(names) > 1 else lambda item: (get(item),)
