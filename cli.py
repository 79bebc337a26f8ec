"""The ``plankg`` command: parses arguments, calls the library, prints.

Exit codes: 0 all went well; 1 some input files failed (the others were processed and
written), or ``--strict`` and there were warnings; 2 usage error; 3 no input file could be
read; 4 the graph does not conform to the SHACL shapes; 5 a database or query error.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click
from plankg.graph.pipeline import Corpus, expand_paths, load_corpus
from plankg.graph.problems import Problem
from plankg.graph.validate import ENGINES
from plankg.queries.library import QueryError, query_names, query_parameters, run_sparql
from plankg.tables import OUTPUT_FORMATS, Table, render

EXIT_OK, EXIT_SOME_FAILED, EXIT_NONE_READ, EXIT_INVALID, EXIT_FAILED = 0, 1, 3, 4, 5

paths_argument = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(OUTPUT_FORMATS),
    default="table",
    show_default=True,
    help="table for people, csv or json for machines.",
)
workers_option = click.option(
    "--workers", type=int, default=None, help="Processes for reading files (default: all cores)."
)


def fail(message: str, code: int = EXIT_FAILED) -> None:
    click.echo(f"plankg: {message}", err=True)
    sys.exit(code)


def report_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)


def problems_exit_code(problems: Sequence[Problem], any_read: bool, strict: bool) -> int:
    errors = any(p.fatal for p in problems)
    if errors and not any_read:
        return EXIT_NONE_READ
    if errors or (strict and problems):
        return EXIT_SOME_FAILED
    return EXIT_OK


def corpus_exit_code(corpus: Corpus, strict: bool) -> int:
    return problems_exit_code(corpus.problems, bool(corpus.plans), strict)


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


def neo4j_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--uri/--user/--password/--database, falling back to NEO4J_URI, NEO4J_USER,
    NEO4J_PASSWORD and NEO4J_DATABASE."""
    for name, text in reversed(NEO4J_OPTIONS):
        command = click.option(f"--{name}", f"neo4j_{name}", default=None, help=text)(command)
    return command


NEO4J_OPTIONS = (
    ("uri", "bolt://, neo4j:// or neo4j+s:// URI (env NEO4J_URI)."),
    ("user", "User (env NEO4J_USER, default neo4j)."),
    ("password", "Password (env NEO4J_PASSWORD)."),
    ("database", "Database name (env NEO4J_DATABASE; default: the server's)."),
)


def neo4j_connection(options: dict[str, Any]):
    """Open the connection the options name, or fail with one line (exit 5)."""
    from plankg.graph.neo4j_db import GraphDatabaseError, Neo4jSettings, connect

    given = {k.removeprefix("neo4j_"): v for k, v in options.items() if k.startswith("neo4j_")}
    try:
        return connect(Neo4jSettings.from_env(**given))
    except GraphDatabaseError as e:
        fail(str(e))


def push_and_report(connection: Any, corpus: Corpus, replace: bool) -> None:
    from plankg.graph.neo4j_db import GraphDatabaseError
    from plankg.graph.neo4j_push import push_corpus

    try:
        report = push_corpus(connection, corpus, replace=replace)
    except GraphDatabaseError as e:
        fail(str(e))
    click.echo(report.summary())


def parse_params(pairs: Sequence[str]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"{pair!r} is not KEY=VALUE", param_hint="--param")
        params[key.strip()] = value
    return params


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="plankg")
def main() -> None:
    """plankg: a knowledge graph of Chinese science-literacy implementation plans.

    PATHS are plan files or folders; with none, the five sample plans shipped with plankg.
    """


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
    type=click.Choice(ENGINES),
    default="fast",
    show_default=True,
    help="SHACL engine.",
)
@click.option("--top", type=int, default=10, show_default=True, help="Rows of the top-lead table.")
@click.option("--neo4j", "to_neo4j", is_flag=True, help="Also push the graph to Neo4j.")
@workers_option
@neo4j_options
def build_command(
    paths: tuple[Path, ...],
    out: Path,
    strict: bool,
    engine: str,
    top: int,
    to_neo4j: bool,
    workers: int | None,
    **neo4j: str | None,
) -> None:
    """Parse plans, validate the graph, write Turtle, print a summary and the top leads."""
    from plankg.graph.batch import TOP_LEAD_COLUMNS, build_many

    files, missing = expand_paths(paths)
    result = build_many(files, out, engine=engine, workers=workers, progress=progress_bar())
    problems = missing + result.problems()
    report_problems(problems)
    code = problems_exit_code(problems, bool(result.plans), strict)
    if code == EXIT_NONE_READ:
        fail("no plan could be read", code)
    click.echo("  ".join(f"{v} {k}" for k, v in result.counts().items()))
    click.echo(result.report.summary())
    click.echo(f"wrote {result.written}")
    click.echo("\nTop lead agencies (measures led, all plans):")
    click.echo(render(Table(TOP_LEAD_COLUMNS, tuple(result.top_leads()[:top]))))
    if not result.report.conforms:
        sys.exit(EXIT_INVALID)
    if to_neo4j:
        with neo4j_connection(neo4j) as connection:
            push_and_report(connection, load_corpus(files, workers=workers), False)
    sys.exit(code)


@main.command("query")
@click.argument("name", required=False)
@paths_argument
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter.")
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
@neo4j_options
def query_command(
    name: str | None,
    paths: tuple[Path, ...],
    params: tuple[str, ...],
    list_queries: bool,
    limit: int | None,
    backend: str,
    fmt: str,
    **neo4j: str | None,
) -> None:
    """Run the named query NAME over the plans (embedded rdflib store) or on Neo4j."""
    if list_queries or not name:
        for query in query_names():
            described = ", ".join(
                f"{p}{'' if req else '?'}" for p, req in query_parameters(query).items()
            )
            click.echo(f"{query}({described})")
        return
    if backend == "neo4j":
        table, code = run_on_neo4j(name, parse_params(params), neo4j), EXIT_OK
    else:
        corpus = load_corpus(paths)
        report_problems(corpus.errors)
        try:
            table = run_sparql(corpus.graph(), name, parse_params(params))
        except QueryError as e:
            fail(str(e), EXIT_FAILED)
        code = corpus_exit_code(corpus, strict=False)
    if limit is not None:
        table = Table(table.columns, table.rows[:limit])
    click.echo(render(table, fmt))
    sys.exit(code)


def run_on_neo4j(name: str, params: dict[str, str], options: dict[str, Any]) -> Table:
    from plankg.graph.neo4j_db import GraphDatabaseError
    from plankg.queries.cypher import run_cypher

    with neo4j_connection(options) as connection:
        try:
            return run_cypher(connection, name, params)
        except (QueryError, GraphDatabaseError) as e:
            fail(str(e))
    raise AssertionError("unreachable")


@main.command("export")
@paths_argument
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["ttl", "nt", "jsonld", "graphml", "gexf", "csv"]),
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
@neo4j_options
def export_command(
    paths: tuple[Path, ...], fmt: str, out: Path, from_neo4j: bool, **neo4j: str | None
) -> None:
    """Export the graph of the plans (or, with --from-neo4j, the graph stored in Neo4j)."""
    from plankg.graph.export import write_export

    if from_neo4j:
        from plankg.graph.neo4j_read import read_triples

        with neo4j_connection(neo4j) as connection:
            triples = read_triples(connection)
        for path in write_export(triples, fmt, out):
            click.echo(f"wrote {path}")
        return
    corpus = load_corpus(paths)
    report_problems(corpus.errors)
    if not corpus.plans:
        fail("no plan could be read", EXIT_NONE_READ)
    for path in write_export(corpus.triples(), fmt, out):
        click.echo(f"wrote {path}")
    sys.exit(corpus_exit_code(corpus, strict=False))


@main.command("validate")
@paths_argument
@click.option(
    "--graph",
    "graph_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Validate this Turtle file instead of building from plans.",
)
@click.option(
    "--engine", type=click.Choice(["pyshacl", "fast"]), default="pyshacl", show_default=True
)
def validate_command(paths: tuple[Path, ...], graph_file: Path | None, engine: str) -> None:
    """Check the graph against the SHACL shapes (ontology/shapes.ttl)."""
    from plankg.graph.turtle import serialize_turtle
    from plankg.graph.validate import validate_turtle

    if graph_file is not None:
        turtle = graph_file.read_text(encoding="utf-8")
        code = EXIT_OK
    else:
        corpus = load_corpus(paths)
        report_problems(corpus.errors)
        turtle, code = serialize_turtle(corpus.triples()), corpus_exit_code(corpus, strict=False)
    report = validate_turtle(turtle, engine)
    click.echo(report.summary(limit=50))
    sys.exit(code if report.conforms else EXIT_INVALID)


@main.command("viz")
@paths_argument
@click.option(
    "--view",
    "view_name",
    type=click.Choice(["plan", "agencies", "types"]),
    default="agencies",
    show_default=True,
    help="plan: one plan's tree; agencies: the agency network; types: agency types × regions.",
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
    from plankg.graph.view_html import AssetError
    from plankg.graph.views import ViewError, write_view

    corpus = load_corpus(paths)
    report_problems(corpus.errors)
    if not corpus.plans:
        fail("no plan could be read", EXIT_NONE_READ)
    out = out or Path("out") / f"{view_name}.html"
    try:
        view = write_view(corpus.triples(), view_name, out, plans)
    except ViewError as e:
        raise click.BadParameter(str(e), param_hint="--plan") from None
    except AssetError as e:
        fail(str(e), EXIT_FAILED)
    nodes, edges = view.counts()
    click.echo(f"wrote {out} ({nodes} nodes, {edges} edges)")
    sys.exit(corpus_exit_code(corpus, strict=False))


@main.command("analyze")
@paths_argument
@format_option
@click.option(
    "--section",
    type=click.Choice(["load", "concentration", "networks", "matrix", "targets", "all"]),
    default="all",
    show_default=True,
    help="Which tables: lead load, concentration, agency networks, region × type, targets.",
)
def analyze_command(paths: tuple[Path, ...], fmt: str, section: str) -> None:
    """Cross-city analysis: lead load, concentration (HHI, Gini), co-lead and collaboration
    networks (networkx), region × agency type, targets side by side."""
    from plankg.graph.analysis import AnalysisError, analyze, render_analysis

    corpus = load_corpus(paths)
    report_problems(corpus.errors)
    if not corpus.plans:
        fail("no plan could be read", EXIT_NONE_READ)
    try:
        tables = analyze(corpus.triples(), section)
    except AnalysisError as e:
        fail(str(e), EXIT_FAILED)
    click.echo(render_analysis(tables, fmt))
    sys.exit(corpus_exit_code(corpus, strict=False))


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
    from plankg.graph.analysis import AnalysisError
    from plankg.graph.report import ReportError, write_report

    corpus = load_corpus(paths)
    report_problems(corpus.errors)
    if not corpus.plans:
        fail("no plan could be read", EXIT_NONE_READ)
    try:
        written = write_report(corpus.triples(), out)
    except (AnalysisError, ReportError, OSError) as e:
        fail(str(e), EXIT_FAILED)
    for path in written:
        click.echo(f"wrote {path}")
    sys.exit(corpus_exit_code(corpus, strict=False))


@main.command("push")
@paths_argument
@click.option("--replace", is_flag=True, help="Replace the subgraph of each plan pushed.")
@neo4j_options
def push_command(paths: tuple[Path, ...], replace: bool, **neo4j: str | None) -> None:
    """Push the graph of the plans to Neo4j (idempotent; safe to rerun after a failure)."""
    corpus = load_corpus(paths)
    report_problems(corpus.errors)
    if not corpus.plans:
        fail("no plan could be read", EXIT_NONE_READ)
    with neo4j_connection(neo4j) as connection:
        push_and_report(connection, corpus, replace)
    sys.exit(corpus_exit_code(corpus, strict=False))


@main.command("cypher")
@click.argument("query")
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter.")
@format_option
@neo4j_options
def cypher_command(query: str, params: tuple[str, ...], fmt: str, **neo4j: str | None) -> None:
    """Run an ad-hoc read-only Cypher QUERY on Neo4j (a query that would write is refused)."""
    from plankg.graph.neo4j_db import GraphDatabaseError
    from plankg.queries.cypher import WriteRefused, run_read_only

    with neo4j_connection(neo4j) as connection:
        try:
            table = run_read_only(connection, query, parse_params(params))
        except (GraphDatabaseError, WriteRefused) as e:
            fail(str(e))
    click.echo(render(table, fmt))


if __name__ == "__main__":
    main()
