"""The text patterns of the plans, loaded once from ``data/patterns.toml`` (parsed once per
machine: kept by :mod:`plankg.cache` until the file changes)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from re import _constants, _parser  # type: ignore[attr-defined]
from typing import Any

from plankg.cache import kept
from plankg.loaders.programs import compile_pattern


@cache
def load_patterns() -> dict[str, Any]:
    data = files("plankg.loaders").joinpath("data/patterns.toml").read_text(encoding="utf-8")
    patterns = kept("patterns", (data,), lambda: tomllib.loads(data), dict)  # tomllib: ~6 ms
    labels = patterns["assignment"]["labels"]
    own_line = patterns["assignment"]["own_line"]
    patterns["assignment"]["own_line"] = own_line.replace("{labels}", _words(labels))
    return patterns


def _words(words: Any) -> str:
    """An alternation of ``words``, longest first (a regex fragment)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def regex(*path: str) -> re.Pattern[str]:
    """The compiled pattern at ``path`` in the patterns file, e.g. ``regex("headings", "item",
    "pattern")``."""
    node: Any = load_patterns()
    for key in path:
        node = node[key]
    return compile_pattern(node)


@cache
def table(*path: str) -> Any:
    node: Any = load_patterns()
    for key in path:
        node = node[key]
    return node


@cache
def word_tuple(*path: str) -> tuple[str, ...]:
    """The words listed at ``path`` as a tuple (for ``str.startswith`` and ``str.endswith``)."""
    return tuple(table(*path))


@cache
def alternation(*path: str) -> re.Pattern[str]:
    """A pattern matching any of the words listed at ``path``, longest first."""
    words = table(*path)
    keys = words.keys() if isinstance(words, dict) else words
    return compile_pattern(_words(keys))


def may_hold(text: str, start: int, end: int, *path: str) -> bool:
    """Whether ``text[start:end]`` holds one of the words every match of the pattern at ``path``
    holds (its ``<name>_requires`` list in the patterns file): where none stands, the pattern
    need not be tried. Worth asking of a pattern that opens with a lazy run, which ``re`` tries
    at every character."""
    *section, name = path
    words = word_tuple(*section, f"{name}_requires")
    return any(text.find(word, start, end) >= 0 for word in words)


def finditer(pattern: re.Pattern[str], text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, start, end)``, the same matches, found faster where the
    characters a match opens with are known: the regex engine tries a pattern of alternatives
    at every character (``为…牵头部门|牵头|负责|配合…``, 30 times slower than looking for one of
    their first characters), so those characters are looked for first and the pattern is tried
    only where one stands."""
    opener = _opener_of(pattern)
    if opener is None:
        yield from pattern.finditer(text, start, end)
        return
    at = start
    while (candidate := opener.search(text, at, end)) is not None:
        m = pattern.match(text, candidate.start(), end)
        if m is None:
            at = candidate.start() + 1
            continue
        yield m
        at = m.end()


_OPENERS: dict[int, tuple[re.Pattern[str], re.Pattern[str] | None]] = {}
"""Each pattern's opener by the pattern's identity (the pattern kept beside it, so an id is
never taken for another's). As many as the patterns :func:`finditer` is given, which are
compiled once each."""


def _opener_of(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """:func:`_opener` looked up by identity: a pattern's hash is taken over its whole program
    at every call (some 1.5 µs for the role verbs and the quantities: a few percent of a parse,
    which calls :func:`finditer` a thousand times)."""
    kept = _OPENERS.get(id(pattern))
    if kept is None or kept[0] is not pattern:
        kept = _OPENERS[id(pattern)] = (pattern, _opener(pattern))
    return kept[1]


def _opener(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern matching any character a match of ``pattern`` can open with, or None when the
    pattern does not say (an optional start, a wide class, a flag). Look-arounds and anchors
    before the first character are passed over (they consume nothing)."""
    if pattern.flags & ~re.UNICODE:
        return None
    try:
        members = _first_characters(_consuming(list(_parser.parse(pattern.pattern))))
    except (re.error, TypeError, ValueError):
        return None
    if not members:
        return None
    return compile_pattern("[" + "".join(map(_class_member, _ordered(members))) + "]")


MAX_RANGE = 256
"""A class spanning more characters than this (``[\\u4e00-\\u9fff]``) is not worth listing."""
CATEGORIES = {_constants.CATEGORY_DIGIT: r"\d"}
"""Categories an opener may name, as a class member (``\\d``: a quantity opens with a digit)."""
ZERO_WIDTH = (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT)

Member = int | str
"""A character's code point, or a category's escape (``\\d``)."""


def _ordered(members: set[Member]) -> list[Member]:
    """Characters by code point, then categories."""
    return sorted(m for m in members if isinstance(m, int)) + sorted(
        m for m in members if isinstance(m, str)
    )


def _class_member(member: Member) -> str:
    return member if isinstance(member, str) else re.escape(chr(member))


def _consuming(items: list[Any]) -> list[Any]:
    """The items of a parsed pattern from the first that can consume a character: look-arounds
    and anchors (``(?<![\\d.])``, ``(?:^|(?<=…))``) before it are left out."""
    at = 0
    while at < len(items) and _zero_width(items[at]):
        at += 1
    return items[at:]


def _zero_width(item: tuple[Any, Any]) -> bool:
    op, arg = item
    if op in ZERO_WIDTH:
        return True
    if op is _constants.BRANCH:
        return all(alternative and all(map(_zero_width, alternative)) for alternative in arg[1])
    return False


def _first_characters(items: list[Any]) -> set[Member] | None:
    """What a match of the items of a parsed pattern opens with, or None."""
    if not items:
        return None
    op, arg = items[0]
    if op is _constants.LITERAL:
        return {arg}
    if op is _constants.IN:
        return _class_characters(arg)
    if op is _constants.BRANCH:
        return _union(_first_characters(list(alternative)) for alternative in arg[1])
    if op is _constants.SUBPATTERN:
        _, add_flags, del_flags, inner = arg
        return None if add_flags or del_flags else _first_characters(list(inner))
    if op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT) and arg[0] >= 1:
        return _first_characters(list(arg[2]))
    return None


def _class_characters(members: list[tuple[Any, Any]]) -> set[Member] | None:
    chars: set[Member] = set()
    for op, arg in members:
        if op is _constants.LITERAL:
            chars.add(arg)
        elif op is _constants.RANGE and arg[1] - arg[0] < MAX_RANGE:
            chars.update(range(arg[0], arg[1] + 1))
        elif op is _constants.CATEGORY and arg in CATEGORIES:
            chars.add(CATEGORIES[arg])
        else:
            return None
    return chars


def _union(sets: Iterator[set[Member] | None]) -> set[Member] | None:
    found: set[Member] = set()
    for chars in sets:
        if chars is None:
            return None
        found |= chars
    return found
