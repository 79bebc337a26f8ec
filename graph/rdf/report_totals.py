"""What the report of a build sums over its plans (the agencies, the measures and actions each
leads), summed from the plans' results when the report asks
(:attr:`plankg.graph.rdf.batch.BatchResult.totals`: the results are read back from disk one at
a time, so the sums are the only thing held, and only from then on).
"""

from __future__ import annotations

import heapq
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from plankg.tables import Table, row_order

TOP_LEAD_COLUMNS = ("region", "agency", "measures_led", "actions_led")


@dataclass
class ReportTotals:
    """The agencies of the plans added, and the measures and actions each agency leads."""

    agencies: dict[str, set[str]] = field(default_factory=dict)
    """The agencies' IRIs as Turtle writes them, cut at their last ``/``: by what comes before
    (their region's part, shared by the agencies of a region) the names after it, interned
    (every region has its 市科协)."""
    measures: Counter[tuple[str, str]] = field(default_factory=Counter)
    actions: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(
        self, agencies: Iterable[str], leads: Mapping[tuple[str, str], tuple[int, int]]
    ) -> None:
        """Add a plan's agencies (IRIs as Turtle writes them) and the measures and actions
        each (region, agency) leads."""
        for agency in agencies:
            head, _, name = agency.rpartition("/")
            self.agencies.setdefault(sys.intern(head), set()).add(sys.intern(name))
        for (region, agency), (measures_led, actions_led) in leads.items():
            key = sys.intern(region), sys.intern(agency)
            self.measures[key] += measures_led
            self.actions[key] += actions_led

    def agency_count(self) -> int:
        """How many distinct agencies the plans have."""
        return sum(len(names) for names in self.agencies.values())

    def top_leads(self, limit: int | None = None) -> Table:
        """Agencies by measures led, as the ``top-lead`` query orders them; the first
        ``limit`` found without sorting every row (60,983 at 5,000 generated plans)."""
        rows = ((*key, self.measures[key], self.actions[key]) for key in self.measures)
        order = row_order(TOP_LEAD_COLUMNS, "-measures_led", "-actions_led", "region", "agency")
        top = sorted(rows, key=order) if limit is None else heapq.nsmallest(limit, rows, order)
        return Table(TOP_LEAD_COLUMNS, tuple(top))
