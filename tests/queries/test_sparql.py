"""The named SPARQL queries on the embedded store, against facts read off the sample plans."""

from __future__ import annotations

from decimal import Decimal

import pytest
from plankg.graph.rdf.corpus import load_corpus
from plankg.queries import QueryError, query_names, query_parameters, run_sparql


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
    }


@pytest.mark.parametrize("name", query_names())
def test_every_named_query_runs_with_its_required_parameters(graph, name):
    params = {p: "市科协" for p, required in query_parameters(name).items() if required}
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
