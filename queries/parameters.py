"""Query parameters from the command line, typed.

``--param KEY=VALUE`` gives ``VALUE`` as the JSON literal it is when it is one — a number
(``2025``, ``14.4``), ``true``/``false``, ``null``, a list (``["周口市","泉州市"]``), a map or a
quoted string (``"2025"``) — and as the text it is otherwise (``泉州市``, ``市科协``).
``--param-string KEY=VALUE`` always gives the text. A named query compares its parameters as
text, so a typed value reaches it as its JSON text (``2025`` → ``"2025"``, ``true`` →
``"true"``); an ad-hoc Cypher query gets the typed value (``{year: $year}`` matches the integer
``2025``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from typing import Any

from plankg.errors import QueryError, UsageError

INT64 = range(-(2**63), 2**63)


class ParameterError(UsageError):
    """A ``--param`` that is not ``KEY=VALUE`` or holds a number Neo4j cannot take."""

    parameter = "--param"


def parse_parameters(typed: Sequence[str] = (), strings: Sequence[str] = ()) -> dict[str, Any]:
    """``KEY=VALUE`` pairs as parameters: ``typed`` values as JSON literals where they are
    one, ``strings`` as text (see the module docstring); a later pair of a key wins."""
    params: dict[str, Any] = {}
    for pair in typed:
        key, value = split_pair(pair)
        params[key] = typed_value(value)
    for pair in strings:
        key, value = split_pair(pair)
        params[key] = value
    return params


def split_pair(pair: str) -> tuple[str, str]:
    key, sep, value = pair.partition("=")
    if not sep or not key.strip():
        raise ParameterError(f"{pair!r} is not KEY=VALUE")
    return key.strip(), value


def typed_value(text: str) -> Any:
    """``text`` as the JSON value it spells, or ``text`` itself when it spells none (``NaN``
    and ``Infinity``, which JSON has not, stay text)."""
    try:
        value = json.loads(text, parse_constant=_not_json)
    except ValueError:
        return text
    _check_numbers(value, text)
    return value


def _not_json(name: str) -> Any:
    raise ValueError(name)


def _check_numbers(value: Any, text: str) -> None:
    """Neo4j holds 64-bit integers and finite floats (``1e999`` parses as infinity)."""
    if isinstance(value, bool):
        return
    if isinstance(value, int) and value not in INT64:
        raise ParameterError(
            f"{text!r} is beyond Neo4j's 64-bit integers (--param-string for text)"
        )
    if isinstance(value, float) and not math.isfinite(value):
        raise ParameterError(f"{text!r} is beyond Neo4j's floats (--param-string for text)")
    for item in (
        value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    ):
        _check_numbers(item, text)


def parameter_text(name: str, key: str, value: Any) -> str:
    """A value for a named query, which compares its parameters as text: a string as it is,
    a number or boolean as its JSON text; a list or a map is refused."""
    if isinstance(value, str):
        return value
    if isinstance(value, list | dict):
        raise QueryError(
            f"query {name!r} takes one value for {key}, not {json.dumps(value, ensure_ascii=False)}"
        )
    return json.dumps(value)
