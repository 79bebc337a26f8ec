"""Traditional script to simplified, character for character, so offsets stay valid.

Names are compared in simplified script (市教育局 whether the reprint wrote 市教育局 or 市教育局's
traditional form); the text people read keeps the script it was written in.
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """``text`` in simplified script, of the same length (phrase conversions that would change
    the length fall back to character-by-character conversion)."""
    if text.isascii():
        return text
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
