"""What the cross-city analysis reads off the networkx graph of the plans
(:func:`plankg.graph.rdf.networkx_graph.to_networkx`, the one converter, read through its
:class:`~plankg.graph.rdf.networkx_graph.GraphReader`): plans, their measures, which
agency leads or takes part in which measure, agency types and targets.

Nothing here parses plan text or a second copy of the RDF: every fact is a node attribute or an
edge of the converted graph.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TypeAlias

from plankg.errors import QueryError
from plankg.graph.rdf.networkx_graph import ROLE_LINKS, GraphReader
from plankg.graph.rdf.networkx_graph import Source as GraphSource

UNTYPED = ("未分类", "unclassified")


@dataclass(frozen=True)
class AgencyRole:
    """One agency leading (or taking part in) one measure of one plan."""

    plan: str
    region: str
    action: str
    measure: str
    agency: str
    role: str


@dataclass(frozen=True)
class AgencyType:
    iri: str
    zh: str
    en: str


@dataclass(frozen=True)
class TargetFact:
    plan: str
    region: str
    text: str
    value: float
    unit: str
    comparator: str
    year: str | None
    per_year: bool
    written: str = ""
    """The quantity as the plan writes it (``0.5万人次``); ``value`` and ``unit`` have the
    multiplier moved into the value (5000 人次)."""


class AnalysisError(QueryError):
    """An analysis cannot be made as asked (no such plan, no plan at all, unknown section)."""


class AnalysisFacts(GraphReader):
    """Read access to the networkx graph of plans, in the terms of the analysis."""

    def __init__(self, source: GraphSource) -> None:
        super().__init__(source)
        self._roles: dict[str, list[AgencyRole]] = {}
        self._agency_types: dict[str, tuple[AgencyType, ...]] = {}

    def label(self, node: str) -> str:
        return self.text(node)

    @cached_property
    def plans(self) -> list[str]:
        """Plan IRIs, ordered by region and key."""
        return sorted(self.of_type("Plan"), key=lambda p: (self.region(p), p))

    def select(self, wanted: str | None = None) -> list[str]:
        """The plans named by ``wanted`` (IRI, key such as ``泉州市/2021-2025``, or region);
        every plan when it is None."""
        if wanted is None:
            return self.plans
        found = [p for p in self.plans if wanted in (p, self.plan_key(p), self.region(p))]
        if not found:
            known = ", ".join(self.plan_key(p) for p in self.plans) or "none"
            raise AnalysisError(f"no plan matches {wanted!r} (plans: {known})")
        return found

    def column_names(self) -> dict[str, str]:
        """Plan IRI → a short unique column name: its region, or its key where two plans share
        a region."""
        regions = [self.region(p) for p in self.plans]
        return {
            p: r if regions.count(r) == 1 else self.plan_key(p)
            for p, r in zip(self.plans, regions, strict=True)
        }

    def roles(self, plan: str) -> list[AgencyRole]:
        """Every (agency, measure, role) of the plan, from the ``leads``/``partnersIn`` links
        (an action-level assignment already stands on each measure of its action)."""
        if plan not in self._roles:
            self._roles[plan] = self._read_roles(plan)
        return self._roles[plan]

    def _read_roles(self, plan: str) -> list[AgencyRole]:
        region = self.region(plan)
        return [
            AgencyRole(self.plan_key(plan), region, action, measure, agency, role)
            for action, measure in self.action_measures(plan)
            for role in ROLE_LINKS
            for agency in self.agencies_in(measure, role)
        ]

    def agency_types(self, agency: str) -> tuple[AgencyType, ...]:
        """The agency's function types; a merged bureau (科工信局) has several."""
        if agency not in self._agency_types:
            self._agency_types[agency] = self._read_agency_types(agency)
        return self._agency_types[agency]

    def _read_agency_types(self, agency: str) -> tuple[AgencyType, ...]:
        found = tuple(
            AgencyType(t, self.text(t, "prefLabel"), str(self.attr(t, "prefLabel_en")))
            for t in self.targets(agency, "classification")
        )
        return found or (AgencyType("", *UNTYPED),)

    def type_names(self, agency: str) -> str:
        return ";".join(t.zh for t in self.agency_types(agency))

    def agency_cells(self, plan: str, agency: str) -> tuple[str, str, str, str]:
        """region, plan, agency, agency_type: the first cells of a row about an agency."""
        return self.region(plan), self.plan_key(plan), self.label(agency), self.type_names(agency)

    def headline(self, plan: str, link: str = "headlineTarget") -> TargetFact | None:
        """The plan's headline literacy target (``link="baseline"``: its stated baseline)."""
        found = self.targets(plan, link)
        return self._target(plan, found[0]) if found else None

    def measure_targets(self, plan: str) -> list[TargetFact]:
        return [
            self._target(plan, target)
            for _, measure in self.action_measures(plan)
            for target in self.targets(measure, "hasTarget")
        ]

    def _target(self, plan: str, node: str) -> TargetFact:
        """A target (or a baseline: its year is when it was observed, it has no comparator)."""
        year = self.year(node, "dueBy") or self.year(node, "observedAt")
        value = self.attr(node, "numericValue", 0.0)
        comparator = self.one(node, "comparator")
        return TargetFact(
            plan=self.plan_key(plan),
            region=self.region(plan),
            text=str(self.clause(node) or ""),
            value=float(value) if isinstance(value, int | float | str) else 0.0,
            unit=self.text(node, "unitText"),
            comparator=self.text(comparator, "notation") if comparator else "",
            year=None if year is None else str(year),
            per_year=bool(self.attr(node, "perYear", False)),
            written=self.text(node, "surfaceForm"),
        )


Source: TypeAlias = "AnalysisFacts | GraphSource"


def facts_of(source: Source) -> AnalysisFacts:
    """The analysis view of a networkx graph of plans, or of their triples."""
    return source if isinstance(source, AnalysisFacts) else AnalysisFacts(source)
