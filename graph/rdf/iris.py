"""IRIs derived from content, so a rebuild mints the same IRIs and a reload changes nothing."""

from __future__ import annotations

import unicodedata

from plankg.loaders.model import Action, Measure, Plan
from plankg.ontology import ID
from rdflib import URIRef

UNSAFE = frozenset(' <>"{}|\\^`#?/%[]')
NOT_IN_IRIS = frozenset(("Cc", "Cf", "Co", "Cs", "Cn", "Zs", "Zl", "Zp"))
"""Unicode categories an IRI may not carry as they are (RFC 3987 ``ucschar`` leaves out
controls, surrogates, private use and noncharacters; spaces delimit)."""
KIND_CODES = {"提升行动": "ea", "重点工程": "kp"}
PLAN_PREFIX = str(ID) + "plan/"


def segment(text: str) -> str:
    """``text`` as one IRI path segment: Chinese kept readable; delimiters and characters an IRI
    may not hold (controls, private use, noncharacters, U+FFFD) percent-encoded as UTF-8, so any
    text gives a valid IRI, always the same one."""
    return "".join(_encoded(c) if _unsafe(c) else c for c in text)


def _unsafe(char: str) -> bool:
    if char in UNSAFE:
        return True
    code = ord(char)
    return (
        code < 0x21
        or code == 0x7F
        or char == "\ufffd"
        or (code & 0xFFFE) == 0xFFFE
        or 0xFDD0 <= code <= 0xFDEF
        or unicodedata.category(char) in NOT_IN_IRIS
    )


def _encoded(char: str) -> str:
    return "".join(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass"))


def plan_key(plan: Plan) -> str:
    """``周口市/2021-2025``: region and period, ``-draft`` for drafts; the source digest where
    the title gives no period."""
    period = f"{plan.period[0]}-{plan.period[1]}" if plan.period else plan.source.sha256[:12]
    return f"{segment(plan.region.name)}/{period}{'-draft' if plan.draft else ''}"


def plan_iri(key: str) -> URIRef:
    return URIRef(PLAN_PREFIX + key)


def plan_key_of(iri: str) -> str:
    """The key of a plan IRI: ``…/id/plan/周口市/2021-2025`` → ``周口市/2021-2025``."""
    return iri.removeprefix(PLAN_PREFIX)


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
