"""The named SPARQL queries on the embedded store, against facts read off the sample plans."""

from __future__ import annotations

from decimal import Decimal

import pytest
from plankg.graph.rdf.corpus import load_corpus
from plankg.queries import QueryError, query_names, query_parameters, run_sparql

TEACHERS = "实施教师科学素质提升工程"
"""The task family of training science teachers, named by its most central member."""


@pytest.fixture(scope="module")
def graph():
    return load_corpus().graph()


def test_the_named_queries_are_all_there():
    assert set(query_names()) >= {
        "top-lead",
        "top-lead-types",
        "agency",
        "co-lead",
        "targets",
        "plans",
        "citations",
        "task-families",
        "task-coverage",
        "family-leads",
    }


@pytest.mark.parametrize("name", query_names())
def test_every_named_query_runs_with_its_required_parameters(graph, name):
    values = {"family": TEACHERS}
    params = {p: values.get(p, "市科协") for p, req in query_parameters(name).items() if req}
    assert run_sparql(graph, name, params).rows


def test_top_lead_in_one_city(graph):
    rows = run_sparql(graph, "top-lead", {"region": "泉州市"}).records()
    first = rows[0]
    assert (first["agency"], first["measures_led"], first["actions_led"]) == ("市科协", 19, 6)
    assert {"agency": "市总工会", "measures_led": 4, "actions_led": 1}.items() <= next(
        r for r in rows if r["agency"] == "市总工会"
    ).items()


def test_top_lead_across_cities_by_type(graph):
    rows = run_sparql(graph, "top-lead-types").records()
    association = rows[0]
    assert (association["type"], association["regions"], association["agencies"]) == ("科协", 5, 5)


def test_co_lead_with_the_science_association(graph):
    rows = run_sparql(graph, "co-lead", {"region": "新郑市", "agency": "市科协"}).records()
    assert (rows[0]["agency_a"], rows[0]["agency_b"], rows[0]["measures"]) == (
        "市科协",
        "市科工信局",
        22,
    )


def test_one_agency_tasks_say_where_they_were_stated(graph):
    rows = run_sparql(graph, "agency", {"agency": "市科协", "region": "忻州市"}).records()
    led = [r for r in rows if r["role"] == "lead"]
    assert len(led) == 16
    assert {r["stated_at"] for r in rows} == {"measure"}


def test_targets_due_in_2025(graph):
    rows = run_sparql(graph, "targets", {"region": "周口市", "year": "2025"}).records()
    bases = [r for r in rows if r["unit"] == "个" and r["value"] == Decimal("80")]
    assert len(bases) == 1 and bases[0]["measure_title"] == "加强科普教育阵地建设"
    assert all(r["year"] == 2025 for r in rows)


def test_plans_and_citations(graph):
    plans = run_sparql(graph, "plans").records()
    assert [p["region"] for p in plans] == [
        "周口市",
        "岳阳市南湖新区",
        "忻州市",
        "新郑市",
        "泉州市",
    ]
    cited = {
        r["cited_doc_number"]
        for r in run_sparql(graph, "citations", {"region": "新郑市"}).records()
    }
    assert {"国发〔2021〕9号", "豫政办〔2021〕73号", "郑政办〔2022〕5号"} <= cited


def test_unknown_queries_and_parameters_are_refused(graph):
    with pytest.raises(QueryError, match="no sparql query named"):
        run_sparql(graph, "nope")
    with pytest.raises(QueryError, match="needs parameter agency"):
        run_sparql(graph, "agency")
    with pytest.raises(QueryError, match="has no parameter"):
        run_sparql(graph, "top-lead", {"city": "泉州市"})


@pytest.mark.parametrize("name", query_names())
def test_every_query_file_declares_its_parameters(name):
    from plankg.queries import load_query

    assert "Parameters:" in load_query(name)


def test_task_families_who_leads_training_science_teachers_in_each_city(graph):
    rows = run_sparql(graph, "task-families", {"family": TEACHERS}).records()
    assert {r["region"] for r in rows} == {"周口市", "新郑市", "忻州市", "岳阳市南湖新区", "泉州市"}
    assert {r["family_title"] for r in rows} == {TEACHERS}
    assert {r["canonical_action"] for r in rows} == {"2021-youth"}
    zhoukou = {r["measure_title"] for r in rows if r["region"] == "周口市"}
    assert zhoukou == {"加强中小学教师科学素质建设"}
    quanzhou = {r["lead"] for r in rows if r["region"] == "泉州市"}
    assert quanzhou == {"市教育局", "市科协"}
    assert all(Decimal(0) < r["similarity"] <= 1 for r in rows)


def test_task_coverage_says_which_cities_leave_a_task_out(graph):
    rows = run_sparql(graph, "task-coverage", {"action": "2021-youth"}).records()
    teachers = [r for r in rows if r["family_title"] == TEACHERS]
    assert len(teachers) == 5 and all(r["present"] for r in teachers)
    rural = [r for r in rows if r["family_title"] == "实施农村青少年科学素质提升行动"]
    assert {r["region"] for r in rural if r["present"]} == {"岳阳市南湖新区"}
    assert {r["region"] for r in rural if not r["present"]} == {
        "周口市",
        "新郑市",
        "忻州市",
        "泉州市",
    }
    assert all(r["measure_no"] is None for r in rural if not r["present"])


def test_family_leads_gives_the_lead_types_of_one_task_per_region(graph):
    rows = run_sparql(graph, "family-leads", {"family": TEACHERS}).records()
    types = {}
    for r in rows:
        types.setdefault(r["region"], set()).add(r["lead_type"])
    assert types["忻州市"] == {"教育"} and types["泉州市"] == {"教育", "科协"}
    assert run_sparql(graph, "family-leads", {"family": "没有这个任务"}).rows == ()
