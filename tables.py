"""Tables: the rows a query or an analysis gives, rendered for people (aligned, Chinese counted
double-width) and for machines (CSV, JSON). Presentation only: it imports nothing of plankg but
the errors' :func:`~plankg.errors.one_line`, so every layer may use it."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal
from typing import Any

from plankg.errors import one_line

OUTPUT_FORMATS = ("table", "csv", "json")
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""A cell that begins with one of these is a formula to a spreadsheet (OWASP, CSV injection)."""
PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def head(self, limit: int | None) -> Table:
        """The first ``limit`` rows (all when None)."""
        return self if limit is None else Table(self.columns, self.rows[:limit])

    def sorted_by(self, *names: str) -> Table:
        """The rows sorted by the named columns (see :func:`row_order`)."""
        return Table(self.columns, tuple(sorted(self.rows, key=row_order(self.columns, *names))))

    def without(self, name: str) -> Table:
        """The table without the column ``name`` (one kept only to sort by)."""
        i = self.columns.index(name)
        columns = self.columns[:i] + self.columns[i + 1 :]
        return Table(columns, tuple(row[:i] + row[i + 1 :] for row in self.rows))


Row = Sequence[Any]


def row_order(columns: Sequence[str], *names: str) -> Callable[[Row], tuple[Any, ...]]:
    """A sort key over the named columns of rows laid out as ``columns``: ``"-name"`` sorts a
    numeric column descending (an empty cell as 0), a bare name ascending."""
    picks = [(columns.index(name.removeprefix("-")), name.startswith("-")) for name in names]

    def key(row: Row) -> tuple[Any, ...]:
        return tuple(-(row[i] or 0) if descending else row[i] for i, descending in picks)

    return key


def render(table: Table, fmt: str = "table", *, raw_csv: bool = False) -> str:
    """The table as ``fmt``; CSV cells neutralised unless ``raw_csv`` (see :func:`render_csv`)."""
    if fmt == "csv":
        return render_csv(table, raw=raw_csv)
    if fmt == "json":
        return render_json(table)
    return render_text(table)


def cell(value: Any) -> str:
    """A value as text: a list or a map (a node's properties) as JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=_json_value)
    return str(value)


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, size: int, right: bool) -> str:
    fill = " " * (size - width(text))
    return fill + text if right else text + fill


def render_text(table: Table) -> str:
    """Aligned columns for a terminal; a cell's line breaks and control characters shown as
    escapes (:func:`~plankg.errors.one_line`), so plan text cannot break a row or drive the
    terminal."""
    cells = [[one_line(cell(v)) for v in row] for row in table.rows]
    sizes = [max([width(c)] + [width(r[i]) for r in cells]) for i, c in enumerate(table.columns)]
    numeric = [
        all(isinstance(r[i], int | float | Decimal) for r in table.rows if r[i] is not None)
        and table.rows
        for i in range(len(table.columns))
    ]
    lines = ["  ".join(_pad(c, sizes[i], False) for i, c in enumerate(table.columns)).rstrip()]
    lines.append("  ".join("-" * s for s in sizes))
    for row in cells:
        lines.append(
            "  ".join(_pad(c, sizes[i], bool(numeric[i])) for i, c in enumerate(row)).rstrip()
        )
    lines.append(f"({len(table.rows)} row{'s' if len(table.rows) != 1 else ''})")
    return "\n".join(lines)


def render_csv(table: Table, *, raw: bool = False) -> str:
    """CSV; a text cell a spreadsheet would run as a formula (``=HYPERLINK(…)``, ``@SUM(…)``,
    ``-2+3``) gets a ``'`` before it, as OWASP recommends, unless ``raw``. Numbers, plain
    negative ones too, are left as they are. A carriage return inside a cell is written as a
    line feed, which the writer quotes (it leaves a lone CR bare, and a reader would start a
    new row there)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([_csv_cell(c, raw) for c in table.columns])
    writer.writerows([_csv_cell(v, raw) for v in row] for row in table.rows)
    return buffer.getvalue().rstrip("\n")


def _csv_cell(value: Any, raw: bool) -> str:
    text = cell(value) if raw else neutralise(cell(value))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def neutralise(text: str) -> str:
    """``text`` as a spreadsheet shows it rather than runs it: a ``'`` before a leading
    ``=``, ``+``, ``-``, ``@``, tab or carriage return, unless nothing follows it (the
    comparator ``=``) or the cell is a plain number (``-2.5``)."""
    if len(text) > 1 and text.startswith(FORMULA_TRIGGERS) and not PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def _json_value(value: Any) -> Any:
    """A value JSON has no type for: a decimal as a number (an integer when whole), a date as
    ISO 8601 text, anything else as its text."""
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral_value() else int(value)
    if isinstance(value, date | time):
        return value.isoformat()
    return value if isinstance(value, str | int | float | bool | None | list | dict) else str(value)


def render_json(table: Table) -> str:
    records = [{k: _json_value(v) for k, v in r.items()} for r in table.records()]
    return json.dumps(records, ensure_ascii=False, indent=2, default=_json_value)
