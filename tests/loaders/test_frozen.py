"""``direct_init``: the same instances as the ``__init__`` that ``dataclasses`` writes."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import dataclass, field

import pytest
from plankg.loaders.frozen import direct_init
from plankg.loaders.model import Span


@dataclass(frozen=True)
class Plain:
    start: int
    text: str = "x"
    notes: tuple[str, ...] = field(default=(), compare=False)


@direct_init
@dataclass(frozen=True)
class Direct:
    start: int
    text: str = "x"
    notes: tuple[str, ...] = field(default=(), compare=False)


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [((1,), {}), ((1, "y"), {}), ((), {"start": 2, "notes": ("n",)}), ((3, "z", ("a",)), {})],
)
def test_the_same_instance_as_the_generated_init(
    args: tuple[object, ...], kwargs: dict[str, object]
) -> None:
    plain, direct = Plain(*args, **kwargs), Direct(*args, **kwargs)  # type: ignore[arg-type]
    assert repr(direct) == repr(plain).replace("Plain", "Direct")
    assert vars(direct) == vars(plain)
    assert direct == Direct(*args, **kwargs)  # type: ignore[arg-type]
    assert hash(direct) == hash(Direct(*args, **kwargs))  # type: ignore[arg-type]
    assert pickle.loads(pickle.dumps(direct)) == direct
    assert dataclasses.replace(direct, text="w").text == "w"


def test_a_field_cannot_be_changed() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        Span(0, 1, 1, 1, "a").start = 2  # type: ignore[misc]


def test_missing_and_unknown_arguments_are_refused_as_before() -> None:
    with pytest.raises(TypeError):
        Direct()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Direct(1, other=2)  # type: ignore[call-arg]


def test_what_it_does_not_do_is_refused_at_once() -> None:
    @dataclass(frozen=True)
    class Factory:
        items: list[int] = field(default_factory=list)

    @dataclass
    class Mutable:
        start: int

    @dataclass(frozen=True)
    class Later:
        start: int

        def __post_init__(self) -> None:
            pass

    for cls in (Factory, Mutable, Later):
        with pytest.raises(TypeError, match=cls.__name__):
            direct_init(cls)


def test_init_only_and_keyword_only_fields_are_refused() -> None:
    @dataclass(frozen=True)
    class InitOnly:
        start: int
        scale: dataclasses.InitVar[int] = 1

    @dataclass(frozen=True)
    class KeywordOnly:
        start: int = field(kw_only=True)

    for cls in (InitOnly, KeywordOnly):
        with pytest.raises(TypeError, match=cls.__name__):
            direct_init(cls)
