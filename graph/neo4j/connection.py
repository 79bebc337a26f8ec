"""A connection to Neo4j: settings from arguments or the environment, and one-line errors.

Works with ``bolt://`` (one server), ``neo4j://`` and ``neo4j+s://`` (a cluster, Aura) and a
named database. Every failure of the server or the network surfaces as a
:class:`GraphDatabaseError` with one line saying what is wrong.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from neo4j import Driver, GraphDatabase, ManagedTransaction, Session
from neo4j import exceptions as neo4j_errors
from plankg.errors import DatabaseError
from plankg.graph.neo4j.templates import template

# The driver logs each retry of a failed transaction; plankg reports the failure itself, in one
# line, so the driver's log stays silent unless the application configures logging.
logging.getLogger("neo4j").addHandler(logging.NullHandler())

DEFAULT_URI = "bolt://localhost:7687"
SCHEMES = frozenset({"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"})
REASON = re.compile(r"\(reason (?:\[Errno \d+\] )?([^)]+)\)")
T = TypeVar("T")


class Batch(list[Any]):
    """A batch sent as a query parameter: a list, packed as any list is, whose ``repr`` is
    its length. The driver formats every RUN message's parameters for its debug log before it
    asks whether the log is on (``" ".join(map(repr, fields))``), and the ``repr`` of a batch of
    5,000 rows costs as much as packing it (9 ms)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<{len(self)} items>"


class GraphDatabaseError(DatabaseError):
    """Neo4j could not be reached or refused what was asked (one line)."""


@dataclass(frozen=True)
class Neo4jSettings:
    uri: str = DEFAULT_URI
    user: str = "neo4j"
    password: str = ""
    database: str | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **given: str | None) -> Neo4jSettings:
        """Settings given as arguments, else ``NEO4J_URI``, ``NEO4J_USER``,
        ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``, else the defaults."""
        env = os.environ if env is None else env
        found = {
            name: given.get(name) or env.get(f"NEO4J_{name.upper()}")
            for name in ("uri", "user", "password", "database")
        }
        return cls(**{k: v for k, v in found.items() if v})

    def where(self) -> str:
        return f"{self.uri}" + (f" (database {self.database!r})" if self.database else "")


def _first_line(error: BaseException) -> str:
    text = getattr(error, "message", None) or str(error) or type(error).__name__
    text = " ".join(text.split())
    reason = REASON.search(text)
    return reason[1] if reason else text[:300]


def translate(error: BaseException, settings: Neo4jSettings) -> GraphDatabaseError:
    """The one-line error a person reads for a driver or server error."""
    where = settings.where()
    if isinstance(error, neo4j_errors.AuthError):
        return GraphDatabaseError(
            f"Neo4j at {settings.uri} refused user {settings.user!r}: wrong user or password"
        )
    code = getattr(error, "code", "") or ""
    if code.endswith("DatabaseNotFound"):
        return GraphDatabaseError(f"Neo4j at {settings.uri} has no database {settings.database!r}")
    if isinstance(error, neo4j_errors.ServiceUnavailable | neo4j_errors.SessionExpired | OSError):
        return GraphDatabaseError(
            f"cannot reach Neo4j at {where}: {_first_line(error)}"
            " (is the server running? scripts/neo4j-local start runs a local one)"
        )
    if isinstance(error, neo4j_errors.ConfigurationError | ValueError):
        return GraphDatabaseError(
            f"cannot use Neo4j URI {settings.uri!r}: {_first_line(error)}"
            " (use bolt://, neo4j:// or neo4j+s://)"
        )
    return GraphDatabaseError(f"Neo4j at {where}: {_first_line(error)}")


DRIVER_ERRORS = (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError)
TIMEOUT_CODES = (
    "Neo.ClientError.Transaction.TransactionTimedOut",
    "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
    "Neo.ClientError.Transaction.LockClientStopped",
)
"""What the server says when it ends a transaction that ran out of its time (waiting for a
lock, too: it then stops the transaction's lock client)."""


def timed_out(error: BaseException | None) -> bool:
    """``error`` is the server ending a transaction that ran longer than its timeout."""
    return getattr(error, "code", None) in TIMEOUT_CODES


class Connection:
    """An open driver and the database to work in; a context manager that closes it."""

    def __init__(self, driver: Driver, settings: Neo4jSettings) -> None:
        self.driver = driver
        self.settings = settings

    def __enter__(self) -> Connection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.driver.close()

    @contextmanager
    def errors(self) -> Iterator[None]:
        """Driver and server errors inside become :class:`GraphDatabaseError`."""
        try:
            yield
        except DRIVER_ERRORS as e:
            raise translate(e, self.settings) from e

    @contextmanager
    def session(self, **config: Any) -> Iterator[Session]:
        with self.errors(), self.driver.session(database=self.settings.database, **config) as s:
            yield s

    def write(self, work: Callable[..., T], *args: Any) -> T:
        """``work(tx, *args)`` in one managed write transaction (retried on transient errors)."""
        with self.session() as session:
            return session.execute_write(work, *args)

    def read(self, work: Callable[..., T], *args: Any) -> T:
        with self.session() as session:
            return session.execute_read(work, *args)


def connect(settings: Neo4jSettings | None = None, **driver_config: Any) -> Connection:
    """A connection whose server, login and database have been checked; ``driver_config``
    goes to the driver (e.g. ``max_transaction_retry_time``)."""
    settings = settings or Neo4jSettings.from_env()
    scheme = settings.uri.partition("://")[0]
    if scheme not in SCHEMES:
        raise GraphDatabaseError(
            f"cannot use Neo4j URI {settings.uri!r}: use bolt://, neo4j:// or neo4j+s://"
        )
    try:
        driver = GraphDatabase.driver(
            settings.uri,
            auth=(settings.user, settings.password),
            user_agent="plankg",
            notifications_min_severity="OFF",
            **driver_config,
        )
    except (*DRIVER_ERRORS, ValueError) as e:
        raise translate(e, settings) from e
    connection = Connection(driver, settings)
    try:
        with connection.errors():
            driver.verify_connectivity()
        connection.read(_ping)
    except GraphDatabaseError:
        driver.close()
        raise
    return connection


def _ping(tx: ManagedTransaction) -> None:
    tx.run(template("ping")).consume()
