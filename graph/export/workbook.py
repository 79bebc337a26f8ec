"""The tables as one Excel workbook (.xlsx), the form analysts circulate: a sheet per table
(plans, assignments, targets, families), the header row frozen and bold, an autofilter over the
rows, column widths that fit the Chinese text, numbers as numbers, years as integers, dates as
dates, flags as booleans, and text always as text (never read as a formula).

Written by XlsxWriter in memory, which stamps every part of the zip with 1980-01-01; the
document's creation date is fixed too (:data:`CREATED`), so the same tables give the same
bytes."""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import xlsxwriter
from plankg.errors import UsageError
from plankg.graph.export.tables import csv_tables
from plankg.graph.rdf.build import Triple
from plankg.tables import Table, cell, width

CREATED = datetime(2000, 1, 1, tzinfo=UTC)
"""The creation date every workbook carries: a fixed one, so that its bytes are reproducible."""
MIN_WIDTH, MAX_WIDTH = 6, 60
"""Column widths in characters (a Chinese character counts two): at least the first, at most
the second; a longer cell is cut off at the column's edge, not wrapped."""
DATE_FORMAT = "yyyy-mm-dd"
MAX_ROWS = 1_048_576
"""The rows of an Excel sheet, the header's included."""


class TooManyRowsError(UsageError):
    """A table longer than a sheet can hold."""


def xlsx_bytes(triples: Iterable[Triple]) -> bytes:
    """The workbook of the tables of ``triples``."""
    return workbook_bytes(csv_tables(triples))


def workbook_bytes(tables: Mapping[str, Table]) -> bytes:
    """A workbook with one sheet per table, named as the table; a table longer than a sheet
    holds is a :class:`TooManyRowsError` (Excel would drop the rows past its last)."""
    for name, table in tables.items():
        if len(table.rows) >= MAX_ROWS:
            raise TooManyRowsError(
                f"the {name} table has {len(table.rows):,} rows, more than an Excel sheet holds "
                f"({MAX_ROWS - 1:,} below the header): export --format csv instead"
            )
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    book.set_properties({"title": "plankg export", "created": CREATED})
    formats = {
        "header": book.add_format({"bold": True}),
        "date": book.add_format({"num_format": DATE_FORMAT}),
    }
    for name, table in tables.items():
        _write_sheet(book.add_worksheet(name), table, formats)
    book.close()
    return buffer.getvalue()


def _write_sheet(sheet: Any, table: Table, formats: Mapping[str, Any]) -> None:
    for column, name in enumerate(table.columns):
        sheet.write_string(0, column, name, formats["header"])
        sheet.set_column(column, column, column_width(name, (r[column] for r in table.rows)))
    for row, values in enumerate(table.rows, start=1):
        for column, value in enumerate(values):
            _write_cell(sheet, row, column, value, formats)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(table.rows), len(table.columns) - 1)


def _write_cell(sheet: Any, row: int, column: int, value: Any, formats: Mapping[str, Any]) -> None:
    if value is None:
        return
    if isinstance(value, bool):
        sheet.write_boolean(row, column, value)
    elif isinstance(value, int | float | Decimal):
        sheet.write_number(row, column, float(value) if isinstance(value, Decimal) else value)
    elif isinstance(value, date):
        sheet.write_datetime(
            row, column, datetime(value.year, value.month, value.day), formats["date"]
        )
    else:
        sheet.write_string(row, column, str(value))


def column_width(header: str, values: Iterable[Any]) -> int:
    """The width that shows the header and the widest cell (a Chinese character counts two),
    with room for the autofilter's button, between :data:`MIN_WIDTH` and :data:`MAX_WIDTH`."""
    widest = max([width(header) + 3, *(width(cell(v)) + 1 for v in values)])
    return max(MIN_WIDTH, min(MAX_WIDTH, widest))
