"""The graph of the plans and what is made of it, one subpackage a room:

- :mod:`plankg.graph.rdf`: plans → RDF triples, Turtle, SHACL validation, the corpus read from
  files (in parallel), the networkx graph and its reader;
- :mod:`plankg.graph.export`: the export formats (Turtle, N-Triples, JSON-LD, GraphML, GEXF, CSV);
- :mod:`plankg.graph.neo4j`: the property graph in Neo4j: connection, names, values, rows,
  push and read-back, with the Cypher they run;
- :mod:`plankg.graph.analysis`: the cross-city analysis tables;
- :mod:`plankg.graph.report`: the analysis as an HTML and Markdown report with charts;
- :mod:`plankg.graph.views`: the interactive HTML views.

Each depends on :mod:`~plankg.graph.rdf` and on nothing above it in this list but the report on
the analysis.
"""
