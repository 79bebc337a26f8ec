"""Task families as data: every measure of a loaded plan whose action implements a canonical
action becomes a :class:`~plankg.graph.rdf.families.TaskItem`, the items of all loaded plans
are grouped (:func:`~plankg.graph.rdf.families.task_families`), and each family becomes triples
of the derived graph: a ``pk:TaskFamily`` with its title (its most central member's), its
canonical action (``pk:familyAction``) and central member, and each member's ``pk:memberOf`` and
``pk:similarity``.

Families are a function of all the plans loaded together, so they are recomputed whenever the
plans change. Higher-level plans go first (a province before its cities, a city before its
counties): a province's measures start the families its cities' measures then join, and name
them. A family's IRI is derived from its content: its canonical action and the digest of its
first member's plan and title (``id/family/2021-youth/3f…``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from plankg.graph.rdf import iris
from plankg.graph.rdf.canonical import action_slugs
from plankg.graph.rdf.families import TEXT_CHARS, TaskFamily, TaskItem, task_families
from plankg.graph.rdf.regions import place_of
from plankg.loaders.model import Plan
from plankg.ontology import ID, PK, PKCA
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

LEVEL_RANKS = {"national": -1, "province": 0, "city": 1, "county": 2, "district": 2}
"""The order plans are taken in: a lower rank anchors the families of the plans after it."""
FAMILY_PREFIX = str(ID) + "family/"

Triple = tuple[URIRef, URIRef, URIRef | Literal]


def plan_tasks(plan: Plan, key: str) -> tuple[TaskItem, ...]:
    """The measures of ``plan`` (keyed ``key``) as items to group, each keyed by its IRI; the
    measures of an action that implements no canonical action are left out."""
    plan_node = iris.plan_iri(key)
    rank = LEVEL_RANKS[place_of(plan.region).level]
    items = []
    for (slug, canonical), action in zip(action_slugs(plan), plan.actions, strict=True):
        if canonical is None:
            continue
        action_node = iris.action_iri(plan_node, slug)
        items += [
            TaskItem(
                key=str(iris.measure_iri(action_node, measure)),
                plan=key,
                canonical=str(canonical.iri),
                title=measure.title,
                text=measure.text[:TEXT_CHARS],
                rank=rank,
            )
            for measure in action.measures
        ]
    return tuple(items)


def corpus_tasks(plans: Sequence[Plan], keys: Sequence[str]) -> list[TaskItem]:
    return [item for p, k in zip(plans, keys, strict=True) for item in plan_tasks(p, k)]


def family_iri(family: TaskFamily) -> URIRef:
    """``id/family/<canonical action's notation>/<digest>``."""
    return ID[f"family/{family.canonical.removeprefix(str(PKCA))}/{family.digest}"]


def family_triples(families: Iterable[TaskFamily]) -> dict[Triple, None]:
    """The families as triples of the derived graph, in a stable order."""
    triples: dict[Triple, None] = {}
    add = triples.setdefault
    for family in families:
        node = family_iri(family)
        add((node, RDF.type, PK.TaskFamily))
        add((node, DCTERMS.title, Literal(family.title, lang="zh")))
        add((node, PK.familyAction, URIRef(family.canonical)))
        add((node, PK.centralMember, URIRef(str(family.central.key))))
        for item, similarity in family.members:
            measure = URIRef(str(item.key))
            add((measure, PK.memberOf, node))
            add((measure, PK.similarity, similarity_literal(similarity)))
    return triples


def similarity_literal(similarity: float) -> Literal:
    """A similarity as an ``xsd:decimal`` of at most four places, without trailing zeros
    (``0.8312``, ``0.94``, ``1``), so that Neo4j stores it as a number and gives back the same
    lexical form."""
    return Literal(Decimal(str(round(similarity, 4))).normalize(), datatype=XSD.decimal)


def task_triples(items: Iterable[TaskItem]) -> dict[Triple, None]:
    """The families of ``items`` as triples."""
    return family_triples(task_families(items))


def corpus_families(plans: Sequence[Plan], keys: Sequence[str]) -> dict[Triple, None]:
    """The task families of every plan loaded together, as triples of the derived graph."""
    return task_triples(corpus_tasks(plans, keys))
