"""``EXPLAIN`` and ``PROFILE`` of an ad-hoc query: the keyword found before the query, and the
execution plan the server returns as a table of operators (as cypher-shell prints it).

A plan is a tree; each operator is a row, indented under its parent by two spaces, with its
details, the planner's estimate of its rows and, when profiled, the rows it produced, its
database hits and the memory it held. Numbers are integers (the estimate rounded)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from plankg.tables import Table

MODES = ("EXPLAIN", "PROFILE")
MODE = re.compile(
    r"\A(?:\s+|//[^\n]*(?:\n|\Z)|/\*.*?\*/)*(?P<mode>EXPLAIN|PROFILE)\b", re.IGNORECASE | re.DOTALL
)
"""EXPLAIN or PROFILE before the query, after any spaces and comments."""
EXPLAIN_COLUMNS = ("operator", "details", "estimated_rows")
PROFILE_COLUMNS = (*EXPLAIN_COLUMNS, "rows", "db_hits", "memory_bytes")


def split_mode(query: str) -> tuple[str | None, str]:
    """``("EXPLAIN" | "PROFILE" | None, the query without that keyword)``."""
    found = MODE.match(query)
    if not found:
        return None, query
    return found["mode"].upper(), query[found.end() :]


def plan_table(plan: dict[str, Any], profiled: bool) -> Table:
    """The operators of ``plan`` (``ResultSummary.plan`` or ``.profile``), root first."""
    columns = PROFILE_COLUMNS if profiled else EXPLAIN_COLUMNS
    rows = tuple(row[: len(columns)] for row in _rows(plan, 0))
    return Table(columns, rows)


def _rows(plan: dict[str, Any], depth: int) -> Iterator[tuple[Any, ...]]:
    args = plan.get("args", {})
    name = str(plan.get("operatorType", "")).partition("@")[0]
    yield (
        "  " * depth + name,
        str(args.get("Details", "")),
        round(float(args.get("EstimatedRows", 0))),
        _count(args, "Rows", plan.get("rows")),
        _count(args, "DbHits", plan.get("dbHits")),
        _count(args, "Memory", None),
    )
    for child in plan.get("children", []):
        yield from _rows(child, depth + 1)


def _count(args: dict[str, Any], key: str, fallback: Any) -> int | None:
    value = args.get(key, fallback)
    return None if value is None else int(value)


def total_db_hits(plan: dict[str, Any]) -> int:
    """The database hits of every operator of a profiled plan."""
    own = int(plan.get("args", {}).get("DbHits", plan.get("dbHits", 0)) or 0)
    return own + sum(total_db_hits(child) for child in plan.get("children", []))
