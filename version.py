"""plankg's installed version, as :func:`importlib.metadata.version` gives it, read without
importing :mod:`importlib.metadata` (some 25 ms with the e-mail parser it reads metadata with,
on the build's path): from the ``Version`` field of the first ``plankg-*.dist-info/METADATA``
on :data:`sys.path`, where importlib.metadata finds it. Anything else (an ``.egg-info``, a
zip file, no such folder, a folder that cannot be read) is left to importlib.metadata."""

from __future__ import annotations

import os
import sys
from functools import cache

NAME = "plankg"


@cache
def installed_version() -> str:
    return _dist_info_version() or _metadata_version()


def _dist_info_version() -> str | None:
    for entry in sys.path:
        try:
            names = sorted(n for n in os.listdir(entry or ".") if _is_metadata(n))
        except OSError:
            continue
        if not names:
            continue
        if len(names) > 1 or not names[0].endswith(".dist-info"):
            return None  # importlib.metadata's choice then
        return _version_field(os.path.join(entry or ".", names[0], "METADATA"))
    return None


def _is_metadata(name: str) -> bool:
    lower = name.lower()
    return lower.startswith((f"{NAME}-", f"{NAME}.")) and lower.endswith(
        (".dist-info", ".egg-info")
    )


def _version_field(path: str) -> str | None:
    """The ``Version`` header of a METADATA file (its headers end at the first blank line)."""
    try:
        with open(path, encoding="utf-8") as file:
            for line in file:
                if not line.strip():
                    return None
                if line.startswith("Version:"):
                    return line[len("Version:") :].strip()
    except OSError:
        return None
    return None


def _metadata_version() -> str:
    from importlib import metadata

    return metadata.version(NAME)
