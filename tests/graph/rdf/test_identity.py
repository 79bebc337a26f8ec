"""Identity that holds at scale: regions by GB/T 2260 code, documents by 文号 or normalised
title (one resource when a plan gives both, and the loaded plan itself when it is one), plan keys
that name what a plan is, a draft linked to its final version, named graphs per plan."""

from __future__ import annotations

from dataclasses import replace

import pytest
from plankg.graph.rdf import iris
from plankg.graph.rdf.build import build_triples, corpus_quads
from plankg.graph.rdf.corpus import Corpus
from plankg.graph.rdf.documents import normalised_title
from plankg.graph.rdf.iris import plan_graph_iri, plan_key
from plankg.graph.rdf.regions import place_of
from plankg.loaders.model import Citation, Region
from plankg.ontology import ID, PK
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

DERIVED_GRAPH = URIRef(iris.DERIVED_GRAPH)

OUTLINE = ID["document/国发〔2021〕9号"]


def plan_of(corpus, region: str):
    return next(p for p in corpus.plans if p.region.name == region)


def test_regions_are_keyed_by_their_code_with_the_regions_above(triples):
    zhoukou, xinzheng = ID["region/411600"], ID["region/410184"]
    assert (zhoukou, SKOS.notation, Literal("411600", datatype=PK.GBT2260)) in triples
    assert (zhoukou, PK.withinRegion, ID["region/410000"]) in triples
    assert (xinzheng, PK.withinRegion, ID["region/410100"]) in triples
    assert (ID["region/410100"], RDFS.label, Literal("郑州市", lang="zh")) in triples
    assert (ID["region/410100"], PK.regionLevel, PK.CityLevel) in triples


def test_a_region_without_a_code_is_keyed_under_the_region_above_it(triples):
    nanhu = ID["region/430600/岳阳市南湖新区"]
    assert (nanhu, PK.withinRegion, ID["region/430600"]) in triples
    assert not any(s == nanhu and p == SKOS.notation for s, p, _ in triples)


def test_two_districts_of_one_name_in_two_provinces_are_two_regions():
    beijing = Region("朝阳区", "district", province="北京市", code="110105")
    changchun = Region("朝阳区", "district", province="吉林省", parent="长春市", code="220104")
    unknown = Region("朝阳区", "district", province="吉林省", parent="长春市")
    assert place_of(beijing).key == "110105"
    assert place_of(changchun).key == "220104"
    assert place_of(unknown).key == "220100/朝阳区"
    assert place_of(changchun).within.key == "220100"


def test_a_plan_without_a_period_is_keyed_by_its_title_never_a_digest(corpus):
    plan = replace(plan_of(corpus, "泉州市"), period=None)
    assert plan_key(plan) == "350500/泉州市全民科学素质行动规划纲要实施方案(2021-2025)"
    assert plan.source.sha256[:12] not in plan_key(plan)


def test_normalised_titles_set_the_notice_wrapper_dashes_and_script_aside():
    forms = [
        "国务院关于印发全民科学素质行动规划纲要（2021—2035年）的通知",
        "国务院关于印发全民科学素质行动规划纲要（2021-2035）的通知",
        "《全民科学素质行动规划纲要（2021－2035年）》",
        "全民科學素質行動規劃綱要(2021—2035年)",
    ]
    assert {normalised_title(f) for f in forms} == {"全民科学素质行动规划纲要(2021-2035)"}


def test_the_national_outline_is_one_resource_whatever_the_plans_call_it(triples):
    citing = {s for s, p, o in triples if p == PK.cites and o == OUTLINE}
    assert len(citing) == 5
    assert not any(
        str(o).startswith(str(ID["document/title/"])) and "2021-2035" in str(o)
        for _, _, o in triples
    )
    titles = {o for s, p, o in triples if s == OUTLINE and p == DCTERMS.title}
    assert titles == {Literal("全民科学素质行动规划纲要（2021—2035年）", lang="zh")}
    as_cited = {str(o) for s, p, o in triples if s == OUTLINE and p == DCTERMS.alternative}
    assert "全民科学素质行动规划纲要（2021-2035年）" in as_cited  # 忻州, by title alone


def test_a_title_cited_alone_is_the_document_another_plan_gives_a_number_for(corpus):
    nanhu = plan_of(corpus, "岳阳市南湖新区")
    province = "湖南省全民科学素质行动规划纲要实施方案（2021-2025年）"
    assert any(c.title == province and c.doc_number is None for c in nanhu.citations)
    zhoukou = plan_of(corpus, "周口市")
    giving = Citation(
        f"湖南省人民政府办公厅关于印发{province}的通知",
        "湘政办发〔2021〕74号",
        zhoukou.citations[0].span,
    )
    both = replace(zhoukou, citations=(*zhoukou.citations, giving))
    triples = build_triples([both, nanhu])
    number = ID["document/湘政办发〔2021〕74号"]
    assert (ID["plan/430600/岳阳市南湖新区/2022-2025"], PK.cites, number) in triples


def test_a_cited_number_of_a_loaded_plan_is_that_plan(corpus):
    xinzheng = plan_of(corpus, "新郑市")
    zhengzhou = replace(
        plan_of(corpus, "周口市"),
        title="郑州市全民科学素质行动规划纲要实施方案（2021-2025年）",
        region=Region("郑州市", "city", province="河南省", code="410100"),
        doc_number="郑政办〔2022〕5号",
    )
    triples = build_triples([xinzheng, zhengzhou])
    city_plan = ID["plan/410100/2021-2025"]
    assert (ID["plan/410184/2021-2025-draft"], PK.cites, city_plan) in triples
    assert (city_plan, RDF.type, PK.Plan) in triples
    assert not any(s == ID["document/郑政办〔2022〕5号"] for s, _, _ in triples)


def test_a_final_plan_is_a_revision_of_its_draft_when_both_are_loaded(corpus):
    draft = plan_of(corpus, "新郑市")
    final = replace(draft, draft=False)
    triples = build_triples([draft, final])
    revision = (ID["plan/410184/2021-2025"], PROV.wasRevisionOf, ID["plan/410184/2021-2025-draft"])
    assert revision in triples
    assert not any(p == PROV.wasRevisionOf for _, p, _ in build_triples([draft]))


@pytest.fixture(scope="module")
def quads(corpus):
    return corpus_quads(corpus.plans, corpus.keys)


def test_each_plan_has_a_named_graph_and_the_shortcuts_a_derived_one(corpus, quads):
    graphs = {g for *_, g in quads}
    assert {plan_graph_iri(k) for k in corpus.keys} < graphs
    leads = {g for s, p, o, g in quads if p == PK.leads}
    assert leads == {DERIVED_GRAPH}
    zhoukou = plan_graph_iri("411600/2021-2025")
    assert all(
        g == zhoukou
        for s, p, o, g in quads
        if str(s).startswith(str(ID["plan/411600/"]))
        and p not in (PK.leads, PK.memberOf, PK.similarity)
    )
    families = {g for s, p, o, g in quads if p in (PK.memberOf, PK.similarity)}
    assert families == {DERIVED_GRAPH}


def test_a_plan_is_retracted_by_dropping_its_graph(corpus, quads):
    """Without 泉州's graph, and the derived graph made again, the dataset is the one built
    without 泉州: no other plan's graph changes."""
    index = corpus.keys.index("350500/2021-2025")
    rest = Corpus(
        corpus.plans[:index] + corpus.plans[index + 1 :],
        corpus.keys[:index] + corpus.keys[index + 1 :],
    )
    kept = {q for q in quads if q[3] not in (plan_graph_iri(corpus.keys[index]), DERIVED_GRAPH)}
    rebuilt = set(rest.quads())
    assert {q for q in kept if q[3] != ID["graph/vocabulary"]} == {
        q for q in rebuilt if q[3] not in (DERIVED_GRAPH, ID["graph/vocabulary"])
    }
