"""Benchmark the tasks view (a table, no vis-network) in headless Chromium: HTML size, time
from navigation start to the table built (``plankg.readyMs``) and to DOMContentLoaded, a region
check box off and on again, a search that lists and outlines matches, and building the page in
Python (the graph, its task families and the table).

Cases: the five sample plans, and the samples renamed 8 times (40 plans, 40 columns).

    .venv/bin/python benchmarks/tasks_view.py [--runs 5] [--copies 8]

Run by hand; the figures go in docs/views.md. The machine is shared and noisy: medians only.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from plankg.graph.rdf.build import build_triples
from plankg.graph.rdf.corpus import load_corpus
from plankg.graph.rdf.networkx_graph import to_networkx
from plankg.graph.views import View, render_html, tasks_view
from plankg.loaders.model import Plan
from playwright.sync_api import Browser, sync_playwright

sys.path.insert(0, str(Path(__file__).parents[1]))
from benchmarks.views import renamed_copies
from tests.conftest import CHROMIUM, CHROMIUM_ARGS

SIZE = {"width": 1600, "height": 1000}
MEASURE_PAGE = """() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const box = document.querySelector('#filter-region input');
    let start = performance.now();
    box.click(); box.click(); document.body.offsetHeight;
    const filter = performance.now() - start;
    const search = document.getElementById('search');
    start = performance.now();
    search.value = '教师'; search.dispatchEvent(new Event('input')); document.body.offsetHeight;
    return [nav.domContentLoadedEventEnd, plankg.readyMs, filter, performance.now() - start];
}"""


def measure(browser: Browser, html: Path, runs: int) -> tuple[float, ...]:
    """Medians of (DOMContentLoaded, table built, region filter off and on, search), in ms."""
    results = []
    for _ in range(runs):
        context = browser.new_context(offline=True, viewport=SIZE)
        page = context.new_page()
        page.goto(html.as_uri())
        page.wait_for_function("() => window.plankg && window.plankg.ready", timeout=120_000)
        results.append(page.evaluate(MEASURE_PAGE))
        context.close()
    return tuple(statistics.median(r[i] for r in results) for i in range(4))


def copies_view(plans: list[Plan], copies: int) -> View:
    return tasks_view(to_networkx(build_triples(renamed_copies(plans, copies))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--copies", type=int, default=8, help="Copies of the samples.")
    args = parser.parse_args()
    corpus = load_corpus()
    cases: list[tuple[str, Callable[[], View]]] = [
        ("tasks (5 samples)", lambda: tasks_view(to_networkx(corpus.triples()))),
        (f"tasks ({args.copies}×5 plans)", lambda: copies_view(corpus.plans, args.copies)),
    ]
    print(f"headless Chromium ({CHROMIUM}) at 1600 × 1000, median of {args.runs} runs; ms")
    print(f"{'view':<22}{'rows':>6}{'plans':>6}{'HTML KB':>9}{'DCL':>7}{'ready':>7}", end="")
    print(f"{'filter':>8}{'search':>8}{'build':>8}")
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for index, (name, build) in enumerate(cases):
            started = time.perf_counter()
            view = build()
            path = Path(folder) / f"tasks{index}.html"
            path.write_text(render_html(view), encoding="utf-8")
            built = (time.perf_counter() - started) * 1000
            loaded, ready, filtered, searched = measure(browser, path, args.runs)
            assert view.matrix is not None
            rows, plans = len(view.matrix.rows()), len(view.matrix.columns)
            print(
                f"{name:<22}{rows:>6}{plans:>6}{path.stat().st_size / 1024:>9.0f}"
                f"{loaded:>7.0f}{ready:>7.0f}{filtered:>8.1f}{searched:>8.1f}{built:>8.0f}"
            )
        browser.close()


if __name__ == "__main__":
    main()
