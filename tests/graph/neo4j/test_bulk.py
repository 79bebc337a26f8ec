"""plankg push --bulk: the samples loaded by neo4j-admin database import full into a Neo4j
server of the test's own (scripts/neo4j-local, data in a temporary folder, stopped and started
again by the load) give the graph an incremental push gives: the same RDF read back, the same
schema; a database that is not empty, or a server that is not the local one, is refused in one
line before anything is touched."""

from __future__ import annotations

import os
import socket
import subprocess
from pathlib import Path

import plankg
import pytest
from plankg.graph.neo4j import (
    Neo4jSettings,
    connect,
    read_schema,
    read_triples,
    render_schema,
    stored_counts,
)
from plankg.graph.neo4j.bulk import (
    NEO4J_LOCAL,
    BulkLoadError,
    LocalServer,
    bulk_load,
    bulk_load_corpus,
)
from plankg.graph.neo4j.bulk_files import BulkFilesError
from plankg.graph.neo4j.push import push_corpus
from plankg.graph.rdf.build import graph_of
from plankg.graph.rdf.iris import plan_iri
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS

DOC = Path(plankg.__file__).parent / "docs" / "neo4j-schema.md"
PASSWORD = "plankg-bulk-test"
pytestmark = pytest.mark.neo4j


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(neo4j_settings, tmp_path_factory):
    """A Neo4j of this module's own, empty (the suite's server is not stopped for a load)."""
    local = LocalServer(tmp_path_factory.mktemp("neo4j-home").resolve(), free_port(), PASSWORD)
    local.run("start")
    yield local
    local.run("stop")


@pytest.fixture(scope="module")
def settings(server):
    return Neo4jSettings(uri=f"bolt://127.0.0.1:{server.port}", password=PASSWORD)


class Trespassing:
    """The samples, the second plan's triples stating a fact about a node of the first's."""

    def __init__(self, corpus):
        self.corpus, self.keys, self.plans = corpus, corpus.keys, corpus.plans

    def tasks(self):
        return self.corpus.tasks()

    def plan_parts(self, plans_per_part):
        parts = list(self.corpus.plan_parts(1))
        odd = (URIRef(str(plan_iri(self.keys[0])) + "/x"), RDFS.label, Literal("elsewhere"))
        (uri, triples), *_ = parts[1]
        parts[1] = [(uri, [*triples, odd])]
        return parts


def test_files_that_cannot_be_written_leave_the_server_running_and_empty(
    server, settings, corpus, tmp_path
):
    """The server, stopped while the files are written, is started again (before ``loaded``:
    the database is empty)."""
    with connect(settings) as connection:
        with pytest.raises(BulkFilesError, match="a node of another plan"):
            bulk_load_corpus(connection, Trespassing(corpus), server, tmp_path)
        assert stored_counts(connection).nodes == 0
    assert "running (pid" in server.run("status")


@pytest.fixture(scope="module")
def loaded(server, settings, corpus, tmp_path_factory):
    """The samples bulk-loaded; the report and the CSV folder."""
    folder = tmp_path_factory.mktemp("csv")
    with connect(settings) as connection:
        report = bulk_load_corpus(connection, corpus, server, folder)
    return report, folder


def test_the_bulk_load_reads_back_as_the_rdf_of_the_plans(loaded, settings, triples):
    report, _ = loaded
    with connect(settings) as connection:
        back = read_triples(connection)
        counts = stored_counts(connection)
    assert isomorphic(graph_of(back), graph_of(triples))
    assert (counts.nodes, counts.relationships) == (report.nodes, report.relationships)
    assert (report.nodes, report.relationships) == (2021, 12701)


def test_the_schema_is_that_of_an_incremental_push(loaded, settings):
    """docs/neo4j-schema.md is the schema of the incrementally pushed samples
    (tests/graph/neo4j/test_schema.py): derived keys, relationship properties, mapping nodes,
    constraints' and lock's bookkeeping included."""
    with connect(settings) as connection:
        schema = read_schema(connection)
    assert render_schema(schema, "markdown") == DOC.read_text(encoding="utf-8")


def test_a_push_after_the_bulk_load_skips_every_plan_and_changes_nothing(loaded, settings, corpus):
    with connect(settings) as connection:
        report = push_corpus(connection, corpus)
    assert (report.plans_skipped, report.changed) == (5, False)


def test_the_import_files_are_kept_where_asked(loaded):
    report, folder = loaded
    names = sorted(p.name for p in folder.glob("*.csv"))
    assert len(names) == report.files and names[0] == "nodes-001.csv"


def test_a_database_that_is_not_empty_is_refused_and_left_running(loaded, server, settings):
    with connect(settings) as connection:
        with pytest.raises(BulkLoadError, match=r"holds [0-9]+ nodes"):
            bulk_load(connection, [], server)
        assert stored_counts(connection).nodes == 2021


def test_a_server_whose_home_is_another_folder_is_refused(loaded, server, settings, tmp_path):
    elsewhere = LocalServer(tmp_path, server.port, PASSWORD)
    with connect(settings) as connection, pytest.raises(BulkLoadError, match="is not the server"):
        bulk_load(connection, [], elsewhere)


def test_a_server_on_another_machine_is_refused_before_connecting():
    remote = Neo4jSettings(uri="neo4j+s://example.org:7687", password=PASSWORD)
    with pytest.raises(BulkLoadError, match="only into the local server"):
        LocalServer.of(remote, Path(".neo4j"))


def test_the_command_refuses_a_loaded_database_in_one_line(loaded, server, settings, run):
    env = {"NEO4J_URI": settings.uri, "NEO4J_PASSWORD": PASSWORD}
    done = run("push", "--bulk", "--neo4j-home", server.home, env=env)
    assert done.exit_code == 5
    assert done.output.count("\n") == 1 and "only into an empty database" in done.output
    both = run("push", "--bulk", "--replace", env=env)
    assert both.exit_code == 2 and "cannot --replace" in both.output


def test_a_failed_import_leaves_the_database_empty(tmp_path):
    """The import tool refuses a file; the script removes the half-written store, so the
    server would start with an empty database, and says so."""
    (tmp_path / "bad.csv").write_text("uri:ID,uri:string\nx,y\n", encoding="utf-8")
    env = {**os.environ, "NEO4J_STATE_DIR": str(tmp_path), "NEO4J_PORT": str(free_port())}
    done = subprocess.run(
        [
            NEO4J_LOCAL,
            "import",
            "neo4j",
            f"--nodes={tmp_path / 'bad.csv'}",
            f"--report-file={tmp_path / 'import.report'}",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 1
    assert "the import failed; database neo4j is empty again" in done.stderr
    assert not (tmp_path / "data" / "databases" / "neo4j").exists()
