"""The HTML and Markdown report of the sample plans: files written, nothing fetched from outside,
charts embedded, every table present, every figure named by the function (and query) behind it,
and the same bytes on a second run."""

from __future__ import annotations

import base64
import os
import re
import warnings
from pathlib import Path

import pytest
from plankg.graph.analysis import SECTIONS, TABLES
from plankg.graph.rdf.corpus import load_corpus
from plankg.graph.report import charts as report_charts
from plankg.graph.report import fonts as report_fonts
from plankg.graph.report.pages import (
    FIGURE_PLAN,
    ReportError,
    build_report,
    markdown_table,
    traced_to,
    write_report,
)
from plankg.tables import Table

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
EMBEDDED_PNG = re.compile(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"')
EXTERNAL_REFERENCE = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:|//)""", re.IGNORECASE)


@pytest.fixture(scope="module")
def written(triples, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report")
    write_report(triples, out)
    return out


@pytest.fixture(scope="module")
def page(written) -> str:
    return (written / "report.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def markdown(written) -> str:
    return (written / "report.md").read_text(encoding="utf-8")


def test_the_report_files_are_written(written):
    names = sorted(str(p.relative_to(written)) for p in written.rglob("*") if p.is_file())
    figures = sorted(f"figures/{name}.png" for name, *_ in FIGURE_PLAN)
    assert names == sorted(["report.html", "report.md", *figures])


def test_the_html_fetches_nothing(page):
    assert not EXTERNAL_REFERENCE.search(page)
    assert "<script" not in page.lower()
    assert "<link" not in page.lower()
    assert "url(" not in page
    assert "default-src 'none'" in page


def test_the_charts_are_embedded_pngs(page):
    images = EMBEDDED_PNG.findall(page)
    assert len(images) == len(FIGURE_PLAN) == 6
    for data in images:
        assert base64.b64decode(data).startswith(PNG_MAGIC)


def test_every_table_is_in_the_html_and_the_markdown(page, markdown):
    assert page.count("<table>") == len(TABLES) + 1
    for spec in TABLES:
        assert f'<h3 id="table-{spec.name}">{spec.title}</h3>' in page.replace("&amp;", "&")
        assert f"### {spec.title}" in markdown


def test_a_hand_counted_figure_is_in_the_tables(page, markdown):
    assert "<td>泉州市</td><td>350500/2021-2025</td><td>市科协</td><td>科协</td>" in page
    assert "| 泉州市 | 350500/2021-2025 | 市科协 | 科协 | 19 | 6 |" in markdown


def test_every_figure_and_table_names_its_source(page, markdown):
    lead = "plankg.graph.analysis.lead_load (named query: top-lead)"
    assert f"*Top lead agencies per region* — `{lead}`" in markdown
    assert f"Top lead agencies per region — <code>{lead}</code>" in page
    for spec in TABLES:
        assert f"Source: `{traced_to(spec)}`" in markdown
        assert f"Source: <code>{traced_to(spec)}</code>" in page


def test_the_markdown_links_the_chart_files(markdown, written):
    links = re.findall(r"!\[[^]]*\]\(([^)]+)\)", markdown)
    assert len(links) == len(FIGURE_PLAN)
    for link in links:
        assert (written / link).read_bytes().startswith(PNG_MAGIC)


def test_the_report_is_byte_stable(triples, written, tmp_path):
    write_report(triples, tmp_path)
    for path in sorted(written.rglob("*")):
        if path.is_file():
            assert (tmp_path / path.relative_to(written)).read_bytes() == path.read_bytes(), path


def test_the_pngs_carry_no_software_or_date(written):
    for path in (written / "figures").glob("*.png"):
        data = path.read_bytes()
        assert b"Software" not in data and b"matplotlib" not in data.lower()


def test_the_report_holds_every_figure_in_order(triples):
    report = build_report(triples)
    assert [figure.name for figure in report.figures] == [name for name, *_ in FIGURE_PLAN]
    assert [r[0] for r in report.plans.rows] == [
        "周口市",
        "岳阳市南湖新区",
        "忻州市",
        "新郑市",
        "泉州市",
    ]


def test_markdown_cells_escape_pipes_and_line_breaks():
    table = markdown_table(Table(("a",), (("x|y\nz",),)))
    assert table.endswith("| x\\|y z |")


def test_a_file_in_the_way_is_a_report_error(triples, tmp_path):
    blocker = tmp_path / "report"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(ReportError, match="is a file"):
        write_report(triples, blocker)


def test_a_cjk_font_is_used_when_installed():
    if os.environ.get("CI") != "true" and report_fonts.cjk_font() is None:
        pytest.skip("no CJK font on this machine (apt-get install fonts-noto-cjk)")
    assert report_fonts.cjk_font() in report_fonts.CJK_FONTS


def test_without_a_cjk_font_the_charts_warn_and_still_draw(monkeypatch, triples):
    monkeypatch.setattr(report_fonts, "CJK_FONTS", ("No Such Font",))
    report_fonts.cjk_font.cache_clear()
    try:
        with pytest.warns(report_fonts.NoCJKFontWarning, match="fonts-noto-cjk"):
            assert report_fonts.cjk_font() is None
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            table = Table(("type", "type_en", "周口市", "total"), (("科协", "x", 3, 3),))
            assert report_charts.type_matrix_heatmap(table).startswith(PNG_MAGIC)
    finally:
        report_fonts.cjk_font.cache_clear()


def test_both_pages_open_with_contents_that_reach_every_part(page, markdown):
    links = re.findall(r"^\s*- \[[^]]+\]\(#([\w-]+)\)$", markdown, re.MULTILINE)
    anchors = re.findall(r'<a id="([\w-]+)"></a>', markdown)
    assert links == anchors
    assert len(links) == 1 + len(SECTIONS) + len(FIGURE_PLAN) + len(TABLES)
    html_links = re.findall(r'<a href="#([\w-]+)">', page)
    assert html_links == links
    assert all(f'id="{anchor}"' in page for anchor in links)
    assert markdown.index("## 目录 Contents") < markdown.index("## 方案 Plans")


def test_the_long_network_table_is_folded_under_the_co_lead_chart(page, markdown):
    assert page.index('id="figure-co_lead"') < page.index('id="table-agency_networks"')
    assert "<details><summary>全部 131 行 All 131 rows</summary><table>" in page
    assert "<details><summary>全部 131 行 All 131 rows</summary>" in markdown


def test_plan_text_in_the_markdown_is_text_not_html_or_links(tmp_path):
    """report.md carried a plan's markup as raw HTML (a renderer would run
    ``<img src=x onerror=…>``); a link or image written in a plan is not one either."""
    xss = Path(__file__).parents[1] / "views" / "data" / "xss_plan.txt"
    plan = tmp_path / "plan.txt"
    text = xss.read_text(encoding="utf-8").replace(
        "市科协，参与", "市[看](javascript:alert(1))局，参与", 1
    )
    plan.write_text(text.replace("市农业农村局", "市![x](http://track.example/x.png)局"), "utf-8")
    corpus = load_corpus([plan])
    write_report(corpus.triples(), tmp_path / "report")
    markdown = (tmp_path / "report" / "report.md").read_text(encoding="utf-8")
    assert "&lt;script>alert(1)&lt;/script>" in markdown and "&lt;img src=x onerror" in markdown
    assert "<script" not in markdown and "<img" not in markdown
    assert "\\[看\\](javascript:alert(1))" in markdown
    links = re.findall(r"(?<!\\)\]\(([^)]*)\)", markdown)
    assert links and all(link.startswith(("figures/", "#")) for link in links)
