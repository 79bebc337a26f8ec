"""Bytes to text: UTF-8 (with or without BOM), UTF-16 and GB18030/GBK, found without being told."""

from __future__ import annotations

import codecs

from plankg.loaders.errors import PlanReadError
from plankg.loaders.programs import compile_pattern

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
MIN_CJK_SHARE = 0.2
"""A GB18030 reading must be at least this share Chinese characters: random bytes that happen
to decode are not a plan."""
CONTROL_SHARE = 0.01
CONTROLS = compile_pattern(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
"""The control characters (Unicode category Cc, U+0000–U+001F and U+007F–U+009F) but the
line and page breaks and tabs (U+0009–U+000D)."""


def decode_bytes(data: bytes, name: str) -> str:
    """The text of a plan file, or :class:`PlanReadError` saying why there is none."""
    if not data.strip():
        raise PlanReadError(f"{name}: empty file")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="strict"), name)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _checked(data.decode(utf16), name)
    if b"\x00" in data:
        raise PlanReadError(f"{name}: binary file, not a text plan")
    try:
        return _checked(data.decode("utf-8"), name)
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as e:
        raise PlanReadError(f"{name}: not text in UTF-8, UTF-16 or GB18030 (byte {e.start})") from e
    if cjk_share(text) < MIN_CJK_SHARE:
        raise PlanReadError(
            f"{name}: not text in UTF-8, UTF-16 or GB18030 (no Chinese when read as GB18030)"
        )
    return _checked(text, name)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text has a NUL in every other byte for ASCII and often for punctuation."""
    sample = data[:4000]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > len(sample) / 8 and even == 0:
        return "utf-16-le"
    if even > len(sample) / 8 and odd == 0:
        return "utf-16-be"
    return None


def cjk_share(text: str) -> float:
    letters = [c for c in text if not c.isspace()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u4e00" <= c <= "\u9fff") / len(letters)


def _checked(text: str, name: str) -> str:
    controls = len(CONTROLS.findall(text))
    if controls > CONTROL_SHARE * len(text):
        raise PlanReadError(f"{name}: binary file, not a text plan")
    return text
