"""The text patterns of the plans, loaded once from ``data/patterns.toml``."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def load_patterns() -> dict[str, Any]:
    data = files("plankg.loaders").joinpath("data/patterns.toml").read_text(encoding="utf-8")
    patterns = tomllib.loads(data)
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
    return re.compile(node)


@cache
def table(*path: str) -> Any:
    node: Any = load_patterns()
    for key in path:
        node = node[key]
    return node


@cache
def alternation(*path: str) -> re.Pattern[str]:
    """A pattern matching any of the words listed at ``path``, longest first."""
    words = table(*path)
    keys = words.keys() if isinstance(words, dict) else words
    return re.compile(_words(keys))
