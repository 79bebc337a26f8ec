"""The report read in Debian's headless Chromium, from its file with networking off: a table
of contents whose every link lands on its section, chart or table; every chart drawn; the
co-lead chart in place of the long network table (folded beneath it); nothing fetched."""

from __future__ import annotations

import pytest
from plankg.graph.analysis import SECTIONS, TABLES
from plankg.graph.report import write_report
from plankg.graph.report.pages import FIGURE_PLAN

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def report_page(triples, tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    write_report(triples, out)
    return out / "report.html"


@pytest.fixture
def page(browser, report_page):
    context = browser.new_context(offline=True, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.requests = []
    page.errors = []
    page.on(
        "request",
        lambda r: None if r.url.startswith(("file:", "data:")) else page.requests.append(r.url),
    )
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.goto(report_page.as_uri())
    yield page
    context.close()


def test_every_contents_link_lands_on_its_target(page):
    links = page.evaluate(
        "() => Array.from(document.querySelectorAll('#contents a'), a => a.getAttribute('href'))"
    )
    assert len(links) == 1 + len(SECTIONS) + len(FIGURE_PLAN) + len(TABLES)
    assert len(set(links)) == len(links)
    for link in ["#networks", "#figure-co_lead", "#figure-type_share", "#table-agency_networks"]:
        assert link in links
    for link in links:
        page.click(f"#contents a[href='{link}']")
        top = page.evaluate(
            "id => document.getElementById(id).getBoundingClientRect().top", link[1:]
        )
        at_end = page.evaluate(
            "() => window.innerHeight + window.scrollY >= document.body.scrollHeight - 2"
        )
        assert abs(top) <= 2 or at_end, link
    assert page.requests == [] and page.errors == []


def test_every_chart_is_drawn(page):
    sizes = page.evaluate(
        "() => Array.from(document.images, i => [i.closest('figure').id, i.complete, i.naturalWidth])"
    )
    assert [s[0] for s in sizes] == [f"figure-{name}" for name, *_ in FIGURE_PLAN]
    assert all(complete and width > 400 for _, complete, width in sizes)


def test_the_co_lead_chart_comes_before_the_long_table_folded_beneath(page):
    order = page.evaluate(
        """() => Array.from(document.querySelectorAll('#networks ~ *'))
            .map(e => e.id || e.tagName.toLowerCase()).slice(0, 6)"""
    )
    assert order[:3] == ["p", "figure-co_lead", "table-agency_networks"]
    folded = page.locator("details:has(table)")
    assert folded.count() == 1
    assert not folded.first.evaluate("d => d.open")
    assert "全部 131 行 All 131 rows" in folded.first.text_content()
    assert not page.locator("details table").first.is_visible()
