"""Traditional script to simplified, character for character, so offsets stay valid.

Names are compared in simplified script (市教育局 whether the reprint wrote 市教育局 or 市教育局's
traditional form); the text people read keeps the script it was written in.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

SHORT_CACHE = 1024
SHORT_CHARS = 200
"""Short texts converted are kept, up to this many of at most this many characters: a plan
converts its title and its head lines again and again, an action's title for its population,
and plans name the same actions (each conversion is a call into OpenCC, some microseconds
however short the text; over 1,200 generated plans, 1,024 kept find what 4,096 find: 41,295
texts). At most 1,024 × 200 characters, whatever the texts read."""


@cache
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def load_converter() -> None:
    """Load OpenCC's dictionaries now (some 4 MiB): a process about to fork workers that
    convert loads them once for all of them."""
    _converter()


def to_simplified(text: str) -> str:
    """``text`` in simplified script, of the same length (phrase conversions that would change
    the length fall back to character-by-character conversion)."""
    if text.isascii():
        return text
    if len(text) <= SHORT_CHARS:
        return _short_simplified(text)
    return _simplified(text)


@lru_cache(maxsize=SHORT_CACHE)
def _short_simplified(text: str) -> str:
    return _simplified(text)


def _simplified(text: str) -> str:
    converter = _converter()
    converted: str = converter.convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(_line(converter, line) for line in text.splitlines(keepends=True))


def _line(converter: Any, line: str) -> str:
    converted: str = converter.convert(line)
    if len(converted) == len(line):
        return converted
    return "".join(c if len(s := converter.convert(c)) != 1 else s for c in line)
