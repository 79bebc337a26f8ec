"""The one root of plankg's errors, and the exit code each kind gives on the command line.

Callers catch :class:`PlankgError`; the command line turns it into one line on stderr and the
exit code its class carries (the README's table). A leaf: it imports nothing of plankg.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_SOME_FAILED = 1
"""Some input files failed (the others were processed), or ``--strict`` and there were
warnings: not an error raised, a verdict on a run that went on."""


class PlankgError(Exception):
    """Anything plankg refuses or fails to do, said in one line."""

    exit_code = 5


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
