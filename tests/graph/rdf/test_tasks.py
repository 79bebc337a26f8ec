"""Task families as data: every sample measure in one family of its canonical action, in the
derived graph, with a stable IRI, a title from its most central member, and similarities;
recomputed over the plans loaded, anchored by higher-level plans; checked by the shapes."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from plankg.graph.rdf import iris, load_corpus
from plankg.graph.rdf.families import TaskItem, task_families
from plankg.graph.rdf.tasks import (
    FAMILY_PREFIX,
    citation_depths,
    citers_of,
    corpus_families,
    corpus_tasks,
    family_iri,
    plan_tasks,
)
from plankg.graph.rdf.turtle import serialize_turtle
from plankg.graph.rdf.validate import validate_turtle
from plankg.loaders.read import sample_paths
from plankg.ontology import ID, PK, PKCA
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF

DERIVED_GRAPH = URIRef(iris.DERIVED_GRAPH)

TEACHERS = "实施教师科学素质提升工程"
SAMPLES = sample_paths()


@pytest.fixture(scope="module")
def families(corpus):
    return task_families(corpus_tasks(corpus.plans, corpus.keys))


@pytest.fixture(scope="module")
def family_triples(corpus):
    return corpus_families(corpus.plans, corpus.keys)


def members(triples, family):
    return {s for s, p, o in triples if p == PK.memberOf and o == family}


def test_every_sample_measure_is_in_one_family_of_its_canonical_action(corpus, families):
    items = corpus_tasks(corpus.plans, corpus.keys)
    assert len(items) == len({i.key for i in items}) == 167
    assert sum(len(f.members) for f in families) == 167
    assert len(families) == 69
    for family in families:
        assert {item.canonical for item, _ in family.members} == {family.canonical}
        assert family.canonical.startswith(str(PKCA["2021-"]))


def test_the_teachers_of_five_cities_are_one_family_named_by_its_central_member(
    family_triples,
):
    family = next(s for s, p, o in family_triples if p == DCTERMS.title and str(o) == TEACHERS)
    assert str(family).startswith(FAMILY_PREFIX + "2021-youth/")
    found = members(family_triples, family)
    regions = {str(m).split("/id/plan/")[1].split("/")[0] for m in found}
    assert regions == {"411600", "410184", "140900", "430600", "350500"}
    central = next(o for s, p, o in family_triples if s == family and p == PK.centralMember)
    assert central in found
    similarities = {m: float(o) for m, p, o in family_triples if p == PK.similarity}
    assert similarities[central] == max(similarities[m] for m in found)
    assert all(0 < similarities[m] <= 1 for m in found)


def test_families_sit_in_the_derived_graph(corpus):
    quads = corpus.quads()
    graphs = {g for s, p, o, g in quads if p in (PK.memberOf, PK.similarity, PK.familyAction)}
    assert graphs == {DERIVED_GRAPH}
    assert {(s, p, o) for s, p, o, g in quads if p == PK.memberOf}
    assert (PK.memberOf, RDF.type, PK.TaskFamily) not in corpus.triples()


def test_the_same_plans_give_the_same_triples_and_adding_a_plan_keeps_other_families(corpus):
    everything = corpus_families(corpus.plans, corpus.keys)
    assert list(everything) == list(corpus_families(corpus.plans, corpus.keys))
    kept = [(p, k) for p, k in zip(corpus.plans, corpus.keys, strict=True) if "410184" not in k]
    fewer = corpus_families([p for p, _ in kept], [k for _, k in kept])
    titled = {(s, str(o)) for s, p, o in everything if p == DCTERMS.title}
    assert ({(s, str(o)) for s, p, o in fewer if p == DCTERMS.title} & titled) >= {
        (s, t) for s, t in titled if t == TEACHERS
    }


def test_a_higher_level_plans_measure_anchors_and_names_the_family():
    def item(plan, title, rank):
        return TaskItem(f"{plan}/m", plan, str(PKCA["2021-youth"]), title, title, rank)

    city = item("a-city", "加强中小学科学教师队伍建设", 1)
    county = item("b-county", "加强中小学科学教师培训", 2)
    province = item("z-province", "加强中小学教师科学素质建设", 0)
    (family,) = task_families([city, county, province])
    assert family.members[0][0] == province
    alone = task_families([city, county])
    assert family_iri(family) != family_iri(alone[0])
    assert family_iri(family) == family_iri(task_families([county, province, city])[0])


def test_measures_of_an_action_of_no_canonical_action_are_in_no_family(corpus):
    plan, key = corpus.plans[0], corpus.keys[0]
    items = plan_tasks(plan, key)
    assert len(items) == sum(len(a.measures) for a in plan.actions)
    unmatched = replace(plan.actions[0], title="其他工作", population=None)
    other = replace(plan, actions=(unmatched,))
    assert plan_tasks(other, key) == ()


@pytest.mark.parametrize(
    "broken",
    ["no member", "central member elsewhere", "two similarities", "no canonical action"],
)
def test_the_shapes_refuse_a_broken_family(corpus, family_triples, broken):
    triples = set(corpus.triples())
    family = next(s for s, p, o in family_triples if p == DCTERMS.title and str(o) == TEACHERS)
    found = sorted(members(triples, family))
    if broken == "no member":
        triples -= {(m, PK.memberOf, family) for m in found}
    elif broken == "central member elsewhere":
        central = next(o for s, p, o in triples if s == family and p == PK.centralMember)
        triples.discard((central, PK.memberOf, family))
        triples.add((central, PK.memberOf, URIRef(FAMILY_PREFIX + "2021-youth/other")))
    elif broken == "two similarities":
        triples.add((found[0], PK.similarity, Literal(Decimal("0.5"))))
    else:
        triples -= {t for t in triples if t[0] == family and t[1] == PK.familyAction}
    report = validate_turtle(serialize_turtle(triples))
    assert not report.conforms


CORPUS_TEXTS = Path(__file__).parents[2] / "corpus" / "texts"
OUTLINE = CORPUS_TEXTS / "national-outline-2021-plan.txt"
FUJIAN = CORPUS_TEXTS / "fujian-province-2022-repost-trad.txt"
ANHUI = CORPUS_TEXTS / "anhui-province-2021-plan.txt"
"""Real plans of the development corpus: the beginning of the national outline (国发〔2021〕9号,
no measures), which all five samples cite; 福建's plan (闽政办〔2022〕13号, a traditional-script
repost of its beginning, one measure), which 泉州's cites; 安徽's (皖政办秘〔2021〕121号, its
beginning, three youth measures), which no sample cites."""


@pytest.fixture(scope="module")
def cited(corpus):
    return load_corpus([*SAMPLES, FUJIAN, OUTLINE])


def test_cited_plans_come_before_the_plans_citing_them(cited):
    items = corpus_tasks(cited.plans, cited.keys)
    depths = {i.plan: i.depth for i in items}
    # the outline cites none; 福建 cites the outline; 泉州 cites 福建 (and the outline);
    # the other four cite the outline, and no loaded plan of their province or city
    assert depths == {
        "350000/2021-2025": 1,
        "350500/2021-2025": 2,
        "411600/2021-2025": 1,
        "410184/2021-2025-draft": 1,
        "140900/2021-2025": 1,
        "430600/岳阳市南湖新区/2022-2025": 1,
    }
    fujian = next(i for i in items if i.plan == "350000/2021-2025")
    assert fujian.cited_by == {"350500/2021-2025"}


def test_a_cited_provinces_measure_anchors_the_family_its_citys_measure_joins(cited):
    triples = corpus_families(cited.plans, cited.keys)
    anchors = [(s, o) for s, p, o in triples if p == PK.anchor]
    assert len(anchors) == 1
    family, anchor = anchors[0]
    # 福建 1.大力弘揚科學精神和科學家精神 (traditional script): 開展“最美科技工作者”進校園等活動,
    # 將弘揚科學精神… and 泉州 1.实施科学家精神进校园行动: 将弘扬科学精神贯穿于育人全链条… are one task
    assert str(anchor).startswith(str(ID["plan/350000/2021-2025/youth/"]))
    titles = {str(o) for s, p, o in triples if s == family and p == DCTERMS.title}
    found = members(triples, family)
    assert anchor in found and ID["plan/350500/2021-2025/youth/m1"] in found
    assert str(family).startswith(FAMILY_PREFIX + "2021-youth/")
    assert titles == {"实施科学家精神进校园行动"}


def test_samples_alone_have_no_anchor_and_the_outline_without_measures_changes_no_family(
    corpus, family_triples, cited
):
    assert not [t for t in family_triples if t[1] == PK.anchor]
    kept = [(p, k) for p, k in zip(cited.plans, cited.keys, strict=True) if "350000" not in k]
    with_outline = corpus_families([p for p, _ in kept], [k for _, k in kept])
    assert list(with_outline) == list(family_triples)


def test_depths_follow_the_citation_graph_and_a_cycle_is_cut():
    chain = {"county": {"city"}, "city": {"province"}, "province": {"outline"}, "outline": set()}
    assert citation_depths(chain) == {"outline": 0, "province": 1, "city": 2, "county": 3}
    assert citers_of(chain)["province"] == {"city", "county"}
    cycle = {"a": {"b"}, "b": {"a"}}
    assert sorted(citation_depths(cycle).values()) == [0, 1]


def test_an_anchor_needs_a_citing_member():
    def item(plan, title, cited_by=frozenset()):
        return TaskItem(f"{plan}/m", plan, str(PKCA["2021-youth"]), title, title, 0, 0, cited_by)

    province = item("province", "加强中小学教师科学素质建设", frozenset({"city"}))
    city = replace(item("city", "加强中小学科学教师队伍建设"), depth=1)
    other = item("other", "加强中小学科学教师培训")
    (family,) = task_families([city, province])
    assert family.anchor == province
    (unanchored,) = task_families([other, replace(province, cited_by=frozenset({"elsewhere"}))])
    assert unanchored.anchor is None


def test_the_shapes_refuse_an_anchor_outside_its_family(cited):
    triples = set(cited.triples())
    family, anchor = next((s, o) for s, p, o in triples if p == PK.anchor)
    assert validate_turtle(serialize_turtle(triples)).conforms
    triples.discard((anchor, PK.memberOf, family))
    triples.add((anchor, PK.memberOf, URIRef(FAMILY_PREFIX + "2021-youth/other")))
    assert not validate_turtle(serialize_turtle(triples)).conforms


def test_a_province_no_sample_cites_starts_the_teachers_family_by_level_without_anchor(corpus):
    loaded = load_corpus([*SAMPLES, ANHUI])
    families = task_families(corpus_tasks(loaded.plans, loaded.keys))
    # 安徽 3.实施教师科学素质提升工程 and the five samples' teachers measures are one task
    teachers = next(f for f in families if f.members[0][0].title == "实施教师科学素质提升工程")
    assert teachers.members[0][0].plan == "340000/2021-2025"
    assert {i.plan for i, _ in teachers.members} == {"340000/2021-2025", *corpus.keys}
    assert teachers.anchor is None
