"""The one root of plankg's errors, and the exit code each kind gives on the command line.

Callers catch :class:`PlankgError`; the command line turns it into one line on stderr and the
exit code its class carries (the README's table). A leaf: it imports nothing of plankg.
"""

from __future__ import annotations

import re

EXIT_OK = 0
EXIT_SOME_FAILED = 1
"""Some input files failed (the others were processed), or ``--strict`` and there were
warnings: not an error raised, a verdict on a run that went on."""


UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""Line breaks, control characters (a terminal's escape sequences begin with one), the
bidirectional overrides that make text read other than it is, and lone surrogates (which no
terminal can be sent: a Turtle file may escape one, ``\\uD800``)."""


def one_line(text: str) -> str:
    """``text`` as one line a terminal shows as it is: line breaks, control characters and
    bidirectional overrides written as escapes (``\\n``, ``\\x1b``, ``\\u202e``). A file name or a
    plan's text inside a message cannot split it or drive the terminal."""
    return UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class PlankgError(Exception):
    """Anything plankg refuses or fails to do, said in one line (see :func:`one_line`)."""

    exit_code = 5

    def __str__(self) -> str:
        return one_line(super().__str__())


class UsageError(PlankgError):
    """A request that cannot be met as asked: no plan matches a name, no such format or view."""

    exit_code = 2
    parameter: str | None = None
    """The command-line option the request came through, where there is one (``--plan``)."""


class InputError(PlankgError):
    """An input file that cannot be read as a plan."""

    exit_code = 3


class ValidationError(PlankgError):
    """A graph that does not conform to the plankg shapes."""

    exit_code = 4


class QueryError(PlankgError):
    """An unknown query, a parameter missing or not known to it, or an analysis that cannot
    be made (no plan at all)."""

    exit_code = 5


class DatabaseError(PlankgError):
    """Neo4j could not be reached, refused what was asked, or cannot hold the graph."""

    exit_code = 5


class OutputError(PlankgError):
    """An output cannot be written where asked, or a file it needs is missing."""

    exit_code = 5
