"""Benchmark the interactive views in headless Chromium: HTML size, time from navigation start
to a settled layout (the first drawing: plankg lays every view out, the browser runs no
physics), the time of one redraw afterwards and of a region filter there and back (how usable
the page stays).

Views: the three views of the sample plans, and the agency and types views of a synthetic
corpus of 1,000+ agencies — the sample plans repeated under distinct region names.

    .venv/bin/python benchmarks/views.py [--runs 5] [--agencies 1000]

Run by hand; the figures go in docs/views.md. The machine is shared and noisy: medians only.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from plankg.graph.rdf.build import build_triples
from plankg.graph.rdf.corpus import load_corpus
from plankg.graph.rdf.networkx_graph import to_networkx
from plankg.graph.views import View, agency_view, plan_view, render_html, types_view
from plankg.loaders.model import Plan
from playwright.sync_api import Browser, sync_playwright

sys.path.insert(0, str(Path(__file__).parents[1]))
from tests.conftest import CHROMIUM, CHROMIUM_ARGS

REDRAWS = 10
MEASURE_PAGE = """async count => {
    const nav = performance.getEntriesByType('navigation')[0];
    const drawn = () => new Promise(done => {
        plankg.network.once('afterDrawing', done);
        plankg.network.redraw();
    });
    const median = values => values.sort((a, b) => a - b)[values.length >> 1];
    const redraws = [], filters = [];
    const menu = document.getElementById('filter-region');
    for (let i = 0; i < count; i++) {
        let start = performance.now();
        await drawn();
        redraws.push(performance.now() - start);
        if (!menu) { continue; }
        start = performance.now();
        for (const value of [menu.options[1].value, '']) {
            menu.value = value;
            menu.dispatchEvent(new Event('change'));
            await drawn();
        }
        filters.push(performance.now() - start);
    }
    const filter = filters.length ? median(filters) : NaN;
    return [nav.domContentLoadedEventEnd, plankg.readyMs, median(redraws), filter];
}"""


def renamed_copies(plans: list[Plan], copies: int) -> list[Plan]:
    """The plans ``copies`` times, each copy under region names of its own (周口市 → 周口市2)
    and no GB/T 2260 code (a region is keyed by its code), so every copy has its own agencies."""
    return [
        replace(plan, region=replace(plan.region, name=f"{plan.region.name}{copy}", code=None))
        for copy in range(1, copies + 1)
        for plan in plans
    ]


def measure(browser: Browser, html: Path, runs: int) -> tuple[float, ...]:
    """Medians of (DOMContentLoaded, layout settled, one redraw, a region filter there and
    back), in ms."""
    results = []
    for _ in range(runs):
        context = browser.new_context(offline=True, viewport={"width": 1400, "height": 900})
        page = context.new_page()
        page.goto(html.as_uri())
        page.wait_for_function("() => window.plankg && window.plankg.ready", timeout=120_000)
        results.append(page.evaluate(MEASURE_PAGE, REDRAWS))
        context.close()
    return tuple(statistics.median(r[i] for r in results) for i in range(4))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--agencies", type=int, default=1000, help="Agencies in the big view.")
    args = parser.parse_args()
    corpus = load_corpus()
    samples = to_networkx(corpus.triples())
    per_copy = len(agency_view(samples).nodes)
    copies = math.ceil(args.agencies / per_copy)
    big = to_networkx(build_triples(renamed_copies(corpus.plans, copies)))
    cases: list[tuple[str, Callable[[], View]]] = [
        ("plan 泉州市 (samples)", lambda: plan_view(samples, "泉州市")),
        ("plan 周口市 (samples)", lambda: plan_view(samples, "周口市")),
        ("agencies (5 samples)", lambda: agency_view(samples)),
        ("types (5 samples)", lambda: types_view(samples)),
        (f"agencies ({copies}×5 plans)", lambda: agency_view(big)),
        (f"types ({copies}×5 plans)", lambda: types_view(big)),
    ]
    print(f"headless Chromium ({CHROMIUM}), median of {args.runs} runs; times in ms")
    header = ("nodes", 7), ("edges", 8), ("HTML KB", 9), ("DCL", 8), ("settled", 9), ("redraw", 8)
    header += (("filter", 8), ("build", 8))
    print(f"{'view':<26}" + "".join(f"{name:>{width}}" for name, width in header))
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for index, (name, build) in enumerate(cases):
            started = time.perf_counter()
            view = build()
            path = Path(folder) / f"view{index}.html"
            path.write_text(render_html(view), encoding="utf-8")
            built = (time.perf_counter() - started) * 1000
            loaded, settled, redraw, filtered = measure(browser, path, args.runs)
            nodes, edges = view.counts()
            size = path.stat().st_size / 1024
            print(
                f"{name:<26}{nodes:>7}{edges:>8}{size:>9.0f}"
                f"{loaded:>8.0f}{settled:>9.0f}{redraw:>8.1f}{filtered:>8.0f}{built:>8.0f}"
            )
        browser.close()


if __name__ == "__main__":
    main()
