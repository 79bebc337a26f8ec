"""Twelve kinds of question an analyst asks (issue 18), as Cypher on the pushed samples, with
answers a reader of the plans can check (``analyst_questions.toml``); where a named query
answers the same question, its SPARQL and its Cypher twin give the same answer."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from plankg.queries import run_sparql
from plankg.queries.cypher import run_cypher, run_read_only
from plankg.tables import Table

QUESTIONS = tomllib.loads(
    (Path(__file__).parent / "analyst_questions.toml").read_text(encoding="utf-8")
)["question"]
pytestmark = pytest.mark.neo4j


def plain(value: Any) -> Any:
    """A cell as the expectation writes it: decimals as numbers, lists sorted."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, list):
        return sorted(plain(v) for v in value)
    return value


def expected_rows(question: dict[str, Any]) -> list[list[Any]]:
    return [[plain(v) for v in row] for row in question["rows"]]


def answer(table: Table, question: dict[str, Any]) -> list[list[Any]]:
    rows = [[plain(v) for v in row] for row in table.rows]
    return rows if question.get("all") else rows[: len(question["rows"])]


def test_there_are_twelve_kinds_of_question():
    assert len(QUESTIONS) == 12 and len({q["id"] for q in QUESTIONS}) == 12


@pytest.mark.parametrize("question", QUESTIONS, ids=[q["id"] for q in QUESTIONS])
def test_the_cypher_answer_is_the_plans(pushed_samples, question, request):
    if "gap" in question:
        request.applymarker(pytest.mark.xfail(reason=question["gap"], strict=True))
    found = run_read_only(pushed_samples, question["cypher"], question.get("params", {}))
    assert not found.warnings(), found.warnings()
    assert answer(found.table, question) == expected_rows(question)


TWINS = [q for q in QUESTIONS if "twin" in q]


@pytest.mark.parametrize("question", TWINS, ids=[q["id"] for q in TWINS])
def test_the_named_query_gives_the_same_answer_on_both_stores(pushed_samples, corpus, question):
    twin = question["twin"]
    found = run_read_only(pushed_samples, question["cypher"], question.get("params", {})).table
    picks = [found.columns.index(column) for column in twin["columns"].values()]
    expected = [[row[i] for i in picks] for row in expected_rows(question)]
    for table in (
        run_sparql(corpus.graph(), twin["query"], twin["params"]),
        run_cypher(pushed_samples, twin["query"], twin["params"]),
    ):
        assert projected(table, twin)[: len(expected)] == expected, twin["query"]


def projected(table: Table, twin: dict[str, Any]) -> list[list[Any]]:
    picks = [table.columns.index(column) for column in twin["columns"]]
    rows = [[plain(row[i]) for i in picks] for row in table.rows[twin.get("skip", 0) :]]
    return [
        row for row in rows if not twin.get("nonempty") or all(v not in ("", None) for v in row)
    ]
