"""Regions as the graph identifies them: by their GB/T 2260 code where the gazetteer
(:mod:`plankg.loaders.gazetteer`) knows it, never by a bare name that repeats across provinces
(朝阳区 is in Beijing and in Changchun). A region without a code (岳阳市南湖新区, a 新区) is
keyed by its name under the nearest region above it that has one."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from plankg.graph.rdf.segment import segment
from plankg.loaders.frozen import compared
from plankg.loaders.gazetteer import Division, by_code, divisions
from plankg.loaders.model import Region, RegionLevel


@compared
@dataclass(frozen=True, repr=False, eq=False)
class Place:
    """A region of the graph: its key (the IRI path after ``id/region/``), name, level, GB/T
    2260 code and the place it lies within."""

    key: str
    name: str
    level: RegionLevel
    code: str | None
    within: Place | None


def place_of(region: Region) -> Place:
    """The graph's region for a plan's region, with the regions above it."""
    if region.code and region.code in by_code():
        return _coded(by_code()[region.code], region.level)
    above = _above(region)
    return Place(_key(above, region.name), region.name, region.level, None, above)


def _above(region: Region) -> Place | None:
    """The region a region without a code lies within: its parent city, else its province."""
    province = _division(region.province, "province", None) if region.province else None
    if region.parent and region.parent != region.name:
        city = _division(region.parent, "city", province)
        if city is not None:
            return _coded(city, "city")
        upper = _coded(province, "province") if province else None
        return Place(_key(upper, region.parent), region.parent, "city", None, upper)
    if region.province and region.province != region.name:
        if province is not None:
            return _coded(province, "province")
        return Place(segment(region.province), region.province, "province", None, None)
    return None


@cache
def _coded(division: Division, level: RegionLevel) -> Place:
    parent = by_code().get(division.parent or "")
    within = _coded(parent, _level(parent)) if parent else None
    return Place(division.code, division.name, level, division.code, within)


def _level(division: Division) -> RegionLevel:
    return "province" if division.level == "province" else "city"


def _division(name: str, level: str, province: Division | None) -> Division | None:
    """The division called ``name`` at ``level`` (within ``province``), when exactly one is."""
    found = {
        d.code: d
        for d in divisions().get(name, ())
        if d.level == level and (province is None or d.code[:2] == province.code[:2])
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _key(above: Place | None, name: str) -> str:
    """The key of a region without a code: its name (as an IRI segment) under the key above."""
    return f"{above.key}/{segment(name)}" if above else segment(name)
