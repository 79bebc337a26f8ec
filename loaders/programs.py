"""The loaders' regular expressions compiled once per machine, not once per process.

Compiling the loaders' seventy patterns costs a fresh process 45–70 ms, most of it in
Python: a character class holding a character beyond Latin-1 (``[\\u4e00-\\u9fff]``, ``[。;]``)
makes ``re`` fill a 64 K map one code point at a time, and long alternations parse slowly. What
the compiler produces is a list of integers (the program ``_sre`` runs), so it is kept in a
file under the user's cache folder (:mod:`plankg.cache`) and handed to
``_sre.compile`` in the next process.

This leans on CPython internals (``re._parser.parse``, ``re._compiler._code``, ``_sre.compile``,
the steps of ``re._compiler.compile``), so every step falls back to :func:`re.compile`: the
file is named by the interpreter's version and ``_sre.MAGIC`` (another Python never reads it),
carries a SHA-256 of its content (a damaged file is ignored), and ``_sre.compile`` checks each
program it is given; anything that fails, or any internal that is missing, costs only a fresh
compilation. A cached pattern equals a freshly compiled one (``==`` compares the programs);
the tests check it for every pattern the loaders use. Programs compiled in a process are
written by :func:`save_programs` (after each plan is parsed); a folder that cannot be written
costs only the compilation.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import re
import sys
from contextlib import suppress
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

from plankg.cache import cache_file, read_value, value_bytes, write_value

CACHE_FORMAT = "1"
"""Changed when the file's layout changes, so that an old file is not read."""

Key = tuple[str, int]
"""A pattern's text and the flags it is compiled with."""
Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
"""What ``_sre.compile`` takes besides the pattern: flags, code, groups, groupindex,
indexgroup."""

REFUSED = (RuntimeError, TypeError, ValueError, OverflowError, IndexError)
"""What ``_sre.compile`` raises for a program it refuses (``invalid SRE code``) or arguments of
another shape."""

_programs: dict[Key, Program] | None = None
_unsaved = False


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, its program taken from the cache when it holds it."""
    flags = int(flags)  # marshal keeps an int, not an re.RegexFlag
    program = _loaded().get((pattern, flags))
    if program is not None:
        with suppress(*REFUSED):
            return _from_program(pattern, program)
    try:
        program = _program(pattern, flags)
        compiled = _from_program(pattern, program)
    except (AttributeError, *REFUSED):  # internals changed: compiled as re does
        return re.compile(pattern, flags)
    _remember((pattern, flags), program)
    return compiled


def save_programs() -> None:
    """Write the programs compiled in this process, if any, for the next; a folder that
    cannot be written is left as it is."""
    global _unsaved
    if not _unsaved or _programs is None:
        return
    _unsaved = False
    write_value(cache_path(), _sorted(_programs))


def cache_path() -> Path:
    """The cache of this interpreter's programs (another version or ``_sre`` has its own)."""
    return cache_file(
        "regex", CACHE_FORMAT, str(_sre.MAGIC), str(_sre.CODESIZE), str(sys.maxunicode)
    )


def cache_bytes(programs: dict[Key, Program]) -> bytes:
    """The programs, sorted by pattern and flags, after the SHA-256 of their bytes."""
    return value_bytes(_sorted(programs))


def _sorted(programs: dict[Key, Program]) -> dict[Key, Program]:
    """The programs by pattern and flags: the same programs, the same bytes."""
    return {key: programs[key] for key in sorted(programs)}


def read_cache(path: Path) -> dict[Key, Program]:
    """The programs cached in ``path``; none when it is missing, damaged or not programs."""
    programs = read_value(path)
    return programs if _are_programs(programs) else {}


def forget_programs() -> None:
    """Drop the programs held in this process (the cache is read again on the next use)."""
    global _programs, _unsaved
    _programs, _unsaved = None, False


def _loaded() -> dict[Key, Program]:
    global _programs
    if _programs is None:
        _programs = read_cache(cache_path())
    return _programs


def _remember(key: Key, program: Program) -> None:
    global _unsaved
    _loaded()[key] = program
    _unsaved = True


def _program(pattern: str, flags: int) -> Program:
    """What ``re._compiler.compile`` hands ``_sre.compile``, made by its own steps."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    state = parsed.state
    indexgroup: list[str | None] = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    opcodes = list(map(int, code))  # named constants among them, which marshal does not keep
    return (
        int(flags | state.flags),
        opcodes,
        state.groups - 1,
        dict(state.groupdict),
        tuple(indexgroup),
    )


def _from_program(pattern: str, program: Program) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = program
    compiled: re.Pattern[str] = _sre.compile(
        pattern, flags, list(code), groups, dict(groupindex), indexgroup
    )
    return compiled


def _are_programs(programs: Any) -> bool:
    """Whether ``programs`` has the cache's shape (``_sre.compile`` checks the code itself)."""
    return isinstance(programs, dict) and all(
        isinstance(key, tuple) and isinstance(program, tuple) and len(program) == 5
        for key, program in programs.items()
    )
