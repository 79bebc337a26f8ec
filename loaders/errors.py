"""The loaders' errors: each message is one line naming the file and what is wrong."""

from plankg.errors import InputError


class PlanReadError(InputError):
    """A file that cannot be read as a plan."""


class NotAPlanError(InputError):
    """The text is not a science-literacy implementation plan."""
