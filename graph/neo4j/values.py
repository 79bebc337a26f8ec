"""RDF literals as Neo4j property values and back, exactly.

A literal is stored as a native Neo4j value (integer, float, boolean, date) only when that value
gives back the same lexical form; anything else stays a string. A decimal written as a whole
number (``15``) is stored as an integer, another (``14.4``) as a float. Which datatype and
language a property holds is recorded once per property key (see
:mod:`plankg.graph.neo4j.mapping`), so a value read back becomes the literal that was pushed:
tags, datatypes and lexical forms included.
Several values of one property on one node are a list, sorted by lexical form.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from rdflib import Literal
from rdflib.namespace import XSD

INT64 = range(-(2**63), 2**63)
INTEGER = re.compile(r"-?[0-9]+")


def _integer(lexical: str) -> int:
    value = int(lexical)
    if value not in INT64:
        raise ValueError(lexical)
    return value


def _boolean(lexical: str) -> bool:
    if lexical not in ("true", "false"):
        raise ValueError(lexical)
    return lexical == "true"


def float_lexical(value: float) -> str:
    """The decimal lexical form of a float: ``14.4``, ``80`` (not ``80.0``)."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def _decimal(lexical: str) -> int | float:
    """A decimal as an integer when it is written as one (``15``: a reader of the graph sees
    ``15``, not ``15.0``), else as a float."""
    return _integer(lexical) if INTEGER.fullmatch(lexical) else float(lexical)


def decimal_lexical(value: float) -> str:
    return str(value) if isinstance(value, int) else float_lexical(value)


NATIVE: dict[str, tuple[Callable[[str], Any], Callable[[Any], str]]] = {
    str(XSD.integer): (_integer, str),
    str(XSD.boolean): (_boolean, lambda v: "true" if v else "false"),
    str(XSD.decimal): (_decimal, decimal_lexical),
    str(XSD.gYear): (_integer, lambda v: f"{v:04d}"),
    str(XSD.date): (date.fromisoformat, lambda v: v.isoformat()),
}


def to_value(lexical: str, datatype: str | None) -> Any:
    """The Neo4j value of a literal: native when lossless, else its lexical form."""
    codec = NATIVE.get(datatype or "")
    if codec is None:
        return lexical
    parse, show = codec
    try:
        value = parse(lexical)
    except ValueError:
        return lexical
    return value if show(value) == lexical else lexical


def to_lexical(value: Any, datatype: str | None) -> str:
    if isinstance(value, str):
        return value
    return NATIVE[datatype or ""][1](value)


def encode(literals: Sequence[Literal], datatype: str | None) -> Any:
    """One property value for the literals of one key on one node: a scalar, or a list."""
    if len(literals) == 1:
        return to_value(str(literals[0]), datatype)
    lexicals = sorted({str(literal) for literal in literals})
    values = [to_value(lexical, datatype) for lexical in lexicals]
    if len(values) == 1:
        return values[0]
    if len({type(v) for v in values}) > 1:
        return lexicals
    return values


def decode(value: Any, datatype: str | None, language: str | None) -> list[Literal]:
    """The literals a property value stands for."""
    values = value if isinstance(value, list) else [value]
    if language:
        return [Literal(to_lexical(v, datatype), lang=language) for v in values]
    return [Literal(to_lexical(v, datatype), datatype=datatype) for v in values]
