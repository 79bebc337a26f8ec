"""Every export format: round trip, exact CSV headers, determinism."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from datetime import date

import networkx as nx
import openpyxl
import pytest
from plankg.graph.export.formats import BOM, FORMATS, export_texts, write_export
from plankg.graph.export.networks import edge_id
from plankg.graph.export.workbook import TooManyRowsError, workbook_bytes
from plankg.graph.rdf.build import graph_of
from plankg.graph.rdf.corpus import load_corpus
from plankg.loaders.read import sample_paths
from plankg.ontology import PK
from plankg.tables import Table
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

HEADERS = {
    "plans.csv": "plan,source,title,region,region_level,province,doc_number,issued,period_start,period_end,draft,headline_value,headline_unit,cites",
    "assignments.csv": "plan,region,action_kind,action_no,action_title,measure_no,measure_title,role,agency,agency_surface,agency_type,stated_at",
    "targets.csv": "plan,region,action_kind,action_no,measure_no,text,value,unit,comparator,year,per_year,kind",
    "families.csv": "family,family_title,canonical_action,plan,region,action_kind,action_no,measure_no,measure_title,similarity",
}


@pytest.fixture(scope="module")
def tables(triples):
    texts = export_texts(triples, "csv")
    return {name: list(csv.DictReader(io.StringIO(text[1:]))) for name, text in texts.items()}


@pytest.mark.parametrize(
    ("fmt", "rdf_format"), [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")]
)
def test_rdf_exports_reparse_to_the_built_graph(triples, fmt, rdf_format):
    (text,) = export_texts(triples, fmt).values()
    assert isomorphic(Graph().parse(data=text, format=rdf_format), graph_of(triples))


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_exports_hold_every_resource(triples, fmt, tmp_path):
    (path,) = write_export(triples, fmt, tmp_path)
    graph = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    resources = {str(s) for s, _, _ in triples}
    assert resources <= set(graph.nodes)
    agency = graph.nodes["https://w3id.org/plankg/id/agency/350500/市科协"]
    assert agency["label"] == "市科协"


def test_graphml_gives_every_edge_the_id_of_its_triple(triples, tmp_path):
    (path,) = write_export(triples, "graphml", tmp_path)
    ids = [e.get("id") for e in ET.parse(path).iter("{http://graphml.graphdrawing.org/xmlns}edge")]
    links = {(s, p, o) for s, p, o in triples if isinstance(o, URIRef) and p != RDF.type}
    assert len(ids) == len(set(ids)) == len(links) == 12_701
    assert set(ids) == {edge_id(str(s), str(p), str(o)) for s, p, o in links}


def test_graphml_keeps_the_predicate_and_its_name_on_each_edge(triples, tmp_path):
    (path,) = write_export(triples, "graphml", tmp_path)
    graph = nx.read_graphml(path, force_multigraph=True)
    agency = "https://w3id.org/plankg/id/agency/350500/市科协"
    measure = "https://w3id.org/plankg/id/plan/350500/2021-2025/youth/m1"
    ((key, data),) = graph[agency][measure].items()
    assert data == {"predicate": str(PK.leads), "label": "leads"}
    line = f"{agency} {PK.leads} {measure}"
    assert key == "e" + hashlib.sha256(line.encode()).hexdigest()[:16]


@pytest.mark.parametrize("fmt", FORMATS)
def test_exports_are_byte_identical_across_runs(triples, fmt):
    assert export_texts(triples, fmt) == export_texts(load_corpus().triples(), fmt)


def test_csv_headers_are_exactly_as_specified(triples):
    texts = export_texts(triples, "csv")
    assert {name: text.splitlines()[0].removeprefix(BOM) for name, text in texts.items()} == HEADERS


def test_csv_files_are_utf8_with_a_byte_order_mark_for_excel(triples, tmp_path):
    paths = write_export(triples, "csv", tmp_path)
    for path in paths:
        data = path.read_bytes()
        first = b"family," if path.name == "families.csv" else b"plan,"
        assert data.startswith(b"\xef\xbb\xbf" + first) and data.count(b"\xef\xbb\xbf") == 1
        second = "2021-cadres/" if path.name == "families.csv" else "140900/2021-2025,"
        assert data.decode("utf-8-sig").splitlines()[1].startswith(second)


def test_plans_csv(tables):
    rows = {r["region"]: r for r in tables["plans.csv"]}
    assert rows["新郑市"]["cites"] == "国发〔2021〕9号;豫政办〔2021〕73号;郑政办〔2022〕5号"
    assert rows["新郑市"]["draft"] == "true" and rows["新郑市"]["region_level"] == "county"
    assert rows["忻州市"]["issued"] == "2022-04-06" and rows["忻州市"]["province"] == "山西省"
    assert rows["忻州市"]["cites"] == "国发〔2021〕9号;晋政办发〔2021〕93号"  # the outline by title
    assert (
        rows["泉州市"]["headline_value"] == "16"
        and rows["泉州市"]["source"] == "004_c0321c47fe632fb7.txt"
    )


def test_assignments_csv_one_row_per_measure_agency_role(tables):
    rows = tables["assignments.csv"]
    quanzhou = [
        r
        for r in rows
        if r["region"] == "泉州市" and r["action_no"] == "1" and r["action_kind"] == "提升行动"
    ]
    first_measure = [r for r in quanzhou if r["measure_no"] == "1"]
    assert [r["agency"] for r in first_measure if r["role"] == "lead"] == ["市教育局", "市科协"]
    civilization = next(r for r in first_measure if r["agency"] == "市委文明办")
    assert (
        civilization["agency_surface"],
        civilization["agency_type"],
        civilization["stated_at"],
    ) == (
        "文明办",
        "civilization_office",
        "action",
    )
    assert len(quanzhou) == 4 * len(first_measure)
    xinzhou = [r for r in rows if r["region"] == "忻州市"]
    assert {r["stated_at"] for r in xinzhou} == {"measure"}


def test_targets_csv(tables):
    rows = tables["targets.csv"]
    headline = next(r for r in rows if r["region"] == "周口市" and not r["action_kind"])
    assert (headline["value"], headline["unit"], headline["comparator"], headline["year"]) == (
        "14.4",
        "%",
        ">=",
        "2025",
    )
    per_year = next(r for r in rows if r["region"] == "周口市" and r["value"] == "5000")
    assert (per_year["unit"], per_year["per_year"], per_year["year"]) == ("人次", "true", "")
    assert "0.5万人次" in per_year["text"]


def test_targets_csv_holds_every_target_of_the_graph_with_its_kind(tables, triples):
    rows = tables["targets.csv"]
    targets = {s for s, p, o in triples if p == RDF.type and o in (PK.Target, PK.Baseline)}
    assert len(rows) == len(targets) == 47
    kinds = [r["kind"] for r in rows]
    assert (kinds.count("headline"), kinds.count("baseline"), kinds.count("measure")) == (5, 1, 41)
    (baseline,) = (r for r in rows if r["kind"] == "baseline")
    assert (baseline["region"], baseline["value"], baseline["year"], baseline["action_kind"]) == (
        "忻州市",
        "7.9",
        "2020",
        "",
    )
    assert all(bool(r["action_kind"]) == (r["kind"] == "measure") for r in rows)


def test_the_workbook_is_stamped_with_fixed_dates_only(triples):
    (content,) = export_texts(triples, "xlsx").values()
    with zipfile.ZipFile(io.BytesIO(content)) as book:
        assert {info.date_time for info in book.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = book.read("docProps/core.xml").decode()
    assert re.findall(r"<dcterms:(\w+)[^>]*>([^<]*)<", core) == [
        ("created", "2000-01-01T00:00:00Z"),
        ("modified", "2000-01-01T00:00:00Z"),
    ]


def test_workbook_text_stays_text_never_a_formula(tmp_path):
    table = Table(("text",), (('=HYPERLINK("http://example.invalid")',), ("+1",)))
    path = tmp_path / "book.xlsx"
    path.write_bytes(workbook_bytes({"sheet": table}))
    cells = [row[0] for row in openpyxl.load_workbook(path)["sheet"].iter_rows(min_row=2)]
    assert [(c.value, c.data_type) for c in cells] == [(table.rows[0][0], "s"), ("+1", "s")]


def test_gexf_is_version_1_3_and_carries_no_date(triples):
    (text,) = export_texts(triples, "gexf").values()
    root = ET.fromstring(text.encode("utf-8"))
    assert (root.tag, root.get("version")) == ("{http://gexf.net/1.3}gexf", "1.3")
    location = root.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation")
    assert location == "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"
    assert "lastmodifieddate" not in text and date.today().isoformat() not in text


def test_gexf_and_graphml_edges_have_the_same_ids_and_labels(triples):
    def edges(fmt, namespace):
        (text,) = export_texts(triples, fmt).values()
        found = ET.fromstring(text.encode("utf-8")).iter(f"{{{namespace}}}edge")
        return {e.get("id"): (e.get("source"), e.get("target")) for e in found}

    gexf = edges("gexf", "http://gexf.net/1.3")
    assert gexf == edges("graphml", "http://graphml.graphdrawing.org/xmlns")
    assert len(gexf) == 12_701


def test_a_table_longer_than_a_sheet_is_one_clear_error():
    table = Table(("n",), tuple((i,) for i in range(1_048_576)))
    with pytest.raises(TooManyRowsError, match="1,048,576 rows, more than an Excel sheet holds"):
        workbook_bytes({"assignments": table})


def test_exports_are_byte_identical_across_hash_seeds():
    """Sets and dicts of strings iterate in another order under another PYTHONHASHSEED: every
    format must not depend on it (JSON-LD did)."""
    script = (
        "import hashlib\n"
        "from plankg.graph.export.formats import FORMATS, export_texts\n"
        "from plankg.graph.rdf.corpus import load_corpus\n"
        "triples = load_corpus().triples()\n"
        "for fmt in FORMATS:\n"
        "    for name, text in sorted(export_texts(triples, fmt).items()):\n"
        "        data = text if isinstance(text, bytes) else text.encode()\n"
        "        print(fmt, name, hashlib.sha256(data).hexdigest())\n"
    )
    digests = [
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    ]
    assert digests[0] == digests[1]
    assert len(digests[0].splitlines()) == len(FORMATS) + 3  # csv: four files


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_exports_of_a_plan_with_control_characters_are_xml(tmp_path, fmt):
    """XML cannot hold a control character even escaped: the writer failed (GraphML) or wrote
    a file no reader takes (GEXF); such a character becomes U+FFFD."""
    text = sample_paths()[4].read_text(encoding="utf-8")
    plan = tmp_path / "quanzhou.txt"
    plan.write_text(text.replace("市科协", "市科\x01协").replace("。", "。\x07", 3), "utf-8")
    (path,) = write_export(load_corpus([plan]).triples(), fmt, tmp_path / "out")
    graph = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    labels = {data.get("label") for _, data in graph.nodes(data=True)}
    assert "市科\ufffd协" in labels
    assert any("\ufffd" in str(d.get("sourceText", "")) for _, d in graph.nodes(data=True))


def test_families_csv_one_row_per_member_of_a_task_family(tables):
    rows = tables["families.csv"]
    assert len(rows) == 167 and len({r["family"] for r in rows}) == 69
    teachers = [r for r in rows if r["family_title"] == "实施教师科学素质提升工程"]
    assert {(r["region"], r["action_no"], r["measure_no"]) for r in teachers} == {
        ("周口市", "1", "3"),
        ("新郑市", "1", "3"),
        ("忻州市", "1", "6"),
        ("岳阳市南湖新区", "1", "6"),
        ("泉州市", "1", "4"),
    }
    assert {r["canonical_action"] for r in teachers} == {"2021-youth"}
    assert all(r["family"].startswith("2021-youth/") for r in teachers)
    assert all(0 < float(r["similarity"]) <= 1 for r in rows)
