"""SHACL validation of a plan graph against ``ontology/shapes.ttl``.

Two engines check the same shapes: ``pyshacl`` (the reference, pure Python, about 20 s for the
graph of the five sample plans on a busy machine) and ``fast`` (the ``shacl`` package, compiled,
about 0.2 s), which ``plankg build`` uses. A test holds them to the same verdicts on valid and
broken graphs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plankg.errors import InputError, UsageError, one_line
from plankg.graph.rdf.engines import ENGINES

if TYPE_CHECKING:  # the reference engine's path imports rdflib; the fast one does not
    from rdflib import Graph

SEVERITIES = ("Violation", "Warning")
"""The severities reported: a violation makes the graph not conform; a warning is a gap of the
plan or of the reference data, reported and kept."""


@dataclass(frozen=True, order=True)
class Violation:
    """One validation result (of either severity)."""

    focus: str
    path: str
    component: str
    message: str
    severity: str = "Violation"

    def line(self) -> str:
        return one_line(f"  {self.focus} {self.path} {self.component}: {self.message}").rstrip()


@dataclass(frozen=True)
class ValidationReport:
    """The verdict of a SHACL check, its violations and its warnings."""

    conforms: bool
    violations: tuple[Violation, ...]
    engine: str
    warnings: tuple[Violation, ...] = ()

    def summary(self, limit: int = 10, list_warnings: bool = True) -> str:
        """The verdict, then up to ``limit`` violations and (``list_warnings``) ``limit``
        warnings, one a line."""
        warned = f", {len(self.warnings)} warning(s)" if self.warnings else ""
        if self.conforms:
            lines = [f"SHACL ({self.engine}): the graph conforms to the plankg shapes{warned}"]
        else:
            lines = [f"SHACL ({self.engine}): {len(self.violations)} violation(s){warned}"]
            lines += _listed(self.violations, limit)
        if self.warnings and list_warnings:
            lines.append("warnings:")
            lines += _listed(self.warnings, limit)
        return "\n".join(lines)


def _listed(results: tuple[Violation, ...], limit: int) -> list[str]:
    lines = [r.line() for r in results[:limit]]
    if len(results) > limit:
        lines.append(f"  … and {len(results) - limit} more")
    return lines


def _report(results: list[Violation], engine: str) -> ValidationReport:
    results.sort()
    violations = tuple(r for r in results if r.severity == "Violation")
    warnings = tuple(r for r in results if r.severity == "Warning")
    return ValidationReport(not violations, violations, engine, warnings)


def validate_turtle(turtle: str, engine: str = "fast") -> ValidationReport:
    """Validate a plan graph given as Turtle; text that is not Turtle is an
    :class:`~plankg.errors.InputError`."""
    if engine not in ENGINES:
        raise UsageError(f"no SHACL engine {engine!r} (choose from {', '.join(ENGINES)})")
    try:
        if engine == "fast":
            return _validate_fast(turtle)
        from rdflib import Graph

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
    from plankg.ontology import shapes_graph
    from pyshacl import validate as shacl_validate
    from rdflib.namespace import SH

    _, results, _ = shacl_validate(
        graph, shacl_graph=shapes_graph(), inference="none", advanced=True, allow_warnings=True
    )
    found = [
        Violation(
            focus=str(results.value(r, SH.focusNode)),
            path=str(results.value(r, SH.resultPath) or ""),
            component=str(results.value(r, SH.sourceConstraintComponent)).rsplit("#", 1)[-1],
            message=str(results.value(r, SH.resultMessage) or ""),
            severity=str(severity).rsplit("#", 1)[-1],
        )
        for r, severity in results.subject_objects(SH.resultSeverity)
        if str(severity).rsplit("#", 1)[-1] in SEVERITIES
    ]
    return _report(found, "pyshacl")


def load_shapes(engine: str) -> None:
    """Load ``engine``'s shapes now: a process about to fork workers that validate loads them
    once for all of them (the reference engine's are read at each validation)."""
    if engine == "fast":
        _fast_shapes()


@cache
def _fast_shapes() -> Any:
    import shacl

    text = files("plankg.ontology").joinpath("shapes.ttl").read_text(encoding="utf-8")
    return shacl.Shapes.from_turtle(text)


def _validate_fast(turtle: str) -> ValidationReport:
    report = _fast_shapes().validate_turtle(turtle, allow_warnings=True)
    found = [
        Violation(
            focus=str(r.focus_node).strip("<>"),
            path=str(r.path or "").strip("<>"),
            component=str(r.component),
            message=str(r.message or ""),
            severity=str(r.severity),
        )
        for r in report.results
        if str(r.severity) in SEVERITIES
    ]
    return _report(found, "fast")
