"""IRIs derived from what things are, so a rebuild mints the same IRIs and a reload changes
nothing: regions by GB/T 2260 code (:mod:`.regions`), documents by 文号 or normalised title
(:mod:`.documents`), actions by their canonical action (:mod:`.canonical`), plans by region and
period, clauses by their place in the source file.

IRIs are text here (the build writes text and does not import rdflib); :func:`plan_iri` and
:func:`plan_graph_iri`, for readers of graphs, give rdflib IRIs, :func:`plan_node` and
:func:`plan_graph_node` the same as text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plankg.graph.rdf.documents import normalised_title
from plankg.graph.rdf.regions import place_of
from plankg.graph.rdf.segment import segment
from plankg.loaders.model import Measure, Plan, Span
from plankg.ontology.names import IDS

if TYPE_CHECKING:
    from rdflib import URIRef

PLAN_PREFIX = IDS + "plan/"
GRAPH_PREFIX = IDS + "graph/"
DERIVED_GRAPH = IDS + "graph/derived"
"""The named graph of facts derived from the plans' graphs: shortcut links, revisions."""
VOCABULARY_GRAPH = IDS + "graph/vocabulary"
"""The named graph of the vocabulary the plans use: concepts and known documents, copied from
the ontology so that queries need nothing but the data."""

__all__ = ["segment"]


def plan_key(plan: Plan) -> str:
    """``411600/2021-2025``: the key of the plan's region (its GB/T 2260 code where known) and
    its period, ``-draft`` for drafts; the normalised title where the plan gives no period.
    Never a digest: the key names what the plan is. A plan's head (read alone, before the
    body) gives the same key as the plan."""
    when = (
        f"{plan.period[0]}-{plan.period[1]}"
        if plan.period
        else segment(normalised_title(plan.title))
    )
    return f"{place_of(plan.region).key}/{when}{'-draft' if plan.draft else ''}"


def plan_iri(key: str) -> URIRef:
    from rdflib import URIRef

    return URIRef(plan_node(key))


def plan_node(key: str) -> str:
    return PLAN_PREFIX + key


def plan_key_of(iri: str) -> str:
    """The key of a plan IRI: ``…/id/plan/411600/2021-2025`` → ``411600/2021-2025``."""
    return iri.removeprefix(PLAN_PREFIX)


def plan_graph_iri(key: str) -> URIRef:
    """The named graph of one plan's facts: replace or retract it alone."""
    from rdflib import URIRef

    return URIRef(plan_graph_node(key))


def plan_graph_node(key: str) -> str:
    return GRAPH_PREFIX + "plan/" + key


def action_iri(plan: str, slug: str) -> str:
    return f"{plan}/{segment(slug)}"


def measure_iri(action: str, measure: Measure) -> str:
    return f"{action}/m{measure.number}"


def assignment_iri(stated_in: str, role: str, agency: str) -> str:
    return f"{stated_in}/{role}/{segment(agency)}"


def count_iri(stated_in: str, role: str, index: int) -> str:
    return f"{stated_in}/count/{role}/{index}"


def target_iri(owner: str, index: int) -> str:
    return f"{owner}/target/{index}"


def region_iri(key: str) -> str:
    return f"{IDS}region/{key}"


def agency_iri(region_key: str, name: str) -> str:
    return f"{IDS}agency/{region_key}/{segment(name)}"


def source_iri(sha256: str) -> str:
    return f"{IDS}source/{sha256}"


def clause_iri(sha256: str, span: Span) -> str:
    """The passage of a source file, by an RFC 5147 fragment: ``…/source/<sha256>#char=10,42``."""
    return f"{source_iri(sha256)}#char={span.start},{span.end}"


def year_iri(year: int, end: bool = True) -> str:
    """The instant a year begins (``year/2021/start``) or ends (``year/2025/end``)."""
    return f"{IDS}year/{year:04d}/{'end' if end else 'start'}"


def period_iri(start: int, end: int) -> str:
    return f"{IDS}period/{start:04d}-{end:04d}"


def extraction_iri(sha256: str, version: str) -> str:
    return f"{extraction_root(sha256)}/{segment(version)}"


def extraction_root(sha256: str) -> str:
    """The IRI the extractions of a source file lie under, one per plankg version."""
    return f"{IDS}extraction/{sha256}"


def software_iri(version: str) -> str:
    return f"{IDS}software/plankg/{segment(version)}"
