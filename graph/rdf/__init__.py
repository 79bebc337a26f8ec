"""Plans as RDF: the model → triples in named graphs (IRIs derived from what things are), a
deterministic Turtle and TriG writer, SHACL validation, the corpus read from files (one file's
failure never loses the others), the batch build that streams many plans to one Turtle and one
TriG file, and the one RDF → networkx converter with the reader the analysis and the views
share."""

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
from plankg.graph.rdf.index import Index
from plankg.graph.rdf.iris import plan_graph_iri, plan_iri, plan_key, plan_key_of
from plankg.graph.rdf.networkx_graph import GraphReader, to_networkx
from plankg.graph.rdf.replicate import replicated_plans, replicated_triples
from plankg.graph.rdf.turtle import serialize_trig, serialize_turtle
from plankg.graph.rdf.validate import (
    ENGINES,
    ValidationReport,
    Violation,
    validate_graph,
    validate_turtle,
    validate_turtle_file,
)

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
