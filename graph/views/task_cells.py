"""A cell of the tasks view (a plan's measure of a task family, with its lead agencies typed and
coloured, its source sentence and lines) and the legend of the agency types that lead them."""

from __future__ import annotations

from plankg.graph.analysis.tasks import Member
from plankg.graph.views import style
from plankg.graph.views.facts import PlanGraph
from plankg.graph.views.matrix import TaskCell, TaskLead, TaskMatrix
from plankg.graph.views.model import LegendEntry
from plankg.ontology.taxonomy import UNCLASSIFIED, family_list, type_families
from rdflib import URIRef


def task_cell(g: PlanGraph, member: Member) -> TaskCell:
    measure = member.measure
    leads = g.agencies_in(measure, "lead")
    similarity = g.attr(measure, "similarity")
    return TaskCell(
        measure=measure,
        position=member.position,
        title=g.text(measure, "title"),
        leads=tuple(sorted((_lead(g, a) for a in leads), key=lambda lead: lead.name)),
        partners=tuple(sorted(g.text(a) for a in g.agencies_in(measure, "partner"))),
        similarity=float(similarity) if isinstance(similarity, int | float) else None,
        text=str(g.clause(measure) or ""),
        lines=_lines(g, measure),
        clauses=_lead_clauses(g, measure, leads),
    )


def _lead_clauses(g: PlanGraph, measure: str, leads: list[str]) -> tuple[str, ...]:
    """The source clauses that name the measure's leads, each once."""
    found = (c for agency in leads for c in g.assignment_clauses(agency, "lead", measure))
    return tuple(dict.fromkeys(found))


def _lead(g: PlanGraph, agency: str) -> TaskLead:
    types = g.agency_types(agency)
    code = _code(types[0]) if types else "unclassified"
    color = style.type_colors().get(code, style.UNCLASSIFIED_COLOR)
    return TaskLead(g.text(agency), tuple(g.type_label(t) for t in types), color)


def _code(agency_type: str) -> str:
    return agency_type.rsplit("/", 1)[1]


def _lines(g: PlanGraph, measure: str) -> str:
    start, end = g.clause(measure, "startLine"), g.clause(measure, "endLine")
    if start is None:
        return ""
    span = f"{start}" if end in (None, start) else f"{start}–{end}"
    return f"第{span}行 lines {span}" if span != f"{start}" else f"第{span}行 line {span}"


def type_legend(g: PlanGraph, matrix: TaskMatrix) -> list[LegendEntry]:
    """One entry per agency type whose agencies lead a measure shown (by its first type's
    colour), grouped by family in the taxonomy's order."""
    firsts = _first_types(g, matrix)
    families = type_families()
    family_of = {label: families.get(URIRef(t), families[UNCLASSIFIED]) for label, t in firsts}
    rank = {f.code: i for i, f in enumerate(family_list())}
    ordered = sorted(family_of, key=lambda label: (rank[family_of[label].code], label))
    colors = dict(firsts)
    return [
        LegendEntry(
            label,
            style.type_colors().get(_code(colors[label]), style.UNCLASSIFIED_COLOR),
            "dot",
            family=f"{family_of[label].zh} {family_of[label].en}",
        )
        for label in ordered
    ]


def _first_types(g: PlanGraph, matrix: TaskMatrix) -> list[tuple[str, str]]:
    """(label, IRI) of the first type of every lead agency in the matrix."""
    found = set()
    for row in matrix.rows():
        for cell in filter(None, row.cells):
            for agency in g.agencies_in(cell.measure, "lead"):
                types = g.agency_types(agency)
                if types:
                    found.add((g.type_label(types[0]), types[0]))
    return sorted(found)
