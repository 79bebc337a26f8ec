"""What the browser tests of the views share: the sample graph, a view opened offline in
Debian's headless Chromium (requests recorded and aborted, console errors collected), and the
gestures an analyst makes (hover, click, read the canvas)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from plankg.graph.rdf.corpus import load_corpus
from plankg.graph.rdf.networkx_graph import to_networkx
from plankg.graph.views import View, render_html

OUTPUT = Path(__file__).parents[3] / "test-output" / "views"
XSS_PLAN = Path(__file__).parent / "data" / "xss_plan.txt"
LOCAL = ("file:", "data:")


@pytest.fixture(scope="module")
def graph(triples):
    return to_networkx(triples)


@pytest.fixture(scope="module")
def xss_graph():
    corpus = load_corpus([XSS_PLAN])
    assert not corpus.problems
    return to_networkx(corpus.triples())


@dataclass
class Opened:
    """A view open in the browser, with what it asked of the network and what went wrong."""

    page: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def evaluate(self, script: str, arg: Any = None) -> Any:
        return self.page.evaluate(script, arg)

    def visible(self) -> tuple[int, int]:
        return tuple(self.evaluate("() => [plankg.nodeView.length, plankg.edgeView.length]"))

    def shown_nodes(self) -> set[str]:
        return set(self.evaluate("() => plankg.nodeView.getIds()"))

    def shown_edges(self) -> set[int]:
        return set(self.evaluate("() => plankg.edgeView.getIds()"))

    def positions(self) -> dict[str, tuple[float, float]]:
        found = self.evaluate("() => plankg.network.getPositions()")
        return {node: (at["x"], at["y"]) for node, at in found.items()}

    def node(self, node_id: str) -> dict[str, Any]:
        return self.evaluate("id => plankg.nodes.get(id)", node_id)

    def screen_point(self, node_id: str) -> tuple[float, float]:
        """Where a node is drawn, in page coordinates."""
        return tuple(
            self.evaluate(
                """id => {
                    const p = plankg.network.canvasToDOM(plankg.network.getPosition(id));
                    const box = document.getElementById('network').getBoundingClientRect();
                    return [box.left + p.x, box.top + p.y];
                }""",
                node_id,
            )
        )

    def hover_at(self, x: float, y: float) -> str:
        """Move the mouse to (x, y) and return the tooltip's text."""
        self.page.mouse.move(x - 5, y)
        self.page.mouse.move(x, y)
        tip = self.page.wait_for_selector("#tip", state="visible", timeout=5_000)
        return tip.text_content() or ""

    def hover(self, node_id: str) -> str:
        return self.hover_at(*self.screen_point(node_id))

    def click_node(self, node_id: str) -> None:
        self.page.mouse.click(*self.screen_point(node_id))

    def title(self) -> str:
        return self.page.text_content("#view-title") or ""

    def legend(self) -> dict[str, int]:
        """The agency types the legend lists, with their counts."""
        rows = self.evaluate(
            """() => Array.from(document.querySelectorAll('#legend-items li.legend-type'),
                li => [li.querySelector('.legend-label').textContent,
                       Number(li.querySelector('.legend-count').textContent)])"""
        )
        return dict(rows)

    def screenshot(self, name: str) -> Path:
        path = OUTPUT / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path


@contextmanager
def _opened(
    browser: Any, view: View, name: str, size: tuple[int, int] = (1400, 900)
) -> Iterator[Opened]:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    path = OUTPUT / f"{name}.html"
    path.write_text(render_html(view), encoding="utf-8")
    context = browser.new_context(offline=True, viewport={"width": size[0], "height": size[1]})
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


@pytest.fixture
def open_view(browser) -> Callable[..., Any]:
    """``with open_view(view, "name") as seen:`` — the view written to
    test-output/views/NAME.html and opened offline (1400 × 900, or ``size=(w, h)``)."""
    return lambda view, name, **kw: _opened(browser, view, name, **kw)
