"""The view models and their HTML: counts equal the hand-checked facts of the sample plans,
every plan text is escaped, nothing is fetched from the network."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest
from plankg.graph.rdf.build import build_triples
from plankg.graph.rdf.corpus import load_corpus
from plankg.graph.rdf.networkx_graph import to_networkx
from plankg.graph.views import (
    ViewError,
    agency_view,
    build_view,
    plan_view,
    render_html,
    types_view,
)
from plankg.ontology.taxonomy import agency_types, type_code
from plankg.ontology.vocabulary import PKAT

EXPECTED = Path(__file__).parents[2] / "loaders" / "expected"
XSS_PLAN = Path(__file__).parent / "data" / "xss_plan.txt"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
AGENCY = "https://w3id.org/plankg/id/agency/"


def expected_plans() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXPECTED.glob("*.json"))]


def measure_roles(plan: dict) -> list[set[tuple[str, str]]]:
    """Per measure of a hand-checked plan, its (agency, role) pairs."""
    found = []
    for action in plan["actions"]:
        stated = action.get("assignments") or [action] * len(action["measures"])
        for assignment in stated:
            pairs = {(a, "lead") for a in assignment.get("lead", [])}
            found.append(pairs | {(a, "partner") for a in assignment.get("partner", [])})
    return found


@pytest.fixture(scope="module")
def graph():
    return to_networkx(load_corpus().triples())


@pytest.fixture(scope="module")
def xss_graph():
    corpus = load_corpus([XSS_PLAN])
    assert not corpus.problems
    return to_networkx(corpus.triples())


@pytest.mark.parametrize("plan", expected_plans())
def test_plan_view_holds_the_plan_its_measures_and_their_agencies(graph, plan):
    view = plan_view(graph, plan["region"])
    roles = measure_roles(plan)
    agencies = {a for pairs in roles for a, _ in pairs}
    kinds = Counter(n.kind for n in view.nodes)
    assert kinds == {
        "plan": 1,
        "action": len(plan["actions"]),
        "measure": len(roles),
        "agency": len(agencies),
    }
    assert {n.label for n in view.nodes if n.kind == "agency"} == agencies
    edges = Counter(e.kind for e in view.edges)
    assert edges["hasAction"] == len(plan["actions"])
    assert edges["hasMeasure"] == len(roles)
    assert edges["lead"] == sum(1 for pairs in roles for _, r in pairs if r == "lead")
    assert edges["partner"] == sum(1 for pairs in roles for _, r in pairs if r == "partner")
    assert view.counts() == (len(view.nodes), sum(edges.values()))


def test_plan_view_of_quanzhou_counts(graph):
    view = plan_view(graph, "泉州市")
    assert view.counts() == (1 + 10 + 32 + 35, 10 + 32 + 727)
    assert view.title == "泉州市全民科学素质行动规划纲要实施方案（2021—2025年）"


def test_plan_view_defaults_to_the_first_plan_and_accepts_a_key(graph):
    assert plan_view(graph).nodes[0].id.endswith("/plan/140900/2021-2025")
    assert plan_view(graph, "410184/2021-2025-draft").nodes[0].label_zh.startswith("新郑市")


def test_plan_view_lays_the_tree_out_in_columns_in_plan_order(graph):
    view = plan_view(graph, "泉州市")
    columns = {kind: {n.x for n in view.nodes if n.kind == kind} for kind in ("plan", "action")}
    assert len(columns["plan"]) == len(columns["action"]) == 1
    measures = [n for n in view.nodes if n.kind == "measure"]
    assert [m.y for m in measures] == sorted(m.y for m in measures)
    assert measures[0].label_zh == "提升行动1.1 实施科学家精神进校园行动"


@pytest.mark.parametrize(
    ("region", "agency", "measure", "clause"),
    [
        (
            "泉州市",
            "市教育局",
            "/youth/m1",
            "责任单位：市教育局、市科协牵头，市委宣传部、文明办，市科技局、工信局、人社局、生态环境局、文旅局、卫健委、林业局，团市委、妇联、社科联、气象局、地震局等单位配合。",
        ),
        (
            "忻州市",
            "市教育局",
            "/youth/m1",
            "市教育局牵头，市委宣传部、市科协、团市委、市妇联等单位配合",
        ),
    ],
    ids=["quanzhou", "xinzhou"],
)
def test_lead_edges_carry_the_source_clause(graph, region, agency, measure, clause):
    view = plan_view(graph, region)
    (edge,) = [
        e
        for e in view.edges
        if e.kind == "lead"
        and e.target.startswith(AGENCY)
        and e.target.endswith(f"/{agency}")
        and e.source.endswith(measure)
    ]
    assert edge.text is not None and edge.text.endswith(clause)


def test_measures_carry_their_source_text(graph):
    view = plan_view(graph, "泉州市")
    measure = next(n for n in view.nodes if n.kind == "measure")
    assert measure.text is not None and measure.text.startswith("1.实施科学家精神进校园行动。")
    assert measure.label_en == "Measure 1.1 (Enhancement action 1)"


def test_agency_view_links_agencies_that_share_measures(graph):
    view = agency_view(graph)
    expected_nodes, expected_edges = set(), Counter()
    for plan in expected_plans():
        for pairs in measure_roles(plan):
            agencies = sorted({a for a, _ in pairs})
            expected_nodes |= {(plan["region"], a) for a in agencies}
            expected_edges.update((plan["region"], a, b) for a, b in combinations(agencies, 2))
    assert len(view.nodes) == len(expected_nodes) == 131
    assert len(view.edges) == len(expected_edges)
    assert sum(e.weight for e in view.edges) == sum(expected_edges.values())
    weights = {(e.source, e.target): e.weight for e in view.edges}
    pair = (f"{AGENCY}350500/市教育局", f"{AGENCY}350500/市科协")
    assert weights[pair] == expected_edges[("泉州市", "市教育局", "市科协")]


def test_agency_view_sizes_by_measures_led(graph):
    view = agency_view(graph, ["泉州市"])
    led = Counter()
    plan = next(p for p in expected_plans() if p["region"] == "泉州市")
    for pairs in measure_roles(plan):
        led.update(a for a, r in pairs if r == "lead")
    sizes = {n.label: n.size for n in view.nodes}
    biggest = max(sizes, key=lambda a: sizes[a])
    assert led[biggest] == max(led.values())
    assert sizes["团市委"] < sizes["市科协"]
    assert len(view.nodes) == 35


def test_agency_view_colours_by_first_type_and_lists_each_colour(graph):
    view = agency_view(graph)
    legend = {entry.label: entry.color for entry in view.legend if entry.mark == "dot"}
    science = next(n for n in view.nodes if n.id == f"{AGENCY}350500/市科协")
    assert legend["科协 Science and technology association"] == science.color
    assert {n.color for n in view.nodes} <= set(legend.values())


def test_types_view_weights_measures_led_by_type_and_region(graph):
    view = types_view(graph)
    expected: dict[tuple[str, str, str], set[int]] = {}
    for plan in expected_plans():
        for index, pairs in enumerate(measure_roles(plan)):
            for agency, role in pairs:
                for agency_type in agency_types(agency):
                    key = (type_code(agency_type), plan["region"], role)
                    expected.setdefault(key, set()).add(index)
    regions = {n.id: n.label for n in view.nodes if n.kind == "region"}
    found = {
        (e.source.removeprefix(str(PKAT)), regions[e.target], e.kind): e.weight for e in view.edges
    }
    assert found == {key: len(measures) for key, measures in expected.items()}
    assert len(regions) == 5
    assert found[("science_association", "泉州市", "lead")] == 19


def test_several_plans_matching_one_region_must_be_named_by_key():
    corpus = load_corpus()
    quanzhou = corpus.plans[4]
    triples = build_triples([quanzhou, quanzhou], ["350500/2021-2025", "350500/2016-2020"])
    with pytest.raises(ViewError, match="several plans match '泉州市'"):
        plan_view(triples, "泉州市")
    assert plan_view(triples, "350500/2016-2020").nodes[0].id.endswith("2016-2020")


@pytest.mark.parametrize(
    ("name", "plans", "message"),
    [
        ("plan", ["北京市"], "no plan matches '北京市'"),
        ("plan", ["泉州市", "周口市"], "the plan view shows one plan"),
        ("map", None, "no view 'map'"),
    ],
    ids=["unknown-plan", "two-plans", "unknown-view"],
)
def test_views_refuse_what_they_cannot_draw(graph, name, plans, message):
    with pytest.raises(ViewError, match=message):
        build_view(graph, name, plans)


def test_the_crafted_plan_puts_script_and_img_tags_into_the_graph(xss_graph):
    labels = {data.get("label") for _, data in xss_graph.nodes(data=True)}
    assert f"市{SCRIPT}局" in labels
    assert f"市{IMG}局" in labels
    assert f"开展{SCRIPT}科普活动" in labels


@pytest.mark.parametrize("name", ["plan", "agencies", "types"])
def test_plan_text_reaches_the_page_escaped(xss_graph, name):
    page = render_html(build_view(xss_graph, name))
    assert SCRIPT not in page and "<img" not in page and "onerror=alert(1)>" not in page
    assert page.count("</script>") == 3
    block = re.search(
        r'<script type="application/json" id="plankg-data">(.*?)</script>', page, re.S
    )
    assert block is not None and "\\u003cscript\\u003e" in block.group(1)
    assert SCRIPT in json.dumps(json.loads(block.group(1)), ensure_ascii=False)


@pytest.mark.parametrize("name", ["plan", "agencies", "types"])
def test_pages_load_nothing_from_the_network(graph, name):
    page = render_html(build_view(graph, name))
    assert not re.search(r"<(link|iframe|img)\b", page, re.I)
    assert not re.search(r"""\b(src|href)\s*=\s*["']?(https?:)?//""", page, re.I)
    assert "sourceMappingURL" not in page
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy is not None
    assert "default-src 'none'" in html.unescape(policy.group(1))
    assert "connect-src 'none'" in html.unescape(policy.group(1))


def test_viz_command_writes_the_page(run, tmp_path):
    out = tmp_path / "views" / "plan.html"
    result = run("viz", "--view", "plan", "--plan", "泉州市", "-o", out)
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"wrote {out} (78 nodes, 769 edges)"
    assert "vis.Network" in out.read_text(encoding="utf-8")


def test_viz_command_rejects_an_unknown_plan_in_one_line(run, tmp_path):
    result = run("viz", "--plan", "北京市", "-o", tmp_path / "a.html")
    assert result.exit_code == 2
    assert "no plan matches '北京市'" in result.output
    assert "Traceback" not in result.output


def test_agency_numbers_are_the_analysis_lead_load(graph):
    from plankg.graph.analysis import lead_load

    table = lead_load(graph)
    columns = [
        table.columns.index(c)
        for c in ("region", "agency", "measures_led", "measures_partnered", "actions_led")
    ]
    expected = {
        (row[columns[0]], row[columns[1]]): (row[columns[2]], row[columns[3]], row[columns[4]])
        for row in table.rows
    }
    found = {
        (region, node.label): numbers
        for node in agency_view(graph).nodes
        for region, numbers in node.counts.items()
        if numbers[0]
    }
    assert found == expected
    assert found[("周口市", "市科协")] == (21, 9, 7)


def test_agency_labels_leave_the_region_to_the_island(graph):
    view = agency_view(graph)
    assert all(n.label_zh == f"{n.label}（{n.facets['region'][0]}）" for n in view.nodes)
    assert view.scope == "忻州市、泉州市、新郑市、周口市、岳阳市南湖新区"
    assert view.declutter and view.controls == ("min_shared", "co_lead")


def test_an_agency_edge_names_the_measures_it_stands_for(graph):
    view = agency_view(graph, ["泉州市"])
    for edge in view.edges:
        shared, both_lead, both_partner = edge.weights
        assert len(edge.measures) == shared == edge.weight
        assert both_lead == sum(1 for _, a, b in edge.measures if a and b)
        assert both_partner == sum(1 for _, a, b in edge.measures if not a and not b)
    pair = next(
        e for e in view.edges if e.source.endswith("/市教育局") and e.target.endswith("/市科协")
    )
    assert pair.measures[0] == ("提升行动1.1 实施科学家精神进校园行动", True, True)


def test_types_view_counts_per_region(graph):
    view = types_view(graph)
    science = next(n for n in view.nodes if n.id.endswith("/science_association"))
    assert science.counts["周口市"][:2] == (21, 9)
    assert sum(numbers[0] for numbers in science.counts.values()) == 102


@pytest.mark.parametrize("name", ["plan", "agencies", "types"])
def test_a_plan_with_no_partner_is_drawn_with_both_roles_in_the_legend(tmp_path, name):
    """The legend's role labels come from the ontology, not from the graph drawn (a plan whose
    agencies all lead has no partner role in its graph)."""
    plan = tmp_path / "leads_only.txt"
    text = XSS_PLAN.read_text(encoding="utf-8").replace("<script>alert(1)</script>", "科技")
    plan.write_text(re.sub(r"，参与单位：[^\n]*", "。", text), encoding="utf-8")
    corpus = load_corpus([plan])
    assert corpus.plans and "参与" not in plan.read_text(encoding="utf-8")
    page = render_html(build_view(to_networkx(corpus.triples()), name))
    assert "牵头 lead" in page
    if name == "plan":
        assert "参与 partner" in page
