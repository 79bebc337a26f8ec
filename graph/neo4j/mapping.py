"""Names of the property graph, derived from the ontology's terms.

A class becomes a label of its local name (``pk:Action`` → ``:Action``), an object property a
relationship type in UPPER_SNAKE_CASE (``pk:hasAction`` → ``HAS_ACTION``; the few renames are
data, in ``mapping.toml`` beside this module), a datatype property a node property of its local
name, suffixed by language when not the default one (``skos:prefLabel "…"@en`` →
``prefLabel_en``). Whether a predicate is a relationship or a property is the ontology's word
where it declares it (``owl:ObjectProperty`` / ``owl:DatatypeProperty``) and the object's kind
otherwise.

The names in use are recorded in the database as ``:_RdfMapping`` nodes (one per label,
relationship type and property key, with the IRI, datatype and language it stands for): a later
push keeps them, and reading the graph back turns every name into the exact RDF term again.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any, NamedTuple, TypeVar

from plankg.errors import DatabaseError
from plankg.graph.neo4j.derived import reserved_keys
from plankg.ontology import ontology_graph
from rdflib.namespace import OWL, RDF

IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
RESOURCE_LABEL = "Resource"
RESERVED_LABELS = frozenset({RESOURCE_LABEL, "_RdfMapping"})
RESERVED_KEYS = frozenset({"uri"}) | reserved_keys()
"""Keys no RDF term is given: the uri, and the keys derived for analysts on every node."""


class MappingError(DatabaseError):
    """Triples that do not fit the property graph (a blank node, a literal where the ontology
    expects a resource), or a name that is not a Cypher identifier."""


class PropertyTerm(NamedTuple):
    """What one property key holds: literals of one predicate, datatype and language."""

    predicate: str
    datatype: str | None = None
    language: str | None = None


@cache
def settings() -> dict[str, Any]:
    text = files("plankg.graph.neo4j").joinpath("mapping.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def declared_predicates() -> tuple[frozenset[str], frozenset[str]]:
    """The ontology's object properties and datatype properties."""
    ontology = ontology_graph()
    objects = frozenset(str(p) for p in ontology.subjects(RDF.type, OWL.ObjectProperty))
    data = frozenset(str(p) for p in ontology.subjects(RDF.type, OWL.DatatypeProperty))
    return objects, data


def cypher_name(name: str) -> str:
    """``name`` quoted for Cypher text, after checking it is a plain identifier."""
    if not IDENTIFIER.fullmatch(name):
        raise MappingError(f"{name!r} is not a usable Neo4j label, type or property name")
    return f"`{name}`"


def split_iri(iri: str) -> tuple[str, str]:
    """Namespace and local name: ``…/ontology#hasAction`` → (``…/ontology#``, ``hasAction``)."""
    cut = max(iri.rfind("#"), iri.rfind("/")) + 1
    return iri[:cut], iri[cut:]


def _identifier(text: str) -> str:
    name = re.sub(r"[^A-Za-z0-9_]", "_", text)
    return name if IDENTIFIER.fullmatch(name) else f"x{name}"


def _prefix(namespace: str) -> str:
    known = {ns: prefix for prefix, ns in settings()["prefixes"].items()}
    return str(known.get(namespace, "ns"))


def upper_snake(name: str) -> str:
    """``partnersIn`` → ``PARTNERS_IN``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).upper()


def _numbered(names: list[str]) -> Iterator[str]:
    yield from names
    for n in range(2, 1000):
        yield f"{names[0]}_{n}"


def label_candidates(iri: str) -> Iterator[str]:
    namespace, local = split_iri(iri)
    name = _identifier(local)
    return _numbered([name, f"{_prefix(namespace)}_{name}"])


def type_candidates(iri: str) -> Iterator[str]:
    namespace, local = split_iri(iri)
    name = settings()["relationship_types"].get(iri) or upper_snake(_identifier(local))
    return _numbered([name, f"{_prefix(namespace).upper()}_{name}"])


def key_candidates(term: PropertyTerm) -> Iterator[str]:
    renamed = settings()["property_keys"].get(f"{term.predicate}^^{term.datatype}")
    if renamed:
        yield renamed
    namespace, local = split_iri(term.predicate)
    name = _identifier(local)
    if term.language and term.language != settings()["default_language"]:
        name = f"{name}_{_identifier(term.language.lower())}"
    kind = split_iri(term.datatype)[1] if term.datatype else (term.language or "plain")
    qualified = f"{_prefix(namespace)}_{name}"
    yield from _numbered([name, f"{name}_{_identifier(kind)}", qualified])


@dataclass
class Mapping:
    """Class IRI → label, predicate IRI → relationship type, property term → property key."""

    labels: dict[str, str] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)
    keys: dict[PropertyTerm, str] = field(default_factory=dict)

    def extended(
        self, classes: Iterable[str], predicates: Iterable[str], terms: Iterable[PropertyTerm]
    ) -> Mapping:
        """This mapping with names for the classes, predicates and terms it lacks; names in
        use are never changed, new ones never clash with them."""
        declared = declared_predicates()[0] | declared_predicates()[1]
        labels = _assign(self.labels, classes, label_candidates, RESERVED_LABELS, str)
        types = _assign(self.types, predicates, type_candidates, frozenset(), str)
        keys = _assign(
            self.keys,
            terms,
            key_candidates,
            RESERVED_KEYS,
            lambda t: (t.predicate not in declared, t[0], t[2] or "", t[1] or ""),
        )
        return Mapping(labels, types, keys)

    def new_slots(self, known: Mapping) -> list[dict[str, str | None]]:
        """The ``:_RdfMapping`` rows of names not in ``known``."""
        return [s for s in self.slots() if s not in known.slots()]

    def slots(self) -> list[dict[str, str | None]]:
        rows = [_slot("label", n, iri) for iri, n in self.labels.items()]
        rows += [_slot("type", n, iri) for iri, n in self.types.items()]
        rows += [
            _slot("property", n, t.predicate, t.datatype, t.language) for t, n in self.keys.items()
        ]
        return sorted(rows, key=lambda r: str(r["slot"]))

    @classmethod
    def from_slots(cls, rows: Iterable[dict[str, Any]]) -> Mapping:
        mapping = cls()
        for row in rows:
            if row["kind"] == "label":
                mapping.labels[row["iri"]] = row["name"]
            elif row["kind"] == "type":
                mapping.types[row["iri"]] = row["name"]
            elif row["kind"] == "property":
                term = PropertyTerm(row["iri"], row.get("datatype"), row.get("language"))
                mapping.keys[term] = row["name"]
        return mapping


def _slot(
    kind: str, name: str, iri: str, datatype: str | None = None, language: str | None = None
) -> dict[str, str | None]:
    return {
        "slot": f"{kind}:{name}",
        "kind": kind,
        "name": name,
        "iri": iri,
        "datatype": datatype,
        "language": language,
    }


K = TypeVar("K", str, PropertyTerm)


def _assign(
    known: dict[K, str],
    wanted: Iterable[K],
    candidates: Callable[[K], Iterator[str]],
    reserved: frozenset[str],
    order: Callable[[K], Any],
) -> dict[K, str]:
    assigned = dict(known)
    taken = set(assigned.values()) | reserved
    for item in sorted(set(wanted) - set(assigned), key=order):
        name = next(c for c in candidates(item) if c not in taken)
        assigned[item] = name
        taken.add(name)
    return assigned
