"""IRIs derived from content, so a rebuild mints the same IRIs and a reload changes nothing."""

from __future__ import annotations

from plankg.loaders.model import Action, Measure, Plan
from plankg.ontology import ID
from rdflib import URIRef

UNSAFE = {c: f"%{ord(c):02X}" for c in ' <>"{}|\\^`#?/%[]'}
KIND_CODES = {"提升行动": "ea", "重点工程": "kp"}


def segment(text: str) -> str:
    """``text`` as one IRI path segment: Chinese kept readable, delimiters percent-encoded."""
    return text.translate(str.maketrans(UNSAFE))


def plan_key(plan: Plan) -> str:
    """``周口市/2021-2025``: region and period, ``-draft`` for drafts; the source digest where
    the title gives no period."""
    period = f"{plan.period[0]}-{plan.period[1]}" if plan.period else plan.source.sha256[:12]
    return f"{segment(plan.region.name)}/{period}{'-draft' if plan.draft else ''}"


def plan_iri(key: str) -> URIRef:
    return ID[f"plan/{key}"]


def action_iri(plan: URIRef, action: Action) -> URIRef:
    return URIRef(f"{plan}/{KIND_CODES[action.kind]}{action.number}")


def measure_iri(action: URIRef, measure: Measure) -> URIRef:
    return URIRef(f"{action}/m{measure.number}")


def assignment_iri(stated_in: URIRef, role: str, agency: str) -> URIRef:
    return URIRef(f"{stated_in}/{role}/{segment(agency)}")


def target_iri(owner: URIRef, index: int) -> URIRef:
    return URIRef(f"{owner}/target/{index}")


def region_iri(name: str) -> URIRef:
    return ID[f"region/{segment(name)}"]


def agency_iri(region: str, name: str) -> URIRef:
    return ID[f"agency/{segment(region)}/{segment(name)}"]


def document_iri(doc_number: str | None, title: str | None) -> URIRef:
    key = doc_number or f"title/{title}"
    return ID[f"document/{segment(key)}"]


def source_iri(sha256: str) -> URIRef:
    return ID[f"source/{sha256}"]
