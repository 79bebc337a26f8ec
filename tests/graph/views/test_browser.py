"""The views in a real browser: Debian's headless Chromium, driven by Playwright, opens each page
from a file URL with networking off. No console error, no request leaves the page, the vis
DataSets hold exactly the view's nodes and edges, filters and search work on labels, and a plan
full of markup shows its characters and runs nothing. Screenshots go to test-output/views/.

Skipped when Chromium or Playwright is missing, except under CI=true, where that fails.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from plankg.graph.rdf.corpus import load_corpus
from plankg.graph.rdf.networkx_graph import to_networkx
from plankg.graph.views import View, agency_view, plan_view, render_html, types_view

pytestmark = pytest.mark.browser

OUTPUT = Path(__file__).parents[3] / "test-output" / "views"
XSS_PLAN = Path(__file__).parent / "data" / "xss_plan.txt"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
LOCAL = ("file:", "data:")


@pytest.fixture(scope="module")
def graph():
    return to_networkx(load_corpus().triples())


@pytest.fixture(scope="module")
def xss_graph():
    return to_networkx(load_corpus([XSS_PLAN]).triples())


@dataclass
class Opened:
    page: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def evaluate(self, script: str, arg: Any = None) -> Any:
        return self.page.evaluate(script, arg)

    def visible(self) -> tuple[int, int]:
        return tuple(self.evaluate("() => [plankg.nodeView.length, plankg.edgeView.length]"))

    def screenshot(self, name: str) -> Path:
        path = OUTPUT / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path


@contextmanager
def opened(browser, view: View, name: str) -> Iterator[Opened]:
    """The view written to test-output/views/NAME.html and opened offline; outside requests
    are recorded and aborted."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    path = OUTPUT / f"{name}.html"
    path.write_text(render_html(view), encoding="utf-8")
    context = browser.new_context(offline=True, viewport={"width": 1400, "height": 900})
    page = context.new_page()
    seen = Opened(page)
    page.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(LOCAL) else route.abort(),
    )
    page.on("request", lambda r: None if r.url.startswith(LOCAL) else seen.requests.append(r.url))
    page.on("console", lambda m: seen.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen.errors.append(str(e)))
    page.on("dialog", lambda d: (seen.dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(path.as_uri())
        page.wait_for_function("() => window.plankg && window.plankg.ready", timeout=60_000)
        yield seen
    finally:
        context.close()


def data_sets(seen: Opened) -> tuple[set[str], list[tuple[str, str]]]:
    nodes, edges = seen.evaluate(
        "() => [plankg.nodes.getIds(), plankg.edges.get().map(e => [e.from, e.to])]"
    )
    return set(nodes), sorted(tuple(e) for e in edges)


VIEWS = {
    "plan-quanzhou": lambda g: plan_view(g, "泉州市"),
    "plan-zhoukou": lambda g: plan_view(g, "周口市"),
    "agencies": agency_view,
    "types": types_view,
}


@pytest.mark.parametrize("name", list(VIEWS))
def test_view_opens_offline_and_draws_exactly_the_view(browser, graph, name):
    view = VIEWS[name](graph)
    with opened(browser, view, name) as seen:
        nodes, edges = data_sets(seen)
        assert seen.errors == []
        assert seen.requests == []
        assert nodes == {n.id for n in view.nodes}
        assert edges == sorted((e.source, e.target) for e in view.edges)
        assert seen.visible() == view.counts()
        assert seen.evaluate("() => document.querySelectorAll('canvas').length") == 1
        legend = seen.evaluate("() => document.querySelectorAll('#legend-items li').length")
        assert legend == len(view.legend)
        assert seen.screenshot(name).stat().st_size > 20_000


def test_region_filter_keeps_one_jurisdiction_and_its_edges(browser, graph):
    view = agency_view(graph)
    quanzhou = {n.id for n in view.nodes if n.facets["region"] == ("泉州市",)}
    inside = [e for e in view.edges if e.source in quanzhou and e.target in quanzhou]
    with opened(browser, view, "agencies-filtered") as seen:
        seen.page.select_option("#filter-region", "泉州市")
        assert seen.visible() == (len(quanzhou), len(inside)) == (35, len(inside))
        shown = set(seen.evaluate("() => plankg.nodeView.getIds()"))
        assert shown == quanzhou
        seen.screenshot("agencies-filtered")
        seen.page.click("#reset")
        assert seen.visible() == view.counts()
        assert seen.errors == []


def test_role_filter_keeps_leads_and_the_tree(browser, graph):
    view = plan_view(graph, "泉州市")
    kept = {n.id for n in view.nodes if n.kind != "agency" or "牵头 lead" in n.facets["role"]}
    edges = [e for e in view.edges if e.kind != "partner" and e.source in kept and e.target in kept]
    with opened(browser, view, "plan-leads") as seen:
        seen.page.select_option("#filter-role", "牵头 lead")
        assert seen.visible() == (len(kept), len(edges))
        seen.screenshot("plan-leads")


def test_search_lists_labels_and_selects_the_agency(browser, graph):
    view = agency_view(graph)
    target = next(n for n in view.nodes if n.id.endswith("/agency/泉州市/市科协"))
    with opened(browser, view, "agencies-search") as seen:
        names = seen.evaluate(
            "() => Array.from(document.querySelectorAll('#search-names option'), o => o.value)"
        )
        assert len(names) == len(view.nodes)
        assert not any(name.startswith("http") for name in names)
        assert "市科协（泉州市）" in names
        seen.page.fill("#search", "市科协（泉州市）")
        seen.page.press("#search", "Enter")
        assert seen.evaluate("() => plankg.network.getSelectedNodes()") == [target.id]
        assert seen.page.text_content("#details-title") == "市科协（泉州市）"
        lines = seen.evaluate("() => document.querySelectorAll('#details-lines li').length")
        assert lines == len(target.details)
        seen.page.wait_for_timeout(500)
        seen.screenshot("agencies-search")


def hover(seen: Opened, node_id: str) -> str:
    """Move the mouse onto a node and return the tooltip's text."""
    x, y = seen.evaluate(
        """id => {
            const p = plankg.network.canvasToDOM(plankg.network.getPosition(id));
            const box = document.getElementById('network').getBoundingClientRect();
            return [box.left + p.x, box.top + p.y];
        }""",
        node_id,
    )
    seen.page.mouse.move(x - 5, y)
    seen.page.mouse.move(x, y)
    tooltip = seen.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
    return tooltip.text_content() or ""


@pytest.mark.parametrize("name", ["plan", "agencies"])
def test_a_plan_full_of_markup_shows_it_and_runs_nothing(browser, xss_graph, name):
    view = plan_view(xss_graph) if name == "plan" else agency_view(xss_graph)
    agency = next(n for n in view.nodes if SCRIPT in n.label)
    with opened(browser, view, f"xss-{name}") as seen:
        assert seen.errors == [] and seen.requests == []
        assert seen.evaluate("() => document.images.length") == 0
        assert seen.evaluate("() => document.scripts.length") == 3
        assert f"市{SCRIPT}局" in hover(seen, agency.id)
        if name == "plan":
            measure = next(n for n in view.nodes if n.kind == "measure" and SCRIPT in n.label_zh)
            text = hover(seen, measure.id)
            assert f"开展{SCRIPT}科普活动" in text and IMG in text
        seen.screenshot(f"xss-{name}-tooltip")
        option = seen.evaluate(
            "() => Array.from(document.querySelectorAll('#search-names option'), o => o.value)"
        )
        assert f"市{IMG}局（测试市）" in option
        seen.page.fill("#search", f"市{IMG}局（测试市）")
        seen.page.press("#search", "Enter")
        assert seen.page.text_content("#details-title") == f"市{IMG}局（测试市）"
        assert seen.evaluate("() => document.images.length") == 0
        assert seen.dialogs == []
        assert seen.errors == []
