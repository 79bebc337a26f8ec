"""The README, held to the code (as sqlite-utils does in its tests/test_docs.py): every command
and every option appears in it, and its console examples are run and their output compared.

An example whose output ends in a line ``…`` is compared up to there; one marked
``(columns cut)`` on the command line shows some of the columns, compared by name."""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import click
import plankg
import pytest
from plankg.cli import NEO4J_OPTIONS, main

ROOT = Path(plankg.__file__).parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
CONSOLE = re.compile(r"```console\n(.*?)```", re.DOTALL)
COLUMNS_CUT = re.compile(r"\s+\(columns cut\)$")
CELL_GAP = re.compile(r" {2,}")
NEO4J_COMMANDS = ("cypher", "schema")
"""Examples that need the sample plans pushed to Neo4j."""


@dataclass(frozen=True)
class Example:
    command: str
    output: str
    columns_cut: bool = False
    number: int = 0

    @property
    def args(self) -> list[str]:
        return shlex.split(self.command)[1:]

    @property
    def id(self) -> str:
        """``3-query``: the example's place in the README and its command."""
        return f"{self.number}-{self.args[0]}"


def console_examples(text: str) -> list[Example]:
    """``$ plankg …`` commands (a quoted argument may go on over indented lines) and what
    follows each, up to the next command."""
    examples = []
    for block in CONSOLE.findall(text):
        for chunk in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            lines = chunk.rstrip("\n").split("\n")
            command = lines.pop(0)
            while _open_quote(command):
                command += "\n" + lines.pop(0)
            cut = bool(COLUMNS_CUT.search(command))
            output = "\n".join(lines).strip()
            examples.append(Example(COLUMNS_CUT.sub("", command), output, cut, len(examples) + 1))
    return examples


def _open_quote(command: str) -> bool:
    try:
        shlex.split(command)
    except ValueError:
        return True
    return False


EXAMPLES = console_examples(README)


def options() -> list[tuple[str, click.Option]]:
    return [
        (name, param)
        for name, command in sorted(main.commands.items())
        for param in command.params
        if isinstance(param, click.Option)
    ]


def test_the_readme_has_examples():
    assert len(EXAMPLES) >= 8
    assert {e.args[0] for e in EXAMPLES} >= {"build", "query", "analyze", "cypher"}


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_is_in_the_readme(name):
    assert f"`plankg {name}" in README


@pytest.mark.parametrize(("name", "option"), options(), ids=lambda v: getattr(v, "name", v))
def test_every_option_is_in_the_readme(name, option):
    """On a line about its command; a Neo4j connection option where the connection is told."""
    if option.name in {f"neo4j_{o}" for o, _ in NEO4J_OPTIONS}:
        lines = [line for line in README.splitlines() if line.startswith("Connection from")]
    else:
        lines = [line for line in README.splitlines() if f"`plankg {name}" in line]
    assert any(opt in line for opt in option.opts for line in lines), (name, option.opts)


def test_every_choice_of_export_is_in_the_readme():
    from plankg.graph.export import FORMATS

    assert f"--format {'|'.join(FORMATS)}".replace("|", "\\|") in README


def cells(line: str) -> list[str]:
    return CELL_GAP.split(line.strip())


def compare(example: Example, output: str) -> None:
    expected = [line.rstrip() for line in example.output.splitlines()]
    actual = [line.rstrip() for line in output.strip().splitlines()]
    if example.columns_cut:
        _compare_columns(expected, actual)
    elif expected and expected[-1] == "…":
        assert actual[: len(expected) - 1] == expected[:-1]
    else:
        assert actual == expected


def _compare_columns(expected: list[str], actual: list[str]) -> None:
    """The shown columns of the table in ``actual`` (found by its header), row by row."""
    shown = cells(expected[0])
    start = next(i for i, line in enumerate(actual) if cells(line)[: len(shown[:1])] == shown[:1])
    header = cells(actual[start])
    picks = [header.index(column) for column in shown]
    rows = [cells(line) for line in actual[start + 2 : start + 1 + len(expected)]]
    assert [[row[i] for i in picks] for row in rows] == [cells(line) for line in expected[1:]]


@pytest.mark.parametrize(
    "example", [e for e in EXAMPLES if e.args[0] not in NEO4J_COMMANDS], ids=lambda e: e.id
)
def test_console_example(example, run, tmp_path, monkeypatch):
    """Run where nothing is written yet, with the repository's texts at hand (an example may
    read ``tests/corpus/texts/…``)."""
    (tmp_path / "tests").symlink_to(ROOT / "tests")
    monkeypatch.chdir(tmp_path)
    result = run(*example.args)
    assert result.exit_code == 0, result.output
    compare(example, result.stdout)


@pytest.mark.neo4j
@pytest.mark.parametrize(
    "example", [e for e in EXAMPLES if e.args[0] in NEO4J_COMMANDS], ids=lambda e: e.id
)
def test_console_example_on_neo4j(example, pushed_samples, run, neo4j_env):
    result = run(*example.args, env=neo4j_env)
    assert result.exit_code == 0, result.output
    compare(example, result.stdout)
