"""The plan model as RDF under the plankg ontology.

Each plan's triples fall in three named graphs: the plan's own (what it asserts, replaceable or
retractable alone), the derived graph (the shortcut links, a function of the assignments), and
the vocabulary graph (the concepts it uses, copied from the ontology). :func:`plan_graphs` keeps
them apart; :func:`plan_triples` gives their union, which is what the Turtle file holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata

from plankg.graph.rdf import iris
from plankg.graph.rdf.canonical import CanonicalAction, action_slugs
from plankg.graph.rdf.documents import (
    DocumentIndex,
    DocumentRecord,
    known_documents,
    number_iri,
)
from plankg.graph.rdf.quantities import as_written, quantity
from plankg.graph.rdf.regions import Place, place_of
from plankg.graph.rdf.tasks import corpus_families
from plankg.loaders.model import (
    Action,
    AgencyMention,
    Assignment,
    Deadline,
    Measure,
    Plan,
    Span,
    Target,
)
from plankg.ontology import PK, PKP
from plankg.ontology.index import vocabulary_index
from plankg.ontology.taxonomy import agency_types
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD
from rdflib.term import Node

PREFIXES = {
    "pk": "https://w3id.org/plankg/ontology#",
    "pkat": "https://w3id.org/plankg/agency-type/",
    "pkp": "https://w3id.org/plankg/population/",
    "pkca": "https://w3id.org/plankg/canonical-action/",
    "id": "https://w3id.org/plankg/id/",
    "dcterms": str(DCTERMS),
    "org": str(ORG),
    "prov": str(PROV),
    "skos": str(SKOS),
    "time": str(TIME),
    "qudt": "http://qudt.org/schema/qudt/",
    "unit": "http://qudt.org/vocab/unit/",
    "owl": str(OWL),
}
QUDT_VALUE = URIRef(PREFIXES["qudt"] + "numericValue")
QUDT_UNIT = URIRef(PREFIXES["qudt"] + "unit")
ROLES = {"lead": PK.LeadRole, "partner": PK.PartnerRole, "responsible": PK.ResponsibleRole}
SHORTCUTS = {"lead": PK.leads, "partner": PK.partnersIn, "responsible": PK.responsibleFor}
SCOPES = {"action": PK.ActionScope, "measure": PK.MeasureScope}
COMPARATORS = {">=": PK.AtLeast, ">": PK.MoreThan, "=": PK.Exactly, "<=": PK.AtMost}
LEVELS = {
    "national": PK.NationalLevel,
    "province": PK.ProvinceLevel,
    "city": PK.CityLevel,
    "county": PK.CountyLevel,
    "district": PK.DistrictLevel,
}
DEADLINE_KINDS = {
    "by": PK.DueByYear,
    "annual": PK.Annual,
    "ongoing": PK.Ongoing,
    "other": PK.OtherDeadline,
}
ACTION_CLASSES = {"提升行动": PK.EnhancementAction, "重点工程": PK.KeyProject}
CONCEPT_PREDICATES = (RDF.type, SKOS.prefLabel, SKOS.notation, SKOS.broader)


Triple = tuple[URIRef, URIRef, URIRef | Literal]
Quad = tuple[URIRef, URIRef, URIRef | Literal, URIRef]
"""A triple and the named graph it is in."""
Triples = dict[Triple, None]
"""Triples in the order they are made, each once (a dict as an ordered set)."""


def new_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, replace=True)
    return graph


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


@cache
def plankg_version() -> str:
    return metadata.version("plankg")


@cache
def _concept_triples(concept: URIRef) -> tuple[Triple, ...]:
    """The concept as the data needs it: type, labels, notation, broader (with the broader
    concept's own, for the canonical actions' groups)."""
    vocabulary = vocabulary_index()
    found = tuple(
        (concept, predicate, value)
        for predicate in CONCEPT_PREDICATES
        for value in sorted(_terms(vocabulary.objects(concept, predicate)))
    )
    broader = [o for _, p, o in found if p == SKOS.broader and isinstance(o, URIRef)]
    return found + tuple(t for b in broader for t in _concept_triples(b))


@cache
def _document_triples(document: URIRef) -> tuple[Triple, ...]:
    """A known document (an outline) as ``ontology/actions.ttl`` describes it."""
    vocabulary = vocabulary_index()
    return tuple(
        (document, p, o)
        for p in (RDF.type, PK.docNumber, DCTERMS.title, DCTERMS.alternative)
        for o in sorted(_terms(vocabulary.objects(document, p)))
    )


def _terms(nodes: Iterable[Node]) -> list[URIRef | Literal]:
    return [node for node in nodes if isinstance(node, URIRef | Literal)]


@dataclass
class PlanGraphs:
    """One plan's triples by named graph."""

    key: str
    asserted: Triples = field(default_factory=dict)
    derived: Triples = field(default_factory=dict)
    vocabulary: Triples = field(default_factory=dict)

    def all(self) -> Triples:
        return {**self.asserted, **self.derived, **self.vocabulary}

    def quads(self) -> list[Quad]:
        """The triples with their named graph: the plan's, the derived, the vocabulary."""
        own = iris.plan_graph_iri(self.key)
        return [
            *((s, p, o, own) for s, p, o in self.asserted),
            *((s, p, o, iris.DERIVED_GRAPH) for s, p, o in self.derived),
            *((s, p, o, iris.VOCABULARY_GRAPH) for s, p, o in self.vocabulary),
        ]


def plan_graphs(
    plan: Plan, key: str, documents: DocumentIndex | None = None, citations: bool = True
) -> PlanGraphs:
    """The triples of one plan by named graph. ``documents`` resolves its citations (by default
    from the plan alone and the known documents); ``citations=False`` leaves them out, for a
    caller that resolves them across a corpus later (:func:`citation_graphs`)."""
    writer = _PlanWriter(plan, key)
    writer.write()
    if citations:
        record = DocumentRecord.of(plan, iris.plan_iri(key))
        _cite(writer.graphs, record, documents or DocumentIndex.of([record]))
    return writer.graphs


def plan_triples(plan: Plan, key: str, documents: DocumentIndex | None = None) -> Triples:
    """The triples of one plan, in the order they are made."""
    return plan_graphs(plan, key, documents).all()


def citation_graphs(record: DocumentRecord, key: str, documents: DocumentIndex) -> PlanGraphs:
    """A plan's citations alone, resolved with ``documents``."""
    graphs = PlanGraphs(key)
    _cite(graphs, record, documents)
    return graphs


def _cite(graphs: PlanGraphs, record: DocumentRecord, documents: DocumentIndex) -> None:
    add = graphs.asserted.setdefault
    for doc_number, title in record.citations:
        document = documents.resolve(doc_number, title)
        add((record.iri, PK.cites, document))
        add((document, RDF.type, PK.Document))
        if doc_number:
            add((document, PK.docNumber, Literal(doc_number)))
        if title:
            add((document, DCTERMS.alternative, zh(title)))
        graphs.vocabulary.update(dict.fromkeys(_known(document)))


def _known(document: URIRef) -> tuple[Triple, ...]:
    numbers = {k.doc_number for k in known_documents()}
    return _document_triples(document) if any(document == number_iri(n) for n in numbers) else ()


def corpus_links(keys: Sequence[str]) -> Triples:
    """Facts across plans, for the derived graph: a final plan is a revision of its draft
    (``prov:wasRevisionOf``) when both are loaded."""
    present = set(keys)
    return {
        (iris.plan_iri(key), PROV.wasRevisionOf, iris.plan_iri(f"{key}-draft")): None
        for key in keys
        if not key.endswith("-draft") and f"{key}-draft" in present
    }


def corpus_graphs(plans: Sequence[Plan], keys: Sequence[str]) -> list[PlanGraphs]:
    """Every plan's graphs, citations resolved across the corpus."""
    records = [DocumentRecord.of(p, iris.plan_iri(k)) for p, k in zip(plans, keys, strict=True)]
    documents = DocumentIndex.of(records)
    return [plan_graphs(p, k, documents) for p, k in zip(plans, keys, strict=True)]


def corpus_quads(plans: Sequence[Plan], keys: Sequence[str]) -> list[Quad]:
    """The dataset of ``plans``: each plan's named graph, the derived graph (with the task
    families of all of them), the vocabulary."""
    quads: dict[Quad, None] = {}
    for graphs in corpus_graphs(plans, keys):
        quads.update(dict.fromkeys(graphs.quads()))
    derived = {**corpus_links(keys), **corpus_families(plans, keys)}
    quads.update(dict.fromkeys((s, p, o, iris.DERIVED_GRAPH) for s, p, o in derived))
    return list(quads)


def build_triples(plans: Iterable[Plan], keys: Iterable[str] | None = None) -> set[Triple]:
    """The triples of ``plans``; ``keys`` overrides their IRI keys (see :func:`iris.plan_key`)."""
    return set(ordered_triples(plans, keys))


def ordered_triples(plans: Iterable[Plan], keys: Iterable[str] | None = None) -> list[Triple]:
    """The triples of ``plans``, each once, in the order they are made, plan by plan, then the
    links across plans and the task families. Walking them in this order is about twice as fast
    as in a set's hash order (neighbouring triples share terms that are near each other in
    memory), which matters to a push of millions."""
    plans = list(plans)
    keys = list(keys) if keys is not None else [iris.plan_key(p) for p in plans]
    triples: Triples = {}
    for graphs in corpus_graphs(plans, keys):
        triples.update(graphs.all())
    triples.update(corpus_links(keys))
    triples.update(corpus_families(plans, keys))
    return list(triples)


def sorted_triples(triples: Iterable[Triple]) -> list[Triple]:
    """The triples by subject, predicate and object (as text): a stable order for writers."""
    return sorted(triples, key=lambda t: (str(t[0]), str(t[1]), str(t[2])))


def graph_of(triples: Iterable[Triple]) -> Graph:
    graph = new_graph()
    graph.addN((s, p, o, graph) for s, p, o in triples)
    return graph


class _PlanWriter:
    """Writes one plan; holds what every triple of it shares (its source, region, IRI)."""

    def __init__(self, plan: Plan, key: str) -> None:
        self.graphs = PlanGraphs(key)
        self.add = self.graphs.asserted.setdefault
        self.plan = plan
        self.node = iris.plan_iri(key)
        self.sha256 = plan.source.sha256
        self.source = iris.source_iri(plan.source.sha256)
        self.place = place_of(plan.region)
        self.clauses: dict[Span, URIRef] = {}
        """The clauses written: an assignment's clause is the derivation of each of its
        agencies' assignments, written once."""
        self.agencies: dict[str, URIRef] = {}

    def write(self) -> None:
        self._source()
        self._plan()
        self.add((self.node, PK.region, self._region(self.place)))
        for (slug, canonical), action in zip(
            action_slugs(self.plan), self.plan.actions, strict=True
        ):
            self._action(action, iris.action_iri(self.node, slug), canonical)
        self._targets()
        self._phases()
        if self.plan.coordinating_office:
            office = self._agency(self.plan.coordinating_office)
            self.add((self.node, PK.coordinatingOffice, office))

    def _source(self) -> None:
        version = plankg_version()
        extraction, software = iris.extraction_iri(self.sha256, version), iris.software_iri(version)
        add = self.add
        add((self.source, RDF.type, PK.SourceFile))
        add((self.source, PK.fileName, Literal(self.plan.source.name)))
        add((self.source, PK.sha256, Literal(self.sha256)))
        add((extraction, RDF.type, PK.Extraction))
        add((extraction, PROV.used, self.source))
        add((extraction, PROV.wasAssociatedWith, software))
        add((software, RDF.type, PROV.SoftwareAgent))
        add((software, RDFS.label, Literal(f"plankg {version}", lang="en")))
        add((software, OWL.versionInfo, Literal(version)))
        add((self.node, PROV.wasGeneratedBy, extraction))

    def _plan(self) -> None:
        plan, add = self.plan, self.add
        add((self.node, RDF.type, PK.Plan))
        add((self.node, DCTERMS.title, zh(plan.title)))
        add((self.node, PROV.wasDerivedFrom, self.source))
        add((self.node, PK.isDraft, Literal(plan.draft)))
        if plan.period:
            add((self.node, DCTERMS.temporal, self._period(*plan.period)))
        if plan.doc_number:
            add((self.node, PK.docNumber, Literal(plan.doc_number)))
        if plan.issued:
            add((self.node, DCTERMS.issued, Literal(plan.issued.isoformat(), datatype=XSD.date)))
        if plan.issuer:
            add((self.node, PK.issuerName, zh(plan.issuer)))

    def _region(self, place: Place) -> URIRef:
        node = iris.region_iri(place.key)
        self.add((node, RDF.type, PK.Region))
        self.add((node, RDFS.label, zh(place.name)))
        self.add((node, PK.regionLevel, self._concept(LEVELS[place.level])))
        if place.code:
            self.add((node, SKOS.notation, Literal(place.code, datatype=PK.GBT2260)))
        if place.within:
            self.add((node, PK.withinRegion, self._region(place.within)))
        return node

    def _clause(self, node: URIRef, span: Span) -> None:
        """``node`` was read from ``span``: a clause node, one per span of the source."""
        clause = self.clauses.get(span)
        if clause is not None:
            self.add((node, PROV.wasDerivedFrom, clause))
            return
        clause = self.clauses[span] = iris.clause_iri(self.sha256, span)
        add = self.add
        add((node, PROV.wasDerivedFrom, clause))
        add((clause, RDF.type, PK.Clause))
        add((clause, DCTERMS.isPartOf, self.source))
        add((clause, PK.sourceText, Literal(span.text)))
        add((clause, PK.startChar, Literal(span.start)))
        add((clause, PK.endChar, Literal(span.end)))
        add((clause, PK.startLine, Literal(span.line)))
        add((clause, PK.endLine, Literal(span.end_line)))

    def _year(self, year: int, end: bool = True) -> URIRef:
        """The instant ``year`` ends (by default: 到2025年 is by its end) or begins: the year at
        year precision, and the day."""
        node = iris.year_iri(year, end)
        day = f"{year:04d}-12-31" if end else f"{year:04d}-01-01"
        self.add((node, RDF.type, TIME.Instant))
        self.add((node, TIME.inXSDgYear, Literal(f"{year:04d}", datatype=XSD.gYear)))
        self.add((node, TIME.inXSDDate, Literal(day, datatype=XSD.date)))
        return node

    def _period(self, start: int, end: int) -> URIRef:
        """From the start of year ``start`` to the end of year ``end``."""
        node = iris.period_iri(start, end)
        self.add((node, RDF.type, TIME.ProperInterval))
        self.add((node, TIME.hasBeginning, self._year(start, end=False)))
        self.add((node, TIME.hasEnd, self._year(end)))
        return node

    def _action(self, action: Action, node: URIRef, canonical: CanonicalAction | None) -> None:
        add = self.add
        add((self.node, PK.hasAction, node))
        add((node, RDF.type, PK.Action))
        add((node, RDF.type, ACTION_CLASSES[action.kind]))
        add((node, PK.number, Literal(action.number)))
        add((node, DCTERMS.title, zh(action.title)))
        if canonical:
            add((node, PK.implements, self._concept(canonical.iri)))
        if action.population:
            add((node, PK.targetPopulation, self._concept(PKP[action.population])))
        self._clause(node, heading(action, self.plan.source.text))
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
        self._clause(node, measure.span)
        if not any(a.leads for a in action.assignments_of(measure)):
            add((node, PK.noLeadStated, Literal(True)))
        for index, target in enumerate(measure.targets, start=1):
            self._target(node, PK.hasTarget, iris.target_iri(node, index), target)
        if measure.deadline:
            self._deadline(node, measure.deadline)
        return node

    def _assignment(self, stated_in: URIRef, assignment: Assignment, covers: list[URIRef]) -> None:
        scope = self._concept(SCOPES[assignment.stated_at])
        for role, mention in assignment.agencies:
            agency = self._agency(mention)
            node = iris.assignment_iri(stated_in, role, mention.name)
            add = self.add
            add((stated_in, PK.hasAssignment, node))
            add((node, RDF.type, PK.Assignment))
            add((node, PK.assignedAgency, agency))
            add((node, PK.role, self._concept(ROLES[role])))
            add((node, PK.statedAt, scope))
            add((node, PK.surfaceForm, Literal(mention.surface)))
            self._clause(node, assignment.span)
            for measure in covers:
                add((node, PK.covers, measure))
                self.graphs.derived.setdefault((agency, SHORTCUTS[role], measure))
        for index, count in enumerate(assignment.counts, start=1):
            node = iris.count_iri(stated_in, count.role, index)
            self.add((stated_in, PK.hasAgencyCount, node))
            self.add((node, RDF.type, PK.AgencyCount))
            self.add((node, PK.role, self._concept(ROLES[count.role])))
            self.add((node, PK.statedAt, scope))
            self.add((node, PK.surfaceForm, Literal(count.text)))
            self._clause(node, count.span)

    def _concept(self, concept: URIRef) -> URIRef:
        self.graphs.vocabulary.update(dict.fromkeys(_concept_triples(concept)))
        return concept

    def _agency(self, mention: AgencyMention) -> URIRef:
        node = self.agencies.get(mention.name)
        if node is None:
            node = self.agencies[mention.name] = self._new_agency(mention.name)
        return node

    def _new_agency(self, name: str) -> URIRef:
        node = iris.agency_iri(self.place.key, name)
        self.add((node, RDF.type, PK.Agency))
        self.add((node, RDFS.label, zh(name)))
        self.add((node, PK.jurisdiction, iris.region_iri(self.place.key)))
        for agency_type in agency_types(name):
            self.add((node, ORG.classification, self._concept(agency_type)))
        return node

    def _quantity(self, node: URIRef, target: Target, ranged: bool = True) -> None:
        """The QUDT quantity value, and the quantity as written (``pk:surfaceForm``)."""
        upper = target.value_max if ranged else None
        amount = quantity(target.value, target.unit, upper)
        self.add((node, PK.surfaceForm, Literal(as_written(target.value, target.unit, upper))))
        self.add((node, QUDT_VALUE, Literal(amount.value, datatype=XSD.decimal)))
        if amount.upper is not None:
            self.add((node, PK.upperValue, Literal(amount.upper, datatype=XSD.decimal)))
        self.add((node, PK.unitText, Literal(amount.unit_text)))
        if amount.unit:
            self.add((node, QUDT_UNIT, amount.unit))

    def _target(self, owner: URIRef, link: URIRef, node: URIRef, target: Target) -> None:
        add = self.add
        add((owner, link, node))
        add((node, RDF.type, PK.Target))
        self._quantity(node, target)
        add((node, PK.comparator, self._concept(COMPARATORS[target.comparator])))
        add((node, PK.perYear, Literal(target.per_year)))
        add((node, PK.hedged, Literal(target.hedged)))
        add((node, PK.each, Literal(target.each)))
        if target.year:
            add((node, PK.dueBy, self._year(target.year)))
        self._clause(node, target.span)

    def _baseline(self, baseline: Target) -> None:
        node = URIRef(f"{self.node}/baseline")
        self.add((self.node, PK.baseline, node))
        self.add((node, RDF.type, PK.Baseline))
        self._quantity(node, baseline, ranged=False)
        if baseline.year:
            self.add((node, PK.observedAt, self._year(baseline.year)))
        self._clause(node, baseline.span)

    def _deadline(self, measure: URIRef, deadline: Deadline) -> None:
        node = URIRef(f"{measure}/deadline")
        self.add((measure, PK.deadline, node))
        self.add((node, RDF.type, PK.Deadline))
        self.add((node, PK.deadlineKind, self._concept(DEADLINE_KINDS[deadline.kind])))
        self.add((node, PK.surfaceForm, Literal(deadline.text)))
        if deadline.kind == "by" and deadline.year:
            self.add((node, PK.dueBy, self._year(deadline.year)))
        self._clause(node, deadline.span)

    def _targets(self) -> None:
        plan = self.plan
        if plan.headline:
            self._target(
                self.node, PK.headlineTarget, URIRef(f"{self.node}/headline"), plan.headline
            )
        if plan.long_term:
            node = URIRef(f"{self.node}/long-term")
            self._target(self.node, PK.longTermTarget, node, plan.long_term)
        if plan.baseline:
            self._baseline(plan.baseline)

    def _phases(self) -> None:
        for index, phase in enumerate(self.plan.phases, start=1):
            node = URIRef(f"{self.node}/phase/{index}")
            add = self.add
            add((self.node, PK.hasPhase, node))
            add((node, RDF.type, PK.Phase))
            add((node, PK.number, Literal(index)))
            add((node, DCTERMS.title, zh(phase.name)))
            add((node, DCTERMS.temporal, self._period(phase.start_year, phase.end_year)))
            self._clause(node, phase.span)


def heading(action: Action, source: str) -> Span:
    """An action's clause is its heading (``（五）科学素质交流合作工程``), not its whole section,
    whose measures have clauses of their own; the whole span where the title cannot be found."""
    span = action.span
    in_source = source.find(action.title, span.start, span.end)
    in_text = span.text.find(action.title)
    if in_source < 0 or in_text < 0:
        return span
    text = span.text[: in_text + len(action.title)]
    end = in_source + len(action.title)
    return Span(span.start, end, span.line, span.line + source.count("\n", span.start, end), text)
