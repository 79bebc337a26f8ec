"""Properties an analyst asks about, made at push time from the triples and left out of the
read-back (``derived.toml`` beside this module names them).

- ``name`` on every node (and ``name_en`` where there is English): its label, preferred label,
  title, file name, surface form… whichever it has first of ``name_predicates``.
- ``code`` of an action (``提升行动1``) and a measure (``提升行动1.3``), and ``region``, the name of
  the plan's region, on plans, actions and measures.
- On each shortcut relationship an assignment stands for (``LEADS``, ``PARTNERS_IN``,
  ``RESPONSIBLE_FOR``): where it was stated (``statedAt``: action or measure), the agency as
  written (``surface``) and the clause's ``sourceText``, ``startLine`` and ``endLine``, so the
  sentence behind a lead is one hop away. Where two assignments give the same relationship, the
  one stated at the measure wins, then the one stated first.

Pure functions of one part's triples (see :func:`derive`); the RDF keeps the n-ary assignment.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any
from urllib.parse import unquote

from plankg.ontology import ontology_graph
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDFS, SKOS

PK = "https://w3id.org/plankg/ontology#"
ENGLISH = "en"
ALL_LABELS = "*"
PLAN, ASSIGNMENT = PK + "Plan", PK + "Assignment"
REGION, HAS_ACTION, HAS_MEASURE = PK + "region", PK + "hasAction", PK + "hasMeasure"
ROLE, AGENCY, STATED_AT, COVERS = PK + "role", PK + "assignedAgency", PK + "statedAt", PK + "covers"
DERIVED_FROM = str(PROV.wasDerivedFrom)

Literals = Mapping[str, Mapping[Any, list[Literal]]]
"""Per subject, its literals by property term (``term.predicate`` is the predicate's IRI)."""
Edges = Mapping[str, list[tuple[str, str]]]
"""Per subject, its ``(predicate, object)`` links to other resources."""


@dataclass
class Derived:
    """What a part's triples give beyond themselves: node properties by uri, relationship
    properties by ``(start, predicate, end)``."""

    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    relationships: dict[tuple[str, str, str], dict[str, Any]] = field(default_factory=dict)


@cache
def settings() -> dict[str, Any]:
    text = files("plankg.graph.neo4j").joinpath("derived.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def reserved_keys() -> frozenset[str]:
    """The derived keys no RDF term may be given."""
    return frozenset(settings()["reserved"])


@cache
def derived_keys() -> dict[str, frozenset[str] | None]:
    """Each derived node key and the labels it is derived on (None: every node)."""
    return {
        key: None if labels == ALL_LABELS else frozenset(labels)
        for key, labels in settings()["keys"].items()
    }


def is_derived(key: str, labels: frozenset[str] | set[str] | list[str]) -> bool:
    """``key`` on a node of ``labels`` is derived, not an RDF literal."""
    on = derived_keys().get(key, frozenset())
    return on is None or any(label in on for label in labels)


def derive(classes: Mapping[str, set[str]], literals: Literals, edges: Edges) -> Derived:
    """The derived properties of one part's nodes and relationships."""
    derived = Derived()
    derived.nodes = _all_names(classes, literals, edges)
    plans = [uri for uri, kinds in classes.items() if PLAN in kinds]
    _codes(plans, classes, literals, edges, derived.nodes)
    assignments = [uri for uri, kinds in classes.items() if ASSIGNMENT in kinds]
    derived.relationships = _assignment_properties(assignments, literals, edges)
    return derived


def _all_names(
    classes: Mapping[str, set[str]], literals: Literals, edges: Edges
) -> dict[str, dict[str, Any]]:
    """The names of the nodes the part describes, and of the vocabulary's nodes it only links
    to (a QUDT unit); a node of plankg's it only links to is named by the part describing it.
    A node the part mentions without its class or a name (a measure in the derived graph of
    task families) is left to the part that types it, so its name is not its IRI's segment."""
    described = set(literals) | set(edges) | set(classes)
    linked = {end for out in edges.values() for _, end in out}
    outside = {uri for uri in linked - described if not uri.startswith(settings()["plankg_iris"])}
    names = {uri: _names(literals.get(uri, {})) for uri in described | outside}
    for uri, found in names.items():
        if "name" in found:
            continue
        if linked_name := _linked_name(names, edges.get(uri, [])):
            found["name"] = linked_name
        elif uri in classes or uri in outside:
            found["name"] = _local_name(uri)
    return {uri: found for uri, found in names.items() if found}


def _names(by_term: Mapping[Any, list[Literal]]) -> dict[str, Any]:
    """``name`` and ``name_en`` from the node's literals: the first predicate of
    ``name_predicates`` that gives each."""
    ranks = _name_ranks()
    by_rank: dict[int, list[Literal]] = {}
    for term, values in by_term.items():
        rank = ranks.get(term.predicate)
        if rank is not None:
            by_rank[rank] = by_rank[rank] + values if rank in by_rank else values
    found: dict[str, Any] = {}
    for rank in sorted(by_rank):
        values, cut = by_rank[rank], rank in _cut_ranks()
        if "name" not in found and (chinese := _pick(values, _not_english, cut)):
            found["name"] = chinese
        if "name_en" not in found and (english := _pick(values, _english, cut)):
            found["name_en"] = english
        if len(found) == 2:
            break
    if "name" not in found and "name_en" in found:
        found["name"] = found["name_en"]
    return found


@cache
def _name_ranks() -> dict[str, int]:
    """Each name predicate and its place in ``name_predicates``."""
    return {predicate: rank for rank, predicate in enumerate(_name_predicates())}


@cache
def _cut_ranks() -> frozenset[int]:
    cut = settings()["cut_predicates"]
    return frozenset(rank for p, rank in _name_ranks().items() if p in cut)


@cache
def _name_predicates() -> tuple[str, ...]:
    return tuple(settings()["name_predicates"])


def _english(language: str | None) -> bool:
    return language == ENGLISH


def _not_english(language: str | None) -> bool:
    return language != ENGLISH


def _linked_name(names: Mapping[str, dict[str, Any]], out: list[tuple[str, str]]) -> str | None:
    links = settings()["name_links"]
    return next((names[end].get("name") for p, end in out if p in links and end in names), None)


def _pick(values: list[Literal], language: Any, cut: bool) -> str | None:
    if len(values) == 1:  # the common case, without a generator
        text = str(values[0]) if language(values[0].language) else None
    else:
        text = min((str(v) for v in values if language(v.language)), default=None)
    if text is None:
        return None
    limit = _name_length()
    return text[:limit] + "…" if cut and len(text) > limit else text


@cache
def _name_length() -> int:
    return int(settings()["name_length"])


def _local_name(uri: str) -> str:
    return unquote(uri.rstrip("/").rsplit("/", 1)[-1])


def _codes(
    plans: list[str],
    classes: Mapping[str, set[str]],
    literals: Literals,
    edges: Edges,
    nodes: dict[str, dict[str, Any]],
) -> None:
    """``code`` and ``region`` of the plans, actions and measures of the part."""
    kinds = _action_kinds()
    for plan in plans:
        out = edges.get(plan, ())
        regions = [end for p, end in out if p == REGION]
        region = _literal(literals, regions[0], str(RDFS.label)) if regions else None
        for action in (end for p, end in out if p == HAS_ACTION):
            kind = next((kinds[c] for c in classes.get(action, ()) if c in kinds), "")
            action_code = f"{kind}{_literal(literals, action, PK + 'number') or ''}"
            _set(nodes, action, code=action_code, region=region)
            for measure in (end for p, end in edges.get(action, ()) if p == HAS_MEASURE):
                number = _literal(literals, measure, PK + "number") or ""
                _set(nodes, measure, code=f"{action_code}.{number}", region=region)
        if regions:
            _set(nodes, plan, region=region)


def _set(nodes: dict[str, dict[str, Any]], uri: str, **values: Any) -> None:
    nodes.setdefault(uri, {}).update({k: v for k, v in values.items() if v is not None})


def _literal(literals: Literals, uri: str, predicate: str) -> str | None:
    """The first (in sort order) literal of ``predicate`` on ``uri`` not in English."""
    return min(
        (
            str(v)
            for term, vs in literals.get(uri, {}).items()
            if term.predicate == predicate
            for v in vs
            if v.language != ENGLISH
        ),
        default=None,
    )


@cache
def _action_kinds() -> dict[str, str]:
    """The Chinese label of each kind of action (提升行动, 重点工程), from the ontology."""
    ontology = ontology_graph()
    found = {}
    for kind in ontology.subjects(RDFS.subClassOf, URIRef(PK + "Action")):
        for label in ontology.objects(kind, RDFS.label):
            if isinstance(label, Literal) and label.language == "zh":
                found[str(kind)] = str(label)
    return found


@cache
def _notations() -> dict[str, str]:
    ontology = ontology_graph()
    return {str(s): str(o) for s, o in ontology.subject_objects(SKOS.notation)}


def _assignment_properties(
    assignments: list[str], literals: Literals, edges: Edges
) -> dict[tuple[str, str, str], dict[str, Any]]:
    """The properties of each shortcut an assignment stands for (see the module docstring)."""
    roles: dict[str, str] = settings()["roles"]
    notations = _notations()
    clauses: dict[str, tuple[dict[str, Any], int]] = {}
    found: dict[tuple[str, str, str], tuple[tuple[int, int], dict[str, Any]]] = {}
    for assignment in assignments:
        links = _assignment_links(edges.get(assignment, ()))
        if links is None:
            continue
        role, agency, stated_at, clause, covers = links
        shortcut = roles.get(role)
        if not shortcut:
            continue
        scope = notations.get(stated_at, "")
        if clause not in clauses:
            clauses[clause] = _clause(literals, clause)
        text, start = clauses[clause]
        props = {"statedAt": scope, **_surface(literals, assignment), **text}
        rank = (0 if scope == "measure" else 1, start)
        for measure in covers:
            key = (agency, shortcut, measure)
            if key not in found or rank < found[key][0]:
                found[key] = (rank, props)
    return {key: props for key, (_, props) in found.items()}


def _assignment_links(
    out: Iterable[tuple[str, str]],
) -> tuple[str, str, str, str, list[str]] | None:
    """An assignment's first role, agency, scope and clause, and the measures it covers;
    None without an agency."""
    role = agency = stated_at = clause = None
    covers: list[str] = []
    for predicate, end in out:
        if predicate == COVERS:
            covers.append(end)
        elif predicate == ROLE:
            role = role or end
        elif predicate == AGENCY:
            agency = agency or end
        elif predicate == STATED_AT:
            stated_at = stated_at or end
        elif predicate == DERIVED_FROM:
            clause = clause or end
    if agency is None:
        return None
    return role or "", agency, stated_at or "", clause or "", covers


def _surface(literals: Literals, assignment: str) -> dict[str, Any]:
    surface = _literal(literals, assignment, PK + "surfaceForm")
    return {} if surface is None else {"surface": surface}


def _clause(literals: Literals, clause: str) -> tuple[dict[str, Any], int]:
    """A clause's ``sourceText``, ``startLine`` and ``endLine``, and where it starts."""
    values = {
        term.predicate.removeprefix(PK): vs[0] for term, vs in literals.get(clause, {}).items()
    }
    props: dict[str, Any] = {}
    if "sourceText" in values:
        props["sourceText"] = str(values["sourceText"])
    for key in ("startLine", "endLine"):
        if key in values:
            props[key] = int(values[key])
    return props, int(values.get("startChar", 0))
