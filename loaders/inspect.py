"""What plankg reads in any passage — a whole plan or a fragment: every assignment clause, every
target, and the plan's metadata as far as the passage gives it.

The readers are the ones :func:`~plankg.loaders.parse.parse_plan` uses (the same clause finder,
grammar and target reader), so what ``plankg inspect`` shows is what ``plankg build`` reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from plankg.loaders.agencies import parse_clause
from plankg.loaders.clauses import find_clauses
from plankg.loaders.metadata import Metadata, agency_prefix, read_metadata
from plankg.loaders.model import AgencyMention, Span, StatedCount, Target
from plankg.loaders.parse import literacy_targets, non_action_blocks
from plankg.loaders.programs import save_programs
from plankg.loaders.structure import split_sections
from plankg.loaders.tables import row_assignment, table_rows
from plankg.loaders.targets import find_targets, is_past_share
from plankg.loaders.text import Reading
from plankg.tables import Table


@dataclass(frozen=True)
class FoundClause:
    span: Span
    leads: tuple[AgencyMention, ...]
    partners: tuple[AgencyMention, ...]
    responsible: tuple[AgencyMention, ...]
    counts: tuple[StatedCount, ...]


@dataclass(frozen=True)
class Inspection:
    metadata: Metadata
    assignments: tuple[FoundClause, ...]
    targets: tuple[Target, ...]
    """Quantities set as something to reach (the headline share among them)."""
    baselines: tuple[Target, ...]
    """Quantities stated of the past (已达到…, a year before the plan's period)."""
    headline: Target | None
    long_term: Target | None
    baseline: Target | None

    def as_dict(self) -> dict[str, Any]:
        """The stable JSON shape of ``plankg inspect --format json``."""
        return {
            "metadata": _metadata_dict(self.metadata, self),
            "assignments": [_clause_dict(c) for c in self.assignments],
            "targets": [_target_dict(t) for t in self.targets],
            "baselines": [_target_dict(t) for t in self.baselines],
        }


def inspect_text(text: str) -> Inspection:
    """Read a passage of any length for assignment clauses, targets and metadata."""
    try:
        return _inspect(text)
    finally:
        save_programs()  # the patterns compiled on the way, for the next process


def _inspect(text: str) -> Inspection:
    reading = Reading(text)
    preamble, sections = split_sections(reading)
    meta = read_metadata(reading, preamble)
    # a passage of unknown place: bare names (教育局) are left without a level
    prefix = agency_prefix(meta.region.name) if meta.region.name else ""
    period_start = meta.period[0] if meta.period else None
    found = find_targets(reading, 0, len(reading.text))
    blocks = non_action_blocks(sections, preamble)
    scope = agency_prefix(meta.region.name) if meta.region.name else "国"
    issued = meta.issued.year if meta.issued else None
    shares = literacy_targets(reading, blocks, meta.period, scope, issued)
    return Inspection(
        metadata=meta,
        assignments=tuple(_clauses(reading, prefix)),
        targets=tuple(t for t in found if not is_past_share(t, period_start)),
        baselines=tuple(t for t in found if is_past_share(t, period_start)),
        headline=shares.headline,
        long_term=shares.long_term,
        baseline=shares.baseline,
    )


def _clauses(reading: Reading, prefix: str) -> list[FoundClause]:
    """Clauses in the text and rows of its task-division tables, in the order they stand."""
    found = [
        FoundClause(a.span, a.leads, a.partners, a.responsible, a.counts)
        for row in table_rows(reading)
        if (a := row_assignment(reading, row, prefix)) is not None
    ]
    for clause in find_clauses(reading):
        roles = parse_clause(reading, clause.start, clause.end, prefix)
        if roles.named:
            span = reading.span(clause.start, clause.end)
            found.append(
                FoundClause(span, roles.leads, roles.partners, roles.responsible, roles.counts)
            )
    return sorted(found, key=lambda c: c.span.start)


def _agencies(mentions: tuple[AgencyMention, ...]) -> list[dict[str, str]]:
    return [{"name": m.name, "surface": m.surface} for m in mentions]


def _clause_dict(clause: FoundClause) -> dict[str, Any]:
    return {
        "clause": clause.span.text,
        "line": clause.span.line,
        "start": clause.span.start,
        "end": clause.span.end,
        "lead": _agencies(clause.leads),
        "partners": _agencies(clause.partners),
        "responsible": _agencies(clause.responsible),
        "counts": [{"text": c.text, "role": c.role} for c in clause.counts],
    }


def _number(value: Any) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _target_dict(target: Target) -> dict[str, Any]:
    return {
        "text": target.text,
        "line": target.span.line,
        "start": target.span.start,
        "end": target.span.end,
        "value": _number(target.value),
        "value_max": _number(target.value_max),
        "unit": target.unit,
        "comparator": target.comparator,
        "year": target.year,
        "per_year": target.per_year,
        "hedged": target.hedged,
        "each": target.each,
    }


def _metadata_dict(meta: Metadata, inspection: Inspection) -> dict[str, Any]:
    share = {
        key: _target_dict(t) if t else None
        for key, t in (
            ("headline", inspection.headline),
            ("long_term", inspection.long_term),
            ("baseline", inspection.baseline),
        )
    }
    return {
        "title": meta.title or None,
        "region": meta.region.name or None,
        "region_level": meta.region.level if meta.region.name else None,
        "province": meta.region.province,
        "issuer": meta.issuer,
        "doc_number": meta.doc_number,
        "issued": meta.issued.isoformat() if meta.issued else None,
        "period": list(meta.period) if meta.period else None,
        "draft": meta.draft,
        "cites": [c.doc_number for c in meta.citations if c.doc_number],
        **share,
    }


ASSIGNMENT_COLUMNS = ("line", "lead", "partners", "responsible", "counts", "clause")
TARGET_COLUMNS = ("line", "value", "unit", "comparator", "year", "per_year", "hedged", "text")


def assignments_table(inspection: Inspection) -> Table:
    """The clauses found, a row each, names joined by 、."""
    rows = tuple(
        (
            c.span.line,
            "、".join(a.name for a in c.leads),
            "、".join(a.name for a in c.partners),
            "、".join(a.name for a in c.responsible),
            "、".join(n.text for n in c.counts),
            " ".join(c.span.text.split()),
        )
        for c in inspection.assignments
    )
    return Table(ASSIGNMENT_COLUMNS, rows)


def targets_table(inspection: Inspection) -> Table:
    """The targets found, a row each (a range as ``2–3``)."""
    rows = tuple(
        (
            t.span.line,
            f"{t.value}–{t.value_max}" if t.value_max is not None else str(t.value),
            t.unit,
            t.comparator,
            t.year,
            t.per_year,
            t.hedged,
            t.text,
        )
        for t in inspection.targets
    )
    return Table(TARGET_COLUMNS, rows)
