"""The plan model as RDF under the plankg ontology."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from plankg.graph.rdf import iris
from plankg.loaders.model import (
    Action,
    AgencyMention,
    Assignment,
    Measure,
    Plan,
    Region,
    Span,
    Target,
)
from plankg.ontology import PK, PKP, ontology_graph
from plankg.ontology.taxonomy import agency_types
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

PREFIXES = {
    "pk": "https://w3id.org/plankg/ontology#",
    "pkat": "https://w3id.org/plankg/agency-type/",
    "pkp": "https://w3id.org/plankg/population/",
    "id": "https://w3id.org/plankg/id/",
    "dcterms": str(DCTERMS),
    "org": str(ORG),
    "prov": str(PROV),
}
ROLES = {"lead": PK.LeadRole, "partner": PK.PartnerRole}
SHORTCUTS = {"lead": PK.leads, "partner": PK.partnersIn}
ACTION_CLASSES = {"提升行动": PK.EnhancementAction, "重点工程": PK.KeyProject}


Triple = tuple[URIRef, URIRef, URIRef | Literal]


def new_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, replace=True)
    return graph


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def year(value: int) -> Literal:
    return Literal(f"{value:04d}", datatype=XSD.gYear)


@cache
def _concept_triples(concept: URIRef) -> tuple[Triple, ...]:
    vocabulary = ontology_graph()
    return tuple(
        (concept, predicate, value)
        for predicate in (RDF.type, SKOS.prefLabel, RDFS.label)
        for value in sorted(_terms(vocabulary.objects(concept, predicate)))
    )


def _terms(nodes: Iterable[Node]) -> list[URIRef | Literal]:
    return [node for node in nodes if isinstance(node, URIRef | Literal)]


def build_triples(plans: Iterable[Plan], keys: Iterable[str] | None = None) -> set[Triple]:
    """The triples of ``plans``; ``keys`` overrides their IRI keys (see :func:`iris.plan_key`)."""
    return set(ordered_triples(plans, keys))


def ordered_triples(plans: Iterable[Plan], keys: Iterable[str] | None = None) -> list[Triple]:
    """The triples of ``plans``, each once, in the order they are made, plan by plan. Walking
    them in this order is about twice as fast as in a set's hash order (neighbouring triples
    share terms that are near each other in memory), which matters to a push of millions."""
    plans = list(plans)
    keys = keys or [iris.plan_key(p) for p in plans]
    triples: dict[Triple, None] = {}
    for plan, key in zip(plans, keys, strict=True):
        triples.update(plan_triples(plan, key))
    return list(triples)


def sorted_triples(triples: Iterable[Triple]) -> list[Triple]:
    """The triples by subject, predicate and object (as text): a stable order for writers."""
    return sorted(triples, key=lambda t: (str(t[0]), str(t[1]), str(t[2])))


def graph_of(triples: Iterable[Triple]) -> Graph:
    graph = new_graph()
    graph.addN((s, p, o, graph) for s, p, o in triples)
    return graph


def plan_triples(plan: Plan, key: str) -> dict[Triple, None]:
    """The triples of one plan, in the order they are made (a dict as an ordered set)."""
    writer = _PlanWriter(plan, iris.plan_iri(key))
    writer.write()
    return writer.triples


class _PlanWriter:
    """Writes one plan; holds what every triple of it shares (its source, region, IRI)."""

    def __init__(self, plan: Plan, node: URIRef) -> None:
        self.triples: dict[Triple, None] = {}
        self.add = self.triples.setdefault
        self.plan = plan
        self.node = node
        self.source = iris.source_iri(plan.source.sha256)
        self.region = plan.region.name

    def write(self) -> None:
        self._source()
        self._plan()
        region = self._region(self.plan.region)
        self.add((self.node, PK.region, region))
        for action in self.plan.actions:
            self._action(action)
        self._targets()
        self._phases()
        self._citations()
        if self.plan.coordinating_office:
            office = self._agency(self.plan.coordinating_office)
            self.add((self.node, PK.coordinatingOffice, office))

    def _source(self) -> None:
        self.add((self.source, RDF.type, PK.SourceFile))
        self.add((self.source, PK.fileName, Literal(self.plan.source.name)))
        self.add((self.source, PK.sha256, Literal(self.plan.source.sha256)))

    def _plan(self) -> None:
        plan, add = self.plan, self.add
        add((self.node, RDF.type, PK.Plan))
        add((self.node, DCTERMS.title, zh(plan.title)))
        add((self.node, PROV.wasDerivedFrom, self.source))
        add((self.node, PK.isDraft, Literal(plan.draft)))
        if plan.period:
            add((self.node, PK.periodStart, year(plan.period[0])))
            add((self.node, PK.periodEnd, year(plan.period[1])))
        if plan.doc_number:
            add((self.node, PK.docNumber, Literal(plan.doc_number)))
        if plan.issued:
            add((self.node, DCTERMS.issued, Literal(plan.issued.isoformat(), datatype=XSD.date)))
        if plan.issuer:
            add((self.node, PK.issuerName, zh(plan.issuer)))

    def _region(self, region: Region) -> URIRef:
        node = iris.region_iri(region.name)
        self.add((node, RDF.type, PK.Region))
        self.add((node, RDFS.label, zh(region.name)))
        self.add((node, PK.regionLevel, Literal(region.level)))
        parent = region.parent or region.province
        if parent and parent != region.name:
            level = "city" if region.parent else "province"
            upper = Region(parent, level, province=region.province if region.parent else None)  # type: ignore[arg-type]
            self.add((node, PK.withinRegion, self._region(upper)))
        return node

    def _provenance(self, node: URIRef, span: Span) -> None:
        add = self.add
        add((node, PROV.wasDerivedFrom, self.source))
        add((node, PK.sourceText, Literal(span.text)))
        add((node, PK.startChar, Literal(span.start)))
        add((node, PK.endChar, Literal(span.end)))
        add((node, PK.startLine, Literal(span.line)))
        add((node, PK.endLine, Literal(span.end_line)))

    def _action(self, action: Action) -> None:
        node = iris.action_iri(self.node, action)
        add = self.add
        add((self.node, PK.hasAction, node))
        add((node, RDF.type, PK.Action))
        add((node, RDF.type, ACTION_CLASSES[action.kind]))
        add((node, PK.actionKind, Literal(action.kind)))
        add((node, PK.number, Literal(action.number)))
        add((node, DCTERMS.title, zh(action.title)))
        if action.population:
            add((node, PK.targetPopulation, self._concept(PKP[action.population])))
        self._provenance(node, action.span)
        measures = [(m, self._measure(node, m, action)) for m in action.measures]
        if action.assignment:
            self._assignment(node, action.assignment, [n for _, n in measures])
        for measure, measure_node in measures:
            if measure.assignment:
                self._assignment(measure_node, measure.assignment, [measure_node])

    def _measure(self, action_node: URIRef, measure: Measure, action: Action) -> URIRef:
        node = iris.measure_iri(action_node, measure)
        add = self.add
        add((action_node, PK.hasMeasure, node))
        add((node, RDF.type, PK.Measure))
        add((node, PK.number, Literal(measure.number)))
        add((node, DCTERMS.title, zh(measure.title)))
        add((node, DCTERMS.description, zh(measure.text)))
        self._provenance(node, measure.span)
        if not any(a.leads for a in action.assignments_of(measure)):
            add((node, PK.noLeadStated, Literal(True)))
        for index, target in enumerate(measure.targets, start=1):
            self._target(node, PK.hasTarget, iris.target_iri(node, index), target)
        return node

    def _assignment(self, stated_in: URIRef, assignment: Assignment, covers: list[URIRef]) -> None:
        for role, mentions in (("lead", assignment.leads), ("partner", assignment.partners)):
            for mention in mentions:
                agency = self._agency(mention)
                node = iris.assignment_iri(stated_in, role, mention.name)
                add = self.add
                add((stated_in, PK.hasAssignment, node))
                add((node, RDF.type, PK.Assignment))
                add((node, PK.assignedAgency, agency))
                add((node, PK.role, self._concept(ROLES[role])))
                add((node, PK.statedAt, Literal(assignment.stated_at)))
                add((node, PK.surfaceForm, Literal(mention.surface)))
                self._provenance(node, assignment.span)
                for measure in covers:
                    add((node, PK.covers, measure))
                    add((agency, SHORTCUTS[role], measure))

    def _concept(self, concept: URIRef) -> URIRef:
        self.triples.update(dict.fromkeys(_concept_triples(concept)))
        return concept

    def _agency(self, mention: AgencyMention) -> URIRef:
        node = iris.agency_iri(self.region, mention.name)
        self.add((node, RDF.type, PK.Agency))
        self.add((node, RDFS.label, zh(mention.name)))
        self.add((node, PK.jurisdiction, iris.region_iri(self.region)))
        for agency_type in agency_types(mention.name):
            self.add((node, ORG.classification, self._concept(agency_type)))
        return node

    def _target(self, owner: URIRef, link: URIRef, node: URIRef, target: Target) -> None:
        add = self.add
        add((owner, link, node))
        add((node, RDF.type, PK.Target))
        add((node, PK.value, Literal(target.value, datatype=XSD.decimal)))
        add((node, PK.unit, Literal(target.unit)))
        add((node, PK.comparator, Literal(target.comparator)))
        add((node, PK.perYear, Literal(target.per_year)))
        if target.year:
            add((node, PK.year, year(target.year)))
        self._provenance(node, target.span)

    def _targets(self) -> None:
        if self.plan.headline:
            node = URIRef(f"{self.node}/headline")
            self._target(self.node, PK.headlineTarget, node, self.plan.headline)
        if self.plan.baseline:
            node = URIRef(f"{self.node}/baseline")
            self._target(self.node, PK.baseline, node, self.plan.baseline)

    def _phases(self) -> None:
        for index, phase in enumerate(self.plan.phases, start=1):
            node = URIRef(f"{self.node}/phase/{index}")
            add = self.add
            add((self.node, PK.hasPhase, node))
            add((node, RDF.type, PK.Phase))
            add((node, PK.number, Literal(index)))
            add((node, DCTERMS.title, zh(phase.name)))
            add((node, PK.startYear, year(phase.start_year)))
            add((node, PK.endYear, year(phase.end_year)))
            self._provenance(node, phase.span)

    def _citations(self) -> None:
        for citation in self.plan.citations:
            node = iris.document_iri(citation.doc_number, citation.title)
            self.add((self.node, PK.cites, node))
            self.add((node, RDF.type, PK.Document))
            if citation.doc_number:
                self.add((node, PK.docNumber, Literal(citation.doc_number)))
            if citation.title:
                self.add((node, DCTERMS.title, zh(citation.title)))
