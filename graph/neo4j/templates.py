"""The Cypher the push and the read-back run, kept as files in ``cypher/`` beside this module:
fixed text, every value a ``$parameter``; the few names that cannot be parameters (an index's
label and key) fill ``__NAME__`` placeholders after :func:`~plankg.graph.neo4j.mapping.cypher_name`
has checked them."""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from plankg.graph.neo4j.mapping import cypher_name

PLACEHOLDER = re.compile(r"__([A-Z]+)__")


@cache
def template(name: str) -> str:
    """The text of ``cypher/NAME.cypher``."""
    return files("plankg.graph.neo4j").joinpath(f"cypher/{name}.cypher").read_text(encoding="utf-8")


def cypher(template_name: str, /, **names: str | list[str]) -> str:
    """Template ``template_name``, its ``__LABELS__``-style placeholders filled by checked names:
    a list becomes a label chain (``:`Resource`:`Action```), a string one quoted name."""

    def fill(match: re.Match[str]) -> str:
        value = names[match[1].lower()]
        if isinstance(value, list):
            return "".join(f":{cypher_name(v)}" for v in value)
        return cypher_name(value)

    return PLACEHOLDER.sub(fill, template(template_name))


def statements(name: str) -> list[str]:
    """The ``;``-separated statements of a template, without its comment lines."""
    lines = [line for line in template(name).splitlines() if not line.lstrip().startswith("//")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
