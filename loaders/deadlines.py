"""When a task is due, as plans write it: ``2025年底前`` (by 2025), ``每年`` (annual),
``长期坚持`` (ongoing)."""

from __future__ import annotations

from plankg.loaders.model import Deadline, Span
from plankg.loaders.patterns import regex, table


def deadline_of(text: str, span: Span) -> Deadline:
    """The deadline ``text`` states: by a year, annual, ongoing, or other (kept as written)."""
    year = regex("tables", "deadline_year").search(text)
    if any(w in text for w in table("tables", "deadline_ongoing")):
        return Deadline(text, "ongoing", None, span)
    if year:
        return Deadline(text, "by", int(year["year"]), span)
    if any(w in text for w in table("tables", "deadline_annual")):
        return Deadline(text, "annual", None, span)
    return Deadline(text, "other", None, span)
