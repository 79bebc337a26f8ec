"""The tasks view: the same task of different cities side by side, a row per task family under
its canonical action, a column per region."""

from __future__ import annotations

import pytest
from plankg.graph.rdf.networkx_graph import to_networkx
from plankg.graph.views import ViewError, build_view, tasks_view


@pytest.fixture(scope="module")
def graph(triples):
    return to_networkx(triples)


def test_every_member_measure_stands_in_its_regions_column_and_its_familys_row(graph):
    view = tasks_view(graph)
    kinds = [n.kind for n in view.nodes]
    assert (kinds.count("region"), kinds.count("action"), kinds.count("measure")) == (5, 69, 167)
    assert kinds.count("plan") == 11  # the canonical actions of the samples
    columns = {n.id: n.x for n in view.nodes if n.kind == "region"}
    rows = {n.id: n.y for n in view.nodes if n.kind == "action"}
    family_of = {e.target: e.source for e in view.edges if e.kind == "hasMeasure"}
    for node in view.nodes:
        if node.kind == "measure":
            assert node.y == rows[family_of[node.id]]
            plan = node.id.split("/2021-youth/")[0] if "/2021-youth/" in node.id else None
            if plan:
                assert node.x == columns[plan]
    teachers = next(n for n in view.nodes if n.label_zh == "实施教师科学素质提升工程")
    assert len([t for t, s in family_of.items() if s == teachers.id]) == 5


def test_the_tasks_view_of_two_cities_and_of_none(graph):
    view = build_view(graph, "tasks", ["周口市", "泉州市"])
    assert {n.label for n in view.nodes if n.kind == "region"} == {"周口市", "泉州市"}
    assert {n.facets["region"][0] for n in view.nodes if n.kind == "measure"} <= {
        "周口市",
        "泉州市",
    }
    with pytest.raises(ViewError, match="no plan matches"):
        build_view(graph, "tasks", ["没有这个市"])


def test_the_canonical_action_filter_keeps_its_families_and_the_regions(graph):
    view = tasks_view(graph)
    youth = [n for n in view.nodes if n.facets.get("action") == ("青少年科学素质提升行动",)]
    kinds = [n.kind for n in youth]
    assert (kinds.count("plan"), kinds.count("action")) == (1, 9)
    assert all("action" not in n.facets for n in view.nodes if n.kind == "region")
