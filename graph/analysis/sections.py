"""Cross-city analysis of the plans: who leads how much, how concentrated lead work is, which
agencies bridge others, who leads what in which city, how ambitious the targets are, and
which plans carry each task and who leads it where.

Everything is read off the networkx graph of the RDF
(:func:`plankg.graph.rdf.networkx_graph.to_networkx`) through
:class:`~plankg.graph.analysis.facts.AnalysisFacts`; every function takes that graph, its facts
or the triples, and returns a :class:`~plankg.tables.Table`. :data:`TABLES` names each table,
its section, the function that makes it and the named query (``queries/*.rq``) that gives the
same figures, where one exists: the registry the command line and the report take their
choices from.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from plankg.graph.analysis.facts import AnalysisError, Source, facts_of
from plankg.graph.analysis.load import concentration, lead_load, type_load
from plankg.graph.analysis.matrix import type_matrix, type_presence
from plankg.graph.analysis.networks import agency_networks, co_lead_pairs, partner_only
from plankg.graph.analysis.targets import headline_targets, target_comparison
from plankg.graph.analysis.tasks import different_leads, task_coverage
from plankg.tables import Table, render, render_json

ALL = "all"
PUBLIC_PACKAGE = "plankg.graph.analysis"
"""Where every table function can be imported from (the name a report cites)."""


@dataclass(frozen=True)
class TableSpec:
    """One analysis table: its name, section and title, the function that makes it, and the
    named query that gives the same figures, where one exists."""

    name: str
    section: str
    title: str
    build: Callable[[Source], Table]
    query: str | None = None

    @property
    def function(self) -> str:
        """The public name of :attr:`build`: ``plankg.graph.analysis.lead_load``."""
        return f"{PUBLIC_PACKAGE}.{self.build.__name__}"


TABLES = (
    TableSpec("lead_load", "load", "Lead load per agency", lead_load, "top-lead"),
    TableSpec("type_load", "load", "Lead load per agency type", type_load, "top-lead-types"),
    TableSpec("concentration", "concentration", "Concentration of lead work", concentration),
    TableSpec("agency_networks", "networks", "Co-lead and collaboration networks", agency_networks),
    TableSpec("co_lead_pairs", "networks", "Co-lead pairs", co_lead_pairs, "co-lead"),
    TableSpec("partner_only", "networks", "Agencies that take part, never lead", partner_only),
    TableSpec("type_matrix", "matrix", "Region × agency type (measures led)", type_matrix),
    TableSpec("type_presence", "matrix", "Agency types in every plan or only some", type_presence),
    TableSpec("headline_targets", "targets", "Headline targets", headline_targets, "targets"),
    TableSpec(
        "target_comparison", "targets", "Targets of the same kind", target_comparison, "targets"
    ),
    TableSpec(
        "task_coverage", "tasks", "Task families × plans (coverage)", task_coverage, "task-coverage"
    ),
    TableSpec(
        "different_leads", "tasks", "Same task, different lead", different_leads, "family-leads"
    ),
)
SECTIONS = tuple(dict.fromkeys(spec.section for spec in TABLES))
"""The sections, in the order of :data:`TABLES`; ``all`` names them all."""


def analyze(source: Source, section: str = ALL) -> dict[str, Table]:
    """The tables of ``section`` (or of all sections), by name, in a stable order."""
    if section != ALL and section not in SECTIONS:
        raise AnalysisError(f"no section {section!r} (choose from {', '.join(SECTIONS)}, {ALL})")
    facts = facts_of(source)
    if not facts.plans:
        raise AnalysisError("the graph holds no plan")
    return {s.name: s.build(facts) for s in TABLES if section in (ALL, s.section)}


def render_analysis(tables: dict[str, Table], fmt: str = "table", *, raw_csv: bool = False) -> str:
    """The tables for people (titled, with the function and query behind each), as one JSON
    object keyed by table name, or as CSV blocks each under a ``# name`` line (cells
    neutralised against formulas unless ``raw_csv``)."""
    specs = {spec.name: spec for spec in TABLES}
    if fmt == "json":
        records = {name: json.loads(render_json(table)) for name, table in tables.items()}
        return json.dumps(records, ensure_ascii=False, indent=2)
    if fmt == "csv":
        return "\n\n".join(
            f"# {name}\n{render(table, 'csv', raw_csv=raw_csv)}" for name, table in tables.items()
        )
    blocks = []
    for name, table in tables.items():
        spec = specs[name]
        query = f"; named query {spec.query}" if spec.query else ""
        blocks.append(f"== {spec.title} [{name}] ({spec.function}{query})\n{render(table)}")
    return "\n\n".join(blocks)
