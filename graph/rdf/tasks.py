"""Task families as data: every measure of a loaded plan whose action implements a canonical
action becomes a :class:`~plankg.graph.rdf.families.TaskItem`, the items of all loaded plans
are grouped (:func:`~plankg.graph.rdf.families.task_families`), and each family becomes triples
of the derived graph: a ``pk:TaskFamily`` with its title (its most central member's), its
canonical action (``pk:familyAction``) and central member, and each member's ``pk:memberOf`` and
``pk:similarity``.

Families are a function of all the plans loaded together, so they are recomputed whenever the
plans change. Cited plans go first: when a loaded plan cites another loaded plan (its 文号 or
normalised title resolves to it, :class:`~plankg.graph.rdf.documents.DocumentIndex`), the cited
plan's measures start the families the citing plan's measures then join, and such a family
records the cited plan's measure as its ``pk:anchor``; then higher-level plans (the national
outline, a province before its cities, a city before its counties). A family's IRI is derived
from its content: its canonical action and the digest of its first member's plan and identity
(``id/family/2021-youth/3f…``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, TypeVar, cast

from plankg.graph.rdf import iris
from plankg.graph.rdf.canonical import action_slugs
from plankg.graph.rdf.documents import DocumentIndex, DocumentRecord
from plankg.graph.rdf.families import NO_CITERS, FamilyHead, TaskFamily, TaskItem, task_families
from plankg.graph.rdf.family_space import TEXT_CHARS
from plankg.graph.rdf.regions import place_of
from plankg.graph.rdf.terms import Terms
from plankg.loaders.model import Plan
from plankg.ontology.names import CANONICAL_ACTIONS, IDS, PK, TITLE, TYPE

if TYPE_CHECKING:
    from plankg.graph.rdf.terms import Triple

LEVEL_RANKS = {"national": -1, "province": 0, "city": 1, "county": 2, "district": 2}
"""The order plans are taken in: a lower rank anchors the families of the plans after it."""
FAMILY_PREFIX = IDS + "family/"
T = TypeVar("T")


def plan_tasks(plan: Plan, key: str) -> tuple[TaskItem, ...]:
    """The measures of ``plan`` (keyed ``key``) as items to group, each keyed by its IRI; the
    measures of an action that implements no canonical action are left out."""
    plan_node = iris.plan_node(key)
    rank = LEVEL_RANKS[place_of(plan.region).level]
    items = []
    for (slug, canonical), action in zip(action_slugs(plan), plan.actions, strict=True):
        if canonical is None:
            continue
        action_node = iris.action_iri(plan_node, slug)
        items += [
            TaskItem(
                key=iris.measure_iri(action_node, measure),
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
    """The measures of every plan loaded together, placed in the citation graph."""
    items = [item for p, k in zip(plans, keys, strict=True) for item in plan_tasks(p, k)]
    return cited_first(items, corpus_records(plans, keys))


def corpus_records(plans: Sequence[Plan], keys: Sequence[str]) -> dict[str, DocumentRecord]:
    """Each plan's document record, by its key."""
    return {k: DocumentRecord.of(p, iris.plan_node(k)) for p, k in zip(plans, keys, strict=True)}


def citations_between(
    records: Mapping[str, DocumentRecord], documents: DocumentIndex | None = None
) -> dict[str, set[str]]:
    """For each plan (by key), the other loaded plans it cites (resolved by ``documents``,
    by default the index of ``records``)."""
    index = documents or DocumentIndex.of(records.values())
    key_of = {record.iri: key for key, record in records.items()}
    found: dict[str, set[str]] = {}
    for key, record in records.items():
        cited = {key_of.get(index.resolve(n, t)) for n, t in record.citations}
        found[key] = {c for c in cited if c is not None and c != key}
    return found


def citation_depths(cites: Mapping[str, set[str]]) -> dict[str, int]:
    """How many loaded plans stand above each plan: 0 when it cites none, else one more than
    the deepest plan it cites (a cycle is cut where it closes)."""
    depths: dict[str, int] = {}

    def depth(key: str, path: frozenset[str]) -> int:
        if key not in depths:
            above = [depth(c, path | {key}) for c in sorted(cites.get(key, ())) if c not in path]
            depths[key] = 1 + max(above) if above else 0
        return depths[key]

    for key in sorted(cites):
        depth(key, frozenset())
    return depths


def citers_of(cites: Mapping[str, set[str]]) -> dict[str, frozenset[str]]:
    """For each plan, the loaded plans that cite it, directly or through other loaded plans."""
    direct: dict[str, set[str]] = {}
    for citer, cited in cites.items():
        for key in cited:
            direct.setdefault(key, set()).add(citer)
    found: dict[str, frozenset[str]] = {}
    for key in direct:
        seen: set[str] = set()
        todo = [key]
        while todo:
            for citer in direct.get(todo.pop(), ()):
                if citer not in seen:
                    seen.add(citer)
                    todo.append(citer)
        found[key] = frozenset(seen - {key})
    return found


def cited_first(items: Iterable[TaskItem], records: Mapping[str, DocumentRecord]) -> list[TaskItem]:
    """``items`` placed in the citation graph of the plans ``records`` describe: each with its
    plan's depth and the plans citing it (unchanged when no loaded plan cites another)."""
    return placed(items, citations_between(records))


def placed(items: Iterable[TaskItem], cites: Mapping[str, set[str]]) -> list[TaskItem]:
    """``items`` placed in the citation graph ``cites`` (each plan's key → the keys of the
    plans it cites)."""
    depths, citers = citation_depths(cites), citers_of(cites)
    return [
        i.placed(depths.get(i.plan, 0), citers.get(i.plan, NO_CITERS)) if i.plan in depths else i
        for i in items
    ]


def family_iri(family: FamilyHead | TaskFamily) -> str:
    """``id/family/<canonical action's notation>/<digest>``."""
    return f"{FAMILY_PREFIX}{family.canonical.removeprefix(CANONICAL_ACTIONS)}/{family.digest}"


def family_triples(families: Iterable[TaskFamily]) -> dict[Triple, None]:
    """The families as triples of the derived graph, in a stable order (rdflib terms)."""
    from plankg.graph.rdf.rdflib_terms import RDFLIB_TERMS

    return cast("dict[Triple, None]", family_terms(families, RDFLIB_TERMS))


def family_terms(families: Iterable[TaskFamily], terms: Terms[T]) -> dict[tuple[T, T, T], None]:
    """:func:`family_triples` as ``terms`` makes them."""
    triples: dict[tuple[T, T, T], None] = {}
    similarities: dict[float, T] = {}
    for family in families:
        node = terms.iri(family_iri(family))
        triples.update(dict.fromkeys(own_family_terms(family, node, terms)))
        triples.update(dict.fromkeys(membership_terms(family, node, terms, similarities)))
    return triples


def own_family_terms(
    family: FamilyHead | TaskFamily, node: T, terms: Terms[T]
) -> list[tuple[T, T, T]]:
    """The triples of ``family`` (its node ``node``) about itself: its type, title, canonical
    action, central member and anchor."""
    k, iri = terms.constants, terms.iri
    triples = [
        (node, k[TYPE], k[PK.TaskFamily]),
        (node, k[TITLE], terms.tagged(family.title, "zh")),
        (node, k[PK.familyAction], iri(family.canonical)),
        (node, k[PK.centralMember], iri(str(family.central.key))),
    ]
    if family.anchor is not None:
        triples.append((node, k[PK.anchor], iri(str(family.anchor.key))))
    return triples


def membership_terms(
    family: TaskFamily, node: T, terms: Terms[T], similarities: dict[float, T]
) -> Iterator[tuple[T, T, T]]:
    """Each member's ``pk:memberOf`` ``node`` and ``pk:similarity``; ``similarities`` holds
    the terms of the similarities made so far (a large action's members share a few dozen
    values)."""
    for item, similarity in family.members:
        yield from member_terms(str(item.key), similarity, node, terms, similarities)


def member_terms(
    key: str, similarity: float, node: T, terms: Terms[T], similarities: dict[float, T]
) -> tuple[tuple[T, T, T], tuple[T, T, T]]:
    """The measure ``key``'s ``pk:memberOf`` ``node`` and its ``pk:similarity``."""
    measure = terms.iri(key)
    value = similarities.get(similarity)
    if value is None:
        value = similarities[similarity] = terms.decimal(similarity_value(similarity))
    k = terms.constants
    return (measure, k[PK.memberOf], node), (measure, k[PK.similarity], value)


def similarity_value(similarity: float) -> Decimal:
    """A similarity as a decimal of at most four places, without trailing zeros (``0.8312``,
    ``0.94``, ``1``), so that Neo4j stores it as a number and gives back the same lexical
    form."""
    return Decimal(str(round(similarity, 4))).normalize()


def placed_task_triples(
    items: Iterable[TaskItem], cites: Mapping[str, set[str]]
) -> dict[Triple, None]:
    """The families of ``items`` as triples, cited plans first by the citation graph
    ``cites`` (see :func:`placed`)."""
    return family_triples(task_families(placed(items, cites)))


def corpus_families(plans: Sequence[Plan], keys: Sequence[str]) -> dict[Triple, None]:
    """The task families of every plan loaded together, as triples of the derived graph."""
    return family_triples(task_families(corpus_tasks(plans, keys)))
