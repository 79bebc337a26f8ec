"""How long a user waits for ``plankg --help``: whole processes, interpreter start included,
beside a bare ``python -c pass`` and the import of each layer a command may need.

    .venv/bin/python benchmarks/startup.py [--runs 9]

Run by hand; medians of ``--runs`` processes (at least 5), with the load average beside them.
``plankg --help`` and ``plankg build --help`` import click and plankg's own light modules only
(tests/test_cli.py checks that rdflib, networkx, the Neo4j driver, pyvis and matplotlib are not
among them). ``plankg.graph.rdf`` imports its modules when first used, so the RDF layer a build
needs is timed as ``plankg.graph.rdf.batch``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from timing import command_runs, line

IMPORTS = (
    "plankg.loaders.read",
    "plankg.graph.rdf.batch",
    "plankg.graph.neo4j",
    "plankg.graph.analysis",
    "plankg.graph.report",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    runs = max(5, parser.parse_args().runs)
    python, plankg = sys.executable, str(Path(sys.executable).with_name("plankg"))
    print(f"startup, whole processes, median of {runs} runs")
    print(line("python -c pass", *command_runs([python, "-c", "pass"], runs)))
    print(line("plankg --help", *command_runs([plankg, "--help"], runs)))
    print(line("plankg build --help", *command_runs([plankg, "build", "--help"], runs)))
    for module in IMPORTS:
        times, load = command_runs([python, "-c", f"import {module}"], runs)
        print(line(f"import {module}", times, load))


if __name__ == "__main__":
    main()
