"""Text as one IRI path segment, readable and always the same."""

from __future__ import annotations

import unicodedata

UNSAFE = frozenset(' <>"{}|\\^`#?/%[]')
NOT_IN_IRIS = frozenset(("Cc", "Cf", "Co", "Cs", "Cn", "Zs", "Zl", "Zp"))
"""Unicode categories an IRI may not carry as they are (RFC 3987 ``ucschar`` leaves out
controls, surrogates, private use and noncharacters; spaces delimit)."""


def segment(text: str) -> str:
    """``text`` as one IRI path segment: Chinese kept readable; delimiters and characters an IRI
    may not hold (controls, private use, noncharacters, U+FFFD) percent-encoded as UTF-8, so any
    text gives a valid IRI, always the same one."""
    return "".join(_encoded(c) if _unsafe(c) else c for c in text)


def _unsafe(char: str) -> bool:
    if char in UNSAFE:
        return True
    code = ord(char)
    return (
        code < 0x21
        or code == 0x7F
        or char == "\ufffd"
        or (code & 0xFFFE) == 0xFFFE
        or 0xFDD0 <= code <= 0xFDEF
        or unicodedata.category(char) in NOT_IN_IRIS
    )


def _encoded(char: str) -> str:
    return "".join(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass"))
