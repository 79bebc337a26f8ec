"""Running Cypher on Neo4j: the named queries (``NAME.cypher``, twins of the SPARQL ones, with
the same columns, order and value types) and ad-hoc read-only queries.

An ad-hoc query is planned first (``EXPLAIN``) and refused, with the reason, when the plan
writes, changes the schema or administers the DBMS, or holds an operator or a procedure of
``read-only.toml`` (LOAD CSV, SHOW/TERMINATE TRANSACTIONS, any procedure but those that read
the graph); it then runs in a read transaction with a timeout and at most
:data:`MAX_ROWS` rows.

Values come back as :func:`plankg.queries.run_sparql` gives them: decimals (stored as floats)
as :class:`~decimal.Decimal`, dates as :class:`datetime.date`, nodes and relationships as dicts.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import Any

from neo4j import GqlStatusObject, ManagedTransaction, ResultSummary, unit_of_work
from neo4j.graph import Node, Path, Relationship
from neo4j.time import Date, DateTime, Time
from plankg.errors import QueryError
from plankg.graph.neo4j.connection import Connection, GraphDatabaseError, timed_out
from plankg.graph.neo4j.values import float_lexical
from plankg.queries.execution_plan import plan_table, split_mode, total_db_hits
from plankg.queries.library import check_parameters, load_query, query_parameters
from plankg.queries.parameters import parameter_text
from plankg.tables import Table

READ_ONLY = "r"
WRITES = ("w", "rw")
DEFAULT_TIMEOUT = 60.0
"""Seconds an ad-hoc query may run (``plankg cypher --timeout``)."""
MAX_ROWS = 1_000_000
"""The most rows an ad-hoc query may return (all are held in memory to be rendered)."""
WRITE = "the query would write to the database (change data with cypher-shell or Neo4j Browser)"
SCHEMA_WRITE = "the query would change the schema or the DBMS"
EXPLAIN = "EXPLAIN "
UNKNOWN = {"01N50": "label", "01N51": "relationship type", "01N52": "property key"}
"""The server's notifications (GQL status codes) of a name the graph does not hold."""
QUOTED = re.compile(r"`([^`]*)`")


class WriteRefused(QueryError):
    """An ad-hoc query that would change the database."""


class QueryRefused(QueryError):
    """An ad-hoc query that reaches beyond reading the graph (see ``read-only.toml``)."""


class QueryTooLong(QueryError):
    """An ad-hoc query that ran out of its time or returned too many rows."""


@dataclass(frozen=True)
class Answer:
    """What an ad-hoc query gave: its rows (or, for ``EXPLAIN`` and ``PROFILE``, its plan as a
    table of operators), how many rows it returned (None when only explained), the names it
    uses that the graph does not hold (``label Plann (line 1, column 10)``) and notes on the
    run (a profile's totals)."""

    table: Table
    returned: int | None
    unknown: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def warnings(self) -> list[str]:
        """A warning when the query returned no rows and uses names the graph does not hold
        (the likely reason: a misspelt label, type or key), or was only explained."""
        if not self.unknown or self.returned:
            return []
        outcome = "no rows" if self.returned == 0 else "the plan"
        names = "; ".join(self.unknown)
        return [f"{outcome}, and the graph has no {names} (plankg schema lists what it has)"]


def run_cypher(connection: Connection, name: str, params: dict[str, Any] | None = None) -> Table:
    """Run the named Cypher query; ``params`` bind its ``$name`` parameters (unset ones are
    null), as text (see :func:`~plankg.queries.parameters.parameter_text`)."""
    params = {k: v for k, v in (params or {}).items() if v is not None}
    check_parameters(name, params, "cypher")
    declared = query_parameters(name, "cypher")
    bound = {p: (parameter_text(name, p, params[p]) if p in params else None) for p in declared}
    return connection.read(_table, load_query(name, "cypher"), bound)


def run_read_only(
    connection: Connection,
    query: str,
    params: dict[str, Any] | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_rows: int = MAX_ROWS,
) -> Answer:
    """Run an ad-hoc query that only reads the graph (see the module docstring), in a read
    transaction that the server stops after ``timeout`` seconds; more than ``max_rows`` rows
    is an error. ``EXPLAIN`` before the query gives its plan without running it,
    ``PROFILE`` runs it and gives the plan with the rows and database hits of each operator."""
    params = params or {}
    mode, body = split_mode(query)
    summary = _explain(connection, body, params)
    unknown = unknown_names(summary, query, len(query) - len(body) - len(EXPLAIN))
    if mode == "EXPLAIN":
        return Answer(plan_table(summary.plan or {}, profiled=False), None, unknown)
    try:
        if mode == "PROFILE":
            answer: Answer = _run(connection, _profile, timeout, body, params)
            return replace(answer, unknown=unknown)
        table = _run(connection, _table, timeout, body, params, max_rows)
    except GraphDatabaseError as e:
        if timed_out(e.__cause__):
            raise QueryTooLong(
                f"the query ran longer than {timeout:g} s and was stopped (--timeout SECONDS "
                "allows longer)"
            ) from e
        raise
    return Answer(table, len(table.rows), unknown)


def _explain(connection: Connection, query: str, params: dict[str, Any]) -> ResultSummary:
    """The server's plan of ``query``, with its warnings; refused when it reaches beyond
    reading the graph."""
    with connection.session(notifications_min_severity="WARNING") as session:
        summary = session.run(EXPLAIN + query, params).consume()
    refusal = why_refused(summary.query_type, list(_operators(summary.plan or {})))
    if refusal:
        kind = WriteRefused if refusal in (WRITE, SCHEMA_WRITE) else QueryRefused
        raise kind(f"refused: {refusal}; plankg cypher runs queries that only read the graph")
    return summary


def _run(connection: Connection, work: Any, timeout: float, *args: Any) -> Any:
    return connection.read(unit_of_work(timeout=timeout)(work), *args)


def unknown_names(summary: ResultSummary, query: str, shift: int) -> tuple[str, ...]:
    """The labels, relationship types and property keys the server did not find in the
    graph, each with its line and column in ``query``, whose offsets are those the server
    gives plus ``shift``."""
    found = [s for s in summary.gql_status_objects if s.gql_status in UNKNOWN]
    found.sort(key=lambda status: status.position.offset if status.position else -1)
    return tuple(dict.fromkeys(_unknown(status, query, shift) for status in found))


def _unknown(status: GqlStatusObject, query: str, shift: int) -> str:
    quoted = QUOTED.search(status.status_description)
    name = f"{UNKNOWN[status.gql_status]} {quoted[1] if quoted else '?'}"
    if status.position is None:
        return name
    before = query[: max(status.position.offset + shift, 0)]
    line, column = before.count("\n") + 1, len(before) - before.rfind("\n")
    return f"{name} (line {line}, column {column})"


def why_refused(query_type: str | None, operators: list[tuple[str, str]]) -> str | None:
    """Why a query of ``query_type`` whose plan holds ``operators`` (name, details) is
    refused, or None when it only reads the graph."""
    rules = _rules()
    for name, details in operators:
        if name in rules["operators"]:
            return str(rules["operators"][name])
        procedure = details.partition("(")[0].strip()
        if name == "ProcedureCall" and procedure not in rules["procedures"]["allowed"]:
            return f"it calls procedure {procedure}, which is not one that only reads the graph"
    if query_type in WRITES:
        return WRITE
    if query_type != READ_ONLY:
        return SCHEMA_WRITE
    return None


@cache
def _rules() -> dict[str, Any]:
    text = files("plankg.queries").joinpath("read-only.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _operators(plan: dict[str, Any]) -> list[tuple[str, str]]:
    """Every operator of an EXPLAIN plan: its name (without ``@database``) and details."""
    found = [(str(plan.get("operatorType", "")).partition("@")[0], _details(plan))]
    for child in plan.get("children", []):
        found += _operators(child)
    return found


def _details(plan: dict[str, Any]) -> str:
    return str(plan.get("args", {}).get("Details", ""))


def _table(
    tx: ManagedTransaction, query: str, params: dict[str, Any], max_rows: int | None = None
) -> Table:
    result = tx.run(query, params)
    columns = tuple(result.keys())
    rows: list[tuple[Any, ...]] = []
    for record in result:
        if max_rows is not None and len(rows) == max_rows:
            raise QueryTooLong(f"the query returns more than {max_rows:,} rows: add a LIMIT")
        rows.append(tuple(plain(value) for value in record.values()))
    return Table(columns, tuple(rows))


def _profile(tx: ManagedTransaction, query: str, params: dict[str, Any]) -> Answer:
    """Run ``PROFILE query``: its plan with each operator's rows and database hits."""
    result = tx.run(f"PROFILE {query}", params)
    returned = sum(1 for _ in result)
    summary = result.consume()
    profile = summary.profile or {}
    took = (summary.result_available_after or 0) + (summary.result_consumed_after or 0)
    note = f"PROFILE: {returned:,} rows, {total_db_hits(profile):,} db hits, {took:,} ms"
    return Answer(plan_table(profile, profiled=True), returned, notes=(note,))


def plain(value: Any) -> Any:
    """A Neo4j value as the SPARQL runner would give it (see the module docstring)."""
    if isinstance(value, bool | int | str) or value is None:
        return value
    if isinstance(value, float):
        return Decimal(float_lexical(value))
    if isinstance(value, Date | DateTime | Time):
        return value.to_native()
    if isinstance(value, Node):
        return {"labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"type": value.type, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return [plain(node) for node in value.nodes]
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value
