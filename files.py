"""Writing outputs: folders made as needed, a failure to write as one line
(:class:`~plankg.errors.OutputError`). Library functions make text; this puts it on disk.

Every output is written beside its target under a temporary name and moved into place only
once written in full: a run that fails (or is killed) leaves the previous output as it was,
never half a file, and no temporary file behind.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO, cast

from plankg.errors import OutputError

PARTIAL = ".partial"
"""The suffix of an output being written (``.plankg.ttl.k2j4.partial``)."""


@contextmanager
def writing(path: Path) -> Iterator[None]:
    """An :class:`OSError` inside becomes an :class:`OutputError` naming ``path``."""
    try:
        yield
    except OSError as e:
        raise OutputError(f"cannot write {path}: {e.strerror or e}") from e


@dataclass
class Staged:
    """An output being written: ``file`` replaces the target when the block ends without an
    error, unless ``keep`` was set to False (a run that produced nothing to keep)."""

    file: TextIO
    keep: bool = True


@contextmanager
def staged(path: Path) -> Iterator[Staged]:
    """Write ``path``'s new content (UTF-8 text) to a temporary file beside it, which then
    replaces ``path`` in one step; on any failure ``path`` is left as it was.

    The temporary file's name is chosen before it is made, so an interruption (SIGTERM raises
    in the main thread between any two steps) at any point leaves no temporary file behind."""
    temporary = _temporary_name(path)
    try:
        with writing(path):
            path.parent.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with writing(path), os.fdopen(descriptor, "w", encoding="utf-8") as file:
            stage = Staged(file)
            yield stage
        if stage.keep:
            with writing(path):
                os.replace(temporary, path)
    finally:
        with suppress(FileNotFoundError, NotADirectoryError):
            temporary.unlink()


def _temporary_name(path: Path) -> Path:
    """A name beside ``path`` that no file has (``.plankg.ttl.k2j4x9q1.partial``)."""
    while True:
        candidate = path.parent / f".{path.name}.{os.urandom(4).hex()}{PARTIAL}"
        if not candidate.exists():
            return candidate


def cache_folder() -> Path:
    """Where plankg keeps what it can make again: ``$PLANKG_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/plankg``, else ``~/.cache/plankg``."""
    if folder := os.environ.get("PLANKG_CACHE_DIR"):
        return Path(folder)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "plankg"


def write_texts(targets: Mapping[Path, str | bytes]) -> list[Path]:
    """Write each text (UTF-8) or bytes to its path, folders made as needed, each file
    replaced in one step (see :func:`staged`); the paths."""
    for path, content in targets.items():
        with staged(path) as stage:
            if isinstance(content, bytes):
                stage.file.flush()
                stage.file.buffer.write(content)
            else:
                stage.file.write(content)
    return list(targets)


def scratch_file(name: str, buffering: int = -1) -> BinaryIO:
    """A temporary file with no name on disk (made as ``plankg-<name>-…``), gone once closed,
    let go, or its process ends, however it ends: where a build spools what it does not hold."""
    import tempfile  # only for a build that spools to disk

    file = tempfile.TemporaryFile(prefix=f"plankg-{name}-", buffering=buffering)  # noqa: SIM115
    return cast(BinaryIO, file)  # binary; typeshed says IO[Any] when buffering is not a literal
