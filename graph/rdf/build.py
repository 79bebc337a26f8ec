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
from typing import TYPE_CHECKING, Generic, TypeAlias, cast

from plankg.graph.rdf import iris
from plankg.graph.rdf.canonical import CanonicalAction, action_slugs
from plankg.graph.rdf.concepts import concept_rows, document_rows
from plankg.graph.rdf.documents import (
    DocumentIndex,
    DocumentRecord,
    known_documents,
    number_iri,
)
from plankg.graph.rdf.quantities import as_written, quantity
from plankg.graph.rdf.regions import Place, place_of
from plankg.graph.rdf.tasks import corpus_families
from plankg.graph.rdf.terms import T, Terms
from plankg.graph.rdf.terms import Triple as RdflibTriple
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
from plankg.ontology.names import (
    ALTERNATIVE,
    ASSOCIATED_WITH,
    BEGINNING,
    CLASSIFICATION,
    DATE,
    DCTERMS,
    DERIVED_FROM,
    DESCRIPTION,
    END,
    GENERATED_BY,
    GYEAR,
    IN_DATE,
    IN_GYEAR,
    INSTANT,
    IS_PART_OF,
    ISSUED,
    LABEL,
    NOTATION,
    ORG,
    OWL,
    PK,
    POPULATIONS,
    PROPER_INTERVAL,
    PROV,
    QUDT,
    QUDT_UNIT,
    QUDT_VALUE,
    REVISION_OF,
    SKOS,
    SOFTWARE_AGENT,
    TEMPORAL,
    TIME,
    TITLE,
    TYPE,
    UNIT,
    USED,
    VERSION_INFO,
)
from plankg.ontology.type_names import type_names
from plankg.version import installed_version

if TYPE_CHECKING:  # rdflib is imported by the functions that make rdflib terms or graphs
    from rdflib import Graph, Literal, URIRef

PREFIXES = {
    "pk": "https://w3id.org/plankg/ontology#",
    "pkat": "https://w3id.org/plankg/agency-type/",
    "pkp": "https://w3id.org/plankg/population/",
    "pkca": "https://w3id.org/plankg/canonical-action/",
    "id": "https://w3id.org/plankg/id/",
    "dcterms": DCTERMS,
    "org": ORG,
    "prov": PROV,
    "skos": SKOS,
    "time": TIME,
    "qudt": QUDT,
    "unit": UNIT,
    "owl": OWL,
}
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


Triple = RdflibTriple
Quad: TypeAlias = "tuple[URIRef, URIRef, URIRef | Literal, URIRef]"
"""A triple and the named graph it is in."""
Triples = dict[Triple, None]
"""Triples in the order they are made, each once (a dict as an ordered set)."""


def new_graph() -> Graph:
    from rdflib import Graph

    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, replace=True)
    return graph


@cache
def plankg_version() -> str:
    return installed_version()


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
        from rdflib import URIRef

        own, derived = iris.plan_graph_iri(self.key), URIRef(iris.DERIVED_GRAPH)
        vocabulary = URIRef(iris.VOCABULARY_GRAPH)
        return [
            *((s, p, o, own) for s, p, o in self.asserted),
            *((s, p, o, derived) for s, p, o in self.derived),
            *((s, p, o, vocabulary) for s, p, o in self.vocabulary),
        ]


def plan_graphs(
    plan: Plan, key: str, documents: DocumentIndex | None = None, citations: bool = True
) -> PlanGraphs:
    """The triples of one plan by named graph. ``documents`` resolves its citations (by default
    from the plan alone and the known documents); ``citations=False`` leaves them out, for a
    caller that resolves them across a corpus later (:func:`citation_graphs`)."""
    from plankg.graph.rdf.rdflib_terms import RDFLIB_TERMS

    written = write_plan(plan, key, RDFLIB_TERMS)
    parts = (written.asserted, written.derived, written.vocabulary)
    # rdflib terms: subjects and predicates are IRIs, as :data:`Triple` says
    graphs = PlanGraphs(key, *(cast(Triples, part) for part in parts))
    if citations:
        record = DocumentRecord.of(plan, iris.plan_node(key))
        cited = cite(RDFLIB_TERMS, key, record, documents or DocumentIndex.of([record]))
        graphs.asserted.update(cast(Triples, cited.asserted))
        graphs.vocabulary.update(cast(Triples, cited.vocabulary))
    return graphs


def plan_triples(plan: Plan, key: str, documents: DocumentIndex | None = None) -> Triples:
    """The triples of one plan, in the order they are made."""
    return plan_graphs(plan, key, documents).all()


def citation_graphs(record: DocumentRecord, key: str, documents: DocumentIndex) -> PlanGraphs:
    """A plan's citations alone, resolved with ``documents`` (rdflib terms)."""
    from plankg.graph.rdf.rdflib_terms import RDFLIB_TERMS

    cited = cite(RDFLIB_TERMS, key, record, documents)
    return PlanGraphs(key, cast(Triples, cited.asserted), {}, cast(Triples, cited.vocabulary))


def cite(
    terms: Terms[T], key: str, record: DocumentRecord, documents: DocumentIndex
) -> TermGraphs[T]:
    """A plan's citations, resolved with ``documents``, as ``terms`` makes them: the documents
    it cites (its graph), and those the outlines describe (the vocabulary)."""
    graphs = TermGraphs[T](key)
    add, k, iri = graphs.asserted.setdefault, terms.constants, terms.iri
    for doc_number, title in record.citations:
        document = documents.resolve(doc_number, title)
        node = iri(document)
        add((iri(record.iri), k[PK.cites], node))
        add((node, k[TYPE], k[PK.Document]))
        if doc_number:
            add((node, k[PK.docNumber], terms.plain(doc_number)))
        if title:
            add((node, k[ALTERNATIVE], terms.tagged(title, "zh")))
        if _known(document):
            graphs.vocabulary.update(dict.fromkeys(terms.concept(document, document_rows)))
    return graphs


def _known(document: str) -> bool:
    return any(document == number_iri(k.doc_number) for k in known_documents())


def corpus_links(keys: Sequence[str]) -> Triples:
    """Facts across plans, for the derived graph: a final plan is a revision of its draft
    (``prov:wasRevisionOf``) when both are loaded (rdflib terms)."""
    from plankg.graph.rdf.rdflib_terms import RDFLIB_TERMS

    return cast(Triples, revision_links(RDFLIB_TERMS, keys))


def revision_links(terms: Terms[T], keys: Sequence[str]) -> dict[tuple[T, T, T], None]:
    """:func:`corpus_links` as ``terms`` makes them."""
    present, iri, revision_of = set(keys), terms.iri, terms.constants[REVISION_OF]
    return {
        (iri(iris.plan_node(key)), revision_of, iri(iris.plan_node(f"{key}-draft"))): None
        for key in keys
        if not key.endswith("-draft") and f"{key}-draft" in present
    }


def corpus_graphs(plans: Sequence[Plan], keys: Sequence[str]) -> list[PlanGraphs]:
    """Every plan's graphs, citations resolved across the corpus."""
    records = [DocumentRecord.of(p, iris.plan_node(k)) for p, k in zip(plans, keys, strict=True)]
    documents = DocumentIndex.of(records)
    return [plan_graphs(p, k, documents) for p, k in zip(plans, keys, strict=True)]


def corpus_quads(plans: Sequence[Plan], keys: Sequence[str]) -> list[Quad]:
    """The dataset of ``plans``: each plan's named graph, the derived graph (with the task
    families of all of them), the vocabulary."""
    quads: dict[Quad, None] = {}
    for graphs in corpus_graphs(plans, keys):
        quads.update(dict.fromkeys(graphs.quads()))
    from rdflib import URIRef

    derived = {**corpus_links(keys), **corpus_families(plans, keys)}
    graph = URIRef(iris.DERIVED_GRAPH)
    quads.update(dict.fromkeys((s, p, o, graph) for s, p, o in derived))
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


@dataclass
class TermGraphs(Generic[T]):
    """One plan's triples by named graph, in the terms of a :class:`~.terms.Terms` factory."""

    key: str
    asserted: dict[tuple[T, T, T], None] = field(default_factory=dict)
    derived: dict[tuple[T, T, T], None] = field(default_factory=dict)
    vocabulary: dict[tuple[T, T, T], None] = field(default_factory=dict)


def write_plan(plan: Plan, key: str, terms: Terms[T]) -> TermGraphs[T]:
    """The triples of one plan by named graph (citations aside), as ``terms`` makes them."""
    writer = _PlanWriter(plan, key, terms)
    writer.write()
    return writer.graphs


class _PlanWriter(Generic[T]):
    """Writes one plan; holds what every triple of it shares (its source, region, IRI) and the
    factory its terms come from (constants looked up in ``k``, each made once per process)."""

    def __init__(self, plan: Plan, key: str, terms: Terms[T]) -> None:
        self.graphs = TermGraphs[T](key)
        self.add = self.graphs.asserted.setdefault
        self.terms, self.k, self.iri = terms, terms.constants, terms.iri
        self.plan = plan
        self.node = iris.plan_node(key)
        self.sha256 = plan.source.sha256
        self.source = iris.source_iri(plan.source.sha256)
        self.place = place_of(plan.region)
        self.clauses: dict[Span, T] = {}
        """The clauses written: an assignment's clause is the derivation of each of its
        agencies' assignments, written once."""
        self.agencies: dict[str, T] = {}
        self.concepts: set[str] = set()
        """The concepts whose triples the vocabulary graph holds already."""

    def write(self) -> None:
        self._source()
        self._plan()
        self.add((self.iri(self.node), self.k[PK.region], self._region(self.place)))
        for (slug, canonical), action in zip(
            action_slugs(self.plan), self.plan.actions, strict=True
        ):
            self._action(action, iris.action_iri(self.node, slug), canonical)
        self._targets()
        self._phases()
        if self.plan.coordinating_office:
            office = self._agency(self.plan.coordinating_office)
            self.add((self.iri(self.node), self.k[PK.coordinatingOffice], office))

    def _source(self) -> None:
        version = plankg_version()
        k, t, add = self.k, self.terms, self.add
        source, node, a = self.iri(self.source), self.iri(self.node), k[TYPE]
        extraction = self.iri(iris.extraction_iri(self.sha256, version))
        software = self.iri(iris.software_iri(version))
        add((source, a, k[PK.SourceFile]))
        add((source, k[PK.fileName], t.plain(self.plan.source.name)))
        add((source, k[PK.sha256], t.plain(self.sha256)))
        add((extraction, a, k[PK.Extraction]))
        add((extraction, k[USED], source))
        add((extraction, k[ASSOCIATED_WITH], software))
        add((software, a, k[SOFTWARE_AGENT]))
        add((software, k[LABEL], t.tagged(f"plankg {version}", "en")))
        add((software, k[VERSION_INFO], t.plain(version)))
        add((node, k[GENERATED_BY], extraction))

    def _plan(self) -> None:
        plan, add, k, t = self.plan, self.add, self.k, self.terms
        node = self.iri(self.node)
        add((node, k[TYPE], k[PK.Plan]))
        add((node, k[TITLE], t.tagged(plan.title, "zh")))
        add((node, k[DERIVED_FROM], self.iri(self.source)))
        add((node, k[PK.isDraft], t.boolean(plan.draft)))
        if plan.period:
            add((node, k[TEMPORAL], self._period(*plan.period)))
        if plan.doc_number:
            add((node, k[PK.docNumber], t.plain(plan.doc_number)))
        if plan.issued:
            add((node, k[ISSUED], t.typed(plan.issued.isoformat(), DATE)))
        if plan.issuer:
            add((node, k[PK.issuerName], t.tagged(plan.issuer, "zh")))

    def _region(self, place: Place) -> T:
        node, k, add = self.iri(iris.region_iri(place.key)), self.k, self.add
        add((node, k[TYPE], k[PK.Region]))
        add((node, k[LABEL], self.terms.tagged(place.name, "zh")))
        add((node, k[PK.regionLevel], self._concept(LEVELS[place.level])))
        if place.code:
            add((node, k[NOTATION], self.terms.typed(place.code, PK.GBT2260)))
        if place.within:
            add((node, k[PK.withinRegion], self._region(place.within)))
        return node

    def _clause(self, node: T, span: Span) -> None:
        """``node`` was read from ``span``: a clause node, one per span of the source."""
        k, add = self.k, self.add
        clause = self.clauses.get(span)
        if clause is not None:
            add((node, k[DERIVED_FROM], clause))
            return
        clause = self.clauses[span] = self.iri(iris.clause_iri(self.sha256, span))
        t = self.terms
        add((node, k[DERIVED_FROM], clause))
        add((clause, k[TYPE], k[PK.Clause]))
        add((clause, k[IS_PART_OF], self.iri(self.source)))
        add((clause, k[PK.sourceText], t.plain(span.text)))
        add((clause, k[PK.startChar], t.integer(span.start)))
        add((clause, k[PK.endChar], t.integer(span.end)))
        add((clause, k[PK.startLine], t.integer(span.line)))
        add((clause, k[PK.endLine], t.integer(span.end_line)))

    def _year(self, year: int, end: bool = True) -> T:
        """The instant ``year`` ends (by default: 到2025年 is by its end) or begins: the year at
        year precision, and the day."""
        node, k, t = self.iri(iris.year_iri(year, end)), self.k, self.terms
        day = f"{year:04d}-12-31" if end else f"{year:04d}-01-01"
        self.add((node, k[TYPE], k[INSTANT]))
        self.add((node, k[IN_GYEAR], t.typed(f"{year:04d}", GYEAR)))
        self.add((node, k[IN_DATE], t.typed(day, DATE)))
        return node

    def _period(self, start: int, end: int) -> T:
        """From the start of year ``start`` to the end of year ``end``."""
        node, k = self.iri(iris.period_iri(start, end)), self.k
        self.add((node, k[TYPE], k[PROPER_INTERVAL]))
        self.add((node, k[BEGINNING], self._year(start, end=False)))
        self.add((node, k[END], self._year(end)))
        return node

    def _action(self, action: Action, iri: str, canonical: CanonicalAction | None) -> None:
        add, k, t, node = self.add, self.k, self.terms, self.iri(iri)
        add((self.iri(self.node), k[PK.hasAction], node))
        add((node, k[TYPE], k[PK.Action]))
        add((node, k[TYPE], k[ACTION_CLASSES[action.kind]]))
        add((node, k[PK.number], t.integer(action.number)))
        add((node, k[TITLE], t.tagged(action.title, "zh")))
        if canonical:
            add((node, k[PK.implements], self._concept(canonical.iri)))
        if action.population:
            add((node, k[PK.targetPopulation], self._concept(POPULATIONS + action.population)))
        self._clause(node, heading(action, self.plan.source.text))
        measures = [(m, self._measure(iri, m, action)) for m in action.measures]
        if action.assignment:
            self._assignment(iri, action.assignment, [n for _, n in measures])
        for measure, measure_iri in measures:
            if measure.assignment:
                self._assignment(measure_iri, measure.assignment, [measure_iri])

    def _measure(self, action_iri: str, measure: Measure, action: Action) -> str:
        iri = iris.measure_iri(action_iri, measure)
        add, k, t, node = self.add, self.k, self.terms, self.iri(iri)
        add((self.iri(action_iri), k[PK.hasMeasure], node))
        add((node, k[TYPE], k[PK.Measure]))
        add((node, k[PK.number], t.integer(measure.number)))
        add((node, k[TITLE], t.tagged(measure.title, "zh")))
        add((node, k[DESCRIPTION], t.tagged(measure.text, "zh")))
        self._clause(node, measure.span)
        if not any(a.leads for a in action.assignments_of(measure)):
            add((node, k[PK.noLeadStated], t.boolean(True)))
        for index, target in enumerate(measure.targets, start=1):
            self._target(node, k[PK.hasTarget], iris.target_iri(iri, index), target)
        if measure.deadline:
            self._deadline(iri, measure.deadline)
        return iri

    def _assignment(self, stated_in: str, assignment: Assignment, covers: list[str]) -> None:
        k, t, add = self.k, self.terms, self.add
        scope, owner = self._concept(SCOPES[assignment.stated_at]), self.iri(stated_in)
        covered = [self.iri(measure) for measure in covers]
        covers_term, derive = k[PK.covers], self.graphs.derived.setdefault
        for role, mention in assignment.agencies:
            agency = self._agency(mention)
            node = self.iri(iris.assignment_iri(stated_in, role, mention.name))
            add((owner, k[PK.hasAssignment], node))
            add((node, k[TYPE], k[PK.Assignment]))
            add((node, k[PK.assignedAgency], agency))
            add((node, k[PK.role], self._concept(ROLES[role])))
            add((node, k[PK.statedAt], scope))
            add((node, k[PK.surfaceForm], t.plain(mention.surface)))
            self._clause(node, assignment.span)
            shortcut = k[SHORTCUTS[role]]
            for measure in covered:  # an action's clause covers each of its measures
                add((node, covers_term, measure))
                derive((agency, shortcut, measure))
        for index, count in enumerate(assignment.counts, start=1):
            node = self.iri(iris.count_iri(stated_in, count.role, index))
            add((owner, k[PK.hasAgencyCount], node))
            add((node, k[TYPE], k[PK.AgencyCount]))
            add((node, k[PK.role], self._concept(ROLES[count.role])))
            add((node, k[PK.statedAt], scope))
            add((node, k[PK.surfaceForm], t.plain(count.text)))
            self._clause(node, count.span)

    def _concept(self, concept: str) -> T:
        """``concept``'s node, its triples copied into the vocabulary graph the first time."""
        if concept not in self.concepts:
            self.concepts.add(concept)
            self.graphs.vocabulary.update(dict.fromkeys(self.terms.concept(concept, concept_rows)))
        return self.k[concept]

    def _agency(self, mention: AgencyMention) -> T:
        node = self.agencies.get(mention.name)
        if node is None:
            node = self.agencies[mention.name] = self._new_agency(mention.name)
        return node

    def _new_agency(self, name: str) -> T:
        node, k = self.iri(iris.agency_iri(self.place.key, name)), self.k
        self.add((node, k[TYPE], k[PK.Agency]))
        self.add((node, k[LABEL], self.terms.tagged(name, "zh")))
        self.add((node, k[PK.jurisdiction], self.iri(iris.region_iri(self.place.key))))
        for agency_type in type_names(name):
            self.add((node, k[CLASSIFICATION], self._concept(agency_type)))
        return node

    def _quantity(self, node: T, target: Target, ranged: bool = True) -> None:
        """The QUDT quantity value, and the quantity as written (``pk:surfaceForm``)."""
        k, t = self.k, self.terms
        upper = target.value_max if ranged else None
        amount = quantity(target.value, target.unit, upper)
        self.add((node, k[PK.surfaceForm], t.plain(as_written(target.value, target.unit, upper))))
        self.add((node, k[QUDT_VALUE], t.decimal(amount.value)))
        if amount.upper is not None:
            self.add((node, k[PK.upperValue], t.decimal(amount.upper)))
        self.add((node, k[PK.unitText], t.plain(amount.unit_text)))
        if amount.unit:
            self.add((node, k[QUDT_UNIT], k[amount.unit]))

    def _target(self, owner: T, link: T, iri: str, target: Target) -> None:
        add, k, t, node = self.add, self.k, self.terms, self.iri(iri)
        add((owner, link, node))
        add((node, k[TYPE], k[PK.Target]))
        self._quantity(node, target)
        add((node, k[PK.comparator], self._concept(COMPARATORS[target.comparator])))
        add((node, k[PK.perYear], t.boolean(target.per_year)))
        add((node, k[PK.hedged], t.boolean(target.hedged)))
        add((node, k[PK.each], t.boolean(target.each)))
        if target.year:
            add((node, k[PK.dueBy], self._year(target.year)))
        self._clause(node, target.span)

    def _baseline(self, baseline: Target) -> None:
        node, k = self.iri(f"{self.node}/baseline"), self.k
        self.add((self.iri(self.node), k[PK.baseline], node))
        self.add((node, k[TYPE], k[PK.Baseline]))
        self._quantity(node, baseline, ranged=False)
        if baseline.year:
            self.add((node, k[PK.observedAt], self._year(baseline.year)))
        self._clause(node, baseline.span)

    def _deadline(self, measure: str, deadline: Deadline) -> None:
        node, k = self.iri(f"{measure}/deadline"), self.k
        self.add((self.iri(measure), k[PK.deadline], node))
        self.add((node, k[TYPE], k[PK.Deadline]))
        self.add((node, k[PK.deadlineKind], self._concept(DEADLINE_KINDS[deadline.kind])))
        self.add((node, k[PK.surfaceForm], self.terms.plain(deadline.text)))
        if deadline.kind == "by" and deadline.year:
            self.add((node, k[PK.dueBy], self._year(deadline.year)))
        self._clause(node, deadline.span)

    def _targets(self) -> None:
        plan, k, node = self.plan, self.k, self.iri(self.node)
        if plan.headline:
            self._target(node, k[PK.headlineTarget], (f"{self.node}/headline"), plan.headline)
        if plan.long_term:
            iri = f"{self.node}/long-term"
            self._target(node, k[PK.longTermTarget], iri, plan.long_term)
        if plan.baseline:
            self._baseline(plan.baseline)

    def _phases(self) -> None:
        k, t, plan_node = self.k, self.terms, self.iri(self.node)
        for index, phase in enumerate(self.plan.phases, start=1):
            node = self.iri(f"{self.node}/phase/{index}")
            add = self.add
            add((plan_node, k[PK.hasPhase], node))
            add((node, k[TYPE], k[PK.Phase]))
            add((node, k[PK.number], t.integer(index)))
            add((node, k[TITLE], t.tagged(phase.name, "zh")))
            add((node, k[TEMPORAL], self._period(phase.start_year, phase.end_year)))
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
