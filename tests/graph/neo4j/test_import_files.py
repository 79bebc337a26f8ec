"""The CSV files of a bulk load: typed headers, a file per label set and typing, every cell
filled, arrays joined by U+001F, the same bytes for the same graph. No database."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from plankg.graph.neo4j import MappingError, property_graph
from plankg.graph.neo4j.import_files import (
    ARRAY_DELIMITER,
    ImportTable,
    cell,
    import_tables,
    value_type,
    write_import_files,
)
from rdflib import Literal, Namespace


@pytest.fixture(scope="module")
def graph(triples):
    return property_graph(triples)


@pytest.fixture(scope="module")
def tables(graph):
    return import_tables(graph)


def read(path):
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.reader(file))


@pytest.mark.parametrize(
    ("value", "kind", "text"),
    [
        (True, "boolean", "true"),
        (2025, "long", "2025"),
        (14.4, "double", "14.4"),
        (date(2022, 4, 1), "date", "2022-04-01"),
        ("市科协", "string", "市科协"),
        (["a", "b"], "string[]", f"a{ARRAY_DELIMITER}b"),
        ([15, 80], "long[]", f"15{ARRAY_DELIMITER}80"),
    ],
)
def test_each_value_has_its_import_type_and_cell(value, kind, text):
    assert value_type(value) == kind and cell(value) == text


def test_a_value_holding_the_array_delimiter_is_refused():
    with pytest.raises(MappingError, match="U\\+001F"):
        cell(f"a{ARRAY_DELIMITER}b")


def test_every_node_relationship_and_mapping_name_is_in_one_file(graph, tables):
    nodes = [t for t in tables if t.kind == "nodes" and t.header[0] == "uri:ID(Resource)"]
    mappings = [t for t in tables if t.kind == "nodes" and t.header[0].startswith("slot:")]
    relationships = [t for t in tables if t.kind == "relationships"]
    assert sum(len(t.rows) for t in nodes) == graph.node_count == 2021
    assert sum(len(t.rows) for t in relationships) == graph.relationship_count == 12701
    assert sum(len(t.rows) for t in mappings) == len(graph.mapping.slots())
    uris = [row[0] for t in nodes for row in t.rows]
    assert len(set(uris)) == len(uris)


def test_every_row_fills_every_column_of_its_file(tables):
    for table in tables:
        assert all(len(row) == len(table.header) for row in table.rows)
        assert all(c != "" for row in table.rows for c in row[2:]), table.header


def test_headers_carry_the_types_of_the_values(tables):
    headers = {column for table in tables for column in table.header}
    assert {"number:long", "isDraft:boolean", "title:string", "startLine:long"} <= headers
    assert {":START_ID(Resource)", ":END_ID(Resource)", ":TYPE", ":LABEL"} <= headers
    plans = [
        t
        for t in tables
        if any(r[1].split(ARRAY_DELIMITER) == ["Resource", "Plan"] for r in t.rows)
    ]
    assert sum(len(t.rows) for t in plans) == 5


def test_leads_carry_their_sentence(graph, tables):
    """A row of LEADS with the derived properties of the assignment behind it."""
    with_props = [t for t in tables if t.kind == "relationships" and len(t.header) > 3]
    leads = [r for t in with_props for r in t.rows if r[2] == "LEADS"]
    assert len(leads) == sum(1 for _, out in graph.outgoing.items() for t, _ in out if t == "LEADS")
    header = next(t.header for t in with_props if any(r[2] == "LEADS" for r in t.rows))
    assert "statedAt:string" in header and "sourceText:string" in header


def test_the_same_graph_gives_the_same_bytes(graph, tmp_path):
    first = write_import_files(graph, tmp_path / "a")
    second = write_import_files(graph, tmp_path / "b")
    assert [p.name for p in first.nodes] == [p.name for p in second.nodes]
    for a, b in zip(
        first.nodes + first.relationships, second.nodes + second.relationships, strict=True
    ):
        assert a.read_bytes() == b.read_bytes()
    assert read(first.nodes[0])[0][:2] == ["uri:ID(Resource)", ":LABEL"]
    assert f"--report-file={tmp_path / 'a' / 'import.report'}" in first.arguments()


def test_the_order_of_the_triples_changes_no_byte(triples, tmp_path):
    """A corpus's triples are a set, whose order varies from run to run."""
    ordered = sorted(triples)
    first = write_import_files(property_graph(ordered), tmp_path / "a")
    second = write_import_files(property_graph(reversed(ordered)), tmp_path / "b")
    for a, b in zip(
        first.nodes + first.relationships, second.nodes + second.relationships, strict=True
    ):
        assert a.read_bytes() == b.read_bytes(), a.name


def spanning_graph():
    """A node whose title spans two lines, and one whose number does not."""
    pk = Namespace("https://w3id.org/plankg/ontology#")
    node = Namespace("https://w3id.org/plankg/id/x/")
    return property_graph(
        [(node.a, pk.title, Literal("一行\n二行")), (node.b, pk.number, Literal(3))]
    )


def test_only_the_files_whose_cells_span_lines_are_read_as_multiline(tmp_path):
    files = write_import_files(spanning_graph(), tmp_path)
    spanning = [p for p in files.nodes if "\n" in "".join(c for row in read(p) for c in row)]
    assert files.spanning == spanning and len(spanning) == 1 < len(files.nodes)
    arguments = files.arguments()
    assert "--multiline-fields-format=v2" in arguments
    assert f"--multiline-fields={spanning[0]}" in arguments


def test_a_path_a_pattern_would_misread_makes_every_file_multiline(tmp_path):
    files = write_import_files(spanning_graph(), tmp_path / "a (1)")
    assert "--multiline-fields=true" in files.arguments()


def test_files_without_a_line_break_are_not_multiline(graph, tmp_path):
    assert "--multiline-fields=false" in write_import_files(graph, tmp_path).arguments()


def csv_module_text(rows):
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)
    return out.getvalue()


@given(st.lists(st.lists(st.text(max_size=8), min_size=1, max_size=4), max_size=6))
def test_a_table_is_written_as_the_csv_module_quotes_every_cell(rows):
    """Rows joined by hand when no cell holds a quote, by the csv module when one does: the
    same text either way (a quote doubled, a line break kept inside its cell)."""
    table = ImportTable("nodes", ("uri:ID(Resource)",), rows)
    assert table.text(header=False) == csv_module_text(rows)
    assert table.text() == csv_module_text([table.header, *rows])


def test_a_quote_in_a_cell_is_doubled():
    table = ImportTable("nodes", ("title:string",), [['say "science"'], ["plain"]])
    assert table.text() == '"title:string"\n"say ""science"""\n"plain"\n'
