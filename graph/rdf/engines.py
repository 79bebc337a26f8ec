"""The SHACL engines :func:`~plankg.graph.rdf.validate.validate_turtle` offers, kept apart from
the validation itself so that a command's ``--help`` lists them without importing rdflib."""

ENGINES = ("fast", "pyshacl")
"""``fast``: the compiled ``shacl`` package (what ``plankg build`` uses); ``pyshacl``: the
reference, pure Python."""
