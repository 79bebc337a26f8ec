"""The cross-city analysis against figures worked out by hand from the sample plans and from a
small crafted plan (tests/graph/analysis/data/bridge_plan.txt).

How 泉州 (samples/004_c0321c47fe632fb7.txt) was counted: every action ends with one
``责任单位：…牵头，…等单位配合。`` line that stands for each of its measures.

    action                      measures  leads (牵头)
    提升行动1 青少年             4         市教育局、市科协
    提升行动2 农民               3         市农业农村局
    提升行动3 产业工人           4         市总工会
    提升行动4 老年人             3         市卫健委
    提升行动5 领导干部和公务员   3         市委组织部
    重点工程1 科技资源科普化     3         市科技局、市科协
    重点工程2 科普信息化         3         市委宣传部、市科协
    重点工程3 科普基础设施       3         市科协
    重点工程4 基层科普能力       3         市科协
    重点工程5 科学素质交流合作   3         市科协

32 measures. 市科协 leads 4+3+3+3+3+3 = 19 measures in 6 actions; 市教育局 and 市总工会 4 in 1;
市农业农村局, 市卫健委, 市委组织部, 市科技局, 市委宣传部 3 in 1 each. Lead assignments
(agency, measure): 19 + 4 + 4 + 5 × 3 = 42.

How 周口 (samples/000_556bb725c444dc6f.txt) was counted: three measures per action, one
``（牵头单位：…，责任单位：…）`` clause per action. 市科协 leads in 提升行动1, 2, 5 and 重点工程2–5
(7 actions, 21 measures); 市科技局 in 提升行动1, 2 and 重点工程1–5 (7, 21); 市委宣传部 in 提升行动2 and
重点工程2–4 (4, 12); 市教育体育局 in 提升行动1, 4 and 重点工程1 (3, 9).
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import networkx as nx
import pytest
from plankg.graph.analysis import (
    SECTIONS,
    TABLES,
    AnalysisError,
    AnalysisFacts,
    agency_networks,
    analyze,
    co_lead_network,
    co_lead_pairs,
    collaboration_network,
    concentration,
    gini,
    headline_targets,
    hhi,
    lead_load,
    partner_only,
    render_analysis,
    target_comparison,
    type_load,
    type_matrix,
    type_presence,
)
from plankg.graph.analysis.target_kinds import kind_of, kind_of_text, target_kinds
from plankg.graph.rdf.corpus import load_corpus
from plankg.graph.rdf.networkx_graph import to_networkx
from plankg.queries import query_names, run_sparql
from plankg.tables import Table

BRIDGE_PLAN = Path(__file__).with_name("data") / "bridge_plan.txt"
QUANZHOU = "泉州市"
QUANZHOU_KEY = "350500/2021-2025"


@pytest.fixture(scope="module")
def facts(corpus) -> AnalysisFacts:
    return AnalysisFacts(to_networkx(corpus.triples()))


@pytest.fixture(scope="module")
def bridge() -> AnalysisFacts:
    corpus = load_corpus([BRIDGE_PLAN])
    assert len(corpus.plans) == 1
    return AnalysisFacts(corpus.triples())


def rows_of(table: Table, **match) -> list[dict]:
    return [r for r in table.records() if all(r[k] == v for k, v in match.items())]


def one(table: Table, **match) -> dict:
    found = rows_of(table, **match)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("region", "agency", "measures", "actions"),
    [
        (QUANZHOU, "市科协", 19, 6),
        (QUANZHOU, "市教育局", 4, 1),
        (QUANZHOU, "市总工会", 4, 1),
        (QUANZHOU, "市科技局", 3, 1),
        ("周口市", "市科协", 21, 7),
        ("周口市", "市科技局", 21, 7),
        ("周口市", "市委宣传部", 12, 4),
        ("周口市", "市教育体育局", 9, 3),
    ],
)
def test_measures_and_actions_led_counted_by_hand(facts, region, agency, measures, actions):
    row = one(lead_load(facts), region=region, agency=agency)
    assert (row["measures_led"], row["actions_led"]) == (measures, actions)


def test_shares_of_the_science_association_in_quanzhou(facts):
    row = one(lead_load(facts), region=QUANZHOU, agency="市科协")
    assert row["measure_share"] == round(19 / 32, 4)
    assert row["lead_share"] == round(19 / 42, 4)


def test_quanzhou_has_eight_lead_agencies(facts):
    assert len(rows_of(lead_load(facts), region=QUANZHOU)) == 8


def test_lead_load_agrees_with_the_named_query_top_lead(facts, corpus):
    named = run_sparql(corpus.graph(), "top-lead").records()
    expected = {(r["region"], r["agency"], r["measures_led"], r["actions_led"]) for r in named}
    ours = {
        (r["region"], r["agency"], r["measures_led"], r["actions_led"])
        for r in lead_load(facts).records()
    }
    assert ours == expected


def test_type_load_agrees_with_the_named_query_top_lead_types(facts, corpus):
    named = run_sparql(corpus.graph(), "top-lead-types").records()
    expected = {(r["type"], r["measures_led"], r["agencies"]) for r in named}
    ours = {(r["type"], r["measures_led"], r["agencies"]) for r in type_load(facts).records()}
    assert ours == expected


def test_type_load_across_plans(facts):
    row = one(type_load(facts), type="科协")
    assert (row["plans"], row["agencies"], row["measures_led"]) == (5, 5, 21 + 21 + 16 + 25 + 19)
    assert type_load(facts).rows[0][0] == "科协"


@pytest.mark.parametrize(
    ("counts", "expected_hhi", "expected_gini"),
    [
        ([5, 5, 5, 5], 0.25, 0.0),
        ([10], 1.0, 0.0),
        # shares 3/4, 1/4: 9/16 + 1/16; |3-1| twice over 2·2²·2
        ([3, 1], 0.625, 0.25),
        ([], 0.0, 0.0),
    ],
)
def test_hhi_and_gini_of_small_counts(counts, expected_hhi, expected_gini):
    assert hhi(counts) == pytest.approx(expected_hhi)
    assert gini(counts) == pytest.approx(expected_gini)


def test_concentration_in_quanzhou_worked_by_hand(facts):
    """Lead counts 19, 4, 4, 3, 3, 3, 3, 3 (n = 8, total 42).

    HHI = (19² + 4² + 4² + 5·3²) / 42² = (361 + 16 + 16 + 45) / 1764 = 438 / 1764 = 0.24830.
    Gini: |19−4|·2 + |19−3|·5 + |4−3|·2·5 = 30 + 80 + 10 = 120 over unordered pairs, 240 over
    ordered ones; G = 240 / (2 · 8² · 42/8) = 240 / 672 = 0.35714.
    """
    row = one(concentration(facts), region=QUANZHOU)
    assert (row["measures"], row["lead_assignments"], row["lead_agencies"]) == (32, 42, 8)
    assert row["top_agency"] == "市科协"
    assert row["top_share"] == round(19 / 42, 4)
    assert row["hhi"] == round(438 / 1764, 4) == 0.2483
    assert row["effective_leads"] == round(1764 / 438, 2)
    assert row["gini"] == round(240 / 672, 4) == 0.3571


def test_a_tie_for_top_names_both_agencies(facts):
    assert one(concentration(facts), region="周口市")["top_agency"] == "市科协、市科技局"


def test_networks_are_built_from_the_converted_graph(corpus):
    graph = to_networkx(corpus.triples())
    colead = co_lead_network(graph, QUANZHOU)
    assert isinstance(colead, nx.Graph) and not colead.is_directed()
    science = "https://w3id.org/plankg/id/agency/350500/市科协"
    assert colead.nodes[science] == {"label": "市科协", "region": QUANZHOU, "types": "科协"}
    assert collaboration_network(graph, QUANZHOU).is_directed()


def test_quanzhou_co_lead_network_is_a_star_around_the_science_association(facts):
    """Co-leads: 市教育局 (4 measures), 市科技局 (3), 市委宣传部 (3), each with 市科协; the other
    four leads lead alone. Betweenness of 市科协: the 3 pairs of its neighbours all pass
    through it; normalised by (8−1)(8−2)/2 = 21 pairs: 3/21 = 0.1429."""
    graph = co_lead_network(facts, QUANZHOU)
    weights = {
        tuple(sorted((facts.label(a), facts.label(b)))): w for a, b, w in graph.edges(data="weight")
    }
    assert weights == {
        ("市教育局", "市科协"): 4,
        ("市科协", "市科技局"): 3,
        ("市委宣传部", "市科协"): 3,
    }
    row = one(agency_networks(facts), region=QUANZHOU, agency="市科协")
    assert (row["colead_degree"], row["colead_weight"]) == (3, 10)
    assert row["colead_betweenness"] == round(3 / 21, 4)


def test_co_lead_pairs_agree_with_the_named_query_co_lead(facts, corpus):
    named = run_sparql(corpus.graph(), "co-lead").records()
    expected = {(r["region"], r["agency_a"], r["agency_b"], r["measures"]) for r in named}
    ours = {
        (r["region"], r["agency_a"], r["agency_b"], r["measures"])
        for r in co_lead_pairs(facts).records()
    }
    assert ours == expected


def test_centralities_on_the_crafted_plan_worked_by_hand(bridge):
    """bridge_plan.txt: 提升行动1 (2 measures) led by 市教育局、市科协 with 市妇联; 提升行动2
    (1 measure) led by 市科协、市农业农村局 with 市妇联、市教育局; 提升行动3 (1 measure) led by
    市农业农村局、市总工会 with 市科技局.

    Co-lead network: a path 教育局 —2— 科协 —1— 农业农村局 —1— 总工会. Of the 3 pairs not
    involving it, 科协 lies on 教育局–农业农村局 and 教育局–总工会: 2/3; 农业农村局 on
    教育局–总工会 and 科协–总工会: 2/3; the ends 0.

    Collaboration network (lead → partner): 教育局→妇联 2, 科协→妇联 2+1, 科协→教育局 1,
    农业农村局→妇联 1, 农业农村局→教育局 1, 农业农村局→科技局 1, 总工会→科技局 1. Undirected,
    6 nodes, 15 pairs, normalised by 5·4/2 = 10. Shortest paths through 农业农村局: 教育局–科技局,
    教育局–总工会, 科协–科技局, 科协–总工会, 妇联–科技局, 妇联–总工会 = 6 → 0.6; through 科技局: the
    paths from 教育局, 科协, 妇联 and 农业农村局 to 总工会 = 4 → 0.4; 教育局 and
    妇联 each carry half of the two shortest paths from 科协 to 农业农村局, 科技局 and 总工会 (3 × ½
    = 1.5) → 0.15; 科协 and 总工会 0.
    """
    table = agency_networks(bridge)
    expected = {
        "市科协": (2, 3, 0.6667, 2, 0, 4, 0.0),
        "市农业农村局": (2, 2, 0.6667, 3, 0, 3, 0.6),
        "市教育局": (1, 2, 0.0, 1, 2, 4, 0.15),
        "市总工会": (1, 1, 0.0, 1, 0, 1, 0.0),
        "市妇联": (None, None, None, 0, 3, 6, 0.15),
        "市科技局": (None, None, None, 0, 2, 2, 0.4),
    }
    found = {r["agency"]: tuple(r.values())[4:] for r in table.records()}
    assert found == expected
    assert table.rows[0][2] == "市农业农村局"


def test_the_crafted_plan_collaboration_edges(bridge):
    graph = collaboration_network(bridge)
    edges = {(bridge.label(a), bridge.label(b)): w for a, b, w in graph.edges(data="weight")}
    assert edges == {
        ("市教育局", "市妇联"): 2,
        ("市科协", "市妇联"): 3,
        ("市科协", "市教育局"): 1,
        ("市农业农村局", "市妇联"): 1,
        ("市农业农村局", "市教育局"): 1,
        ("市农业农村局", "市科技局"): 1,
        ("市总工会", "市科技局"): 1,
    }


def test_agencies_that_only_take_part_in_the_crafted_plan(bridge):
    found = {
        r["agency"]: (r["measures_partnered"], r["actions_partnered"])
        for r in partner_only(bridge).records()
    }
    assert found == {"市妇联": (3, 2), "市科技局": (1, 1)}


@pytest.mark.parametrize(
    ("agency", "measures", "actions"),
    [
        # 市外办 appears once, in 重点工程5's 配合 list (3 measures)
        ("市外办", 3, 1),
        # 市财政局 in 提升行动2–5 and 重点工程1–4: 3+4+3+3 + 3·4
        ("市财政局", 25, 8),
        # 市委党校 (written 党校 after 市委宣传部) in 提升行动5 only
        ("市委党校", 3, 1),
    ],
)
def test_agencies_that_only_take_part_in_quanzhou(facts, agency, measures, actions):
    row = one(partner_only(facts), region=QUANZHOU, agency=agency)
    assert (row["measures_partnered"], row["actions_partnered"]) == (measures, actions)


def test_no_agency_both_leads_and_is_listed_as_partner_only(facts):
    leads = {(r["plan"], r["agency"]) for r in lead_load(facts).records()}
    only = {(r["plan"], r["agency"]) for r in partner_only(facts).records()}
    assert leads and only and not leads & only
    assert (QUANZHOU_KEY, "市教育局") in leads


@pytest.mark.parametrize(
    ("agency_type", "region", "measures"),
    [
        ("科协", QUANZHOU, 19),
        ("教育", QUANZHOU, 4),
        ("科技", "周口市", 21),
        # 市教育体育局 is typed education and sports: its 9 measures count for both
        ("体育", "周口市", 9),
        ("教育", "周口市", 9),
        # 南湖新区 names no science-and-technology bureau at all
        ("科技", "岳阳市南湖新区", 0),
    ],
)
def test_region_by_type_matrix_cells(facts, agency_type, region, measures):
    assert one(type_matrix(facts), type=agency_type)[region] == measures


def test_matrix_columns_are_the_regions(facts):
    assert type_matrix(facts).columns == (
        "type",
        "type_en",
        "周口市",
        "岳阳市南湖新区",
        "忻州市",
        "新郑市",
        QUANZHOU,
        "total",
    )


def test_agency_types_in_every_plan_and_only_some(facts):
    table = type_presence(facts)
    science = one(table, type="科协")
    assert (science["plans_named"], science["in_every_plan"], science["absent_from"]) == (
        5,
        True,
        "",
    )
    technology = one(table, type="科技")
    assert (technology["in_every_plan"], technology["absent_from"]) == (False, "岳阳市南湖新区")
    assert one(table, type="文明办")["plans_named"] == 1


def test_headline_targets_with_baseline(facts):
    table = headline_targets(facts)
    xinzhou = one(table, region="忻州市")
    assert (
        xinzhou["headline"],
        xinzhou["baseline"],
        xinzhou["baseline_year"],
        xinzhou["gain"],
    ) == (
        14.5,
        7.9,
        "2020",
        6.6,
    )
    assert {r["region"]: r["headline"] for r in table.records()} == {
        "周口市": 14.4,
        "岳阳市南湖新区": 15,
        "忻州市": 14.5,
        "新郑市": 17.8,
        QUANZHOU: 16,
    }
    assert one(table, region=QUANZHOU)["comparator"] == ">"


def test_targets_of_the_same_kind_compare_in_one_unit(facts):
    table = target_comparison(facts)
    volunteers = rows_of(table, kind="科技志愿者")
    assert {(r["region"], r["value"], r["unit"], r["as_written"]) for r in volunteers} == {
        ("周口市", 10000, "人", "1万人"),
        ("新郑市", 1000, "人", "1000人"),
    }
    assert {r["regions_compared"] for r in volunteers} == {2}
    continuing = rows_of(table, kind="专业技术人员继续教育", basis="per year", unit="人次")
    assert {(r["region"], r["value"]) for r in continuing} == {
        ("周口市", 80000),
        ("新郑市", 10000),
        (QUANZHOU, 10000),
    }


def test_two_targets_in_one_sentence_get_their_own_kinds(facts):
    """每年完成各类职业培训23万人次、高技能人才培训0.5万人次: 23万 is vocational training,
    0.5万 high-skill talent."""
    table = target_comparison(facts)
    zhoukou = {r["as_written"]: r["kind"] for r in rows_of(table, region="周口市")}
    assert zhoukou["23万人次"] == "职业技能培训"
    assert zhoukou["0.5万人次"] == "高技能人才"


def test_per_year_and_cumulative_targets_are_not_compared(facts):
    teachers = rows_of(target_comparison(facts), kind="科学教师培训")
    assert {(r["region"], r["basis"], r["regions_compared"]) for r in teachers} == {
        (QUANZHOU, "per year", 1),
        ("周口市", "cumulative", 2),
        ("新郑市", "cumulative", 2),
    }


@pytest.mark.parametrize("kind", target_kinds(), ids=lambda k: k.id)
def test_every_target_kind_gets_its_examples_and_not_its_counter_examples(kind):
    assert kind.examples
    for example in kind.examples:
        assert kind_of_text(example) == kind, example
    for counter in kind.counter_examples:
        assert kind_of_text(counter) != kind, counter


def test_kind_is_read_off_the_clause_holding_the_number():
    text = "每年完成各类职业培训4万人次、高技能人才培训3000人次"
    assert kind_of(text, "4万人次").id == "vocational_training"
    assert kind_of(text, "3000人次").id == "high_skill_talent"


def test_analyze_gives_the_tables_of_a_section(facts):
    assert list(analyze(facts, "targets")) == ["headline_targets", "target_comparison"]
    assert list(analyze(facts)) == [spec.name for spec in TABLES]
    assert {spec.section for spec in TABLES} == set(SECTIONS)


def test_analyze_refuses_an_unknown_section(facts):
    with pytest.raises(AnalysisError, match="no section 'people'"):
        analyze(facts, "people")


def test_analyze_refuses_an_empty_graph():
    with pytest.raises(AnalysisError, match="no plan"):
        analyze(nx.MultiDiGraph())


def test_a_plan_is_picked_by_region_or_key(facts):
    assert facts.select(QUANZHOU) == facts.select(QUANZHOU_KEY)
    with pytest.raises(AnalysisError, match="no plan matches '上海市'"):
        co_lead_network(facts, "上海市")


def test_every_table_names_its_function_and_query():
    by_name = {spec.name: spec for spec in TABLES}
    assert by_name["lead_load"].function == "plankg.graph.analysis.lead_load"
    assert by_name["lead_load"].query == "top-lead"
    assert by_name["co_lead_pairs"].function == "plankg.graph.analysis.co_lead_pairs"
    assert {spec.query for spec in TABLES if spec.query} <= set(query_names())


def test_every_table_function_is_importable_by_the_name_it_cites():
    for spec in TABLES:
        module, _, name = spec.function.rpartition(".")
        assert getattr(importlib.import_module(module), name) is spec.build


def test_render_analysis_for_machines(facts):
    tables = analyze(facts, "concentration")
    data = json.loads(render_analysis(tables, "json"))
    quanzhou = next(r for r in data["concentration"] if r["region"] == QUANZHOU)
    assert quanzhou["hhi"] == 0.2483
    assert list(data) == ["concentration"]
    csv = render_analysis(analyze(facts, "load"), "csv")
    assert csv.startswith("# lead_load\nregion,plan,agency,")
    assert "\n\n# type_load\ntype,type_en," in csv


def test_render_analysis_for_people_names_the_source(facts):
    text = render_analysis(analyze(facts, "load"))
    assert "(plankg.graph.analysis.lead_load; named query top-lead)" in text
    assert "(57 rows)" in text
