"""``plankg analyze`` and ``plankg report``: tables for people and machines, the report folder,
one-line errors and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from plankg.cli import analyze_command, main
from plankg.graph.analysis import ALL, SECTIONS
from plankg.loaders.read import sample_paths

QUANZHOU_FILE = sample_paths()[4]


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args: object):
        return runner.invoke(main, [str(a) for a in args])

    return invoke


def test_the_section_choices_are_the_library_sections():
    section = next(p for p in analyze_command.params if p.name == "section")
    assert tuple(section.type.choices) == (*SECTIONS, ALL)


def test_analyze_prints_titled_tables(run):
    result = run("analyze", QUANZHOU_FILE, "--section", "load")
    assert result.exit_code == 0, result.output
    assert "== Lead load per agency [lead_load]" in result.output
    assert "市科协" in result.output and "(8 rows)" in result.output


def test_analyze_json_for_machines(run):
    result = run("analyze", QUANZHOU_FILE, "--section", "concentration", "--format", "json")
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.output)["concentration"]
    assert (row["region"], row["hhi"], row["gini"]) == ("泉州市", 0.2483, 0.3571)


def test_analyze_csv_for_machines(run):
    result = run("analyze", QUANZHOU_FILE, "--section", "networks", "--format", "csv")
    assert result.exit_code == 0, result.output
    blocks = result.output.strip().split("\n\n")
    assert [b.splitlines()[0] for b in blocks] == [
        "# agency_networks",
        "# co_lead_pairs",
        "# partner_only",
    ]


def test_analyze_without_a_readable_plan_exits_3(run, tmp_path):
    result = run("analyze", tmp_path / "missing.txt")
    assert result.exit_code == 3
    assert result.output.strip().splitlines()[-1] == "plankg: no plan could be read"


def test_report_writes_the_folder(run, tmp_path):
    out = tmp_path / "report"
    result = run("report", QUANZHOU_FILE, "-o", out)
    assert result.exit_code == 0, result.output
    assert f"wrote {out / 'report.html'}" in result.output
    assert (out / "report.md").is_file() and len(list((out / "figures").glob("*.png"))) == 4


def test_report_into_a_file_is_one_line_and_exit_5(run, tmp_path: Path):
    blocker = tmp_path / "taken"
    blocker.write_text("", encoding="utf-8")
    result = run("report", QUANZHOU_FILE, "-o", blocker)
    assert result.exit_code == 5
    assert result.output.strip() == f"plankg: {blocker} is a file; name a folder for the report"
