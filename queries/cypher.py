"""Running Cypher on Neo4j: the named queries (``NAME.cypher``, twins of the SPARQL ones, with
the same columns, order and value types) and ad-hoc read-only queries.

Values come back as :func:`plankg.queries.run_sparql` gives them: decimals (stored as floats)
as :class:`~decimal.Decimal`, dates as :class:`datetime.date`, nodes and relationships as dicts.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from neo4j import ManagedTransaction
from neo4j.graph import Node, Path, Relationship
from neo4j.time import Date, DateTime, Time
from plankg.errors import QueryError
from plankg.graph.neo4j.connection import Connection
from plankg.graph.neo4j.values import float_lexical
from plankg.queries.library import check_parameters, load_query, query_parameters
from plankg.tables import Table

READ_ONLY = "r"


class WriteRefused(QueryError):
    """An ad-hoc query that would change the database."""


def run_cypher(connection: Connection, name: str, params: dict[str, Any] | None = None) -> Table:
    """Run the named Cypher query; ``params`` bind its ``$name`` parameters (unset ones are
    null)."""
    params = {k: v for k, v in (params or {}).items() if v is not None}
    check_parameters(name, params, "cypher")
    declared = query_parameters(name, "cypher")
    bound = {p: (str(params[p]) if p in params else None) for p in declared}
    return connection.read(_table, load_query(name, "cypher"), bound)


def run_read_only(
    connection: Connection, query: str, params: dict[str, Any] | None = None
) -> Table:
    """Run an ad-hoc query, refusing it unless the server plans it as read-only; it then runs
    in a read transaction."""
    params = params or {}
    with connection.session() as session:
        query_type = session.run(f"EXPLAIN {query}", params).consume().query_type
    if query_type != READ_ONLY:
        raise WriteRefused(
            "refused: the query would write to the database (plankg cypher runs read-only "
            "queries; use Neo4j Browser or cypher-shell to change data)"
        )
    return connection.read(_table, query, params)


def _table(tx: ManagedTransaction, query: str, params: dict[str, Any]) -> Table:
    result = tx.run(query, params)
    columns = tuple(result.keys())
    rows = tuple(tuple(plain(value) for value in record.values()) for record in result)
    return Table(columns, rows)


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
