"""China's administrative divisions (GB/T 2260), to find the place a plan belongs to and its level.

``data/regions.tsv`` lists every division with every name its code has had since 2002
(``scripts/make-regions`` writes it from public packages). A name that several divisions share
(朝阳区 is in Beijing and in Changchun) is resolved by the division written before it
(北京市朝阳区) or by the province the text speaks of, else left without a code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from itertools import repeat
from operator import itemgetter

from plankg.loaders.frozen import direct_init
from plankg.loaders.patterns import table
from plankg.loaders.programs import compile_pattern

MAX_NAME = 12
AUTONOMOUS = "自治"
"""What the name of every autonomous region, prefecture, county and banner holds."""


@direct_init
@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: str
    """``province``, ``city`` (prefecture level) or ``county`` (county level)."""
    parent: str | None


@dataclass(frozen=True)
class PlaceMatch:
    """Consecutive divisions named in a text (北京市朝阳区): where, as written, and the last
    division when it is known for certain."""

    start: int
    end: int
    name: str
    division: Division | None
    candidates: tuple[Division, ...]


@cache
def divisions() -> dict[str, tuple[Division, ...]]:
    """Divisions by name (aliases included: 广西, 内蒙古, 宁夏…)."""
    rows = files("plankg.loaders").joinpath("data/regions.tsv").read_text(encoding="utf-8")
    lines = [line for line in rows.splitlines() if not line.startswith("#")]
    header = lines[0].split("\t")
    columns = itemgetter(*(header.index(c) for c in ("code", "name", "level", "parent")))
    short_names = table("regions", "province_short_names")
    found: dict[str, dict[str, Division]] = {}
    for code, name, level, parent in map(columns, map(str.split, lines[1:], repeat("\t"))):
        division = Division(code, name, level, parent or None)
        same = found.get(name)
        if same is None:
            found[name] = {code: division}
        else:
            same[code] = division
        if level == "province" or AUTONOMOUS in name:
            for alias in _aliases(name, level, short_names):
                found.setdefault(alias, {})[code] = division
    return {name: tuple(by_code.values()) for name, by_code in found.items()}


@cache
def by_code() -> dict[str, Division]:
    latest: dict[str, Division] = {}
    for name, found in divisions().items():
        for division in found:
            if division.name == name:
                latest[division.code] = division
    return latest


def _aliases(name: str, level: str, short_names: dict[str, str]) -> list[str]:
    """Short names: 广西 for 广西壮族自治区, 黔南州 for 黔南布依族苗族自治州."""
    short = short_names.get(name) if level == "province" else None
    m = _autonomous().match(name) if AUTONOMOUS in name else None
    return [n for n in (short, m and m["place"] + m["kind"]) if n]


@cache
def _autonomous() -> re.Pattern[str]:
    groups = "|".join(sorted(table("regions", "ethnic_groups"), key=len, reverse=True))
    return compile_pattern(rf"^(?P<place>.+?)(?:(?:{groups})族)+{AUTONOMOUS}(?P<kind>州|县|旗)$")


@cache
def province_codes() -> dict[str, str]:
    """The code of each province by its name (read once: a plan's place is settled by them)."""
    return {d.name: d.code for d in by_code().values() if d.level == "province"}


def province_of(division: Division) -> Division:
    code = division.code[:2] + "0000"
    return by_code()[code]


def prefecture_of(division: Division) -> Division | None:
    """The prefecture-level division a county-level one belongs to (None under a province
    directly, as Chongqing's counties and Hubei's 天门市)."""
    parent = by_code().get(division.parent or "")
    return parent if parent and parent.level == "city" else None


def places(text: str) -> Iterator[PlaceMatch]:
    """Chains of division names in ``text``, longest names first, left to right."""
    names = divisions()
    i = 0
    while i < len(text):
        chain = list(_chain(text, i, names))
        if not chain:
            i += 1
            continue
        end = chain[-1][1]
        yield _resolved(text, i, end, chain)
        i = end


def _chain(
    text: str, start: int, names: dict[str, tuple[Division, ...]]
) -> Iterator[tuple[int, int, str]]:
    """Names following each other from ``start``: (start, end, name)."""
    at = start
    while True:
        name = _longest_name_at(text, at, names)
        if name is None:
            return
        yield at, at + len(name), name
        at += len(name)


def _longest_name_at(text: str, at: int, names: dict[str, tuple[Division, ...]]) -> str | None:
    longest = len(text) - at
    for length in _name_lengths().get(text[at], ()) if longest > 1 else ():
        if length <= longest and text[at : at + length] in names:
            return text[at : at + length]
    return None


@cache
def _name_lengths() -> dict[str, tuple[int, ...]]:
    """The lengths of the names (two to :data:`MAX_NAME` characters) by their first character,
    longest first: a place is looked for only where a name can open, at the lengths names
    have."""
    lengths: dict[str, set[int]] = {}
    for name in divisions():
        if 1 < len(name) <= MAX_NAME:
            lengths.setdefault(name[0], set()).add(len(name))
    return {first: tuple(sorted(found, reverse=True)) for first, found in lengths.items()}


def _resolved(text: str, start: int, end: int, chain: list[tuple[int, int, str]]) -> PlaceMatch:
    names = divisions()
    context: tuple[Division, ...] = ()
    for _, _, name in chain:
        found = names[name]
        within = tuple(d for d in found if any(_under(d, c) for c in context))
        context = within or found
    division = context[0] if len(context) == 1 else None
    return PlaceMatch(start, end, text[start:end], division, context)


def _under(division: Division, ancestor: Division) -> bool:
    code = division.code
    if ancestor.level == "province":
        return code[:2] == ancestor.code[:2] and code != ancestor.code
    if ancestor.level == "city":
        return code[:4] == ancestor.code[:4] and code != ancestor.code
    return False


def disambiguated(match: PlaceMatch, provinces: Iterable[str]) -> Division | None:
    """The division of ``match`` in one of ``provinces`` (codes), when exactly one is."""
    if match.division is not None:
        return match.division
    wanted = set(provinces)
    inside = [d for d in match.candidates if d.code[:2] + "0000" in wanted]
    return inside[0] if len(inside) == 1 else None


def level_of(division: Division, written: str) -> str:
    """The plan level of a division: province, city, county (县, 旗, county-level city) or
    district (区)."""
    if division.level == "county" and written.endswith("区"):
        return "district"
    return division.level
