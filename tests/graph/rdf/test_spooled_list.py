"""A list kept on disk reads back what was set, in order, whatever the order it was set in."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given
from hypothesis import strategies as st
from plankg.graph.rdf.batch import FileResult, process_file
from plankg.graph.rdf.spooled_list import SpooledList, SpooledMapping
from plankg.loaders.read import sample_paths

SAMPLES = sample_paths()


def _missing(index: int) -> str:
    return f"missing {index}"


@given(st.permutations(range(12)), st.sets(st.integers(0, 11)))
def test_items_read_back_in_order_whatever_order_they_were_set_in(order, unset):
    items = SpooledList(12, _missing)
    for index in order:
        if index not in unset:
            items.set(index, ("item", index, "计划" * index))
    expected = [_missing(i) if i in unset else ("item", i, "计划" * i) for i in range(12)]
    assert list(items) == expected
    assert [items[i] for i in range(12)] == expected
    assert items[-1] == expected[-1] and items[2:5] == expected[2:5]
    assert len(items) == 12


def test_threads_reading_at_once_read_their_own_items():
    items = SpooledList(400, _missing)
    for index in range(400):
        items.set(index, ("item", index, "科协" * (index % 50)))
    with ThreadPoolExecutor(4) as pool:
        read = list(pool.map(items.__getitem__, [*range(400)] * 5))
    assert read == [("item", i, "科协" * (i % 50)) for i in range(400)] * 5


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.name)
def test_a_plans_result_reads_back_as_it_was(sample):
    result = process_file(sample)
    items = SpooledList(1, lambda index: FileResult(f"file {index}"))
    items.set(0, result)
    back = items[0]
    assert back is not result
    assert (back.key, back.sha256, back.warnings) == (result.key, result.sha256, result.warnings)
    assert back.counts == result.counts and back.counts["measures"] > 0
    assert back.coverage == result.coverage
    assert back.shacl_warnings == result.shacl_warnings


@given(st.permutations(range(12)), st.sets(st.integers(0, 11)))
def test_a_mapping_on_disk_iterates_its_keys_in_the_order_of_their_places(order, unset):
    records = SpooledMapping[tuple[str, int]](12)
    for place in order:
        if place not in unset:
            records.set(place, f"plan {11 - place}", ("记录" * place, place))
    kept = [p for p in range(12) if p not in unset]
    assert list(records) == [f"plan {11 - p}" for p in kept]
    assert list(records.values()) == [("记录" * p, p) for p in kept]
    assert len(records) == len(kept) and bool(records) == bool(kept)
    with pytest.raises(KeyError):
        records["plan 12"]
