"""What plankg did not read in a plan: the measures without a lead, the clauses that look like
assignments and the quantities that look like targets but are not in the plan read, and the
metadata fields not found — each with its line, so that a user loading a new plan sees at once
where to look."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from itertools import accumulate

from plankg.loaders.clauses import find_clauses
from plankg.loaders.model import Coverage, Finding, Plan, Span
from plankg.loaders.patterns import alternation
from plankg.loaders.programs import compile_pattern
from plankg.loaders.targets import find_targets
from plankg.loaders.text import Reading
from plankg.tables import Table

SENTENCE_MARKS = "。;!?\n"
AGENCY_NAMED = compile_pattern(
    r"(?:[省市区县州旗]|团[省市区县]委)[\u4e00-\u9fff]{1,10}?(?:局|委|办|厅|科协|妇联|文联|社科联|总工会|政府)"
)
METADATA_FIELDS = (
    "title",
    "region",
    "region_code",
    "issuer",
    "doc_number",
    "issued",
    "period",
    "headline",
)


def coverage_of(plan: Plan, reading: Reading) -> Coverage:
    measures = [(a, m) for a in plan.actions for m in a.measures]
    with_lead = sum(1 for a, m in measures if any(x.leads for x in a.assignments_of(m)))
    return Coverage(
        measures=len(measures),
        measures_with_lead=with_lead,
        unread_clauses=tuple(_unread_clauses(plan, reading)),
        unread_targets=tuple(_unread_targets(plan, reading)),
        missing=tuple(f for f in METADATA_FIELDS if not _found(plan, f)),
    )


def _found(plan: Plan, field: str) -> bool:
    if field == "region":
        return bool(plan.region.name)
    if field == "region_code":
        return plan.region.code is not None
    return bool(getattr(plan, field))


def _read_spans(plan: Plan) -> list[Span]:
    spans = [s.span for a in plan.actions for s in (a.assignment,) if s]
    spans += [m.assignment.span for a in plan.actions for m in a.measures if m.assignment]
    return spans


class _Extents:
    """Spans, asked in O(log n) whether a stretch overlaps any of them: sorted by start, with
    the furthest end reached so far (asking each of thousands of targets of thousands of
    spans, one by one, was quadratic)."""

    def __init__(self, extents: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(extents)
        self.starts = [start for start, _ in ordered]
        self.reach = list(accumulate((end for _, end in ordered), max))

    def overlap(self, start: int, end: int) -> bool:
        before_end = bisect.bisect_left(self.starts, end)
        return before_end > 0 and self.reach[before_end - 1] > start


def _unread_clauses(plan: Plan, reading: Reading) -> list[Finding]:
    read = _Extents((s.start, s.end) for s in _read_spans(plan))
    found = []
    clauses = _Extents(reading.extent(c.start, c.end) for c in find_clauses(reading))
    norm, origin = reading.norm, reading.origin
    for start, end in sentences(reading):
        extent = origin[start], origin[end - 1] + 1  # reading.extent of a non-empty sentence
        if read.overlap(*extent) or not _looks_assigned(norm, start, end, extent, clauses):
            continue
        span = reading.span(start, end)
        found.append(Finding(span.line, span.text.strip()))
    return found


def sentences(reading: Reading) -> Iterator[tuple[int, int]]:
    """The extent of each sentence of the reading, its closing mark included (a line break
    closes one too, left out): what ``[^。;!?\\n]+[。;!?]?`` finds, from the index of the
    marks rather than a scan of every character."""
    cursor = 0
    for at in reading.mark_positions(SENTENCE_MARKS):
        if at > cursor:
            yield cursor, at + (reading.norm[at] != "\n")
        cursor = at + 1
    if cursor < len(reading.norm):
        yield cursor, len(reading.norm)


def _looks_assigned(
    norm: str, start: int, end: int, extent: tuple[int, int], clauses: _Extents
) -> bool:
    """Whether the sentence ``norm[start:end]`` (``extent`` in the source) overlaps a clause,
    or names a role and an agency (neither pattern looks around: searched in place)."""
    if clauses.overlap(*extent):
        return True
    if not alternation("assignment", "role_words").search(norm, start, end):
        return False
    return bool(AGENCY_NAMED.search(norm, start, end))


def _unread_targets(plan: Plan, reading: Reading) -> list[Finding]:
    spans = [t.span for a in plan.actions for m in a.measures for t in m.targets]
    spans += [t.span for t in (plan.headline, plan.long_term, plan.baseline) if t]
    read = _Extents((s.start, s.end) for s in spans)
    return [
        Finding(t.span.line, t.text)
        for t in find_targets(reading, 0, len(reading.norm))
        if not read.overlap(t.span.start, t.span.end)
    ]


SUMMARY_COLUMNS = (
    "plan",
    "measures",
    "with_lead",
    "unread_clauses",
    "unread_targets",
    "missing",
)
FINDING_COLUMNS = ("plan", "source", "kind", "line", "text")


def summary_table(plans: Iterable[tuple[str, Coverage]], limit: int | None = None) -> Table:
    """One row per plan, those with the most left unread first."""
    rows = [
        (
            key,
            c.measures,
            c.measures_with_lead,
            len(c.unread_clauses),
            len(c.unread_targets),
            " ".join(c.missing),
            len(c.unread_clauses) + len(c.unread_targets) + len(c.missing),
        )
        for key, c in plans
    ]
    table = Table((*SUMMARY_COLUMNS, "unread"), tuple(rows))
    return table.sorted_by("-unread", "plan").without("unread").head(limit)


def findings_table(plans: Iterable[tuple[str, str, Coverage]]) -> Table:
    """Everything left unread, a row each, with its line: what ``--report-coverage`` writes."""
    rows: list[tuple[str, str, str, int | None, str]] = []
    for key, source, c in plans:
        rows.append(
            (key, source, "measures_with_lead", None, f"{c.measures_with_lead}/{c.measures}")
        )
        rows.extend((key, source, "missing_field", None, name) for name in c.missing)
        rows.extend((key, source, "unread_clause", f.line, f.text) for f in c.unread_clauses)
        rows.extend((key, source, "unread_target", f.line, f.text) for f in c.unread_targets)
    return Table(FINDING_COLUMNS, tuple(rows))
