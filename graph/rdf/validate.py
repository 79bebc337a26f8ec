"""SHACL validation of a plan graph against ``ontology/shapes.ttl``.

Two engines check the same shapes: ``pyshacl`` (the reference, pure Python, about 2 s for the
five sample plans) and ``fast`` (the ``shacl`` package, compiled, about 0.1 s), which
``plankg build`` uses. A test holds them to the same verdicts on valid and broken graphs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from plankg.errors import InputError, UsageError, one_line
from plankg.ontology import shapes_graph
from rdflib import Graph
from rdflib.namespace import SH

ENGINES = ("fast", "pyshacl")


@dataclass(frozen=True, order=True)
class Violation:
    focus: str
    path: str
    component: str
    message: str


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: tuple[Violation, ...]
    engine: str

    def summary(self, limit: int = 10) -> str:
        if self.conforms:
            return f"SHACL ({self.engine}): the graph conforms to the plankg shapes"
        lines = [f"SHACL ({self.engine}): {len(self.violations)} violation(s)"]
        lines += [
            one_line(f"  {v.focus} {v.path} {v.component}: {v.message}").rstrip()
            for v in self.violations[:limit]
        ]
        if len(self.violations) > limit:
            lines.append(f"  … and {len(self.violations) - limit} more")
        return "\n".join(lines)


def validate_turtle(turtle: str, engine: str = "fast") -> ValidationReport:
    """Validate a plan graph given as Turtle; text that is not Turtle is an
    :class:`~plankg.errors.InputError`."""
    if engine not in ENGINES:
        raise UsageError(f"no SHACL engine {engine!r} (choose from {', '.join(ENGINES)})")
    try:
        if engine == "fast":
            return _validate_fast(turtle)
        graph = Graph().parse(data=turtle, format="turtle")
    except (SyntaxError, ValueError) as e:
        raise InputError(f"not Turtle: {' '.join(str(e).split())[:300]}") from e
    return validate_graph(graph)


def validate_turtle_file(path: Path, engine: str = "fast") -> ValidationReport:
    """Validate the Turtle file ``path``."""
    try:
        turtle = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read as UTF-8 Turtle ({e})") from e
    try:
        return validate_turtle(turtle, engine)
    except InputError as e:
        raise InputError(f"{path}: {e}") from e


def validate_graph(graph: Graph) -> ValidationReport:
    """Validate with pyshacl, the reference engine."""
    from pyshacl import validate as shacl_validate

    conforms, results, _ = shacl_validate(
        graph, shacl_graph=shapes_graph(), inference="none", advanced=True, allow_warnings=True
    )
    violations = [
        Violation(
            focus=str(results.value(r, SH.focusNode)),
            path=str(results.value(r, SH.resultPath) or ""),
            component=str(results.value(r, SH.sourceConstraintComponent)).rsplit("#", 1)[-1],
            message=str(results.value(r, SH.resultMessage) or ""),
        )
        for r in results.subjects(SH.resultSeverity, SH.Violation)
    ]
    return ValidationReport(bool(conforms), tuple(sorted(violations)), "pyshacl")


@cache
def _fast_shapes() -> Any:
    import shacl

    text = files("plankg.ontology").joinpath("shapes.ttl").read_text(encoding="utf-8")
    return shacl.Shapes.from_turtle(text)


def _validate_fast(turtle: str) -> ValidationReport:
    report = _fast_shapes().validate_turtle(turtle, allow_warnings=True)
    violations = [
        Violation(
            focus=str(r.focus_node).strip("<>"),
            path=str(r.path or "").strip("<>"),
            component=str(r.component),
            message=str(r.message or ""),
        )
        for r in report.results
        if str(r.severity) == "Violation"
    ]
    return ValidationReport(bool(report.conforms), tuple(sorted(violations)), "fast")
