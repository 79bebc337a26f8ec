"""Sorted runs merged and written a subject at a time give the very text that sorting their
union in memory gives."""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st
from plankg.graph.rdf.sorted_runs import (
    PART,
    SpilledSet,
    SpilledSums,
    merged,
    read_run,
    write_body,
    write_run,
    write_trig_block,
)
from plankg.graph.rdf.turtle import trig_block, turtle_body

A = "<https://w3id.org/plankg/id/family/2021-youth/a>"
B = "<https://w3id.org/plankg/id/family/2021-youth/b>"
M = "<https://w3id.org/plankg/id/plan/x/youth/m1>"
RUNS = [
    [(A, "a", "pk:TaskFamily"), (A, "dcterms:title", '"甲"@zh'), (M, "pk:memberOf", A)],
    [(B, "a", "pk:TaskFamily"), (M, "pk:memberOf", B), (M, "pk:similarity", "0.5")],
    [(A, "dcterms:title", '"甲"@zh'), (B, "pk:centralMember", M)],
]


def test_merged_runs_are_their_sorted_union():
    assert list(merged(*RUNS)) == sorted(set().union(*map(set, RUNS)))


def test_a_body_written_a_subject_at_a_time_is_the_turtle_body():
    file = io.StringIO()
    assert write_body(file, merged(*RUNS))
    assert file.getvalue() == turtle_body(set().union(*map(set, RUNS)))
    assert not write_body(io.StringIO(), iter([]))


def test_a_trig_block_written_a_subject_at_a_time_is_the_trig_block():
    file = io.StringIO()
    write_trig_block(file, "https://w3id.org/plankg/graph/derived", merged(*RUNS))
    body = turtle_body(set().union(*map(set, RUNS)))
    assert file.getvalue() == trig_block("https://w3id.org/plankg/graph/derived", body)
    empty = io.StringIO()
    write_trig_block(empty, "https://w3id.org/plankg/graph/derived", iter([]))
    assert empty.getvalue() == ""


def test_a_run_read_back_is_the_run_written(tmp_path):
    run = sorted((f"<s{i:05d}>", "p", f'"{i}"') for i in range(PART * 2 + 3))
    assert list(read_run(write_run(tmp_path / "run", run))) == run


TRIPLES = st.lists(
    st.lists(st.tuples(st.sampled_from([A, B, M]), st.sampled_from("ab"), st.text(max_size=3)))
)


@given(batches=TRIPLES, held=st.integers(min_value=1, max_value=6))
def test_a_spilled_set_gives_back_the_sorted_union_of_what_it_gathered(batches, held):
    spilled = SpilledSet(held)
    try:
        for batch in batches:
            spilled.update(batch)
        assert list(spilled.sorted()) == sorted(set().union(*map(set, batches)))
    finally:
        spilled.close()


def test_a_spilled_set_holds_no_more_than_it_is_told():
    spilled = SpilledSet(4)
    try:
        for n in range(10):
            spilled.update([(f"<s{n}>", "a", "pk:Region"), (A, "a", "pk:TaskFamily")])
            assert len(spilled.triples) < 4
        assert len(spilled.runs) == 3  # at the 3rd, 6th and 9th region
        assert len(list(spilled.sorted())) == 11
    finally:
        spilled.close()


@given(
    st.lists(
        st.tuples(st.sampled_from(["周口市", "新郑市", "郑州市", "团市委"]), st.integers(0, 9))
    ),
    st.sampled_from([None, 1, 2, 3]),
)
def test_spilled_sums_are_the_sums_by_key_in_key_order(added, held):
    sums = SpilledSums[str](held)
    expected: dict[str, tuple[int, int]] = {}
    for key, number in added:
        sums.add(key, (number, 1))
        found = expected.get(key, (0, 0))
        expected[key] = (found[0] + number, found[1] + 1)
    assert list(sums.items()) == sorted(expected.items())
    assert list(sums.items()) == sorted(expected.items())
    assert held is None or len(sums.sums) < held
