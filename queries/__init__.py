"""Named queries, kept as text files beside this module: ``NAME.rq`` (SPARQL, for the embedded
rdflib store) and ``NAME.cypher`` (for Neo4j). Parameters are bound, never formatted in."""

from plankg.errors import QueryError
from plankg.queries.library import load_query, query_names, query_parameters, run_sparql
from plankg.queries.parameters import parse_parameters

__all__ = [
    "QueryError",
    "load_query",
    "parse_parameters",
    "query_names",
    "query_parameters",
    "run_sparql",
]
