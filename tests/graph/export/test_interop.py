"""Every export opened by an independent reader, as an analyst's tool would open it: Apache
Jena's ``riot --validate --strict`` and ``shacl`` for the RDF, graphology's GraphML and GEXF
parsers (Node.js) for the networks, pandas for the CSV tables, openpyxl for the workbook
(written by XlsxWriter). The readers are installed by
``scripts/setup --test`` (scripts/interop/install); see the ``interop`` fixture."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from plankg.graph.export.formats import FORMATS, csv_tables, write_export
from plankg.graph.rdf.build import graph_of
from plankg.graph.rdf.turtle import serialize_turtle
from plankg.graph.rdf.validate import validate_graph, validate_turtle
from plankg.ontology import ID, PK
from plankg.tables import width
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

pytestmark = pytest.mark.interop

ROOT = Path(__file__).resolve().parents[3]
SHAPES = ROOT / "ontology" / "shapes.ttl"
AGENCY = "https://w3id.org/plankg/id/agency/350500/市科协"
OPENED_BY = {
    "ttl": "Apache Jena riot",
    "nt": "Apache Jena riot",
    "jsonld": "Apache Jena riot",
    "graphml": "graphology-graphml",
    "gexf": "graphology-gexf",
    "csv": "pandas.read_csv",
    "xlsx": "openpyxl",
}
"""Each export format and the independent reader its tests open it with."""


@pytest.fixture(scope="module")
def exported(triples, tmp_path_factory):
    """Format → the files ``write_export`` wrote for it."""
    folder = tmp_path_factory.mktemp("exports")
    return {fmt: write_export(triples, fmt, folder / fmt) for fmt in FORMATS}


def test_every_format_is_opened_by_an_independent_reader():
    assert set(OPENED_BY) == set(FORMATS)


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld"])
def test_jena_validates_the_rdf_strictly(interop, exported, fmt):
    (path,) = exported[fmt]
    result = interop.jena("riot", "--validate", "--strict", path)
    assert result.returncode == 0 and not re.search(r"WARN|ERROR", result.stderr), result.stderr


def test_jena_counts_the_triples_plankg_built(interop, exported, triples):
    paths = [path for fmt in ("ttl", "nt", "jsonld") for path in exported[fmt]]
    result = interop.jena("riot", "--count", *paths)
    assert result.returncode == 0, result.stderr
    counted = re.findall(r"^(.+) : Triples = ([\d,]+)$", result.stderr, re.MULTILINE)
    assert counted == [(str(path), f"{len(triples):,}") for path in paths]


def jena_shacl(interop, data: Path) -> Graph:
    result = interop.jena("shacl", "validate", "--shapes", SHAPES, "--data", data)
    assert result.returncode == 0, result.stderr
    return Graph().parse(data=result.stdout, format="turtle")


def jena_results(report: Graph) -> set[tuple[str, str, str]]:
    """(focus, path, severity) of every result of a Jena report."""
    return {
        (
            str(report.value(r, SH.focusNode)),
            str(report.value(r, SH.resultPath) or ""),
            str(severity).rsplit("#", 1)[-1],
        )
        for r, severity in report.subject_objects(SH.resultSeverity)
    }


def engine_results(report) -> set[tuple[str, str, str]]:
    return {(r.focus, r.path, r.severity) for r in (*report.violations, *report.warnings)}


def test_jena_shacl_finds_no_violation_in_the_sample_graph_and_the_same_warning(interop, exported):
    """A warning is a validation result, so by the SHACL specification Jena's report does not
    conform; plankg, like pyshacl with allow_warnings, counts only violations against a graph."""
    (path,) = exported["ttl"]
    report = jena_shacl(interop, path)
    assert report.value(predicate=RDF.type, object=SH.ValidationReport) is not None
    fast = validate_turtle(path.read_text(encoding="utf-8"), "fast")
    assert fast.conforms and jena_results(report) == engine_results(fast)
    assert {severity for *_, severity in jena_results(report)} == {"Warning"}


def test_jena_shacl_agrees_with_both_engines_on_a_broken_graph(interop, triples, tmp_path):
    measure = URIRef(str(ID) + "plan/411600/2021-2025/youth/m1")
    target = URIRef(str(ID) + "plan/411600/2021-2025/headline")
    broken = {t for t in triples if not (t[1] == PK.leads and t[2] == measure)}
    broken = {t for t in broken if not (t[0] == target and t[1] == PK.unitText)}
    path = tmp_path / "broken.ttl"
    path.write_text(serialize_turtle(broken), encoding="utf-8")
    report = jena_shacl(interop, path)
    fast = validate_turtle(path.read_text(encoding="utf-8"), "fast")
    reference = validate_graph(graph_of(broken))
    assert jena_results(report) == engine_results(fast) == engine_results(reference)
    assert {str(measure), str(target)} <= {focus for focus, *_ in jena_results(report)}


def links(triples, node: str) -> set[tuple[str, str]]:
    """(predicate, object) of the links from ``node`` to other resources: its edges."""
    return {
        (str(p), str(o))
        for s, p, o in triples
        if str(s) == node and isinstance(o, URIRef) and p != RDF.type
    }


def network_size(triples) -> tuple[int, int]:
    """Resources (nodes) and links between them (edges) in the triples."""
    edges = {(s, p, o) for s, p, o in triples if isinstance(o, URIRef) and p != RDF.type}
    nodes = {s for s, _, _ in triples} | {o for _, _, o in edges}
    return len(nodes), len(edges)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graphology_reads_the_network(interop, exported, triples, fmt):
    (path,) = exported[fmt]
    result = interop.node("read-network.mjs", fmt, path, AGENCY)
    assert result.returncode == 0, result.stderr
    read = json.loads(result.stdout)
    nodes, edges = network_size(triples)
    assert (read["order"], read["size"], read["edgeKeys"]) == (nodes, edges, edges)
    assert read["type"] == "directed"
    assert read["node"]["label"] == "市科协"
    read_links = {(e["attributes"]["predicate"], e["target"]) for e in read["edges"]}
    assert read_links == links(triples, AGENCY)
    assert str(PK.leads) in {predicate for predicate, _ in read_links}


def test_pandas_reads_the_csv_tables(exported, triples):
    tables = csv_tables(triples)
    for path in exported["csv"]:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        table = tables[path.stem]
        assert tuple(frame.columns) == table.columns
        assert len(frame) == len(table.rows)


def as_read(value):
    """A table cell as openpyxl reads it back from the workbook."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    return value


@pytest.fixture(scope="module")
def workbook(exported):
    (path,) = exported["xlsx"]
    return openpyxl.load_workbook(path)


def test_openpyxl_reads_every_table_as_a_sheet_cell_for_cell(workbook, triples):
    tables = csv_tables(triples)
    assert workbook.sheetnames == list(tables) == ["plans", "assignments", "targets", "families"]
    for name, table in tables.items():
        rows = list(workbook[name].iter_rows(values_only=True))
        assert rows[0] == table.columns
        assert rows[1:] == [tuple(as_read(v) for v in row) for row in table.rows]


def test_the_workbook_has_frozen_headers_and_autofilters(workbook):
    for sheet, (rows, last) in {
        "plans": (5, "N"),
        "assignments": (2784, "L"),
        "targets": (47, "L"),
    }.items():
        assert workbook[sheet].freeze_panes == "A2"
        assert workbook[sheet].auto_filter.ref == f"A1:{last}{rows + 1}"
        assert all(c.font.b for c in workbook[sheet][1])


def test_the_workbook_holds_numbers_years_and_dates_as_such(workbook):
    targets = {r[0].row: r for r in workbook["targets"].iter_rows(min_row=2)}
    zhoukou = next(
        r for r in targets.values() if (r[1].value, r[11].value) == ("周口市", "headline")
    )
    assert [c.value for c in zhoukou[6:12]] == [14.4, "%", ">=", 2025, False, "headline"]
    assert [c.data_type for c in zhoukou[6:11]] == ["n", "s", "s", "n", "b"]
    years = [r[9].value for r in targets.values() if r[9].value is not None]
    assert years and all(type(y) is int for y in years)
    plans = {r[3].value: r for r in workbook["plans"].iter_rows(min_row=2)}
    assert plans["忻州市"][7].value == datetime(2022, 4, 6)
    assert plans["忻州市"][7].number_format == "yyyy-mm-dd"
    assert (plans["忻州市"][8].value, plans["忻州市"][9].value) == (2021, 2025)


def shown(value) -> str:
    """A cell's value as Excel shows it (dates as yyyy-mm-dd)."""
    return f"{value:%Y-%m-%d}" if isinstance(value, datetime) else str(value)


def column_widths(sheet) -> dict[int, float]:
    """Column number → width (a range of columns of one width is one entry in the file)."""
    dimensions = sheet.column_dimensions.values()
    return {i: d.width for d in dimensions for i in range(d.min, d.max + 1)}


def test_the_workbook_columns_fit_their_chinese_text(workbook):
    for sheet in workbook:
        widths = column_widths(sheet)
        for number, cells in enumerate(sheet.iter_cols(values_only=True), start=1):
            widest = max(width(shown(v)) for v in cells if v is not None)
            assert widths[number] >= min(widest, 60), (sheet.title, cells[0])
    assert column_widths(workbook["plans"])[4] >= width("岳阳市南湖新区") == 14
