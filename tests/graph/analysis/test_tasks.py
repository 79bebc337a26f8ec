"""Task by task on the samples: the coverage matrix of the task families and the same task led
by agencies of different types in different cities."""

from __future__ import annotations

import pytest
from plankg.graph.analysis import analyze, different_leads, task_coverage
from plankg.graph.rdf.networkx_graph import to_networkx

TEACHERS = "实施教师科学素质提升工程"
REGIONS = ("周口市", "岳阳市南湖新区", "忻州市", "新郑市", "泉州市")


@pytest.fixture(scope="module")
def graph(triples):
    return to_networkx(triples)


def test_the_coverage_matrix_has_a_row_per_family_and_a_column_per_plan(graph):
    table = task_coverage(graph)
    assert table.columns == (
        "family",
        "family_title",
        "canonical_action",
        *REGIONS,
        "plans",
        "missing_from",
    )
    rows = table.records()
    assert len(rows) == 69 and sum(r["plans"] for r in rows) == 167
    teachers = next(r for r in rows if r["family_title"] == TEACHERS)
    assert [teachers[region] for region in REGIONS] == ["1.3", "1.6", "1.6", "1.3", "1.4"]
    assert teachers["missing_from"] == ""
    rural = next(r for r in rows if r["family_title"] == "实施农村青少年科学素质提升行动")
    assert rural["plans"] == 1 and rural["missing_from"] == "周口市、忻州市、新郑市、泉州市"


def test_the_same_task_with_a_different_lead(graph):
    rows = different_leads(graph).records()
    teachers = {r["region"]: r for r in rows if r["family_title"] == TEACHERS}
    assert set(teachers) == set(REGIONS)
    assert teachers["忻州市"]["lead_types"] == "教育"
    assert teachers["泉州市"]["leads"] == "市教育局、市科协"
    assert {r["types_in_every_plan"] for r in teachers.values()} == {"教育"}
    for family in {r["family"] for r in rows}:
        types = {r["lead_types"] for r in rows if r["family"] == family}
        assert len(types) > 1


def test_analyze_has_a_tasks_section(graph):
    assert list(analyze(graph, "tasks")) == ["task_coverage", "different_leads"]
