"""The tables (plans, assignments, targets, families) of the CSV and spreadsheet exports, read
off the RDF triples, with typed cells: numbers as :class:`~decimal.Decimal`, years and numbers of
actions and measures as ``int``, dates as :class:`~datetime.date`, flags as ``bool``, an
empty cell as ``None``. :data:`COLUMN_TYPES` names each column's type.

A walk over an index of the triples, not SPARQL: rdflib's engine takes seconds for the
assignments join, this takes milliseconds and reads the same graph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from plankg.graph.rdf.build import Triple
from plankg.graph.rdf.index import Index
from plankg.graph.rdf.iris import plan_key_of
from plankg.graph.rdf.tasks import FAMILY_PREFIX
from plankg.ontology import PK, PKAT, PKCA, names
from plankg.tables import Table
from rdflib import URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SKOS, TIME

QUDT_VALUE = URIRef(names.QUDT_VALUE)

PLANS = (
    "plan",
    "source",
    "title",
    "region",
    "region_level",
    "province",
    "doc_number",
    "issued",
    "period_start",
    "period_end",
    "draft",
    "headline_value",
    "headline_unit",
    "cites",
)
ASSIGNMENTS = (
    "plan",
    "region",
    "action_kind",
    "action_no",
    "action_title",
    "measure_no",
    "measure_title",
    "role",
    "agency",
    "agency_surface",
    "agency_type",
    "stated_at",
)
TARGETS = (
    "plan",
    "region",
    "action_kind",
    "action_no",
    "measure_no",
    "text",
    "value",
    "unit",
    "comparator",
    "year",
    "per_year",
    "kind",
)
FAMILIES = (
    "family",
    "family_title",
    "canonical_action",
    "plan",
    "region",
    "action_kind",
    "action_no",
    "measure_no",
    "measure_title",
    "similarity",
)
TARGET_KINDS = {PK.headlineTarget: "headline", PK.baseline: "baseline"}
"""The plan's own targets by the link that names them; a measure's targets are ``measure``."""
COLUMN_TYPES = {
    **dict.fromkeys((*PLANS, *ASSIGNMENTS, *TARGETS, *FAMILIES), "text"),
    **dict.fromkeys(("action_no", "measure_no", "year", "period_start", "period_end"), "integer"),
    **dict.fromkeys(("value", "headline_value", "similarity"), "decimal"),
    **dict.fromkeys(("draft", "per_year"), "boolean"),
    "issued": "date",
}
"""Column → the type of its cells (``None`` for an empty cell): ``text`` (str), ``integer``
(int), ``decimal`` (Decimal), ``boolean`` (bool) or ``date`` (datetime.date)."""
YEAR = re.compile(r"-?\d{4,}")
"""The year of an ``xsd:gYear`` (``2025``, ``2025+08:00``)."""
START_CHAR = "start_char"
"""A column kept only to sort rows in the order of the plan text."""
ACTION_KINDS = {PK.EnhancementAction: "提升行动", PK.KeyProject: "重点工程"}
"""The Chinese labels of the action classes: a row's ``action_kind``."""


def plans_table(index: Index) -> Table:
    rows = [_plan_row(index, plan) for plan in index.subjects(RDF.type, PK.Plan)]
    return Table(PLANS, tuple(rows)).sorted_by("plan")


def _plan_row(index: Index, plan: URIRef) -> tuple[Any, ...]:
    region = index.one(plan, PK.region)
    headline = index.one(plan, PK.headlineTarget)
    cites = sorted(filter(None, (index.text(d, PK.docNumber) for d in index.all(plan, PK.cites))))
    return (
        plan_key_of(str(plan)),
        index.text(index.one(plan, PROV.wasDerivedFrom), PK.fileName),
        index.text(plan, DCTERMS.title),
        index.text(region, RDFS.label),
        _notation(index, region, PK.regionLevel),
        _province(index, region),
        index.text(plan, PK.docNumber),
        index.value(plan, DCTERMS.issued),
        _year(index, plan, DCTERMS.temporal, TIME.hasBeginning),
        _year(index, plan, DCTERMS.temporal, TIME.hasEnd),
        index.value(plan, PK.isDraft),
        index.value(headline, QUDT_VALUE) if headline else None,
        index.text(headline, PK.unitText) if headline else None,
        ";".join(cites),
    )


def _year(index: Index, node: URIRef | None, *path: URIRef) -> int | None:
    """The year of the instant at the end of ``path`` (its ``time:inXSDgYear``, an
    ``xsd:gYear``) as an int (rdflib gives it as text), a time zone after it left out."""
    for link in path:
        node = index.one(node, link) if node is not None else None
    found = YEAR.match(index.text(node, TIME.inXSDgYear) or "") if node is not None else None
    return int(found.group()) if found else None


def _notation(index: Index, node: URIRef | None, link: URIRef) -> str | None:
    """The notation of the concept ``node`` links to (``lead``, ``action``, ``>=``)."""
    concept = index.one(node, link) if node is not None else None
    return index.text(concept, SKOS.notation) if concept is not None else None


def _clause(index: Index, node: URIRef, link: URIRef) -> Any:
    """A property of the clause ``node`` was read from (its text, its first character)."""
    return index.value(index.one(node, PROV.wasDerivedFrom), link)


def _province(index: Index, region: URIRef | None) -> str | None:
    seen = set()
    while region is not None and region not in seen:
        seen.add(region)
        if index.one(region, PK.regionLevel) == PK.ProvinceLevel:
            return index.text(region, RDFS.label)
        region = index.one(region, PK.withinRegion)
    return None


def _actions(index: Index) -> Iterator[tuple[URIRef, str, URIRef]]:
    for plan in index.subjects(RDF.type, PK.Plan):
        region = index.text(index.one(plan, PK.region), RDFS.label) or ""
        for action in index.all(plan, PK.hasAction):
            yield plan, region, action


def _number(index: Index, node: URIRef) -> int:
    return int(index.value(node, PK.number))


def _action_cells(index: Index, plan: URIRef, region: str, action: URIRef) -> tuple[Any, ...]:
    """plan, region, action_kind, action_no: where a row stands."""
    kind = next(ACTION_KINDS[c] for c in index.all(action, RDF.type) if c in ACTION_KINDS)
    return plan_key_of(str(plan)), region, kind, _number(index, action)


def assignments_table(index: Index) -> Table:
    rows = []
    for plan, region, action in _actions(index):
        head = (*_action_cells(index, plan, region, action), index.text(action, DCTERMS.title))
        for measure in index.all(action, PK.hasMeasure):
            for assignment in index.subjects(PK.covers, measure):
                rows.append(head + _assignment_cells(index, measure, assignment))
    table = Table((*ASSIGNMENTS, START_CHAR), tuple(rows))
    order = ("plan", "action_kind", "action_no", "measure_no", "role", START_CHAR, "agency")
    return table.sorted_by(*order).without(START_CHAR)


def _assignment_cells(index: Index, measure: URIRef, assignment: URIRef) -> tuple[Any, ...]:
    agency = index.one(assignment, PK.assignedAgency)
    types = sorted(str(t)[len(str(PKAT)) :] for t in index.all(agency, ORG.classification))
    return (
        _number(index, measure),
        index.text(measure, DCTERMS.title),
        _notation(index, assignment, PK.role),
        index.text(agency, RDFS.label),
        index.text(assignment, PK.surfaceForm),
        ";".join(types),
        _notation(index, assignment, PK.statedAt),
        _clause(index, assignment, PK.startChar),
    )


def targets_table(index: Index) -> Table:
    rows = []
    for plan in index.subjects(RDF.type, PK.Plan):
        region = index.text(index.one(plan, PK.region), RDFS.label)
        head = (plan_key_of(str(plan)), region, None, None, None)
        for link, kind in TARGET_KINDS.items():
            rows += [(*head, *_target_cells(index, t), kind) for t in index.all(plan, link)]
    for plan, region, action in _actions(index):
        for measure in index.all(action, PK.hasMeasure):
            head = (*_action_cells(index, plan, region, action), _number(index, measure))
            for target in index.all(measure, PK.hasTarget):
                rows.append((*head, *_target_cells(index, target), "measure"))
    table = Table((*TARGETS[:-1], START_CHAR, TARGETS[-1]), tuple(rows))
    return table.sorted_by("plan", START_CHAR).without(START_CHAR)


def _target_cells(index: Index, target: URIRef) -> tuple[Any, ...]:
    """A target's cells; a baseline has no comparator nor per-year flag, its year is when it
    was observed."""
    return (
        _clause(index, target, PK.sourceText),
        index.value(target, QUDT_VALUE),
        index.text(target, PK.unitText),
        _notation(index, target, PK.comparator),
        _year(index, target, PK.dueBy) or _year(index, target, PK.observedAt),
        index.value(target, PK.perYear),
        _clause(index, target, PK.startChar),
    )


def families_table(index: Index) -> Table:
    """A row per member of a task family: the family (its IRI after ``id/family/``), its title
    and canonical action (notation), where the measure stands, and its similarity."""
    rows = []
    for plan, region, action in _actions(index):
        head = _action_cells(index, plan, region, action)
        for measure in index.all(action, PK.hasMeasure):
            family = index.one(measure, PK.memberOf)
            if family is not None:
                rows.append(_family_cells(index, family) + head + _member_cells(index, measure))
    return Table(FAMILIES, tuple(rows)).sorted_by(
        "canonical_action", "family", "plan", "action_kind", "action_no", "measure_no"
    )


def _family_cells(index: Index, family: URIRef) -> tuple[Any, ...]:
    canonical = index.one(family, PK.familyAction)
    return (
        str(family).removeprefix(FAMILY_PREFIX),
        index.text(family, DCTERMS.title),
        index.text(canonical, SKOS.notation) or str(canonical).removeprefix(str(PKCA)),
    )


def _member_cells(index: Index, measure: URIRef) -> tuple[Any, ...]:
    return (
        _number(index, measure),
        index.text(measure, DCTERMS.title),
        index.value(measure, PK.similarity),
    )


def csv_tables(triples: Iterable[Triple]) -> dict[str, Table]:
    index = Index(triples)
    return {
        "plans": plans_table(index),
        "assignments": assignments_table(index),
        "targets": targets_table(index),
        "families": families_table(index),
    }
