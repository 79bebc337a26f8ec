"""The model's classes compare, hash and print as the methods ``dataclass(frozen=True)``
writes would (:func:`plankg.loaders.frozen.compared` gives them shared ones instead): each
object of the parsed samples against an instance of a plain frozen dataclass with the same
fields and values."""

from __future__ import annotations

import dataclasses
import pickle
from collections.abc import Iterator
from functools import cache
from itertools import pairwise
from typing import Any

import pytest
from plankg.loaders import model
from plankg.loaders.read import read_plan, sample_paths

CLASSES = [
    value
    for value in vars(model).values()
    if isinstance(value, type)
    and value.__module__ == model.__name__
    and dataclasses.is_dataclass(value)
]


@cache
def plain(cls: type) -> type:
    """A frozen dataclass with ``cls``'s name and fields, its methods made by ``dataclasses``."""
    specs = [
        (f.name, f.type, dataclasses.field(default=f.default, compare=f.compare, hash=f.hash))
        for f in dataclasses.fields(cls)
    ]
    made = dataclasses.make_dataclass(cls.__name__, specs, frozen=True)
    made.__qualname__ = cls.__qualname__
    return made


def objects(value: Any) -> Iterator[Any]:
    """``value`` and every model object it holds, depth first."""
    if dataclasses.is_dataclass(value):
        yield value
        for f in dataclasses.fields(value):
            yield from objects(getattr(value, f.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from objects(item)


def twin(value: Any) -> Any:
    """The plain dataclass instance with ``value``'s field values."""
    values = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    return plain(type(value))(**values)


@cache
def sample_objects() -> list[Any]:
    """Every model object of the parsed samples, and a deadline and a count (which the samples
    do not state)."""
    found = [found for path in sample_paths() for found in objects(read_plan(path))]
    span = model.Span(3, 12, 2, 2, "2025年底前，等12个部门")
    return [
        *found,
        model.Deadline("2025年底前", "by", 2025, span),
        model.StatedCount("等12个部门", "partner", span),
    ]


def test_every_class_is_found_in_the_samples_or_made():
    assert {type(found) for found in sample_objects()} == set(CLASSES)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_repr_eq_and_hash_as_dataclasses_writes_them(cls):
    found = [item for item in sample_objects() if type(item) is cls]
    for item in found[:200]:
        reference = twin(item)
        assert repr(item) == repr(reference)
        assert hash(item) == hash(reference)
        assert item == dataclasses.replace(item)
        assert not item != dataclasses.replace(item)  # noqa: SIM202 (__ne__ from __eq__)
        assert item != reference  # another class, as between two dataclasses
        assert pickle.loads(pickle.dumps(item)) == item
    for item, other in pairwise(found[:200]):
        assert (item == other) == (twin(item) == twin(other))


def test_a_field_left_out_of_comparison_is_left_out():
    plan = read_plan(sample_paths()[0])
    assert dataclasses.replace(plan, warnings=("other",)) == plan
    assert hash(dataclasses.replace(plan.region, name="x")) != hash(plan.region)
