"""What the tasks view shows, as a table: task families (rows, grouped under their canonical
action) × plans (columns), each cell the plan's measure of the family with its lead agencies,
or nothing where the plan has no such measure. Built by :mod:`plankg.graph.views.tasks`,
drawn by :mod:`plankg.graph.views.table_page`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TaskLead:
    """An agency that leads a measure, with its types and the colour of its first type."""

    name: str
    types: tuple[str, ...]
    color: str


@dataclass(frozen=True)
class TaskCell:
    """A plan's measure of a task family."""

    measure: str
    position: str
    """``1.3``: the number of its action and its own."""
    title: str
    leads: tuple[TaskLead, ...]
    partners: tuple[str, ...]
    similarity: float | None
    """How close the measure is to its family (1 for the central member)."""
    text: str
    """The source sentence."""
    lines: str
    """Where it stands in the plan's text: ``第31–33行 lines 31–33``."""
    clauses: tuple[str, ...]
    """The source clauses that name the lead agencies, with their lines."""


@dataclass(frozen=True)
class TaskRow:
    family: str
    title: str
    """The family's most central member's title."""
    plans: int
    """How many of the plans shown carry the task."""
    cells: tuple[TaskCell | None, ...]
    """One per column; None where the plan has no such measure."""
    led_differently: bool
    """Carried by two plans or more whose lead agencies are not of the same types (as
    ``plankg analyze``'s same task, different lead)."""
    common_types: tuple[str, ...]
    """The agency types that lead the task in every plan carrying it (empty when they share
    none); the page recomputes it for the plans shown."""


@dataclass(frozen=True)
class TaskGroup:
    """A canonical action and its task families."""

    action: str
    action_en: str
    rows: tuple[TaskRow, ...]


@dataclass(frozen=True)
class TaskColumn:
    plan: str
    region: str
    key: str


@dataclass(frozen=True)
class TaskMatrix:
    columns: tuple[TaskColumn, ...]
    groups: tuple[TaskGroup, ...]

    def rows(self) -> list[TaskRow]:
        return [row for group in self.groups for row in group.rows]

    def row(self, title: str) -> TaskRow:
        """The row of the family titled ``title``."""
        return next(row for row in self.rows() if row.title == title)

    def cell(self, row: TaskRow, region: str) -> TaskCell | None:
        """The cell of ``row`` in the column of ``region``."""
        index = next(i for i, c in enumerate(self.columns) if c.region == region)
        return row.cells[index]
