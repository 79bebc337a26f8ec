"""A bulk first load (``plankg push --bulk``): the graph written as the CSV files of
:mod:`plankg.graph.neo4j.import_files` and loaded by Neo4j's own ``neo4j-admin database import
full`` into the project's local server (``scripts/neo4j-local``), which is stopped for it and
started again; then the constraints and indexes of an incremental push are created.

Only into a database that holds nothing, and only into the server ``scripts/neo4j-local`` runs
from the home folder given: the import writes that server's store files, so the server the
connection reaches must report that folder as its home, on this machine. Anything else is
refused in one line before the server is touched. The database it leaves holds the graph an
incremental push of the same triples leaves, derived properties and ``:_RdfMapping`` nodes
included (the tests read it back and compare).
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter
from urllib.parse import urlsplit

from plankg.graph.neo4j.bulk_files import write_corpus_files
from plankg.graph.neo4j.connection import Connection, GraphDatabaseError, Neo4jSettings
from plankg.graph.neo4j.digests import FAMILIES, plan_digest, record_digests
from plankg.graph.neo4j.families import derived_triples, stored_citations
from plankg.graph.neo4j.import_files import ImportFiles, write_import_files
from plankg.graph.neo4j.push import create_schema
from plankg.graph.neo4j.read import stored_counts
from plankg.graph.neo4j.rows import property_graph
from plankg.graph.neo4j.templates import template
from plankg.graph.rdf.build import Triple
from plankg.graph.rdf.corpus import Corpus
from plankg.graph.rdf.families import TaskItem

NEO4J_LOCAL = Path(__file__).resolve().parents[2] / "scripts" / "neo4j-local"
DEFAULT_HOME = NEO4J_LOCAL.parents[1] / ".neo4j"
"""Where ``scripts/neo4j-local`` keeps its server's data unless NEO4J_STATE_DIR says."""
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
DEFAULT_DATABASE = "neo4j"


class BulkLoadError(GraphDatabaseError):
    """A bulk load refused (the database is not empty, the server not the local one) or
    failed (the import tool's last word)."""


@dataclass(frozen=True)
class LocalServer:
    """The server ``scripts/neo4j-local`` runs with its data in ``home``."""

    home: Path
    port: int
    password: str
    script: Path = NEO4J_LOCAL

    @classmethod
    def of(cls, settings: Neo4jSettings, home: Path) -> LocalServer:
        """The local server ``settings`` reach, its data in ``home``; refused when the URI
        does not name this machine."""
        parts = urlsplit(settings.uri)
        if parts.hostname not in LOOPBACK:
            raise BulkLoadError(
                f"a bulk load goes only into the local server of scripts/neo4j-local, not "
                f"{settings.uri} (push without --bulk)"
            )
        return cls(home.resolve(), parts.port or 7687, settings.password)

    def run(self, *args: str) -> str:
        """``scripts/neo4j-local ARGS…`` for this server; its output, or the error it ends
        with as one line."""
        return self.finished(self.begun(*args), args[0])

    def begun(self, *args: str) -> subprocess.Popen[str]:
        """``scripts/neo4j-local ARGS…`` for this server, begun: :meth:`finished` waits."""
        if not self.script.is_file():
            raise BulkLoadError(f"a bulk load needs {self.script} (a plankg checkout)")
        env = {
            **os.environ,
            "NEO4J_STATE_DIR": str(self.home),
            "NEO4J_PORT": str(self.port),
            "NEO4J_PASSWORD": self.password,
        }
        return subprocess.Popen(
            [str(self.script), *args],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    @staticmethod
    def finished(process: subprocess.Popen[str], command: str) -> str:
        stdout, stderr = process.communicate()
        if process.returncode:
            raise BulkLoadError(f"neo4j-local {command} failed: {_last_line(stdout, stderr)}")
        return stdout


def _last_line(stdout: str, stderr: str) -> str:
    lines = [line.strip() for line in (stderr + stdout).splitlines() if line.strip()]
    causes = [line.removeprefix("Caused by: ") for line in lines if line.startswith("Caused by:")]
    errors = [line for line in lines if "error" in line.lower()]
    return (causes or errors or lines or ["no output"])[-1][:300]


@dataclass
class BulkReport:
    """What a bulk load wrote, and how long each step took."""

    triples: int = 0
    nodes: int = 0
    relationships: int = 0
    files: int = 0
    stored_nodes: int = 0
    stored_relationships: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def total_seconds(self) -> float:
        return sum(self.seconds.values())

    def summary(self) -> str:
        steps = ", ".join(f"{step} {s:.1f} s" for step, s in self.seconds.items())
        return (
            f"bulk-loaded {self.triples} triples as {self.nodes} nodes and "
            f"{self.relationships} relationships from {self.files} CSV files "
            f"({self.total_seconds:.1f} s: {steps})\n"
            f"the database holds {self.stored_nodes} nodes and "
            f"{self.stored_relationships} relationships"
        )


def check_bulk_target(connection: Connection, server: LocalServer) -> None:
    """Refuse unless the connection reaches ``server`` and its database holds no node."""
    record = connection.read(lambda tx: tx.run(template("server-home")).single())
    home = Path(record["home"]).resolve() if record else None
    if home != server.home:
        raise BulkLoadError(
            f"{connection.settings.uri} is not the server of {server.home} "
            f"(its home is {home}): a bulk load goes only into the local server of "
            "scripts/neo4j-local (set --neo4j-home or NEO4J_STATE_DIR)"
        )
    found = connection.read(lambda tx: tx.run(template("bulk-nodes")).single(strict=True))
    if found["nodes"]:
        raise BulkLoadError(
            f"the database at {connection.settings.where()} holds {found['nodes']} nodes: a bulk "
            "load goes only into an empty database (push without --bulk to add to it)"
        )


def bulk_load(
    connection: Connection,
    triples: Iterable[Triple],
    server: LocalServer,
    folder: Path | None = None,
) -> BulkReport:
    """Load ``triples`` into the empty database of ``server`` through CSV files written to
    ``folder`` (a temporary folder, removed afterwards, when None)."""
    check_bulk_target(connection, server)
    with _files_folder(folder) as where:
        return _load(connection, triples, server, where)


def bulk_load_corpus(
    connection: Connection, corpus: Corpus, server: LocalServer, folder: Path | None = None
) -> BulkReport:
    """Load the plans of ``corpus`` as :func:`bulk_load` loads triples, but with the files
    written a part of the plans at a time (:mod:`plankg.graph.neo4j.bulk_files`), then record
    each plan's digest and the derived graph's, as a push that wrote them exactly would: a
    later ``plankg push`` of the same plans skips them all. The revision links and task
    families are made once, before the import, as a push makes them (from the measures and
    citations of the plans loaded together: the database is empty); should the loaded plans'
    citations in the database hold one the measures did not know, they are made again for the
    derived graph's digest. The server is stopped while the files are written (and started
    again should writing them fail)."""
    check_bulk_target(connection, server)
    started = perf_counter()
    tasks = corpus.tasks()
    across = derived_triples(connection, corpus.keys, tasks)
    families = perf_counter() - started
    with _files_folder(folder) as where:
        stop = server.begun("stop")
        with _started_again_on_failure(server, stop):
            written = write_corpus_files(corpus, where, links=across)
        report = BulkReport(written.triples, written.nodes, written.relationships)
        report.files = len(written.files.nodes) + len(written.files.relationships)
        report.seconds = {"families": families, **written.seconds}
        _import_and_index(connection, server, written.files, report, stop)
    started = perf_counter()
    digests = dict(written.digests)
    if not set(citation_pairs(stored_citations(connection))) <= set(task_citations(tasks)):
        across = derived_triples(connection, corpus.keys, tasks)
    digests[FAMILIES] = plan_digest(across)
    record_digests(connection, digests)
    report.seconds["digests"] = perf_counter() - started
    return report


def task_citations(tasks: Iterable[TaskItem]) -> Iterator[tuple[str, str]]:
    """(citer, cited) plan keys the measures of the plans loaded together know of."""
    return ((citer, item.plan) for item in tasks for citer in item.cited_by)


def citation_pairs(cites: dict[str, set[str]]) -> Iterator[tuple[str, str]]:
    return ((citer, cited) for citer, cited_keys in cites.items() for cited in cited_keys)


@contextmanager
def _files_folder(folder: Path | None) -> Iterator[Path]:
    """``folder``, or a temporary one removed afterwards."""
    if folder is not None:
        yield folder
        return
    with tempfile.TemporaryDirectory(prefix="plankg-bulk-") as temporary:
        yield Path(temporary)


def _load(
    connection: Connection, triples: Iterable[Triple], server: LocalServer, folder: Path
) -> BulkReport:
    report = BulkReport()
    stop = server.begun("stop")
    with _started_again_on_failure(server, stop):
        started = perf_counter()
        graph = property_graph(triples)
        report.triples, report.nodes = graph.triples, graph.node_count
        report.relationships = graph.relationship_count
        report.seconds["rows"] = perf_counter() - started
        started = perf_counter()
        files = write_import_files(graph, folder)
        report.files = len(files.nodes) + len(files.relationships)
        report.seconds["files"] = perf_counter() - started
    _import_and_index(connection, server, files, report, stop)
    return report


@contextmanager
def _started_again_on_failure(server: LocalServer, stop: subprocess.Popen[str]) -> Iterator[None]:
    """While the files are written and the server's ``stop`` runs: should writing them fail,
    the server is started again once stopped."""
    try:
        yield
    except BaseException:
        try:
            server.finished(stop, "stop")
        finally:
            server.run("start")
        raise


def _import_and_index(
    connection: Connection,
    server: LocalServer,
    files: ImportFiles,
    report: BulkReport,
    stop: subprocess.Popen[str],
) -> None:
    """The import (once the server's ``stop`` is done), then the constraints and indexes; the
    counts the database holds."""
    database = connection.settings.database or DEFAULT_DATABASE
    _import(server, files, database, report, stop)
    started = perf_counter()
    create_schema(connection)
    connection.write(lambda tx: tx.run(template("lock-create")).consume())
    report.seconds["constraints and indexes"] = perf_counter() - started
    counts = stored_counts(connection)
    report.stored_nodes, report.stored_relationships = counts.nodes, counts.relationships


def _import(
    server: LocalServer,
    files: ImportFiles,
    database: str,
    report: BulkReport,
    stop: subprocess.Popen[str],
) -> None:
    """Wait for the server's ``stop`` (begun while the files were written), import, start it
    again (also after a failed import)."""
    started = perf_counter()
    server.finished(stop, "stop")
    report.seconds["stop"] = perf_counter() - started
    try:
        started = perf_counter()
        server.run("import", database, "--overwrite-destination=true", *files.arguments())
        report.seconds["import"] = perf_counter() - started
    finally:
        started = perf_counter()
        server.run("start")
        report.seconds["start"] = perf_counter() - started
