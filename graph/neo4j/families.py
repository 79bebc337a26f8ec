"""The derived graph of all the plans in the database, not only of those a push brings: task
families (:mod:`plankg.graph.rdf.tasks`) and revision links (a final plan and its draft).

A push that writes a plan makes them again: the measures of the stored plans it does not bring
are read back (``cypher/tasks-read.cypher``) as the same :class:`TaskItem` a plan read from text
gives, grouped with the pushed plans' measures by the function the build uses, and the stored
families are deleted before the new ones are written (their IRIs are derived from content, so
the same plans give the same families however they were pushed). Plans pushed one by one thus
end with the families of all of them, as if pushed together.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from plankg.graph.neo4j.connection import Connection
from plankg.graph.neo4j.templates import template
from plankg.graph.rdf.build import LEVELS, Triple, corpus_links
from plankg.graph.rdf.families import TaskItem
from plankg.graph.rdf.family_space import TEXT_CHARS
from plankg.graph.rdf.iris import plan_iri, plan_key_of
from plankg.graph.rdf.tasks import LEVEL_RANKS, placed_task_triples

RANKS = {str(concept): LEVEL_RANKS[level] for level, concept in LEVELS.items()}
"""A region level's concept IRI → the rank of its plans' measures (see :data:`LEVEL_RANKS`)."""
UNKNOWN_RANK = max(LEVEL_RANKS.values())


def stored_plan_iris(connection: Connection) -> list[str]:
    record = connection.read(lambda tx: tx.run(template("plans-read")).single(strict=True))
    return sorted(record["plans"])


def stored_tasks(connection: Connection, pushed: Sequence[str]) -> list[TaskItem]:
    """The measures of the stored plans but ``pushed`` (plan IRIs), as items to group."""
    query = template("tasks-read")
    records = connection.read(lambda tx: list(tx.run(query, plans=list(pushed))))
    return [_task(record) for record in records]


def _task(record: Any) -> TaskItem:
    return TaskItem(
        key=record["measure"],
        plan=plan_key_of(record["plan"]),
        canonical=record["canonical"],
        title=_one(record["title"]),
        text=_one(record["text"])[:TEXT_CHARS],
        rank=RANKS.get(record["level"], UNKNOWN_RANK),
    )


def _one(value: str | list[str] | None) -> str:
    """A stored value; the first in order where two versions of a plan left two."""
    if isinstance(value, list):
        return min(value, default="")
    return value or ""


def derived_triples(
    connection: Connection, keys: Sequence[str], tasks: Sequence[TaskItem]
) -> list[Triple]:
    """The revision links and task families of the stored plans together with the plans
    ``keys`` (whose measures are ``tasks``, placed in the citation graph of the plans pushed
    together), in the citation graph of the stored plans and the pushed ones."""
    pushed = sorted({str(plan_iri(key)) for key in keys})
    stored = [plan_key_of(iri) for iri in stored_plan_iris(connection)]
    everyone = list(dict.fromkeys([*keys, *stored]))
    items = [*tasks, *stored_tasks(connection, pushed)]
    cites = stored_citations(connection)
    for item in tasks:
        for citer in item.cited_by:
            cites.setdefault(citer, set()).add(item.plan)
    return list({**corpus_links(everyone), **placed_task_triples(items, cites)})


def stored_citations(connection: Connection) -> dict[str, set[str]]:
    """Each stored plan's key → the keys of the stored plans it cites, so that a cited plan's
    measures anchor its citers' families in the database as in the build."""
    query = template("plan-citations")
    cites: dict[str, set[str]] = {}
    for record in connection.read(lambda tx: list(tx.run(query))):
        cites.setdefault(plan_key_of(record["citer"]), set()).add(plan_key_of(record["cited"]))
    return cites


def delete_families(connection: Connection, batch_size: int) -> int:
    """Delete the stored task families and their members' similarities; the nodes deleted."""
    deleted = _in_batches(connection, "families-delete", batch_size)
    _in_batches(connection, "similarity-remove", batch_size)
    return deleted


def _in_batches(connection: Connection, name: str, batch_size: int) -> int:
    query, done = template(name), 0
    while True:
        record = connection.write(lambda tx: tx.run(query, batch=batch_size).single(strict=True))
        if not record["deleted"]:
            return done
        done += record["deleted"]
