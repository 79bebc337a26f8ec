"""Plans as RDF: the model → triples in named graphs (IRIs derived from what things are), a
deterministic Turtle and TriG writer, SHACL validation, the corpus read from files (one file's
failure never loses the others), the batch build that streams many plans to one Turtle and one
TriG file, and the one RDF → networkx converter with the reader the analysis and the views
share.

The names below are imported when first used (as the root package's are): ``plankg build
--help`` reads :data:`ENGINES` without importing rdflib or the ontology."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from plankg.collector import imported

if TYPE_CHECKING:
    from plankg.graph.rdf.batch import BatchResult, build_many, process_file
    from plankg.graph.rdf.build import (
        PREFIXES,
        PlanGraphs,
        Quad,
        Triple,
        build_triples,
        corpus_quads,
        graph_of,
        ordered_triples,
        plan_graphs,
        plan_triples,
        sorted_triples,
    )
    from plankg.graph.rdf.corpus import (
        Corpus,
        PlanKeys,
        Problem,
        expand_paths,
        load_corpus,
        map_files,
        read_or_problem,
    )
    from plankg.graph.rdf.engines import ENGINES
    from plankg.graph.rdf.index import Index
    from plankg.graph.rdf.iris import plan_graph_iri, plan_iri, plan_key, plan_key_of
    from plankg.graph.rdf.networkx_graph import GraphReader, to_networkx
    from plankg.graph.rdf.replicate import replicated_plans, replicated_triples
    from plankg.graph.rdf.turtle import serialize_trig, serialize_turtle
    from plankg.graph.rdf.validate import (
        ValidationReport,
        Violation,
        validate_graph,
        validate_turtle,
        validate_turtle_file,
    )

API = {
    "ENGINES": "plankg.graph.rdf.engines",
    "PREFIXES": "plankg.graph.rdf.build",
    "BatchResult": "plankg.graph.rdf.batch",
    "Corpus": "plankg.graph.rdf.corpus",
    "GraphReader": "plankg.graph.rdf.networkx_graph",
    "Index": "plankg.graph.rdf.index",
    "PlanGraphs": "plankg.graph.rdf.build",
    "PlanKeys": "plankg.graph.rdf.corpus",
    "Problem": "plankg.graph.rdf.corpus",
    "Quad": "plankg.graph.rdf.build",
    "Triple": "plankg.graph.rdf.build",
    "ValidationReport": "plankg.graph.rdf.validate",
    "Violation": "plankg.graph.rdf.validate",
    "build_many": "plankg.graph.rdf.batch",
    "build_triples": "plankg.graph.rdf.build",
    "corpus_quads": "plankg.graph.rdf.build",
    "expand_paths": "plankg.graph.rdf.corpus",
    "graph_of": "plankg.graph.rdf.build",
    "load_corpus": "plankg.graph.rdf.corpus",
    "map_files": "plankg.graph.rdf.corpus",
    "ordered_triples": "plankg.graph.rdf.build",
    "plan_graph_iri": "plankg.graph.rdf.iris",
    "plan_graphs": "plankg.graph.rdf.build",
    "plan_iri": "plankg.graph.rdf.iris",
    "plan_key": "plankg.graph.rdf.iris",
    "plan_key_of": "plankg.graph.rdf.iris",
    "plan_triples": "plankg.graph.rdf.build",
    "process_file": "plankg.graph.rdf.batch",
    "read_or_problem": "plankg.graph.rdf.corpus",
    "replicated_plans": "plankg.graph.rdf.replicate",
    "replicated_triples": "plankg.graph.rdf.replicate",
    "serialize_trig": "plankg.graph.rdf.turtle",
    "serialize_turtle": "plankg.graph.rdf.turtle",
    "sorted_triples": "plankg.graph.rdf.build",
    "to_networkx": "plankg.graph.rdf.networkx_graph",
    "validate_graph": "plankg.graph.rdf.validate",
    "validate_turtle": "plankg.graph.rdf.validate",
    "validate_turtle_file": "plankg.graph.rdf.validate",
}
"""Each public name → the module it comes from, imported on first use."""

__all__ = [
    "ENGINES",
    "PREFIXES",
    "BatchResult",
    "Corpus",
    "GraphReader",
    "Index",
    "PlanGraphs",
    "PlanKeys",
    "Problem",
    "Quad",
    "Triple",
    "ValidationReport",
    "Violation",
    "build_many",
    "build_triples",
    "corpus_quads",
    "expand_paths",
    "graph_of",
    "load_corpus",
    "map_files",
    "ordered_triples",
    "plan_graph_iri",
    "plan_graphs",
    "plan_iri",
    "plan_key",
    "plan_key_of",
    "plan_triples",
    "process_file",
    "read_or_problem",
    "replicated_plans",
    "replicated_triples",
    "serialize_trig",
    "serialize_turtle",
    "sorted_triples",
    "to_networkx",
    "validate_graph",
    "validate_turtle",
    "validate_turtle_file",
]


def __getattr__(name: str) -> Any:
    if name in API:
        return getattr(imported(API[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
