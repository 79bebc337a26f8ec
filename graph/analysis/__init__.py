"""The cross-city analysis: lead load and concentration, agency networks, region × agency type,
targets side by side, task families across plans. Every table function takes the triples, their
networkx graph or their :class:`AnalysisFacts` and returns a :class:`~plankg.tables.Table`;
:data:`TABLES` is the registry of them, by section."""

from plankg.graph.analysis.facts import (
    AgencyRole,
    AgencyType,
    AnalysisError,
    AnalysisFacts,
    Source,
    TargetFact,
    facts_of,
)
from plankg.graph.analysis.load import concentration, gini, hhi, lead_load, type_load
from plankg.graph.analysis.matrix import type_matrix, type_presence
from plankg.graph.analysis.networks import (
    agency_networks,
    co_lead_network,
    co_lead_pairs,
    collaboration_network,
    partner_only,
)
from plankg.graph.analysis.sections import (
    ALL,
    SECTIONS,
    TABLES,
    TableSpec,
    analyze,
    render_analysis,
)
from plankg.graph.analysis.targets import headline_targets, target_comparison
from plankg.graph.analysis.tasks import Family, Member, different_leads, families_of, task_coverage

__all__ = [
    "ALL",
    "SECTIONS",
    "TABLES",
    "AgencyRole",
    "AgencyType",
    "AnalysisError",
    "AnalysisFacts",
    "Family",
    "Member",
    "Source",
    "TableSpec",
    "TargetFact",
    "agency_networks",
    "analyze",
    "co_lead_network",
    "co_lead_pairs",
    "collaboration_network",
    "concentration",
    "different_leads",
    "facts_of",
    "families_of",
    "gini",
    "headline_targets",
    "hhi",
    "lead_load",
    "partner_only",
    "render_analysis",
    "target_comparison",
    "task_coverage",
    "type_load",
    "type_matrix",
    "type_presence",
]
