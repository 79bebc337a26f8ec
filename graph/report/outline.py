"""The report's outline: every section, chart and table in reading order with the anchor it
is reached by, so the HTML and the Markdown share one table of contents."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from plankg.graph.analysis import TABLES, TableSpec

CONTENTS_TITLE = "目录 Contents"
PLANS_TITLE = "方案 Plans"
PLANS_ANCHOR = "plans"


class Titled(Protocol):
    """A chart: its name, title and section."""

    @property
    def name(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def section(self) -> str: ...


@dataclass(frozen=True)
class Entry:
    anchor: str
    title: str
    level: int
    """2 for a section, 3 for a chart or a table in it."""


def figure_anchor(name: str) -> str:
    return f"figure-{name}"


def table_anchor(name: str) -> str:
    return f"table-{name}"


def specs_of(section: str, present: Mapping[str, object]) -> list[TableSpec]:
    """The tables of ``section`` the report holds, in the order of ``TABLES``."""
    return [spec for spec in TABLES if spec.section == section and spec.name in present]


def outline(
    sections: Mapping[str, str], figures: Sequence[Titled], tables: Mapping[str, object]
) -> Iterator[Entry]:
    """The plans, then each section with its charts and tables."""
    yield Entry(PLANS_ANCHOR, PLANS_TITLE, 2)
    for section, title in sections.items():
        yield Entry(section, title, 2)
        for figure in (f for f in figures if f.section == section):
            yield Entry(figure_anchor(figure.name), figure.title, 3)
        for spec in specs_of(section, tables):
            yield Entry(table_anchor(spec.name), spec.title, 3)
