"""What the tests share: the sample plans read once, the command-line runner, Debian's
Chromium, a Neo4j to test against, the independent readers of the interop tests, and test ids
named by region."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from plankg.cli import main
from plankg.graph.rdf import Corpus, load_corpus
from plankg.loaders.read import read_plan, sample_paths

SAMPLES = sample_paths()
REGION_IDS = {
    "周口市": "zhoukou",
    "岳阳市南湖新区": "nanhu",
    "忻州市": "xinzhou",
    "新郑市": "xinzheng",
    "泉州市": "quanzhou",
}
"""The sample plans' regions, as test ids."""
WORD_IDS = {
    **REGION_IDS,
    "市科协": "kexie",
    "市科技局": "kejiju",
    "市教育局": "jiaoyuju",
    "市教育体育局": "jiaotiju",
    "市总工会": "zonggonghui",
    "市委宣传部": "xuanchuanbu",
    "市外办": "waiban",
    "市委党校": "dangxiao",
    "市财政局": "caizhengju",
    "科协": "kexie",
    "科技": "keji",
    "教育": "jiaoyu",
    "体育": "tiyu",
}
"""Chinese parameters of the tests, as readable test ids (pytest would escape them)."""
CHROMIUM = Path(os.environ.get("PLANKG_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
"""Headless Chromium as the browser tests and benchmarks/views.py launch it."""
CACHE_DIR = pytest.StashKey[str]()


@cache
def sample_id(path: Path) -> str:
    """``zhoukou`` for the sample plan of 周口市: a test id by region, not by file hash."""
    return REGION_IDS[read_plan(path).region.name]


def pytest_configure(config: pytest.Config) -> None:
    """The vocabulary cache of the run in a folder of its own (the user's cache is not
    written, and no test reads a cache an earlier run left); removed at the end."""
    if "PLANKG_CACHE_DIR" not in os.environ:
        folder = tempfile.mkdtemp(prefix="plankg-test-cache-")
        os.environ["PLANKG_CACHE_DIR"] = config.stash[CACHE_DIR] = folder


def pytest_unconfigure(config: pytest.Config) -> None:
    if folder := config.stash.get(CACHE_DIR, None):
        shutil.rmtree(folder, ignore_errors=True)
        del os.environ["PLANKG_CACHE_DIR"]


def pytest_make_parametrize_id(config: pytest.Config, val: object, argname: str) -> str | None:
    if isinstance(val, Path) and val in SAMPLES:
        return sample_id(val)
    if type(val) is str:
        return WORD_IDS.get(val)
    if isinstance(val, dict) and val.get("region") in REGION_IDS:
        return REGION_IDS[val["region"]]
    return None


@pytest.fixture(scope="session")
def sample_files() -> list[Path]:
    return SAMPLES


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    """The five sample plans, read once for the whole run."""
    return load_corpus()


@pytest.fixture(scope="session")
def triples(corpus: Corpus) -> frozenset[Any]:
    """The samples' triples (frozen: a test cannot change them for the next)."""
    return frozenset(corpus.triples())


@pytest.fixture
def run() -> Callable[..., Result]:
    """``run("build", path, "--out", folder, env={...})``: the command line, in process."""
    runner = CliRunner()

    def invoke(*args: object, env: dict[str, str] | None = None) -> Result:
        return runner.invoke(main, [str(a) for a in args], env=env)

    return invoke


def require_browser() -> None:
    """Skip without Playwright or Chromium, except under CI=true, where that fails."""
    missing = None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing = "the playwright package is not installed"
    if missing is None and not CHROMIUM.exists():
        missing = f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{missing}; CI=true, so the browser tests must run")
        pytest.skip(missing)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's headless Chromium, driven by Playwright."""
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


TEST_DATABASE_MARK = "_PlankgTestDatabase"
"""The label of the node that marks a database as the tests' own (they empty it again and
again); a database with other data and no such node is never emptied."""


@pytest.fixture(scope="session")
def neo4j_settings() -> Iterator[Any]:
    """The Neo4j to test against (NEO4J_URI…); without one the Neo4j tests skip, except in CI
    (CI=true), where a skipped Neo4j test is a failure. The database must be empty or the
    tests' own (:func:`claim_test_database`); it is emptied when the session ends, so the tests
    leave nothing behind in it."""
    from plankg.graph.neo4j import Neo4jSettings, clear_database, connect

    if not os.environ.get("NEO4J_URI"):
        message = "NEO4J_URI is not set (scripts/test starts the project's Neo4j)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    settings = Neo4jSettings.from_env()
    with connect(settings) as connection:
        claim_test_database(connection)
    yield settings
    with connect(settings) as connection:
        clear_database(connection)


def claim_test_database(connection: Any) -> None:
    """Mark the database as the tests' own, or fail when it holds data that is not theirs:
    tests empty it, and it may be someone's graph (NEO4J_URI pointed at an analyst's server)."""
    count = f"MATCH (n) RETURN count(n) AS nodes, count(CASE WHEN n:{TEST_DATABASE_MARK} THEN 1 END) AS marks"
    found = connection.read(lambda tx: tx.run(count).single(strict=True))
    if found["nodes"] and not found["marks"]:
        pytest.fail(
            f"{connection.settings.where()} holds {found['nodes']} nodes that are not the "
            "tests': they would be deleted. Run scripts/test (it starts a Neo4j of its own) or "
            "point NEO4J_URI at an empty database."
        )
    connection.write(lambda tx: tx.run(f"MERGE (:{TEST_DATABASE_MARK})").consume())


def empty_test_database(connection: Any) -> None:
    """Delete everything in the tests' database but its mark."""
    from plankg.graph.neo4j import clear_database

    clear_database(connection)
    connection.write(lambda tx: tx.run(f"MERGE (:{TEST_DATABASE_MARK})").consume())


@pytest.fixture(scope="session")
def neo4j_env(neo4j_settings: Any) -> dict[str, str]:
    """The environment that points a ``plankg`` command at the test database."""
    return {"NEO4J_URI": neo4j_settings.uri, "NEO4J_PASSWORD": neo4j_settings.password}


@pytest.fixture
def neo4j(neo4j_settings: Any) -> Iterator[Any]:
    """A connection to an emptied database."""
    from plankg.graph.neo4j import connect

    with connect(neo4j_settings) as connection:
        empty_test_database(connection)
        yield connection


@pytest.fixture(scope="module")
def pushed_samples(neo4j_settings: Any, corpus: Any) -> Iterator[Any]:
    """A connection to a database holding the five samples, pushed once per test module."""
    from plankg.graph.neo4j import connect, push_corpus

    with connect(neo4j_settings) as connection:
        empty_test_database(connection)
        push_corpus(connection, corpus)
        yield connection


INTEROP = Path(__file__).resolve().parents[1] / "scripts" / "interop"
"""The independent readers (Apache Jena, graphology, the Node.js Neo4j driver) that
scripts/interop/install puts here."""


class Interop:
    """Runs the independent readers: Apache Jena's command-line tools and the Node.js scripts
    beside them. Each call returns the finished process (text out and err, return code)."""

    def jena(self, *args: object) -> subprocess.CompletedProcess[str]:
        return self._run(INTEROP / "jena", *args)

    def node(self, script: str, *args: object, env: dict[str, str] | None = None) -> Any:
        return self._run("node", INTEROP / script, *args, env=env)

    def _run(self, *args: object, env: dict[str, str] | None = None) -> Any:
        command = [str(a) for a in args]
        environment = {**os.environ, **(env or {})}
        return subprocess.run(
            command, capture_output=True, text=True, encoding="utf-8", env=environment, timeout=300
        )


@pytest.fixture(scope="session")
def interop() -> Interop:
    """The interop readers; without them the interop tests skip, except in CI (CI=true), where
    a missing reader is a failure."""
    missing = [tool for tool in ("java", "node") if shutil.which(tool) is None]
    if not list((INTEROP / "target" / "lib").glob("jena-cmds-*.jar")):
        missing.append("Apache Jena (scripts/interop/install)")
    if not (INTEROP / "node_modules" / "graphology").is_dir():
        missing.append("graphology and neo4j-driver (scripts/interop/install)")
    if missing:
        message = f"interop readers missing: {', '.join(missing)}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}; CI=true, so the interop tests must run")
        pytest.skip(message)
    return Interop()
