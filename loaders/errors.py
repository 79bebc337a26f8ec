"""The loaders' errors: each message is one line naming the file and what is wrong."""


class PlanReadError(ValueError):
    """A file that cannot be read as a plan."""


class NotAPlanError(ValueError):
    """The text is not a science-literacy implementation plan."""
