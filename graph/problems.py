"""A problem met while reading an input file: one line naming the file and the reason."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    path: str
    message: str
    fatal: bool
    """True when the file yielded no plan; False for a warning about a plan that was read."""

    def __str__(self) -> str:
        kind = "error" if self.fatal else "warning"
        return f"{kind}: {self.path}: {self.message}"
