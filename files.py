"""Writing outputs: folders made as needed, a failure to write as one line
(:class:`~plankg.errors.OutputError`). Library functions make text; this puts it on disk."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from plankg.errors import OutputError


@contextmanager
def writing(path: Path) -> Iterator[None]:
    """An :class:`OSError` inside becomes an :class:`OutputError` naming ``path``."""
    try:
        yield
    except OSError as e:
        raise OutputError(f"cannot write {path}: {e.strerror or e}") from e


def write_texts(targets: Mapping[Path, str | bytes]) -> list[Path]:
    """Write each text (UTF-8) or bytes to its path, folders made as needed; the paths."""
    for path, content in targets.items():
        with writing(path):
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
    return list(targets)
