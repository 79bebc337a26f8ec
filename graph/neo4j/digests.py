"""What a push stored of each plan, so that a second push of unchanged plans sends nothing.

Each plan pushed is recorded as a ``:_PlankgDigest`` node (not a ``:Resource``: no count,
read-back or export sees it) holding the SHA-256 digest of the plan's triples in the order they
are made — its own named graph, its part of the derived graph and the vocabulary it uses, with
its citations resolved against the plans pushed with it — and of the push's settings
(``mapping.toml``, ``derived.toml``). The plankg version is among the triples (the extraction's
software agent), so an upgrade pushes every plan again.

A digest is recorded only when the plan's subgraph in the database is exactly that plan's
graph — pushed with ``replace``, or into a database that held nothing of the plan — and once
the push has ended; it is forgotten before the plan is written again, so that an interrupted
push never leaves a digest that does not describe what is stored. A plan whose digest is
stored is skipped: pushing it again would change nothing. A push of bare triples
(:func:`~plankg.graph.neo4j.push.push_parts`) forgets every digest.

The task families and revision links of all the plans in the database (see
:mod:`~plankg.graph.neo4j.families`) have a digest too, under :data:`FAMILIES`: forgotten when
a plan is written, recorded when they have been made again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from itertools import chain
from operator import attrgetter, itemgetter

from plankg.graph.neo4j.connection import Connection
from plankg.graph.neo4j.templates import template
from plankg.graph.rdf.build import Triple
from plankg.graph.rdf.tasks import FAMILY_PREFIX
from rdflib import Literal, URIRef

SEP, END = "\x1f", "\x1e"
FAMILIES = FAMILY_PREFIX
"""The key of the digest of the derived graph of all plans (families and revision links)."""


@cache
def push_settings() -> bytes:
    """What besides the triples decides what a push stores: the names and derived keys."""
    folder = files("plankg.graph.neo4j")
    texts = [folder.joinpath(name).read_bytes() for name in ("mapping.toml", "derived.toml")]
    return END.encode().join(texts)


def joined(triples: list[Triple]) -> str:
    """The text of ``triples`` in their order, every term followed by US (three to a triple):
    what the digest is taken of, and where a push looks for a citation of a plan."""
    return SEP.join(chain.from_iterable(triples))


def plan_digest(triples: Iterable[Triple], text: str | None = None) -> str:
    """The SHA-256 digest (64 hex digits; with the CPU's SHA instructions, twice as fast as
    BLAKE2b here) of the push settings and ``triples`` in their order: their text joined, then
    the place, kind, length, datatype and language of every object that is not an IRI (and
    the kind of every subject that is not one). IRIs hold no control
    character (plankg percent-encodes them) and every other term's length is counted, so no
    two sequences of triples give the same bytes. Terms are strings, so the work is done in C
    but for one pass over the kinds. ``text`` is :func:`joined` of the triples, when made
    already."""
    ordered = triples if isinstance(triples, list) else list(triples)
    digest = hashlib.sha256(push_settings())
    digest.update((text if text is not None else joined(ordered)).encode("utf-8", "surrogatepass"))
    objects = list(map(itemgetter(2), ordered))
    kinds = list(map(type, objects))
    places = [i for i, kind in enumerate(kinds) if kind is not URIRef]
    others = [objects[i] for i in places]
    if not all(kinds[i] is Literal for i in places):
        others = [Literal(str(o), datatype=URIRef(type(o).__name__)) for o in others]
    described = (
        repr(places),
        repr(list(map(len, others))),
        SEP.join(map(str, map(attrgetter("datatype"), others))),
        SEP.join(map(str, map(attrgetter("language"), others))),
        repr([type(s).__name__ for s in map(itemgetter(0), ordered) if type(s) is not URIRef]),
    )
    digest.update(END.join(described).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


@dataclass(frozen=True)
class StoredPlan:
    """What the database holds of a plan: whether any node of it is there, and its digest."""

    present: bool
    digest: str | None


def stored_plans(connection: Connection, plans: Sequence[str]) -> dict[str, StoredPlan]:
    """For each plan IRI, whether the database holds its node or a node under its IRI, and the
    digest recorded."""
    query = template("digests-read")
    records = connection.read(lambda tx: list(tx.run(query, plans=list(plans))))
    return {r["plan"]: StoredPlan(r["present"], r["digest"]) for r in records}


def stored_digest(connection: Connection, key: str) -> str | None:
    """The digest recorded under ``key`` (a plan IRI, or :data:`FAMILIES`)."""
    query = template("digests-read")
    record = connection.read(lambda tx: tx.run(query, plans=[key]).single(strict=True))
    return record["digest"]  # type: ignore[no-any-return]


def forget_digests(connection: Connection, keys: Sequence[str]) -> None:
    """Forget the digests of ``keys`` (plan IRIs, or :data:`FAMILIES`)."""
    if keys:
        query = template("digests-forget")
        connection.write(lambda tx: tx.run(query, plans=list(keys)).consume())


def forget_citing(connection: Connection, plans: Sequence[str]) -> None:
    """Forget the digests of the plans with a link to one of ``plans`` (a citation): deleting
    those plans deletes the link, which only a push of the citing plan writes again."""
    if plans:
        query = template("digests-forget-citing")
        connection.write(lambda tx: tx.run(query, plans=list(plans)).consume())


def forget_all_digests(connection: Connection) -> None:
    connection.write(lambda tx: tx.run(template("digests-forget-all")).consume())


def record_digests(connection: Connection, digests: Mapping[str, str]) -> None:
    rows = [{"plan": key, "digest": digest} for key, digest in digests.items()]
    if rows:
        query = template("digests-write")
        connection.write(lambda tx: tx.run(query, rows=rows).consume())
