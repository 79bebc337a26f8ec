"""The cross-city analysis as a report an analyst can hand on: one self-contained HTML file
(charts as embedded PNG data, style inline, no script, no font or file fetched) and Markdown
beside it (charts as PNG files in ``figures/``).

Every table and chart names the library function that made it and, where one exists, the named
query (``queries/*.rq``) that gives the same figures. The output is deterministic: the same
plans give the same bytes.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from plankg.errors import OutputError
from plankg.files import write_texts
from plankg.graph.analysis import TABLES, AnalysisFacts, Source, TableSpec, analyze, facts_of
from plankg.graph.report import charts, network_chart
from plankg.graph.report.outline import (
    CONTENTS_TITLE,
    PLANS_ANCHOR,
    PLANS_TITLE,
    Entry,
    figure_anchor,
    outline,
    specs_of,
    table_anchor,
)
from plankg.tables import Table, cell

HTML_NAME, MARKDOWN_NAME, FIGURES = "report.html", "report.md", "figures"
TITLE = "全民科学素质行动实施方案：跨地区分析 Cross-city analysis of science-literacy plans"
SECTION_TITLES = {
    "load": "牵头工作量 Lead load",
    "concentration": "牵头集中度 Concentration of lead work",
    "networks": "协作网络 Agency networks",
    "matrix": "地区 × 单位类型 Who leads what where",
    "targets": "目标对比 Targets side by side",
    "tasks": "同类任务 Task by task",
}
SECTION_NOTES = {
    "load": (
        "An action-level assignment counts for every measure of its action. measure_share = "
        "measures led / the plan's measures; lead_share = measures led / all (agency, measure) "
        "lead assignments of the plan. A merged bureau counts for each function type it has."
    ),
    "concentration": (
        "hhi (Herfindahl–Hirschman index) = Σ sᵢ², sᵢ = an agency's share of the plan's lead "
        "assignments: 1/n when n agencies lead equally, 1 when one leads all; effective_leads "
        "= 1/hhi. gini = Σᵢ Σⱼ |cᵢ − cⱼ| / (2 n² c̄) over the agencies that lead."
    ),
    "networks": (
        "Co-lead network: lead agencies joined when they lead the same measure (weight = "
        "measures co-led). Collaboration network: lead → partner (weight = measures shared). "
        "Degree = distinct neighbours, weight = weighted degree, betweenness = normalised, "
        "on hop counts, per plan (collaboration: on its undirected view)."
    ),
    "matrix": (
        "Cells: measures led by agencies of the type in the plan. A type is named in a plan "
        "when one of its agencies leads or takes part in a measure."
    ),
    "targets": (
        "Targets are grouped by kind (graph/analysis/target_kinds.toml), basis (per year or "
        "cumulative) and unit, 万 counted out (1万人次 = 10000 人次); regions_compared counts "
        "the regions in the same group. Only targets of a known kind are listed."
    ),
    "tasks": (
        "A task family groups the measures of different plans that are the same task of one "
        "canonical action (character n-gram TF-IDF of title and text, leader clustering, no "
        "two measures of one plan). Coverage cells: the action and measure number of the "
        "plan's member (1.3), empty where the plan has none; missing_from lists the plans of "
        "the same outline without it. Same task, different lead: the families whose lead "
        "agencies are not of the same types in every plan carrying them."
    ),
}
CSS = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
  sans-serif; margin: 2em auto; max-width: 1200px; padding: 0 1em; color: #222; }
h1 { font-size: 1.5em; } h2 { border-bottom: 1px solid #ccc; margin-top: 2em; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 0.85em; }
th, td { border: 1px solid #ddd; padding: 2px 6px; vertical-align: top; }
th { background: #f2f4f7; text-align: left; } td.num { text-align: right; }
figure { margin: 1em 0; } figure img { max-width: 100%; }
.source { color: #666; font-size: 0.85em; } code { background: #f4f4f4; padding: 0 3px; }
"""
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


class ReportError(OutputError):
    """The report cannot be written where asked."""


@dataclass(frozen=True)
class ReportFigure:
    name: str
    title: str
    section: str
    png: bytes
    tables: tuple[TableSpec, ...]


@dataclass(frozen=True)
class Report:
    plans: Table
    tables: dict[str, Table]
    figures: tuple[ReportFigure, ...]


FIGURE_PLAN: tuple[tuple[str, str, str, tuple[str, ...], Callable[..., bytes]], ...] = (
    ("top_leads", "Top lead agencies per region", "load", ("lead_load",), charts.top_leads_chart),
    ("type_load", "Measures led by agency type", "load", ("type_load",), charts.type_load_chart),
    (
        "co_lead",
        "Co-lead network per plan",
        "networks",
        ("co_lead_pairs", "lead_load"),
        network_chart.co_lead_chart,
    ),
    (
        "type_matrix",
        "Region × agency type heat map",
        "matrix",
        ("type_matrix",),
        charts.type_matrix_heatmap,
    ),
    (
        "type_share",
        "Region × agency type heat map, as share of each plan's measures",
        "matrix",
        ("type_matrix", "concentration"),
        charts.type_share_heatmap,
    ),
    (
        "headline_targets",
        "Headline literacy targets",
        "targets",
        ("headline_targets",),
        charts.headline_chart,
    ),
)
"""The charts: name, title, section, the tables each is drawn from, the function drawing it."""
FOLDED = {"agency_networks"}
"""Long, sparse tables the report shows folded (``<details>``) under the chart that sums them
up: ``agency_networks`` (a row per agency and plan) under the co-lead chart."""


def traced_to(spec: TableSpec) -> str:
    """``plankg.graph.analysis.lead_load (named query: top-lead)``."""
    return spec.function + (f" (named query: {spec.query})" if spec.query else "")


def plans_table(facts: AnalysisFacts) -> Table:
    rows = tuple((facts.region(p), facts.plan_key(p), facts.label(p)) for p in facts.plans)
    return Table(("region", "plan", "title"), rows)


def build_report(source: Source) -> Report:
    """Every analysis table and the charts drawn from them."""
    facts = facts_of(source)
    tables = analyze(facts)
    specs = {spec.name: spec for spec in TABLES}
    figures = tuple(
        ReportFigure(
            name,
            title,
            section,
            draw(*(tables[t] for t in used)),
            tuple(specs[t] for t in used),
        )
        for name, title, section, used, draw in FIGURE_PLAN
    )
    return Report(plans_table(facts), tables, figures)


MARKDOWN_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", "\\": "\\\\", "`": "\\`", "[": "\\[", "]": "\\]"}
    | {"|": "\\|", "\n": " ", "\r": " "}
)
"""Plan text in a Markdown cell is text: no raw HTML (``<img onerror=…>``), no link or image
(``[x](javascript:…)``, ``![](http://…)``), no code span, no cell or line break."""


def _markdown_cell(value: object) -> str:
    return cell(value).translate(MARKDOWN_ESCAPES)


def markdown_table(table: Table) -> str:
    lines = ["| " + " | ".join(table.columns) + " |", "|" + "---|" * len(table.columns)]
    lines += ["| " + " | ".join(_markdown_cell(v) for v in row) + " |" for row in table.rows]
    return "\n".join(lines)


def _figures_of(report: Report, section: str) -> list[ReportFigure]:
    return [f for f in report.figures if f.section == section]


def _contents(report: Report) -> list[Entry]:
    return list(outline(SECTION_TITLES, report.figures, report.tables))


def _folded_summary(table: Table) -> str:
    return f"全部 {len(table.rows)} 行 All {len(table.rows)} rows"


def markdown_contents(report: Report) -> str:
    lines = [f"## {CONTENTS_TITLE}", ""]
    for entry in _contents(report):
        indent = "  " * (entry.level - 2)
        lines.append(f"{indent}- [{entry.title}](#{entry.anchor})")
    return "\n".join(lines)


def _markdown_table_block(spec: TableSpec, table: Table) -> list[str]:
    parts = [f'<a id="{table_anchor(spec.name)}"></a>', f"### {spec.title}"]
    parts.append(f"Source: `{traced_to(spec)}`")
    if spec.name in FOLDED:
        summary = f"<details><summary>{_folded_summary(table)}</summary>"
        return [*parts, summary, markdown_table(table), "</details>"]
    return [*parts, markdown_table(table)]


def report_markdown(report: Report, figures: str = FIGURES) -> str:
    """The report in Markdown; charts are linked as ``{figures}/NAME.png``."""
    parts = [f"# {TITLE}", markdown_contents(report)]
    parts += [f'<a id="{PLANS_ANCHOR}"></a>', f"## {PLANS_TITLE}", markdown_table(report.plans)]
    for section, title in SECTION_TITLES.items():
        parts += [f'<a id="{section}"></a>', f"## {title}", SECTION_NOTES[section]]
        for figure in _figures_of(report, section):
            sources = "; ".join(f"`{traced_to(s)}`" for s in figure.tables)
            parts += [
                f'<a id="{figure_anchor(figure.name)}"></a>',
                f"![{figure.title}]({figures}/{figure.name}.png)",
                f"*{figure.title}* — {sources}",
            ]
        for spec in specs_of(section, report.tables):
            parts += _markdown_table_block(spec, report.tables[spec.name])
    return "\n\n".join(parts) + "\n"


def html_table(table: Table) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in table.columns)
    body = []
    for row in table.rows:
        cells = "".join(
            f'<td class="num">{html.escape(cell(v))}</td>'
            if isinstance(v, int | float) and not isinstance(v, bool)
            else f"<td>{html.escape(cell(v))}</td>"
            for v in row
        )
        body.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _html_source(spec: TableSpec) -> str:
    return f'<p class="source">Source: <code>{html.escape(traced_to(spec))}</code></p>'


def _html_figure(figure: ReportFigure) -> str:
    data = base64.b64encode(figure.png).decode("ascii")
    sources = "; ".join(f"<code>{html.escape(traced_to(s))}</code>" for s in figure.tables)
    return (
        f'<figure id="{figure_anchor(figure.name)}">'
        f'<img alt="{html.escape(figure.title)}" src="data:image/png;base64,{data}">'
        f'<figcaption class="source">{html.escape(figure.title)} — {sources}</figcaption></figure>'
    )


def html_contents(report: Report) -> str:
    """The table of contents: sections, and under each its charts and tables."""
    items: list[str] = []
    for entry in _contents(report):
        link = f'<a href="#{entry.anchor}">{html.escape(entry.title)}</a>'
        if entry.level == 2:
            items += ["</ul></li>"] if items else []
            items.append(f"<li>{link}<ul>")
        else:
            items.append(f"<li>{link}</li>")
    listed = "".join([*items, "</ul></li>"] if items else []).replace("<ul></ul>", "")
    return f'<nav id="contents"><h2>{CONTENTS_TITLE}</h2><ul>{listed}</ul></nav>'


def _html_table_block(spec: TableSpec, table: Table) -> list[str]:
    head = [
        f'<h3 id="{table_anchor(spec.name)}">{html.escape(spec.title)}</h3>',
        _html_source(spec),
    ]
    if spec.name in FOLDED:
        summary = f"<summary>{html.escape(_folded_summary(table))}</summary>"
        return [*head, f"<details>{summary}{html_table(table)}</details>"]
    return [*head, html_table(table)]


def report_html(report: Report) -> str:
    """The report as one self-contained HTML page."""
    parts = [f"<h1>{html.escape(TITLE)}</h1>", html_contents(report)]
    parts += [f'<h2 id="{PLANS_ANCHOR}">{PLANS_TITLE}</h2>', html_table(report.plans)]
    for section, title in SECTION_TITLES.items():
        parts += [f'<h2 id="{section}">{html.escape(title)}</h2>']
        parts.append(f"<p>{html.escape(SECTION_NOTES[section])}</p>")
        parts += [_html_figure(f) for f in _figures_of(report, section)]
        for spec in specs_of(section, report.tables):
            parts += _html_table_block(spec, report.tables[spec.name])
    head = (
        '<meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        f"<title>{html.escape(TITLE)}</title><style>{CSS}</style>"
    )
    return (
        f'<!DOCTYPE html>\n<html lang="zh"><head>{head}</head><body>\n'
        + "\n".join(parts)
        + "\n</body></html>\n"
    )


def write_report(source: Source, out: Path) -> list[Path]:
    """Write ``report.html``, ``report.md`` and ``figures/*.png`` into the folder ``out``."""
    if out.exists() and not out.is_dir():
        raise ReportError(f"{out} is a file; name a folder for the report")
    report = build_report(source)
    figures = {out / FIGURES / f"{figure.name}.png": figure.png for figure in report.figures}
    pages = {out / HTML_NAME: report_html(report), out / MARKDOWN_NAME: report_markdown(report)}
    return sorted(write_texts({**figures, **pages}))
