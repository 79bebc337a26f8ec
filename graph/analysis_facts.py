"""What the cross-city analysis reads off the networkx graph of the plans
(:func:`plankg.graph.networkx.to_networkx`, the one converter): plans, their measures, which
agency leads or takes part in which measure, agency types and targets.

Nothing here parses plan text or a second copy of the RDF: every fact is a node attribute or an
edge of the converted graph.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

import networkx as nx
from plankg.graph.build import Triple
from plankg.graph.iris import KIND_CODES
from plankg.graph.networkx import LIST_SEPARATOR, to_networkx
from plankg.ontology import ID

PLAN_PREFIX = str(ID) + "plan/"
ROLE_LINKS = {"lead": "leads", "partner": "partnersIn"}
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


class AnalysisError(ValueError):
    """An analysis cannot be made as asked (no such plan, no plan at all, unknown section)."""


class AnalysisFacts:
    """Read access to the networkx graph of plans, in the terms of the analysis."""

    def __init__(self, source: Iterable[Triple] | nx.MultiDiGraph) -> None:
        self.graph = source if isinstance(source, nx.MultiDiGraph) else to_networkx(source)
        self._roles: dict[str, list[AgencyRole]] = {}
        self._agency_types: dict[str, tuple[AgencyType, ...]] = {}

    def _attr(self, node: str, key: str, default: object = None) -> object:
        return self.graph.nodes[node].get(key, default)

    def label(self, node: str) -> str:
        return str(self._attr(node, "label", ""))

    def _targets(self, node: str, link: str) -> list[str]:
        return sorted(v for v, keys in self.graph.adj[node].items() if link in keys)

    def _sources(self, node: str, link: str) -> list[str]:
        return sorted(u for u, keys in self.graph.pred[node].items() if link in keys)

    def _types(self, node: str) -> list[str]:
        return str(self._attr(node, "types", "")).split(LIST_SEPARATOR)

    @cached_property
    def plans(self) -> list[str]:
        """Plan IRIs, ordered by region and key."""
        found = [n for n in self.graph.nodes if "Plan" in self._types(n)]
        return sorted(found, key=lambda p: (self.region(p), p))

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

    def plan_key(self, plan: str) -> str:
        return plan.removeprefix(PLAN_PREFIX)

    def region(self, plan: str) -> str:
        regions = self._targets(plan, "region")
        return self.label(regions[0]) if regions else ""

    def column_names(self) -> dict[str, str]:
        """Plan IRI → a short unique column name: its region, or its key where two plans share
        a region."""
        regions = [self.region(p) for p in self.plans]
        return {
            p: r if regions.count(r) == 1 else self.plan_key(p)
            for p, r in zip(self.plans, regions, strict=True)
        }

    def actions(self, plan: str) -> list[str]:
        kinds = list(KIND_CODES)
        return sorted(
            self._targets(plan, "hasAction"),
            key=lambda a: (kinds.index(str(self._attr(a, "actionKind"))), self._attr(a, "number")),
        )

    def measures(self, plan: str) -> list[tuple[str, str]]:
        """(action, measure) pairs of the plan, in plan order."""
        return [
            (action, measure)
            for action in self.actions(plan)
            for measure in sorted(
                self._targets(action, "hasMeasure"), key=lambda m: self._attr(m, "number")
            )
        ]

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
            for action, measure in self.measures(plan)
            for role, link in ROLE_LINKS.items()
            for agency in self._sources(measure, link)
        ]

    def agency_types(self, agency: str) -> tuple[AgencyType, ...]:
        """The agency's function types; a merged bureau (科工信局) has several."""
        if agency not in self._agency_types:
            self._agency_types[agency] = self._read_agency_types(agency)
        return self._agency_types[agency]

    def _read_agency_types(self, agency: str) -> tuple[AgencyType, ...]:
        found = tuple(
            AgencyType(t, str(self._attr(t, "prefLabel", "")), str(self._attr(t, "prefLabel_en")))
            for t in self._targets(agency, "classification")
        )
        return found or (AgencyType("", *UNTYPED),)

    def type_names(self, agency: str) -> str:
        return ";".join(t.zh for t in self.agency_types(agency))

    def headline(self, plan: str, link: str = "headlineTarget") -> TargetFact | None:
        """The plan's headline literacy target (``link="baseline"``: its stated baseline)."""
        found = self._targets(plan, link)
        return self._target(plan, found[0]) if found else None

    def measure_targets(self, plan: str) -> list[TargetFact]:
        return [
            self._target(plan, target)
            for _, measure in self.measures(plan)
            for target in self._targets(measure, "hasTarget")
        ]

    def _target(self, plan: str, node: str) -> TargetFact:
        year = self._attr(node, "year")
        return TargetFact(
            plan=self.plan_key(plan),
            region=self.region(plan),
            text=str(self._attr(node, "sourceText", "")),
            value=float(self._attr(node, "value", 0.0)),  # type: ignore[arg-type]
            unit=str(self._attr(node, "unit", "")),
            comparator=str(self._attr(node, "comparator", "")),
            year=None if year is None else str(year),
            per_year=bool(self._attr(node, "perYear", False)),
        )


Source = AnalysisFacts | nx.MultiDiGraph | Iterable[Triple]


def facts_of(source: Source) -> AnalysisFacts:
    """The analysis view of a networkx graph of plans, or of their triples."""
    return source if isinstance(source, AnalysisFacts) else AnalysisFacts(source)
