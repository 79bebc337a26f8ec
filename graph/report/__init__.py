"""The analysis as a report an analyst can hand on: one self-contained HTML file and Markdown
beside it, with charts drawn by matplotlib; every table and chart names the function that made
it."""

from plankg.graph.report.pages import (
    Report,
    ReportError,
    build_report,
    report_html,
    report_markdown,
    write_report,
)

__all__ = [
    "Report",
    "ReportError",
    "build_report",
    "report_html",
    "report_markdown",
    "write_report",
]
