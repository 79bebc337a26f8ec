"""Quantities as QUDT quantity values: a multiplier written in the unit (万, 亿) moved into the
value, the unit as written kept without it, and the QUDT unit where one fits
(``ontology/units.toml``): ``0.5万人次`` is 5000, 人次, unit:NUM."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from plankg.ontology.index import read_text
from plankg.ontology.names import UNIT


@dataclass(frozen=True)
class Quantity:
    """A target's value (and upper end), its unit as written and the unit's IRI."""

    value: Decimal
    upper: Decimal | None
    unit_text: str
    unit: str | None


@cache
def _units() -> dict[str, Any]:
    return tomllib.loads(read_text("units.toml"))


def quantity(value: Decimal, unit: str, upper: Decimal | None = None) -> Quantity:
    """The quantity ``value`` (up to ``upper``) in ``unit`` as written."""
    multiplier, written = _split(unit)
    qudt = _units()["qudt"].get(written)
    return Quantity(
        _scaled(value, multiplier),
        None if upper is None else _scaled(upper, multiplier),
        written,
        UNIT + qudt if qudt else None,
    )


def as_written(value: Decimal, unit: str, upper: Decimal | None = None) -> str:
    """The quantity as the plan writes it (numerals as digits): ``0.5万人次``, ``2-3部``."""
    written = _plain(value) + (f"-{_plain(upper)}" if upper is not None else "")
    return written + unit


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _split(unit: str) -> tuple[int, str]:
    for prefix, multiplier in _units()["multipliers"].items():
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return int(multiplier), unit[len(prefix) :]
    return 1, unit


def _scaled(value: Decimal, multiplier: int) -> Decimal:
    """``value × multiplier``, written without exponent or trailing zeros (5000, 0.5, 14.4)."""
    scaled = value * multiplier
    if multiplier == 1:
        return value
    if scaled == scaled.to_integral_value():
        return scaled.quantize(Decimal(1))
    return scaled.normalize()
