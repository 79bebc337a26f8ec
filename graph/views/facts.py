"""The facts the views draw, read off the networkx graph of the plans
(:func:`plankg.graph.rdf.networkx_graph.to_networkx`, the one converter, read through its
:class:`~plankg.graph.rdf.networkx_graph.GraphReader`).

Nothing here parses plan text: the source sentences are the ``sourceText`` of the graph's clauses.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

from plankg.errors import UsageError
from plankg.graph.rdf.networkx_graph import GraphReader, Source
from plankg.ontology import PK, ontology_graph
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS, SKOS

ROLE_NODES = {"lead": str(PK.LeadRole), "partner": str(PK.PartnerRole)}


class ViewError(UsageError):
    """A view cannot be drawn as asked (no such plan, several plans match, unknown view)."""

    parameter = "--plan"


@cache
def class_label(term: URIRef) -> tuple[str, str]:
    """The (Chinese, English) ``rdfs:label`` of an ontology class or property, or the
    ``skos:prefLabel`` of a concept (a role)."""
    graph = ontology_graph()
    labels = {
        lit.language: str(lit)
        for predicate in (SKOS.prefLabel, RDFS.label)
        for lit in graph.objects(term, predicate)
        if isinstance(lit, Literal)
    }
    return labels.get("zh", ""), labels.get("en", "")


def bilingual(term: URIRef) -> str:
    zh, en = class_label(term)
    return f"{zh} {en}".strip()


class PlanGraph(GraphReader):
    """Read access to the networkx graph of plans, in the terms the views need. What a view
    asks of every shared measure (its action, its reference) is looked up once."""

    def __init__(self, source: Source) -> None:
        super().__init__(source)
        self._actions: dict[str, str] = {}
        self._refs: dict[str, str] = {}
        self._regions: dict[str, str] = {}

    def plans(self) -> list[str]:
        return self.of_type("Plan")

    def plan_names(self, plan: str) -> tuple[str, str, str]:
        return plan, self.plan_key(plan), self.region(plan)

    def find_plan(self, wanted: str | None) -> str:
        """The plan named by its region (``泉州市``), its key (``泉州市/2021-2025``) or its IRI;
        the first plan when ``wanted`` is None."""
        plans = self.plans()
        if not plans:
            raise ViewError("the graph holds no plan")
        if wanted is None:
            return plans[0]
        found = [p for p in plans if wanted in self.plan_names(p)]
        if len(found) == 1:
            return found[0]
        known = ", ".join(self.plan_key(p) for p in (found or plans))
        if found:
            raise ViewError(f"several plans match {wanted!r}: {known}; name one by its key")
        raise ViewError(f"no plan matches {wanted!r}; plans: {known}")

    def find_plans(self, wanted: Sequence[str] | None) -> list[str]:
        if not wanted:
            return self.plans()
        return sorted({self.find_plan(name) for name in wanted})

    def plan_measures(self, plans: Iterable[str]) -> list[str]:
        return [m for plan in plans for _, m in self.action_measures(plan)]

    def action_of(self, measure: str) -> str:
        if measure not in self._actions:
            self._actions[measure] = self.sources(measure, "hasMeasure")[0]
        return self._actions[measure]

    def measure_region(self, measure: str) -> str:
        """The name of the region of the plan the measure is in."""
        if measure not in self._regions:
            plan = self.sources(self.action_of(measure), "hasAction")[0]
            self._regions[measure] = self.region(plan)
        return self._regions[measure]

    def agency_types(self, agency: str) -> list[str]:
        return self.targets(agency, "classification")

    def jurisdiction(self, agency: str) -> str:
        region = self.one(agency, "jurisdiction")
        return self.text(region) if region else ""

    def type_label(self, agency_type: str) -> str:
        return f"{self.text(agency_type, 'prefLabel')} {self.text(agency_type, 'prefLabel_en')}"

    def role_label(self, role: str) -> str:
        """``牵头 lead``: from the ontology, so a graph without any partner has its label too."""
        return bilingual(URIRef(ROLE_NODES[role]))

    def action_label(self, action: str) -> str:
        return f"{self.action_kind(action)}{self.number(action)}"

    def measure_ref(self, measure: str) -> str:
        """``提升行动1.2 促进校内外科学教育资源有效衔接``: where a measure stands, and its title."""
        if measure not in self._refs:
            action = self.action_of(measure)
            number = f"{self.action_label(action)}.{self.number(measure)}"
            self._refs[measure] = f"{number} {self.text(measure, 'title')}"
        return self._refs[measure]

    def assignment_clauses(self, agency: str, role: str, measure: str) -> list[str]:
        """The source clauses that make ``agency`` a lead or partner of ``measure``, with their
        line numbers."""
        role_node = ROLE_NODES[role]
        assignments = set(self.sources(measure, "covers")) & set(
            self.sources(agency, "assignedAgency")
        )
        clauses = []
        for assignment in sorted(assignments):
            if self.one(assignment, "role") == role_node:
                clause = str(self.clause(assignment) or "")
                line = self.clause(assignment, "startLine")
                clauses.append(f"第{line}行 line {line}：{clause}" if line else clause)
        return clauses
