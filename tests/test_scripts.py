"""The scripts a newcomer runs: setup finds the Debian packages the tests need (Java 17 and
Maven among them) and builds the Neo4j launcher; the tests' Neo4j keeps its data apart from
the development server's."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

SCRIPTS = Path(__file__).parents[1] / "scripts"
PACKAGES = {"chromium", "fonts-noto-cjk", "nodejs", "npm", "openjdk-17-jdk-headless", "maven"}


def path_without(tmp_path: Path, *tools: str, extra: dict[str, str] | None = None) -> str:
    """A PATH with every program of /usr/bin and /bin but ``tools``, and ``extra`` scripts."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for program in [*Path("/usr/bin").iterdir(), *Path("/bin").iterdir()]:
        target = folder / program.name
        if program.name not in tools and not os.path.lexists(target):
            target.symlink_to(program)
    for name, script in (extra or {}).items():
        (folder / name).write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
        (folder / name).chmod(0o755)
    return str(folder)


def missing_packages(path: str) -> list[str]:
    listed = subprocess.run(
        [SCRIPTS / "debian-packages"], capture_output=True, text=True, env={"PATH": path}
    )
    assert listed.returncode == 0, listed.stderr
    return listed.stdout.split()


def test_java_and_maven_missing_are_installed_from_debian(tmp_path):
    missing = missing_packages(path_without(tmp_path, "java", "mvn"))
    assert {"openjdk-17-jdk-headless", "maven"} <= set(missing) <= PACKAGES


def test_a_java_older_than_17_counts_as_missing(tmp_path):
    old_java = {"java": "echo 'openjdk version \"11.0.22\" 2024-01-16' >&2"}
    missing = missing_packages(path_without(tmp_path, "java", extra=old_java))
    assert "openjdk-17-jdk-headless" in missing and "maven" not in missing


def test_setup_installs_the_packages_listed_and_builds_the_launcher():
    steps = [line.strip() for line in (SCRIPTS / "setup").read_text().splitlines()]
    assert "mapfile -t missing < <(scripts/debian-packages)" in steps
    assert steps.index("scripts/neo4j-local build") < steps.index('echo "setup: ready ($venv)"')


def test_the_launcher_is_built_by_a_command_of_its_own(tmp_path):
    built = subprocess.run(
        [SCRIPTS / "neo4j-local", "build"],
        capture_output=True,
        text=True,
        env={**os.environ, "NEO4J_STATE_DIR": str(tmp_path / "state")},
        timeout=900,
    )
    assert built.returncode == 0, built.stderr
    assert list((SCRIPTS / "neo4j-launcher" / "target").glob("neo4j-launcher-*.jar"))


def test_the_tests_neo4j_keeps_its_data_apart_from_the_development_servers():
    steps = (SCRIPTS / "test").read_text()
    assert 'export NEO4J_STATE_DIR="$root/.neo4j-test" NEO4J_PORT="${NEO4J_PORT:-7688}"' in steps
    local = (SCRIPTS / "neo4j-local").read_text()
    assert 'STATE_DIR="${NEO4J_STATE_DIR:-$ROOT/.neo4j}"' in local
