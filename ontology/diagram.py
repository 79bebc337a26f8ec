"""A diagram of the ontology, made from ``plankg.ttl`` and ``shapes.ttl``: Graphviz ``dot``
text with a box per class (its Chinese and English name and its datatype properties, its own
and the standard ones the shapes give it), an arrow per object property from its domain to its
range (a standard property the shapes give a class, in italics), a hollow arrow per subclass
axiom, and the standard classes it reuses in grey. ``docs/ontology.dot`` is this text;
``docs/ontology.svg`` its drawing (``scripts/ontology-diagram`` writes both)."""

from __future__ import annotations

from collections.abc import Iterator

from plankg.ontology.names import ONTOLOGY
from plankg.ontology.vocabulary import read_turtle, zh_en
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH

PREFIXES = {
    ONTOLOGY: "pk",
    "http://www.w3.org/ns/prov#": "prov",
    "http://www.w3.org/ns/org#": "org",
    "http://www.w3.org/2004/02/skos/core#": "skos",
    "http://www.w3.org/2006/time#": "time",
    "http://qudt.org/schema/qudt/": "qudt",
    "http://data.europa.eu/eli/ontology#": "eli",
    "http://purl.org/dc/terms/": "dcterms",
    "http://www.w3.org/2001/XMLSchema#": "xsd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs",
    "http://www.w3.org/2002/07/owl#": "owl",
}
FONT = "Noto Sans CJK SC"
HEADER = f"""digraph plankg {{
  graph [rankdir=LR, fontname="{FONT}", nodesep=0.3, ranksep=0.6,
         label="plankg ontology (generated from ontology/plankg.ttl)", labelloc=t];
  node [shape=record, fontname="{FONT}", fontsize=10, style=filled, fillcolor="#eef3f7"];
  edge [fontname="{FONT}", fontsize=9, color="#455a64"];
"""


def curie(term: URIRef) -> str:
    for namespace, prefix in PREFIXES.items():
        if str(term).startswith(namespace):
            return f"{prefix}:{str(term)[len(namespace) :]}"
    return str(term)


def ontology_dot() -> str:
    """The diagram of ``plankg.ttl`` (and the standard properties ``shapes.ttl`` gives its
    classes) as Graphviz text, in a stable order."""
    graph = read_turtle("plankg.ttl")
    reused = _reused(read_turtle("shapes.ttl"))
    classes = _own(graph, OWL.Class)
    edges = sorted(
        {*_edges(graph, classes), *((c, t, p) for c, p, t in reused if isinstance(t, URIRef))},
        key=lambda e: (str(e[0]), str(e[2]), str(e[1])),
    )
    lines = [HEADER]
    lines += [_class_node(graph, c, reused) for c in classes]
    external = sorted({n for e in edges for n in e[:2] if n not in classes}, key=str)
    lines += [
        f'  "{curie(t)}" [shape=box, style="filled,rounded", fillcolor="#e0e0e0"];'
        for t in external
    ]
    lines += [_edge(graph, s, t, kind) for s, t, kind in edges]
    return "\n".join(lines) + "\n}\n"


Reused = set[tuple[URIRef, URIRef, URIRef | str]]
"""(class, standard property, class it links to or the datatype's local name)."""


def _reused(shapes: Graph) -> Reused:
    """The standard properties (not pk:) each shape of a class gives it, from ``sh:class`` or
    ``sh:datatype``."""
    found: Reused = set()
    for shape, cls in shapes.subject_objects(SH.targetClass):
        for prop in shapes.objects(shape, SH.property):
            path = shapes.value(prop, SH.path)
            if not isinstance(path, URIRef) or str(path).startswith(ONTOLOGY) or path == RDF.type:
                continue
            target, datatype = shapes.value(prop, SH["class"]), shapes.value(prop, SH.datatype)
            if isinstance(cls, URIRef) and isinstance(target, URIRef):
                found.add((cls, path, target))
            elif isinstance(cls, URIRef) and isinstance(datatype, URIRef):
                found.add((cls, path, curie(datatype).split(":")[-1]))
    return found


def _own(graph: Graph, kind: URIRef) -> list[URIRef]:
    """The terms of ``kind`` the ontology defines and does not deprecate."""
    return sorted(
        (
            t
            for t in graph.subjects(RDF.type, kind)
            if isinstance(t, URIRef)
            and str(t).startswith(ONTOLOGY)
            and (t, OWL.deprecated, Literal(True)) not in graph
        ),
        key=str,
    )


def _members(graph: Graph, node: object) -> list[URIRef]:
    """A class or the classes of an ``owl:unionOf``."""
    if isinstance(node, URIRef):
        return [node]
    if isinstance(node, BNode):
        union = graph.value(node, OWL.unionOf)
        if union is not None:
            return [m for m in Collection(graph, union) if isinstance(m, URIRef)]
    return []


def _class_node(graph: Graph, cls: URIRef, reused: Reused) -> str:
    zh, en = zh_en(graph, cls, RDFS.label)
    rows = [
        f"{curie(p).removeprefix('pk:')} : {_range_name(graph, p)}"
        for p in _own(graph, OWL.DatatypeProperty)
        if cls in _members(graph, graph.value(p, RDFS.domain))
    ]
    rows += sorted(
        f"{curie(p)} : {t}" for c, p, t in reused if c == cls and not isinstance(t, URIRef)
    )
    fields = "\\l".join(_escape(r) for r in rows) + ("\\l" if rows else "")
    title = _escape(f"{curie(cls)}  {zh}")
    return f'  "{curie(cls)}" [label="{{{title}\\n{_escape(en)}|{fields}}}"];'


def _range_name(graph: Graph, prop: URIRef) -> str:
    found = graph.value(prop, RDFS.range)
    return curie(found).split(":")[-1] if isinstance(found, URIRef) else ""


def _edges(graph: Graph, classes: list[URIRef]) -> Iterator[tuple[URIRef, URIRef, URIRef]]:
    """(from, to, property or rdfs:subClassOf), sorted."""
    found = set()
    for cls in classes:
        for parent in graph.objects(cls, RDFS.subClassOf):
            if isinstance(parent, URIRef):
                found.add((cls, parent, RDFS.subClassOf))
    for prop in _own(graph, OWL.ObjectProperty):
        for domain in _members(graph, graph.value(prop, RDFS.domain)):
            for target in _members(graph, graph.value(prop, RDFS.range)):
                found.add((domain, target, prop))
    yield from sorted(found, key=lambda e: (str(e[0]), str(e[2]), str(e[1])))


def _edge(graph: Graph, source: URIRef, target: URIRef, kind: URIRef) -> str:
    ends = f'  "{curie(source)}" -> "{curie(target)}"'
    if kind == RDFS.subClassOf:
        return f'{ends} [arrowhead=empty, style=dashed, color="#90a4ae"];'
    if not str(kind).startswith(ONTOLOGY):
        return f'{ends} [label="{_escape(curie(kind))}", fontcolor="#607d8b", style=dotted];'
    zh, _ = zh_en(graph, kind, RDFS.label)
    return f'{ends} [label="{_escape(curie(kind).removeprefix("pk:"))}\\n{_escape(zh)}"];'


def _escape(text: str) -> str:
    return "".join(f"\\{c}" if c in '{}|<>"' else c for c in text)
