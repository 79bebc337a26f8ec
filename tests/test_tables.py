"""Tables for people and machines: a terminal row cannot be broken or driven by a cell, a CSV
cell cannot become a spreadsheet formula (OWASP) unless raw cells are asked for."""

from __future__ import annotations

import csv
import io

import pytest
from plankg.tables import Table, neutralise, render, render_csv, render_text

FORMULAS = [
    '=HYPERLINK("http://x")',
    "+1+2",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "=cmd|'/C calc'!A0",
]


def formula_cells(text: str) -> list[str]:
    """The cells of a CSV text a spreadsheet would run."""
    return [
        value
        for row in csv.reader(io.StringIO(text, newline=""))
        for value in row
        if len(value) > 1
        and value[0] in "=+-@\t\r"
        and not value.lstrip("+-").replace(".", "").isdigit()
    ]


@pytest.mark.parametrize("formula", FORMULAS)
def test_a_cell_a_spreadsheet_would_run_gets_a_quote(formula):
    assert neutralise(formula) == "'" + formula


@pytest.mark.parametrize("text", ["=", "-", "-2.5", "+3", "12", "市科协", "'=x", "a=b", ""])
def test_numbers_a_lone_comparator_and_text_stay_as_they_are(text):
    assert neutralise(text) == text


def test_csv_is_neutral_unless_raw_cells_are_asked_for():
    table = Table(("=title", "value"), tuple((f, -1) for f in FORMULAS))
    assert formula_cells(render_csv(table)) == []
    assert formula_cells(render(table, "csv")) == []
    raw = render_csv(table, raw=True)
    assert len(formula_cells(raw)) == len(FORMULAS)  # the header, and all but "\r=1"
    assert len(list(csv.reader(io.StringIO(raw, newline="")))) == 1 + len(FORMULAS)
    assert [row[1] for row in csv.reader(io.StringIO(render_csv(table), newline=""))][1:] == [
        "-1"
    ] * 7


def test_a_cell_cannot_break_a_row_or_drive_the_terminal():
    text = render_text(Table(("title",), (("第一行\n第二行\x1b[2J\u202e",),)))
    assert "第一行\\n第二行\\x1b[2J\\u202e" in text
    assert "\x1b" not in text and len(text.splitlines()) == 4
