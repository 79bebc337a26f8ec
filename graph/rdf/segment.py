"""Text as one IRI path segment, readable and always the same."""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache

UNSAFE = frozenset(' <>"{}|\\^`#?/%[]')
NOT_IN_IRIS = frozenset(("Cc", "Cf", "Co", "Cs", "Cn", "Zs", "Zl", "Zp"))
"""Unicode categories an IRI may not carry as they are (RFC 3987 ``ucschar`` leaves out
controls, surrogates, private use and noncharacters; spaces delimit)."""
UCSCHAR = (
    (0xA0, 0xD7FF),
    (0xF900, 0xFDCF),
    (0xFDF0, 0xFFEF),
    *((plane, plane + 0xFFFD) for plane in range(0x10000, 0xE0000, 0x10000)),
    (0xE1000, 0xEFFFD),
)
"""The code points beyond ASCII an IRI path may hold (RFC 3987 ``ucschar``): not U+FFF0–FFFF
(U+FFFC is a symbol) nor U+E0000–E0FFF (tags, variation selectors 17–256), whatever their
category."""
SEGMENT_CACHE = 1024
"""Texts whose segment is kept: an agency's name is a segment of each of its assignments' IRIs,
met again and again within a plan, seldom in the plans of other places. A larger bound only
grew a converting worker: after 2,500 generated plans, 16,384 held 3,106 segments and the
process 1.6 MiB more than 1,024 (this bound and :data:`~plankg.ontology.type_names.NAMES_CACHE`
together), for the same 701,442 hits."""


@lru_cache(maxsize=SEGMENT_CACHE)
def segment(text: str) -> str:
    """``text`` as one IRI path segment: Chinese kept readable; delimiters and characters an IRI
    may not hold (controls, private use, noncharacters, U+FFFD) percent-encoded as UTF-8, so any
    text gives a valid IRI, always the same one."""
    return "".join(_encoded(c) if _unsafe(c) else c for c in text)


@cache  # a plan's text has a few thousand distinct characters, met again and again
def _unsafe(char: str) -> bool:
    if char in UNSAFE:
        return True
    code = ord(char)
    if code < 0x80:
        return code < 0x21 or code == 0x7F
    return (
        char == "\ufffd"
        or not any(low <= code <= high for low, high in UCSCHAR)
        or unicodedata.category(char) in NOT_IN_IRIS
    )


def _encoded(char: str) -> str:
    return "".join(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass"))
