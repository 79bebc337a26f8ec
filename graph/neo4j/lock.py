"""Pushes into one database take turns.

A push holds the write lock of one node (``:_PlankgLock``) in a transaction of its own, open
from before it looks at the database until it has finished, and then rolled back (it writes
nothing). A second push started meanwhile waits for that lock, then finds the first push's
graph and merges into it: two pushes started together end with the graph of one, as two in a
row do. The server releases the lock of a push that dies (its connection closes), so a killed
push never blocks the next.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress

from neo4j import Transaction
from plankg.graph.neo4j.connection import DRIVER_ERRORS, Connection, GraphDatabaseError, timed_out
from plankg.graph.neo4j.templates import template

PROBE_SECONDS = 2.0
"""How long a push tries for the lock before it says it is waiting for another."""
Notice = Callable[[str], None]


@contextmanager
def push_lock(connection: Connection, notice: Notice | None = None) -> Iterator[None]:
    """Hold the push lock of the database inside the block; wait for it while another push
    holds it, saying so once through ``notice``."""
    connection.write(lambda tx: tx.run(template("lock-create")).consume())
    if not _free(connection) and notice:
        notice("waiting for another push into this database to finish…")
    with connection.session() as session:
        transaction = session.begin_transaction()
        try:
            _take(transaction)
            yield
        finally:
            with suppress(*DRIVER_ERRORS):
                transaction.rollback()


def _free(connection: Connection) -> bool:
    """Whether the lock can be taken within :data:`PROBE_SECONDS` (it is then let go)."""
    try:
        with (
            connection.session() as session,
            session.begin_transaction(timeout=PROBE_SECONDS) as probe,
        ):
            _take(probe)
            probe.rollback()
    except GraphDatabaseError as e:
        if timed_out(e.__cause__):
            return False
        raise
    return True


def _take(transaction: Transaction) -> None:
    holder = f"plankg push, pid {os.getpid()} on {socket.gethostname()}"
    transaction.run(template("lock-take"), holder=holder).consume()
