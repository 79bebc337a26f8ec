"""The RDF graph as a networkx graph: the one converter behind GraphML/GEXF exports, the
network measures and the views, and the one reader of its facts they share.

Resources become nodes (keyed by IRI) with their classes and datatype properties as attributes;
object properties become edges keyed by their local name.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeAlias

from plankg.graph.rdf.build import SHORTCUTS, Triple, sorted_triples
from plankg.graph.rdf.iris import plan_key_of
from rdflib import Literal, URIRef
from rdflib.namespace import RDF

if TYPE_CHECKING:  # networkx takes a quarter of a second to import: only when used
    import networkx as nx

LIST_SEPARATOR = " | "
NodeData = dict[str, Any]


def local_name(iri: str) -> str:
    for mark in ("#", "/"):
        if mark in iri:
            iri = iri.rsplit(mark, 1)[1]
    return iri


def to_networkx(triples: Iterable[Triple]) -> nx.MultiDiGraph[str]:
    """A MultiDiGraph of the triples, in a stable order (sorted), so exports are deterministic."""
    import networkx as nx

    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for s, p, o in sorted_triples(triples):
        node = str(s)
        if node not in graph:
            graph.add_node(node)
        if p == RDF.type:
            _append(graph.nodes[node], "types", local_name(str(o)))
        elif isinstance(o, Literal):
            _set_literal(graph.nodes[node], local_name(str(p)), o)
        elif isinstance(o, URIRef):
            graph.add_edge(node, str(o), key=local_name(str(p)), predicate=str(p))
    for node, data in graph.nodes(data=True):
        data.setdefault("label", data.get("title") or data.get("prefLabel") or local_name(node))
    return graph


def _set_literal(data: NodeData, key: str, value: Literal) -> None:
    if value.language and value.language != "zh":
        key = f"{key}_{value.language}"
    _append(data, key, _plain(value))


def _append(data: NodeData, key: str, value: object) -> None:
    if key in data:
        data[key] = f"{data[key]}{LIST_SEPARATOR}{value}"
    else:
        data[key] = value


def _plain(value: Literal) -> object:
    """A value GraphML and GEXF can hold: str, int, float or bool."""
    python = value.toPython()
    if isinstance(python, bool | int | float):
        return python
    if isinstance(python, Decimal):
        return float(python)
    if isinstance(python, date):
        return python.isoformat()
    return str(value)


ROLE_LINKS = {role: local_name(str(link)) for role, link in SHORTCUTS.items()}
ACTION_KINDS = ("提升行动", "重点工程")
"""The Chinese labels of the two action classes, in plan order."""
"""Role → the edge from an agency to the measures it has that role in (``leads``, …)."""
Source: TypeAlias = "Iterable[Triple] | nx.MultiDiGraph[str]"
"""What the readers read: the triples, or their networkx graph made once for several."""


class GraphReader:
    """Read access to the networkx graph of plans: node attributes, links by local name, and
    the plan → action → measure tree. The analysis and the views each extend it with their
    own terms."""

    def __init__(self, source: Source) -> None:
        import networkx as nx

        self.graph = source if isinstance(source, nx.MultiDiGraph) else to_networkx(source)

    def attr(self, node: str, key: str, default: object = None) -> object:
        return self.graph.nodes[node].get(key, default)

    def text(self, node: str, key: str = "label") -> str:
        value = self.attr(node, key)
        return "" if value is None else str(value)

    def number(self, node: str) -> int:
        value = self.attr(node, "number", 0)
        return value if isinstance(value, int) else 0

    def types(self, node: str) -> list[str]:
        return self.text(node, "types").split(LIST_SEPARATOR)

    def targets(self, node: str, link: str) -> list[str]:
        """The nodes ``node`` links to by ``link``, sorted."""
        return sorted(v for v, keys in self.graph.adj[node].items() if link in keys)

    def sources(self, node: str, link: str) -> list[str]:
        """The nodes that link to ``node`` by ``link``, sorted."""
        return sorted(u for u, keys in self.graph.pred[node].items() if link in keys)

    def one(self, node: str, link: str) -> str | None:
        found = self.targets(node, link)
        return found[0] if found else None

    def of_type(self, name: str) -> list[str]:
        return sorted(n for n in self.graph.nodes if name in self.types(n))

    def plan_key(self, plan: str) -> str:
        return plan_key_of(plan)

    def region(self, plan: str) -> str:
        """The name of the plan's region."""
        region = self.one(plan, "region")
        return self.text(region) if region else ""

    def actions(self, plan: str) -> list[str]:
        """The plan's actions: enhancement actions, then key projects, by number."""
        return sorted(
            self.targets(plan, "hasAction"),
            key=lambda a: (self.action_kind(a) != ACTION_KINDS[0], self.number(a)),
        )

    def action_kind(self, action: str) -> str:
        """``提升行动`` or ``重点工程``: the Chinese label of the action's class."""
        return ACTION_KINDS[0] if "EnhancementAction" in self.types(action) else ACTION_KINDS[1]

    def notation(self, node: str, link: str) -> str:
        """The notation of the concept ``node`` links to (a region's level: ``city``)."""
        concept = self.one(node, link)
        return self.text(concept, "notation") if concept else ""

    def clause(self, node: str, key: str = "sourceText") -> object:
        """An attribute of the clause ``node`` was read from (its text, by default)."""
        clause = self.one(node, "wasDerivedFrom")
        return self.attr(clause, key) if clause else None

    def year(self, node: str, link: str = "dueBy") -> int | None:
        """The year of the instant ``node`` links to (a target's due year)."""
        instant = self.one(node, link)
        value = self.attr(instant, "inXSDgYear") if instant else None
        return int(str(value)) if value is not None else None

    def measures(self, action: str) -> list[str]:
        return sorted(self.targets(action, "hasMeasure"), key=self.number)

    def action_measures(self, plan: str) -> list[tuple[str, str]]:
        """(action, measure) pairs of the plan, in plan order."""
        return [(a, m) for a in self.actions(plan) for m in self.measures(a)]

    def agencies_in(self, measure: str, role: str) -> list[str]:
        """The agencies that have ``role`` (lead, partner) in the measure."""
        return self.sources(measure, ROLE_LINKS[role])
