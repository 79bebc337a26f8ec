"""Targets side by side: each plan's headline literacy share with its baseline, and targets of
the same kind (``target_kinds.toml``) compared where their units agree."""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

from plankg.graph.analysis.facts import Source, TargetFact, facts_of
from plankg.graph.analysis.target_kinds import (
    TargetKind,
    in_base_unit,
    kind_of,
    number_text,
    target_kinds,
)
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


class Compared(NamedTuple):
    """A measure target of a known kind, in its base unit."""

    kind: TargetKind
    basis: str
    unit: str
    value: int | float
    target: TargetFact

    @property
    def group(self) -> tuple[str, str, str]:
        """Targets of one group stand side by side: same kind, basis and unit."""
        return self.kind.zh, self.basis, self.unit

    def order(self, kinds: dict[str, int]) -> tuple[int, bool, str, float, str, str]:
        """Kinds in the data file's order, per-year before cumulative, then unit, the largest
        value first, region, and the sentence."""
        basis = self.basis != PER_YEAR
        return (
            kinds[self.kind.zh],
            basis,
            self.unit,
            -self.value,
            self.target.region,
            self.target.text,
        )

    def row(self, regions_compared: int) -> tuple[object, ...]:
        target = self.target
        return (
            self.kind.zh,
            self.kind.en,
            self.basis,
            self.unit,
            target.region,
            target.plan,
            self.value,
            target.written or f"{number_text(target.value)}{target.unit}",
            target.comparator,
            target.year,
            regions_compared,
            target.text,
        )


def _compared(target: TargetFact) -> Compared | None:
    kind = kind_of(target.text, target.written or f"{number_text(target.value)}{target.unit}")
    if kind is None:
        return None
    value, unit = in_base_unit(target.value, target.unit)
    basis = PER_YEAR if target.per_year else CUMULATIVE
    return Compared(kind, basis, unit, plain_number(value), target)


def target_comparison(source: Source) -> Table:
    """Measure targets with a known kind, grouped by kind, basis (per year or cumulative) and
    base unit (万人次 counted as 10000 人次); ``regions_compared`` says how many regions share a
    group, i.e. how many stand side by side with the same kind, basis and unit."""
    facts = facts_of(source)
    found = [
        compared
        for plan in facts.plans
        for compared in map(_compared, facts.measure_targets(plan))
        if compared is not None
    ]
    regions: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for compared in found:
        regions[compared.group].add(compared.target.region)
    kinds = {kind.zh: i for i, kind in enumerate(target_kinds())}
    found.sort(key=lambda compared: compared.order(kinds))
    rows = tuple(c.row(len(regions[c.group])) for c in found)
    return Table(COMPARISON_COLUMNS, rows)
