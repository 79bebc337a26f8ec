"""The ``plankg`` command: parses arguments, calls the library, prints.

Choices come from the library's registries (export formats, SHACL engines, views, analysis
sections). Every expected failure is a :class:`~plankg.errors.PlankgError`; :class:`Command`
turns it into one line on stderr and the exit code its class carries: 0 all went well; 1 some
input files failed (the others were processed and written), or ``--strict`` and there were
warnings; 2 usage error; 3 no input file could be read; 4 the graph does not conform to the
SHACL shapes; 5 a database or query error.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click
from plankg import errors
from plankg.collector import uncollected_at_exit
from plankg.errors import EXIT_OK, EXIT_SOME_FAILED, InputError, ValidationError
from plankg.files import write_texts
from plankg.tables import OUTPUT_FORMATS, Table, render

if TYPE_CHECKING:
    from plankg.graph.neo4j import Connection, Neo4jSettings
    from plankg.graph.rdf import Corpus, Problem

F = TypeVar("F", bound=Callable[..., Any])
INSPECT_FORMATS = ("table", "json")
NEO4J_OPTIONS = (
    ("uri", "bolt://, neo4j:// or neo4j+s:// URI (env NEO4J_URI)."),
    ("user", "User (env NEO4J_USER, default neo4j)."),
    ("password", "Password (env NEO4J_PASSWORD)."),
    ("database", "Database name (env NEO4J_DATABASE; default: the server's)."),
)


class Registry(click.Choice[str]):
    """A choice among the names of a library registry (``plankg.graph.export.FORMATS``…),
    read when a command first needs them: ``plankg --help`` imports no registry, so none of
    rdflib, networkx, matplotlib, pyvis or the Neo4j driver."""

    def __init__(self, module: str, name: str, *extra: str) -> None:
        self.module, self.name, self.extra = module, name, extra
        self.case_sensitive = True

    @property  # type: ignore[override]
    def choices(self) -> Sequence[str]:
        return (*getattr(import_module(self.module), self.name), *self.extra)

    @choices.setter
    def choices(self, value: Sequence[str]) -> None:
        raise AttributeError("the choices of a registry are the library's")


ALL_SECTIONS = "all"
"""``--section all``: :data:`plankg.graph.analysis.ALL`."""


class Command(click.Command):
    """A command whose expected failures (:class:`~plankg.errors.PlankgError`) end as one
    line on stderr and the error's exit code; a usage error as click shows its own."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except errors.UsageError as e:
            raise click.BadParameter(str(e), ctx=ctx, param_hint=e.parameter) from None
        except errors.PlankgError as e:
            click.echo(f"plankg: {e}", err=True)
            ctx.exit(e.exit_code)
        except Exception:
            if Stopped.signum is not None:
                raise SystemExit(128 + Stopped.signum) from None
            raise


class Group(click.Group):
    command_class = Command


paths_argument = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(OUTPUT_FORMATS),
    default="table",
    show_default=True,
    help="table for people, csv or json for machines.",
)


def params_option(command: F) -> F:
    """--param KEY=VALUE (a JSON literal when VALUE is one) and --param-string KEY=VALUE."""
    strings = click.option(
        "--param-string",
        "string_params",
        multiple=True,
        metavar="KEY=VALUE",
        help="A query parameter, always text (--param-string code=2025 is the text 2025).",
    )
    typed = click.option(
        "--param",
        "params",
        multiple=True,
        metavar="KEY=VALUE",
        help="A query parameter: a JSON literal when VALUE is one (2025, 14.4, true, null, "
        '["a","b"], "2025"), else text.',
    )
    return typed(strings(command))


raw_csv_option = click.option(
    "--raw-csv",
    is_flag=True,
    help="CSV cells as they are: no ' before a cell a spreadsheet would run as a formula "
    "(one beginning with = + - @, a tab or a carriage return).",
)
workers_option = click.option(
    "--workers", type=int, default=None, help="Processes for reading files (default: all cores)."
)


def neo4j_options(command: F) -> F:
    """--uri/--user/--password/--database, falling back to NEO4J_URI, NEO4J_USER,
    NEO4J_PASSWORD and NEO4J_DATABASE."""
    for name, text in reversed(NEO4J_OPTIONS):
        command = click.option(f"--{name}", f"neo4j_{name}", default=None, help=text)(command)
    return command


def report_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)


def verdict(problems: Sequence[Problem], any_read: bool, strict: bool = False) -> int:
    """The exit code of a run that went on: 0; 1 when some files failed (or warned, with
    ``--strict``); 3 when files failed and none was read."""
    failed = any(p.fatal for p in problems)
    if failed and not any_read:
        return InputError.exit_code
    return EXIT_SOME_FAILED if failed or (strict and problems) else EXIT_OK


def read_plans(paths: Sequence[Path], *, require: bool = True) -> Corpus:
    """The opening of most commands: read the plans and say in one line each which files
    failed; with ``require``, no plan read at all is an error."""
    from plankg.graph.rdf import load_corpus

    corpus = load_corpus(paths)
    report_problems(corpus.errors)
    if require and not corpus.plans:
        raise InputError("no plan could be read")
    return corpus


def finish(corpus: Corpus) -> NoReturn:
    """Exit with the verdict on the files read."""
    sys.exit(verdict(corpus.errors, bool(corpus.plans)))


def progress_bar() -> Callable[[int, int], None] | None:
    """A progress bar on a terminal; nothing when stderr is piped."""
    if not sys.stderr.isatty():
        return None
    state: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if "bar" not in state and total >= 20:
            state["bar"] = click.progressbar(length=total, label="reading plans", file=sys.stderr)
            state["bar"].__enter__()
        if "bar" in state:
            state["bar"].update(1)
            if done == total:
                state["bar"].__exit__(None, None, None)

    return update


def neo4j_settings(options: dict[str, Any]) -> Neo4jSettings:
    """The server the ``--uri``… options (or the environment) name."""
    from plankg.graph.neo4j import Neo4jSettings

    given = {k.removeprefix("neo4j_"): v for k, v in options.items() if k.startswith("neo4j_")}
    return Neo4jSettings.from_env(**given)


def connect_neo4j(options: dict[str, Any]) -> Connection:
    """The connection the ``--uri``… options (or the environment) name."""
    from plankg.graph.neo4j import connect

    return connect(neo4j_settings(options))


def push(corpus: Corpus, options: dict[str, Any], replace: bool = False) -> None:
    from plankg.graph.neo4j import push_corpus

    with connect_neo4j(options) as connection:
        report = push_corpus(connection, corpus, replace=replace, notice=say)
        click.echo(report.summary())


def push_bulk(
    corpus: Corpus, options: dict[str, Any], home: Path | None, folder: Path | None
) -> None:
    from plankg.graph.neo4j import connect
    from plankg.graph.neo4j.bulk import DEFAULT_HOME, LocalServer, bulk_load_corpus

    settings = neo4j_settings(options)
    server = LocalServer.of(settings, home or DEFAULT_HOME)
    with connect(settings) as connection:
        report = bulk_load_corpus(connection, corpus, server, folder)
        click.echo(report.summary())


def say(message: str) -> None:
    """A notice on stderr (that a push waits for another)."""
    click.echo(f"plankg: {message}", err=True)


TABLE_SUFFIXES = (".csv", ".json")


def table_file(ctx: click.Context, param: click.Parameter, path: Path | None) -> Path | None:
    """A file a table is written to, checked before any work: .csv or .json."""
    if path is not None and path.suffix.lower() not in TABLE_SUFFIXES:
        raise click.BadParameter(f"{path}: not a .csv or .json file")
    return path


def write_table(table: Table, path: Path) -> list[Path]:
    """``table`` as CSV or JSON, by the file's suffix."""
    return write_texts({path: render(table, path.suffix.lower().lstrip("."))})


def echo_written(paths: Sequence[Path]) -> None:
    for path in paths:
        click.echo(f"wrote {path}")


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="plankg")
def main() -> None:
    """plankg: a knowledge graph of Chinese science-literacy implementation plans.

    PATHS are plan files or folders; with none, the five sample plans shipped with plankg.
    """
    if threading.current_thread() is threading.main_thread():
        stop_on_sigterm()


class Stopped:
    """The signal that stopped the run, once one has: an error it caused on its way out (an
    import it broke off fails as an ImportError) ends the run as the signal does."""

    signum: int | None = None


def stop_on_sigterm() -> None:
    """SIGTERM ends this process through :func:`stop`, and a process forked from it at once.

    A pool forks its workers from its own threads (a worker per task, as the task families'
    grouping asks, is forked anew while others run), and ``Pool.terminate`` sends SIGTERM to
    each: a worker reached while still in its after-fork hooks would run :func:`stop` there,
    whose SystemExit the hooks swallow, and live on, the pool's exit waiting for it forever.
    So SIGTERM is held back in the forking thread while it forks, and the child sets the
    default action (the end of the process) before it lets a held SIGTERM in."""
    signal.signal(signal.SIGTERM, stop)
    _forks_end_on_sigterm()


@cache
def _forks_end_on_sigterm() -> None:
    os.register_at_fork(
        before=_hold_sigterm, after_in_parent=_release_sigterm, after_in_child=_end_on_sigterm
    )


def _hold_sigterm() -> None:
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})


def _release_sigterm() -> None:
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})


def _end_on_sigterm() -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _release_sigterm()


def stop(signum: int, _: object) -> NoReturn:
    """SIGTERM ends a run as an error would: outputs being written are dropped and the
    previous ones stay (exit 128 + the signal's number, as the shell reports it)."""
    Stopped.signum = signum
    raise SystemExit(128 + signum)


@main.command("build")
@paths_argument
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder for plankg.ttl.",
)
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1).")
@click.option(
    "--engine",
    type=Registry("plankg.graph.rdf", "ENGINES"),
    default="fast",
    show_default=True,
    help="SHACL engine.",
)
@click.option("--top", type=int, default=10, show_default=True, help="Rows of the top-lead table.")
@click.option("--neo4j", "to_neo4j", is_flag=True, help="Also push the graph to Neo4j.")
@click.option(
    "--report-coverage",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    callback=table_file,
    help="Write every line left unread, per plan, to FILE (.csv or .json).",
)
@workers_option
@neo4j_options
def build_command(
    paths: tuple[Path, ...],
    out: Path,
    strict: bool,
    engine: str,
    top: int,
    to_neo4j: bool,
    report_coverage: Path | None,
    workers: int | None,
    **neo4j: str | None,
) -> None:
    """Parse plans, validate the graph, write Turtle, print a summary and the top leads."""
    from plankg.graph.rdf import build_many, expand_paths

    files, missing = expand_paths(paths)
    result = build_many(
        files, out, engine=engine, workers=workers, progress=progress_bar(), keep_plans=to_neo4j
    )
    problems = missing + result.problems()
    report_problems(problems)
    code = verdict(problems, result.has_plans(), strict)
    if code == InputError.exit_code:
        raise InputError("no plan could be read")
    click.echo("  ".join(f"{v} {k}" for k, v in result.counts().items()))
    click.echo(result.report.summary(list_warnings=False))
    click.echo(f"wrote {result.written} and {result.dataset}")
    click.echo("\nTop lead agencies (measures led, all plans):")
    click.echo(render(result.top_leads(top)))
    click.echo("\nCoverage (measures with a lead; what looks like an assignment, a target or a")
    click.echo("metadata field and was not read; --report-coverage FILE lists every line):")
    click.echo(render(result.coverage(top)))
    if report_coverage is not None:
        echo_written(write_table(result.coverage_findings(), report_coverage))
    if not result.report.conforms:
        raise ValidationError("the graph does not conform to the plankg shapes")
    if to_neo4j:
        push(result.corpus(), neo4j)
    sys.exit(code)


@main.command("inspect")
@click.argument("source", type=click.Path(path_type=Path, allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(INSPECT_FORMATS),
    default="table",
    show_default=True,
    help="table for people; json (a stable shape) for other tools.",
)
def inspect_command(source: Path, fmt: str) -> None:
    """Show every assignment clause and target plankg reads in SOURCE: a whole plan or any
    passage, a file in any format build reads, or - for standard input."""
    from plankg.loaders.inspect import assignments_table, inspect_text, targets_table
    from plankg.loaders.read import read_passage

    inspection = inspect_text(read_passage(source))
    if fmt == "json":
        click.echo(json.dumps(inspection.as_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(f"Assignment clauses ({len(inspection.assignments)}):")
    click.echo(render(assignments_table(inspection)))
    click.echo(f"\nTargets ({len(inspection.targets)}):")
    click.echo(render(targets_table(inspection)))


@main.command("query")
@click.argument("name", required=False)
@paths_argument
@params_option
@click.option(
    "--list", "list_queries", is_flag=True, help="List the named queries and their parameters."
)
@click.option("--limit", type=int, default=None, help="At most this many rows.")
@click.option(
    "--backend",
    type=click.Choice(["sparql", "neo4j"]),
    default="sparql",
    show_default=True,
    help="sparql: the embedded rdflib store built from PATHS; neo4j: the Cypher twin on Neo4j.",
)
@format_option
@raw_csv_option
@neo4j_options
def query_command(
    name: str | None,
    paths: tuple[Path, ...],
    params: tuple[str, ...],
    string_params: tuple[str, ...],
    list_queries: bool,
    limit: int | None,
    backend: str,
    fmt: str,
    raw_csv: bool,
    **neo4j: str | None,
) -> None:
    """Run the named query NAME over the plans (embedded rdflib store) or on Neo4j."""
    from plankg.queries import parse_parameters, query_names, query_parameters, run_sparql

    if list_queries or not name:
        for query in query_names():
            described = ", ".join(
                f"{p}{'' if req else '?'}" for p, req in query_parameters(query).items()
            )
            click.echo(f"{query}({described})")
        return
    values = parse_parameters(params, string_params)
    if backend == "neo4j":
        from plankg.queries.cypher import run_cypher

        with connect_neo4j(neo4j) as connection:
            table = run_cypher(connection, name, values)
        click.echo(render(table.head(limit), fmt, raw_csv=raw_csv))
        return
    corpus = read_plans(paths, require=False)
    table = run_sparql(corpus.graph(), name, values)
    click.echo(render(table.head(limit), fmt, raw_csv=raw_csv))
    finish(corpus)


@main.command("export")
@paths_argument
@click.option(
    "--format",
    "fmt",
    type=Registry("plankg.graph.export", "FORMATS"),
    default="ttl",
    show_default=True,
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path("out"),
    show_default=True,
    help="A file, or a folder (always a folder for csv).",
)
@click.option("--from-neo4j", is_flag=True, help="Read the graph back from Neo4j instead of PATHS.")
@raw_csv_option
@neo4j_options
def export_command(
    paths: tuple[Path, ...],
    fmt: str,
    out: Path,
    from_neo4j: bool,
    raw_csv: bool,
    **neo4j: str | None,
) -> None:
    """Export the graph of the plans (or, with --from-neo4j, the graph stored in Neo4j)."""
    from plankg.graph.export import write_export

    if from_neo4j:
        from plankg.graph.neo4j import read_triples

        with connect_neo4j(neo4j) as connection:
            triples = read_triples(connection)
        echo_written(write_export(triples, fmt, out, raw_csv=raw_csv))
        return
    corpus = read_plans(paths)
    echo_written(write_export(corpus.triples(), fmt, out, raw_csv=raw_csv))
    finish(corpus)


@main.command("validate")
@paths_argument
@click.option(
    "--graph",
    "graph_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Validate this Turtle file instead of building from plans.",
)
@click.option(
    "--engine",
    type=Registry("plankg.graph.rdf", "ENGINES"),
    default="fast",
    show_default=True,
    help="SHACL engine: fast (compiled, seconds) or pyshacl (the reference, minutes).",
)
def validate_command(paths: tuple[Path, ...], graph_file: Path | None, engine: str) -> None:
    """Check the graph against the SHACL shapes (ontology/shapes.ttl)."""
    from plankg.graph.rdf import serialize_turtle, validate_turtle, validate_turtle_file

    if graph_file is not None:
        report, code = validate_turtle_file(graph_file, engine), EXIT_OK
    else:
        corpus = read_plans(paths, require=False)
        report = validate_turtle(serialize_turtle(corpus.triples()), engine)
        code = verdict(corpus.errors, bool(corpus.plans))
    click.echo(report.summary(limit=50))
    if not report.conforms:
        raise ValidationError("the graph does not conform to the plankg shapes")
    sys.exit(code)


@main.command("viz")
@paths_argument
@click.option(
    "--view",
    "view_name",
    type=Registry("plankg.graph.views", "VIEWS"),
    default="agencies",
    show_default=True,
    help=(
        "plan: one plan's tree; agencies: the agency network; types: agency types × regions; "
        "tasks: the same task of different cities side by side."
    ),
)
@click.option(
    "-o",
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The HTML file to write (default out/VIEW.html).",
)
@click.option(
    "--plan",
    "plans",
    multiple=True,
    metavar="REGION",
    help="A plan by region (泉州市) or key (泉州市/2021-2025); repeatable. "
    "The plan view shows one (default the first), the others these plans (default all).",
)
def viz_command(
    paths: tuple[Path, ...], view_name: str, out: Path | None, plans: tuple[str, ...]
) -> None:
    """Draw an interactive view as one self-contained HTML file that opens offline."""
    from plankg.graph.views import write_view

    corpus = read_plans(paths)
    out = out or Path("out") / f"{view_name}.html"
    nodes, edges = write_view(corpus.triples(), view_name, out, plans).counts()
    click.echo(f"wrote {out} ({nodes} nodes, {edges} edges)")
    finish(corpus)


@main.command("analyze")
@paths_argument
@format_option
@raw_csv_option
@click.option(
    "--section",
    type=Registry("plankg.graph.analysis", "SECTIONS", ALL_SECTIONS),
    default=ALL_SECTIONS,
    show_default=True,
    help=(
        "Which tables: lead load, concentration, agency networks, region × type, targets, "
        "task families."
    ),
)
def analyze_command(paths: tuple[Path, ...], fmt: str, raw_csv: bool, section: str) -> None:
    """Cross-city analysis: lead load, concentration (HHI, Gini), co-lead and collaboration
    networks (networkx), region × agency type, targets side by side, task families × plans and
    the same task with a different lead."""
    from plankg.graph.analysis import analyze, render_analysis

    corpus = read_plans(paths)
    click.echo(render_analysis(analyze(corpus.triples(), section), fmt, raw_csv=raw_csv))
    finish(corpus)


@main.command("report")
@paths_argument
@click.option(
    "-o",
    "--out",
    type=click.Path(path_type=Path),
    default=Path("out") / "report",
    show_default=True,
    help="Folder for report.html, report.md and figures/.",
)
def report_command(paths: tuple[Path, ...], out: Path) -> None:
    """Write the cross-city analysis as a self-contained HTML report with Markdown beside it."""
    from plankg.graph.report import write_report

    corpus = read_plans(paths)
    echo_written(write_report(corpus.triples(), out))
    finish(corpus)


@main.command("push")
@paths_argument
@click.option("--replace", is_flag=True, help="Replace the subgraph of each plan pushed.")
@click.option(
    "--bulk",
    is_flag=True,
    help="A first load into the empty database of the local server (scripts/neo4j-local) "
    "with neo4j-admin database import full: the server is stopped and started again.",
)
@click.option(
    "--neo4j-home",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="NEO4J_STATE_DIR",
    default=None,
    help="With --bulk: the local server's folder (env NEO4J_STATE_DIR; default .neo4j of "
    "this checkout).",
)
@click.option(
    "--csv-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="With --bulk: keep the CSV files of the import in this folder.",
)
@neo4j_options
def push_command(
    paths: tuple[Path, ...],
    replace: bool,
    bulk: bool,
    neo4j_home: Path | None,
    csv_dir: Path | None,
    **neo4j: str | None,
) -> None:
    """Push the graph of the plans to Neo4j (idempotent; safe to rerun after a failure)."""
    if replace and bulk:
        raise click.UsageError("--bulk loads an empty database: it cannot --replace")
    corpus = read_plans(paths)
    if bulk:
        push_bulk(corpus, neo4j, neo4j_home, csv_dir)
    else:
        push(corpus, neo4j, replace)
    finish(corpus)


@main.command("cypher")
@click.argument("query")
@params_option
@format_option
@raw_csv_option
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=60.0,
    show_default=True,
    help="Seconds the query may run before the server stops it.",
)
@neo4j_options
def cypher_command(
    query: str,
    params: tuple[str, ...],
    string_params: tuple[str, ...],
    fmt: str,
    raw_csv: bool,
    timeout: float,
    **neo4j: str | None,
) -> None:
    """Run an ad-hoc Cypher QUERY on Neo4j that only reads the graph: a query that would
    write, LOAD CSV, SHOW or TERMINATE TRANSACTIONS, an administration command or a
    procedure other than those that read the graph is refused with the reason. EXPLAIN
    before it shows its plan; PROFILE runs it and shows each operator's rows and db hits."""
    from plankg.queries import parse_parameters
    from plankg.queries.cypher import run_read_only

    values = parse_parameters(params, string_params)
    with connect_neo4j(neo4j) as connection:
        answer = run_read_only(connection, query, values, timeout=timeout)
    click.echo(render(answer.table, fmt, raw_csv=raw_csv))
    for line in (*answer.notes, *answer.warnings()):
        say(line)


@main.command("schema")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("table", "markdown", "json")),
    default="table",
    show_default=True,
    help="table for people, markdown for docs/neo4j-schema.md, json for machines.",
)
@neo4j_options
def schema_command(fmt: str, **neo4j: str | None) -> None:
    """Show the schema of the graph in Neo4j: the main path, every label's properties with
    their types, every (label)-[TYPE]->(label) pattern with its count, and what is internal."""
    from plankg.graph.neo4j import read_schema, render_schema

    with connect_neo4j(neo4j) as connection:
        click.echo(render_schema(read_schema(connection), fmt), nl=fmt != "markdown")


def run() -> None:
    """The ``plankg`` console command: :func:`main` in a process that ends with it."""
    uncollected_at_exit()
    main()


if __name__ == "__main__":
    run()
