from __future__ import annotations

from pathlib import Path

import pytest
from plankg.graph.rdf.corpus import Corpus, load_corpus
from plankg.loaders.read import sample_paths

SAMPLES = sample_paths()


@pytest.fixture(scope="session")
def sample_files() -> list[Path]:
    return SAMPLES


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    """The five sample plans, read once for the whole run."""
    return load_corpus()


@pytest.fixture(scope="session")
def triples(corpus):
    """The samples' triples (frozen: a test cannot change them for the next)."""
    return frozenset(corpus.triples())


@pytest.fixture(scope="session")
def neo4j_settings():
    """The Neo4j to test against (NEO4J_URI…); without one the Neo4j tests skip, except in CI
    (CI=true), where a skipped Neo4j test is a failure."""
    import os

    from plankg.graph.neo4j.connection import Neo4jSettings

    if not os.environ.get("NEO4J_URI"):
        message = "NEO4J_URI is not set (scripts/test starts the project's Neo4j)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return Neo4jSettings.from_env()


@pytest.fixture
def neo4j(neo4j_settings):
    """A connection to an emptied database."""
    from plankg.graph.neo4j.connection import connect
    from plankg.graph.neo4j.push import clear_database

    with connect(neo4j_settings) as connection:
        clear_database(connection)
        yield connection
