"""What a process makes from plankg's data files and the next process could read instead (the
vocabulary's index, the parsed ``patterns.toml``, the loaders' compiled patterns), kept under
the user's cache folder (:func:`plankg.files.cache_folder`) in :mod:`marshal`'s format:
Python's own, read in C, running no code when read.

A file is named by a digest of what it was made from and of the interpreter's version (marshal's
format may change between versions): changed data or another Python never reads it. Its bytes
follow their SHA-256, so a damaged file reads as missing; it is written whole and moved into
place in one step (:func:`plankg.files.write_texts`); a folder that cannot be written costs only
the making again.

Old files do not pile up: a file read is marked used (its modification time set to now, at most
once a day), and writing a file of a kind removes the files of that kind unused for
:data:`UNUSED_DAYS` (those of an older plankg or Python, or of data files since changed).
Two checkouts or interpreters in use side by side each keep theirs.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any, TypeVar

from plankg.errors import OutputError
from plankg.files import cache_folder, write_texts

T = TypeVar("T")
DIGEST_SIZE = 32
"""The SHA-256 of the content heads the file."""
UNUSED_DAYS = 30
"""A file not read for this long is removed when another file of its kind is written."""
DAY = 86_400.0


def cache_file(kind: str, *sources: str) -> Path:
    """The file of ``kind`` made from ``sources`` by this interpreter."""
    digest = hashlib.sha256(sys.version.encode())
    for source in sources:
        digest.update(hashlib.sha256(source.encode()).digest())
    return cache_folder() / f"{kind}-{digest.hexdigest()[:32]}.marshal"


def read_value(path: Path) -> Any:
    """The value kept in ``path``; None when it is missing or damaged."""
    try:
        data = path.read_bytes()
        digest, content = data[:DIGEST_SIZE], data[DIGEST_SIZE:]
        if hashlib.sha256(content).digest() != digest:
            return None
        value = marshal.loads(content)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    _mark_used(path)
    return value


def value_bytes(value: Any) -> bytes:
    """``value`` marshalled, after the SHA-256 of its bytes."""
    content = marshal.dumps(value)
    return hashlib.sha256(content).digest() + content


def write_value(path: Path, value: Any) -> None:
    """Keep ``value`` in ``path``; a folder that cannot be written, or a value marshal cannot
    write, leaves it as it is."""
    with suppress(OutputError, ValueError):
        write_texts({path: value_bytes(value)})
        _remove_unused(path)


def _remove_unused(path: Path) -> None:
    """Remove the files of ``path``'s kind, beside it, unused for :data:`UNUSED_DAYS`."""
    kind = path.name.partition("-")[0]
    cutoff = time.time() - UNUSED_DAYS * DAY
    for other in path.parent.glob(f"{kind}-*.marshal"):
        with suppress(OSError):
            if other != path and other.stat().st_mtime < cutoff:
                other.unlink()


def _mark_used(path: Path) -> None:
    """Set ``path``'s modification time to now when it is a day old or older (one ``stat``
    a read; a write at most once a day)."""
    with suppress(OSError):
        if path.stat().st_mtime < time.time() - DAY:
            os.utime(path)


def kept(kind: str, sources: tuple[str, ...], make: Callable[[], T], valid: type[T]) -> T:
    """The value of ``kind`` made from ``sources``: read from its file when that holds a
    ``valid`` one, else made (and kept for the next process)."""
    path = cache_file(kind, *sources)
    value = read_value(path)
    if isinstance(value, valid):
        return value
    value = make()
    write_value(path, value)
    return value
