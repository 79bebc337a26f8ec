"""The command line: exit codes, one-line errors, nothing lost when one file is bad; the
analysis and report commands for people and machines."""

from __future__ import annotations

import csv
import io
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from plankg.cli import analyze_command
from plankg.errors import UNPRINTABLE
from plankg.graph.analysis import ALL, SECTIONS
from plankg.graph.report.pages import FIGURE_PLAN
from plankg.loaders.read import sample_paths

QUANZHOU_FILE = sample_paths()[4]


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(sample_paths()[4], folder / "quanzhou.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "notice.txt").write_text("关于召开会议的通知\n请各单位准时参加。\n", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("caf\xe9 ".encode("latin-1") * 20)
    return folder


def test_build_writes_turtle_and_prints_the_top_leads(run, tmp_path):
    result = run("build", "--out", tmp_path)
    assert result.exit_code == 0, result.output
    assert "5 plans" in result.output and "conforms" in result.output
    assert "市科协" in result.output
    assert (tmp_path / "plankg.ttl").stat().st_size > 100_000


def test_bad_files_get_one_line_each_and_the_good_one_is_still_written(run, mixed_folder, tmp_path):
    result = run("build", mixed_folder, "--out", tmp_path / "out")
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 4
    for name, reason in [
        ("empty.txt", "empty"),
        ("binary.txt", "binary"),
        ("notice.txt", "not a plan"),
        ("latin1.txt", "not"),
    ]:
        assert any(name in line and reason in line for line in errors), name
    assert "Traceback" not in result.output
    assert "1 plans" in result.output
    assert "泉州市" in (tmp_path / "out" / "plankg.ttl").read_text(encoding="utf-8")


def test_all_files_bad_exits_3(run, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = run("build", bad, tmp_path / "missing.txt", "--out", tmp_path / "out")
    assert result.exit_code == 3
    assert "no such file" in result.output


def test_strict_turns_warnings_into_failure(run, tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "某某市全民科学素质行动规划纲要实施方案（2021—2025年）\n一、总体要求\n到2025年，全市公民具备科学素质比例达到15%。\n",
        encoding="utf-8",
    )
    assert run("build", plan, "--out", tmp_path / "a").exit_code == 0
    strict = run("build", plan, "--out", tmp_path / "b", "--strict")
    assert strict.exit_code == 1
    assert "warning:" in strict.output and "no actions found" in strict.output


def test_query_formats(run):
    table = run("query", "top-lead", "--param", "region=泉州市", "--limit", "2")
    assert table.exit_code == 0 and "市科协" in table.output and "(2 rows)" in table.output
    as_json = json.loads(
        run("query", "top-lead", "--param", "region=泉州市", "--format", "json").output
    )
    assert as_json[0] == {
        "region": "泉州市",
        "agency": "市科协",
        "measures_led": 19,
        "actions_led": 6,
    }
    as_csv = run(
        "query", "co-lead", "--param", "agency=市科协", "--format", "csv"
    ).output.splitlines()
    assert as_csv[0] == "region,agency_a,agency_b,measures"


def test_query_errors_are_one_line(run):
    result = run("query", "nope")
    assert result.exit_code == 5
    assert (
        result.output.strip().count("\n") == 0 and "no sparql query named 'nope'" in result.output
    )
    assert run("query", "top-lead", "--param", "oops").exit_code == 2


def test_query_list(run):
    result = run("query", "--list")
    assert "agency(agency, region?)" in result.output


def test_export_csv_and_validate(run, tmp_path):
    result = run("export", "--format", "csv", "--out", tmp_path)
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "assignments.csv",
        "families.csv",
        "plans.csv",
        "targets.csv",
    ]
    validated = run("validate", "--engine", "fast")
    assert validated.exit_code == 0 and "conforms" in validated.output


def test_export_xlsx_writes_one_workbook(run, tmp_path):
    result = run("export", "--format", "xlsx", "--out", tmp_path)
    assert result.exit_code == 0 and result.output == f"wrote {tmp_path / 'plankg.xlsx'}\n"
    assert (tmp_path / "plankg.xlsx").read_bytes()[:4] == b"PK\x03\x04"


def test_validate_reports_a_broken_graph(run, tmp_path):
    run("export", "--format", "ttl", "--out", tmp_path / "g.ttl")
    text = (tmp_path / "g.ttl").read_text(encoding="utf-8").replace("pk:unit", "pk:fileName", 1)
    (tmp_path / "broken.ttl").write_text(text, encoding="utf-8")
    result = run("validate", "--graph", tmp_path / "broken.ttl", "--engine", "fast")
    assert result.exit_code == 4 and "violation" in result.output


def test_a_plan_without_assignments_gets_one_warning_line(run, tmp_path):
    text = sample_paths()[1].read_text(encoding="utf-8")
    stripped = "\n".join(line for line in text.split("\n") if not line.startswith("牵头单位"))
    plan = tmp_path / "no-assignments.txt"
    plan.write_text(stripped, encoding="utf-8")
    result = run("build", plan, "--out", tmp_path / "out", "--strict")
    warnings = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert warnings == [
        f"warning: {plan}: no assignments found: no 牵头/责任单位 clause names a lead or partner"
    ]
    assert result.exit_code == 1


def test_every_supported_form_is_read_from_a_folder(run, tmp_path):
    from .loaders.variants import VARIANTS

    folder = tmp_path / "forms"
    folder.mkdir()
    text = sample_paths()[4].read_text(encoding="utf-8")
    for name in ("docx", "pdf", "html", "gb18030"):
        suffix, data = VARIANTS[name](text.replace("泉州", name[:2].upper() + "州"))
        (folder / f"plan-{name}.{suffix}").write_bytes(data)
    (folder / "old-word.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    result = run("build", folder, "--out", tmp_path / "out")
    assert "4 plans" in result.output
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if line.startswith("error:")] == [
        f"error: {folder / 'old-word.doc'}: Word 97-2003 .doc is not read: save it as .docx"
    ]


def test_the_section_choices_are_the_library_sections():
    section = next(p for p in analyze_command.params if p.name == "section")
    assert tuple(section.type.choices) == (*SECTIONS, ALL)
    assert section.default == ALL


HEAVY_LIBRARIES = ("rdflib", "networkx", "neo4j", "pyvis", "matplotlib", "pyshacl", "numpy")
IMPORTED_BY_HELP = """
import sys
from plankg.cli import main
try:
    main(ARGS)
except SystemExit:
    pass
print(*sorted(m for m in sys.modules if m.split(".")[0] in HEAVY), sep="\\n", file=sys.stderr)
"""


def heavy_imports_of(args: list[str]) -> tuple[str, list[str]]:
    """What ``plankg ARGS`` prints, and the heavy libraries it imported."""
    code = f"HEAVY = {HEAVY_LIBRARIES!r}\nARGS = {args!r}\n{IMPORTED_BY_HELP}"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout, done.stderr.split()


def test_help_imports_none_of_the_heavy_libraries():
    """``plankg --help`` lists the commands without importing rdflib, networkx, the Neo4j
    driver, pyvis or matplotlib (its time is measured in benchmarks/startup.py)."""
    shown, imported = heavy_imports_of(["--help"])
    assert "build" in shown and "push" in shown and "Commands:" in shown
    assert imported == []


def test_build_help_lists_the_engines_without_importing_rdflib():
    """The ``--engine`` choices come from :data:`plankg.graph.rdf.ENGINES`, whose package
    imports its modules when first used."""
    shown, imported = heavy_imports_of(["build", "--help"])
    assert "[fast|pyshacl]" in shown and "--engine" in shown
    assert imported == []


def test_a_build_of_the_samples_imports_no_heavy_library(tmp_path):
    """The build writes Turtle text of IRIs kept as text (:mod:`plankg.ontology.names`), so
    never imports rdflib; the samples' task families are grouped in plain dictionaries, without
    numpy (an action of more than :data:`plankg.graph.rdf.families.SMALL` measures imports
    it). The vocabulary's index is cached first (by a process of its own, in the run's cache
    folder), as any build before leaves it: without its cache, a build parses the vocabulary's
    Turtle with rdflib."""
    warm = "from plankg.ontology.index import vocabulary_index; vocabulary_index()"
    subprocess.run([sys.executable, "-c", warm], check=True)
    shown, imported = heavy_imports_of(["build", "--out", str(tmp_path)])
    assert "5 plans" in shown and "conforms" in shown and (tmp_path / "plankg.ttl").is_file()
    assert {m.split(".")[0] for m in imported} & set(HEAVY_LIBRARIES) == set()


@pytest.mark.parametrize(
    ("command", "option", "module", "registry"),
    [
        ("build", "engine", "plankg.graph.rdf", "ENGINES"),
        ("validate", "engine", "plankg.graph.rdf", "ENGINES"),
        ("export", "fmt", "plankg.graph.export", "FORMATS"),
        ("viz", "view_name", "plankg.graph.views", "VIEWS"),
    ],
)
def test_the_choices_read_late_are_the_library_registries(command, option, module, registry):
    import importlib

    from plankg.cli import main

    param = next(p for p in main.commands[command].params if p.name == option)
    assert tuple(param.type.choices) == tuple(getattr(importlib.import_module(module), registry))
    assert param.default in param.type.choices


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
    figures = sorted(p.stem for p in (out / "figures").glob("*.png"))
    assert (out / "report.md").is_file() and figures == sorted(name for name, *_ in FIGURE_PLAN)


def test_report_into_a_file_is_one_line_and_exit_5(run, tmp_path: Path):
    blocker = tmp_path / "taken"
    blocker.write_text("", encoding="utf-8")
    result = run("report", QUANZHOU_FILE, "-o", blocker)
    assert result.exit_code == 5
    assert result.output.strip() == f"plankg: {blocker} is a file; name a folder for the report"


def test_expected_failures_are_one_line_and_their_exit_code(run, tmp_path):
    taken = tmp_path / "taken"
    taken.write_text("", encoding="utf-8")
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix : <x> .\nthis is not turtle\n", encoding="utf-8")
    cases = [
        (("export", "--format", "csv", "--out", taken), 5, "cannot write"),
        (("validate", "--graph", bad, "--engine", "fast"), 3, "not Turtle"),
        (("validate", "--graph", bad, "--engine", "pyshacl"), 3, "not Turtle"),
        (("push", "--uri", "http://127.0.0.1:1"), 5, "use bolt://"),
        (("query", "top-lead", "--param", "nope=1"), 5, "has no parameter nope"),
    ]
    for args, code, message in cases:
        result = run(*args)
        assert (result.exit_code, result.stdout) == (code, ""), args
        assert result.stderr.count("\n") == 1 and message in result.stderr, args
        assert result.stderr.startswith("plankg: ")


def test_a_graph_that_does_not_conform_is_said_in_one_line(run, tmp_path):
    run("export", "--format", "ttl", "--out", tmp_path / "g.ttl")
    text = (tmp_path / "g.ttl").read_text(encoding="utf-8").replace("pk:unit", "pk:fileName", 1)
    (tmp_path / "broken.ttl").write_text(text, encoding="utf-8")
    result = run("validate", "--graph", tmp_path / "broken.ttl", "--engine", "fast")
    assert result.exit_code == 4
    assert result.stderr == "plankg: the graph does not conform to the plankg shapes\n"


BAISE = Path(__file__).parent / "corpus" / "texts" / "guangxi-baise-2006-passage.txt"


def test_inspect_reads_any_passage_as_build_would(run):
    result = run("inspect", BAISE)
    assert result.exit_code == 0, result.output
    assert "Assignment clauses (3):" in result.output
    assert "市委组织部、市委宣传部、市发展改革委" in result.output  # 宣传部 given back its 市委
    assert "Targets (0):" in result.output


def test_inspect_json_has_the_stable_shape(run):
    result = run("inspect", BAISE, "--format", "json")
    found = json.loads(result.output)
    assert set(found) >= {"assignments", "targets"}
    first = found["assignments"][0]
    assert set(first) >= {"clause", "line", "lead", "partners", "responsible"}
    assert first["line"] == 6
    assert first["lead"] == [{"name": "市科协", "surface": "市科协"}]
    assert {"name": "市委宣传部", "surface": "宣传部"} in first["partners"]


def test_inspect_reads_standard_input(tmp_path):
    from click.testing import CliRunner
    from plankg.cli import main

    passage = "（由教育部、共青团中央牵头，中央宣传部参加）到2025年，力争建成2—3个科普基地。"
    result = CliRunner().invoke(main, ["inspect", "-", "--format", "json"], input=passage.encode())
    found = json.loads(result.output)
    assert [a["name"] for a in found["assignments"][0]["lead"]] == ["教育部", "共青团中央"]
    (target,) = found["targets"]
    assert (target["value"], target["value_max"], target["unit"]) == (2, 3, "个")
    assert (target["comparator"], target["year"], target["hedged"]) == ("=", 2025, True)


def test_inspect_a_file_that_cannot_be_read_is_one_line(run, tmp_path):
    result = run("inspect", tmp_path / "missing.txt")
    assert result.exit_code == 3
    assert result.output.count("\n") == 1 and "cannot read" in result.output


def test_build_reports_coverage_and_writes_every_line_left_unread(run, tmp_path):
    report = tmp_path / "coverage.csv"
    result = run("build", "--out", tmp_path, "--report-coverage", report)
    assert result.exit_code == 0, result.output
    assert "Coverage (" in result.output
    lines = report.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "plan,source,kind,line,text"
    zhoukou = [line for line in lines if line.startswith("411600/2021-2025,")]
    assert any(",measures_with_lead,,30/30" in line for line in zhoukou)
    assert any(",unread_clause,163,各级政府负责领导本地" in line for line in zhoukou)


def test_a_coverage_report_must_be_csv_or_json(run, tmp_path):
    result = run("build", "--out", tmp_path, "--report-coverage", tmp_path / "coverage.txt")
    assert result.exit_code == 2
    assert not (tmp_path / "plankg.ttl").exists()


def test_a_build_stopped_while_it_writes_leaves_the_previous_graph(tmp_path):
    """SIGTERM while the new graph is being written: the old Turtle and TriG stay, whole, and
    the temporary files are gone (the spool of the measures too)."""
    out, plans, temporary = tmp_path / "out", tmp_path / "plans", tmp_path / "tmp"
    plans.mkdir()
    temporary.mkdir()
    text = QUANZHOU_FILE.read_text(encoding="utf-8")
    for i in range(40):  # distinct texts of one region: each is converted, none skipped
        (plans / f"{i:02}.txt").write_text(f"{text}\n附：第{i}份\n", encoding="utf-8")
    plankg = Path(sys.executable).with_name("plankg")
    subprocess.run([plankg, "build", "--out", out], check=True, capture_output=True)
    previous = {p.name: p.read_bytes() for p in out.iterdir()}
    build = subprocess.Popen(
        [plankg, "build", plans, "--out", out, "--workers", "1"],
        stderr=subprocess.PIPE,
        env={**os.environ, "TMPDIR": str(temporary)},
    )
    while not list(out.glob(".plankg.ttl.*")) and build.poll() is None:
        time.sleep(0.02)
    build.send_signal(signal.SIGTERM)
    assert build.wait(timeout=120) == 128 + signal.SIGTERM, build.stderr.read().decode()[-2000:]
    assert {p.name: p.read_bytes() for p in out.iterdir()} == previous
    assert sorted(previous) == ["plankg.trig", "plankg.ttl"]
    assert list(temporary.iterdir()) == []


POOLS_OF_FRESH_WORKERS = """
import multiprocessing
from plankg.cli import stop_on_sigterm

def square(n):
    return n * n

stop_on_sigterm()
for _ in range(100):
    with multiprocessing.Pool(2, maxtasksperchild=1) as pool:  # its exit: Pool.terminate
        assert list(pool.imap(square, range(8), chunksize=1)) == [n * n for n in range(8)]
print("all ended")
"""


def test_pools_that_fork_a_worker_per_task_end_though_a_run_stops_on_sigterm():
    """A pool whose workers are forked anew while it works, terminated 100 times in a process
    that stops on SIGTERM, ends every time (a worker that ran the run's SIGTERM handler inside
    its after-fork hooks lived on, and the pool's exit waited for it: without the guard on
    forks this hung within the first rounds)."""
    ended = subprocess.run(
        [sys.executable, "-c", POOLS_OF_FRESH_WORKERS], capture_output=True, timeout=600
    )
    assert ended.returncode == 0, ended.stderr.decode()[-2000:]
    assert ended.stdout == b"all ended\n"


def test_a_line_break_in_a_file_name_stays_on_its_error_line(run, tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "bad\nname.txt").write_bytes(b"")
    shutil.copy(QUANZHOU_FILE, folder / "quanzhou.txt")
    result = run("build", folder, "--out", tmp_path / "out")
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {folder}/bad\\nname.txt: empty file"]


@pytest.mark.parametrize("command", ["build", "export", "viz", "analyze", "query"])
def test_an_error_names_its_file_once(run, tmp_path, command):
    empty = tmp_path / "a.txt"
    empty.write_bytes(b"")
    options = {"build": ["--out", tmp_path / "o"], "export": ["--out", tmp_path / "e"]}
    options |= {"viz": ["-o", tmp_path / "v.html"], "query": []}
    arguments = ["query", "plans", empty] if command == "query" else [command, empty]
    result = run(*arguments, *options.get(command, []))
    assert f"error: {empty}: empty file" in result.output.splitlines()


def test_a_dangling_link_in_a_folder_is_reported_not_skipped_silently(run, tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(QUANZHOU_FILE, folder / "quanzhou.txt")
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    result = run("build", folder, "--out", tmp_path / "out")
    assert result.exit_code == 0
    assert (
        f"warning: {folder}/gone.txt: skipped: a link to {tmp_path}/nowhere.txt, which does "
        "not exist" in result.output.splitlines()
    )


def test_a_link_to_dev_zero_is_refused_at_once_not_read_forever(run, tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(QUANZHOU_FILE, folder / "quanzhou.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    named = subprocess.run(  # in a process of at most 2 GB: a reader that reads on fails
        [Path(sys.executable).with_name("plankg"), "build", folder / "zero.txt"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (2**31, 2**31)),
    )
    assert named.returncode == 3
    assert f"error: {folder}/zero.txt: a device, not a file" in named.stderr.splitlines()
    inside = run("build", folder, "--out", tmp_path / "b")
    assert inside.exit_code == 0
    assert (
        f"warning: {folder}/zero.txt: skipped: not a file (a device, pipe or socket)"
        in inside.output.splitlines()
    )


@pytest.mark.parametrize("command", ["build", "export", "viz", "report"])
def test_an_output_where_nothing_can_be_written_is_one_line(run, command):
    option = "-o" if command in ("viz", "report") else "--out"
    result = run(command, QUANZHOU_FILE, option, "/proc/plankg/out")
    assert result.exit_code == 5, result.output
    assert result.output.splitlines()[-1].startswith("plankg: cannot write /proc/plankg/")
    assert "Traceback" not in result.output


@pytest.mark.parametrize("engine", ["fast", "pyshacl"])
@pytest.mark.parametrize(
    "iri",
    ["\ufffd", "\ue000", "\\u0001", "\\uD800", "a b"],
    ids=["fffd", "pua", "c0", "lone", "sp"],
)
def test_validate_a_graph_whose_iris_hold_what_iris_may_not(run, tmp_path, engine, iri):
    """A hostile Turtle file: refused as not Turtle (3) or reported as violations (4), each
    line whole, never a traceback (a lone surrogate could not even be printed)."""
    turtle = tmp_path / "hostile.ttl"
    turtle.write_text(
        "@prefix pk: <https://w3id.org/plankg/ontology#> .\n"
        f"<https://w3id.org/plankg/id/agency/{iri}> a pk:Agency .\n",
        encoding="utf-8",
    )
    result = run("validate", "--graph", turtle, "--engine", engine)
    assert result.exit_code in (3, 4), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("plankg: ")
    assert not UNPRINTABLE.search(result.output.replace("\n", ""))


def test_names_that_iris_cannot_hold_cost_no_plan(run, tmp_path):
    """A region and an agency named with U+FFFD, a control character, a noncharacter and a
    private-use character, and a saved page whose entity &#xFFFFFFF; makes one: every plan is
    built, beside the good one, and the graph conforms."""
    folder = tmp_path / "plans"
    folder.mkdir()
    text = sample_paths()[0].read_text(encoding="utf-8")
    for name, char in [
        ("fffd", "\ufffd"),
        ("c0", "\x01"),
        ("nonchar", "\ufdd0"),
        ("pua", "\ue000"),
    ]:
        hostile = text.replace("周口市", f"周口{char}市").replace("市科协", f"市科{char}协")
        (folder / f"{name}.txt").write_text(hostile, encoding="utf-8")
    page = "</p><p>".join(text.replace("市科协", "市科&#xFFFFFFF;协").splitlines())
    (folder / "entity.html").write_text(f"<html><body><p>{page}</p></body></html>", "utf-8")
    shutil.copy(QUANZHOU_FILE, folder / "quanzhou.txt")
    result = run("build", folder, "--out", tmp_path / "out", "--engine", "fast")
    assert result.exit_code == 0, result.output
    assert "the graph conforms" in result.output
    turtle = (tmp_path / "out" / "plankg.ttl").read_text(encoding="utf-8")
    assert "市科%EF%BF%BD协" in turtle and "市科%01协" in turtle
    assert turtle.count("a pk:Plan") == 6
    assert not run(
        "validate", "--engine", "pyshacl", "--graph", tmp_path / "out" / "plankg.ttl"
    ).exit_code


@pytest.fixture
def formula_plan(tmp_path: Path) -> Path:
    """泉州市's plan with a measure title, an agency's surface form and a target's clause
    that a spreadsheet would run."""
    text = QUANZHOU_FILE.read_text(encoding="utf-8")
    text = text.replace("1.实施", '1.=HYPERLINK("http://evil.example","看")实施', 1)
    text = text.replace("市教育局、市科协牵头", "@SUM(1+1)局、市科协牵头", 1)
    text = text.replace("每年组织 10 万人次", "-1+2每年组织 10 万人次", 1)
    plan = tmp_path / "formula.txt"
    plan.write_text(text, encoding="utf-8")
    return plan


def formula_cells(text: str) -> list[str]:
    rows = csv.reader(io.StringIO(text, newline=""))
    return [v for row in rows for v in row if v[:1] in ("=", "+", "-", "@") and len(v) > 1]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (("query", "agency"), ("--param", "agency=市科协", "--format", "csv")),
        (("analyze",), ("--format", "csv")),
        (("export",), ("--format", "csv")),
    ],
    ids=["query", "analyze", "export"],
)
def test_no_csv_cell_is_a_formula_unless_raw_cells_are_asked_for(
    run, tmp_path, formula_plan, before, after
):
    def output(*raw: str) -> str:
        out = tmp_path / f"csv{len(raw)}"
        out_option = ("--out", out) if before[0] == "export" else ()
        result = run(*before, formula_plan, *after, *raw, *out_option)
        assert result.exit_code == 0, result.output
        if before[0] != "export":
            return result.stdout
        return "\n".join(p.read_text(encoding="utf-8") for p in sorted(out.glob("*.csv")))

    neutral, raw = output(), output("--raw-csv")
    assert formula_cells(neutral) == []
    assert "'=HYPERLINK" in neutral or "'-1+2每年" in neutral
    assert formula_cells(raw)
