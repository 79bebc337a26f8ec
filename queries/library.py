"""Loading named queries and running the SPARQL ones on an rdflib graph."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import Any

from plankg.errors import QueryError
from plankg.queries.parameters import parameter_text
from plankg.tables import Table
from rdflib import Graph, Literal
from rdflib.query import Result, ResultRow

SUFFIXES = {"sparql": ".rq", "cypher": ".cypher"}
PARAMETERS_LINE = re.compile(r"^(?://|#)\s*Parameters:(?P<list>.*)$", re.MULTILINE)
PARAMETER = re.compile(r"(?P<name>[a-z_]+)\s*\((?P<kind>required|optional)")


def query_names(backend: str = "sparql") -> list[str]:
    suffix = SUFFIXES[backend]
    folder = files("plankg.queries")
    return sorted(p.name[: -len(suffix)] for p in folder.iterdir() if p.name.endswith(suffix))


@cache
def load_query(name: str, backend: str = "sparql") -> str:
    if name not in query_names(backend):
        known = ", ".join(query_names(backend))
        raise QueryError(f"no {backend} query named {name!r} (known: {known})")
    return files("plankg.queries").joinpath(name + SUFFIXES[backend]).read_text(encoding="utf-8")


def query_parameters(name: str, backend: str = "sparql") -> dict[str, bool]:
    """The query's parameters, from its ``Parameters:`` comment: name → required."""
    found = PARAMETERS_LINE.search(load_query(name, backend))
    if not found:
        return {}
    return {m["name"]: m["kind"] == "required" for m in PARAMETER.finditer(found["list"])}


def check_parameters(name: str, params: dict[str, Any], backend: str) -> None:
    declared = query_parameters(name, backend)
    unknown = sorted(set(params) - set(declared))
    if unknown:
        raise QueryError(
            f"query {name!r} has no parameter {', '.join(unknown)}"
            f" (it takes: {', '.join(declared) or 'none'})"
        )
    missing = sorted(p for p, required in declared.items() if required and params.get(p) is None)
    if missing:
        raise QueryError(f"query {name!r} needs parameter {', '.join(missing)}")


def run_sparql(graph: Graph, name: str, params: dict[str, Any] | None = None) -> Table:
    """Run the named SPARQL query; ``params`` bind the query's ``?p_<name>`` variables, as
    text (see :func:`~plankg.queries.parameters.parameter_text`)."""
    params = {k: v for k, v in (params or {}).items() if v is not None}
    check_parameters(name, params, "sparql")
    bindings = {f"p_{k}": Literal(parameter_text(name, k, v)) for k, v in params.items()}
    result = graph.query(load_query(name), initBindings=bindings)
    columns = tuple(str(v) for v in result.vars or ())
    rows = tuple(tuple(_python(row[c]) for c in columns) for row in _rows(result))
    return Table(columns, rows)


def _rows(result: Result) -> Iterator[ResultRow]:
    """The rows of a SELECT result."""
    for row in result:
        assert isinstance(row, ResultRow)
        yield row


def _python(value: Any) -> Any:
    """A SPARQL value as Python: a decimal written as a whole number (``15``) an integer, as
    Neo4j stores it, so a named query gives the same values on both stores."""
    if value is None:
        return None
    if isinstance(value, Literal):
        python = value.toPython()
        if isinstance(python, Decimal) and python.as_tuple().exponent == 0:
            return int(python)
        return python
    return str(value)
