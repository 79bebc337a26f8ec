"""Targets side by side: each plan's headline literacy share with its baseline, and targets of
the same kind (``data/target_kinds.toml``) compared where their units agree."""

from __future__ import annotations

from collections import defaultdict

from plankg.graph.analysis_facts import Source, TargetFact, facts_of
from plankg.graph.target_kinds import in_base_unit, kind_of, number_text, target_kinds
from plankg.tables import Table

PER_YEAR, CUMULATIVE = "per year", "cumulative"
HEADLINE_COLUMNS = (
    "region",
    "plan",
    "headline",
    "comparator",
    "year",
    "baseline",
    "baseline_year",
    "gain",
    "unit",
    "text",
)
COMPARISON_COLUMNS = (
    "kind",
    "kind_en",
    "basis",
    "unit",
    "region",
    "plan",
    "value",
    "as_written",
    "comparator",
    "year",
    "regions_compared",
    "text",
)


def plain_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 4)


def headline_targets(source: Source) -> Table:
    """Per plan: the headline share of citizens with scientific literacy, its baseline where
    the plan states one, and the gain between them (percentage points)."""
    facts = facts_of(source)
    rows = []
    for plan in facts.plans:
        headline = facts.headline(plan)
        baseline = facts.headline(plan, "baseline")
        if headline is None:
            continue
        gain = round(headline.value - baseline.value, 2) if baseline else None
        rows.append(
            (
                headline.region,
                headline.plan,
                plain_number(headline.value),
                headline.comparator,
                headline.year,
                plain_number(baseline.value) if baseline else None,
                baseline.year if baseline else None,
                plain_number(gain) if gain is not None else None,
                headline.unit,
                headline.text,
            )
        )
    return Table(HEADLINE_COLUMNS, tuple(rows))


def _comparison_row(target: TargetFact) -> tuple | None:
    kind = kind_of(target.text, target.value, target.unit)
    if kind is None:
        return None
    value, unit = in_base_unit(target.value, target.unit)
    return (
        kind.zh,
        kind.en,
        PER_YEAR if target.per_year else CUMULATIVE,
        unit,
        target.region,
        target.plan,
        plain_number(value),
        f"{number_text(target.value)}{target.unit}",
        target.comparator,
        target.year,
        target.text,
    )


def target_comparison(source: Source) -> Table:
    """Measure targets with a known kind, grouped by kind, basis (per year or cumulative) and
    base unit (万人次 counted as 10000 人次); ``regions_compared`` says how many regions share a
    group, i.e. how many stand side by side with the same kind, basis and unit."""
    facts = facts_of(source)
    rows = [
        row
        for plan in facts.plans
        for row in map(_comparison_row, facts.measure_targets(plan))
        if row is not None
    ]
    regions: dict[tuple, set[str]] = defaultdict(set)
    for row in rows:
        regions[row[0], row[2], row[3]].add(row[4])
    order = {kind.zh: i for i, kind in enumerate(target_kinds())}
    full = [(*row[:10], len(regions[row[0], row[2], row[3]]), row[10]) for row in rows]
    full.sort(key=lambda r: (order[r[0]], r[2] != PER_YEAR, r[3], -r[6], r[4], r[11]))
    return Table(COMPARISON_COLUMNS, tuple(full))
