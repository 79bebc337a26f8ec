"""plankg: a knowledge graph of Chinese science-literacy implementation plans.

The few functions a notebook starts from, imported when first used::

    import plankg

    corpus = plankg.load_corpus()                  # the five sample plans (or files, folders)
    triples = corpus.triples()                     # the RDF graph, as triples
    plankg.write_export(triples, "graphml", Path("out"))
    frames = plankg.to_dataframes(triples)         # pandas, typed columns (plankg[pandas])
    tables = plankg.analyze(triples)               # name → Table
    plankg.write_view(triples, "agencies", Path("out/agencies.html"))

Everything else lives in the subpackages: :mod:`plankg.loaders`, :mod:`plankg.ontology`,
:mod:`plankg.graph` (``rdf``, ``export``, ``neo4j``, ``analysis``, ``report``, ``views``) and
:mod:`plankg.queries`.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from plankg.errors import PlankgError
    from plankg.graph.analysis import analyze
    from plankg.graph.export import to_dataframes, write_export
    from plankg.graph.neo4j import Neo4jSettings, connect, push_corpus
    from plankg.graph.rdf import build_many, load_corpus, validate_turtle
    from plankg.graph.report import write_report
    from plankg.graph.views import write_view
    from plankg.queries import run_sparql
    from plankg.tables import Table

API = {
    "PlankgError": "plankg.errors",
    "Table": "plankg.tables",
    "load_corpus": "plankg.graph.rdf",
    "build_many": "plankg.graph.rdf",
    "validate_turtle": "plankg.graph.rdf",
    "write_export": "plankg.graph.export",
    "to_dataframes": "plankg.graph.export",
    "Neo4jSettings": "plankg.graph.neo4j",
    "connect": "plankg.graph.neo4j",
    "push_corpus": "plankg.graph.neo4j",
    "run_sparql": "plankg.queries",
    "analyze": "plankg.graph.analysis",
    "write_report": "plankg.graph.report",
    "write_view": "plankg.graph.views",
}
"""The curated API: name → the module it comes from, imported on first use."""

__all__ = [
    "Neo4jSettings",
    "PlankgError",
    "Table",
    "__version__",
    "analyze",
    "build_many",
    "connect",
    "load_corpus",
    "push_corpus",
    "run_sparql",
    "to_dataframes",
    "validate_turtle",
    "write_export",
    "write_report",
    "write_view",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from plankg.version import installed_version

        return installed_version()
    if name in API:
        return getattr(import_module(API[name]), name)
    raise AttributeError(f"module 'plankg' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
