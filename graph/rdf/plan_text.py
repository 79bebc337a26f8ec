"""One plan as the build writes it: its triples as Turtle text (made by
:class:`~.turtle.TurtleTerms`), sorted once, and what the build cuts from that one list — the
statements of its own subjects (its chunk), of the shared ones (regions, years, concepts), of
its named graph — and the figures it reports (counts, top leads)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from plankg.graph.rdf.build import TermGraphs
from plankg.graph.rdf.turtle import (
    CONSTANTS,
    FormattedTriple,
    lexical,
    sorted_triples_text,
    subject_block,
    subject_groups,
)
from plankg.ontology.names import LABEL as RDFS_LABEL
from plankg.ontology.names import PK

AGENCY, ACTION, ASSIGNMENT = (CONSTANTS[c] for c in (PK.Agency, PK.Action, PK.Assignment))
COVERS, HAS_MEASURE, LEADS = (CONSTANTS[p] for p in (PK.covers, PK.hasMeasure, PK.leads))
JURISDICTION, LABEL = CONSTANTS[PK.jurisdiction], CONSTANTS[RDFS_LABEL]
COUNTED = {
    "plans": CONSTANTS[PK.Plan],
    "actions": ACTION,
    "measures": CONSTANTS[PK.Measure],
    "targets": CONSTANTS[PK.Target],
}
INDEXED = {COVERS, HAS_MEASURE, LEADS, JURISDICTION, LABEL}
"""The predicates the counts and the top leads read."""


@dataclass
class PlanText:
    """A plan's triples as Turtle text, sorted once, and the statements (a subject's triples
    each) cut from the one list: of its own subjects, of the others (shared), of its graph."""

    ordered: list[FormattedTriple]
    own: list[str] = field(default_factory=list)
    shared: list[str] = field(default_factory=list)
    shared_triples: list[FormattedTriple] = field(default_factory=list)
    asserted: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, graphs: TermGraphs[str], own_subjects: set[str]) -> PlanText:
        asserted = graphs.asserted
        text = cls(sorted_triples_text({**asserted, **graphs.derived, **graphs.vocabulary}))
        mixed = _not_only_asserted(graphs)
        for subject, group in subject_groups(text.ordered):
            triples = list(group)
            block = subject_block(subject, triples)
            if subject in own_subjects:
                text.own.append(block)
            else:
                text.shared.append(block)
                text.shared_triples.extend(triples)
            if subject not in mixed:  # the statement as written already
                text.asserted.append(block)
                continue
            stated = [t for t in triples if t in asserted]
            if stated:
                text.asserted.append(subject_block(subject, stated))
        return text


def _not_only_asserted(graphs: TermGraphs[str]) -> set[str]:
    """The subjects with a derived or vocabulary triple not also asserted: the others' statements
    in the plan's graph are their whole statements, found without looking up each of their
    triples (some 3,000 a plan) in the asserted ones."""
    asserted = graphs.asserted
    return {t[0] for part in (graphs.derived, graphs.vocabulary) for t in part if t not in asserted}


class TextIndex:
    """What the counts and the top leads read of a plan's sorted triples (as Turtle text):
    the subjects of each type, and the objects of each subject's :data:`INDEXED` predicates,
    in order (the first is the least)."""

    def __init__(self, ordered: Iterable[FormattedTriple]) -> None:
        self.types: dict[str, list[str]] = defaultdict(list)
        self.values: dict[tuple[str, str], list[str]] = defaultdict(list)
        for s, p, o in ordered:
            if p == "a":
                self.types[o].append(s)
            elif p in INDEXED:
                self.values[s, p].append(o)

    def typed(self, cls: str) -> list[str]:
        return self.types.get(cls, [])

    def all(self, s: str, p: str) -> list[str]:
        return self.values.get((s, p), [])

    def label(self, s: str) -> str:
        return lexical(next(iter(self.all(s, LABEL)), ""))


def plan_counts(index: TextIndex, triples: int) -> Counter[str]:
    """The plan's figures."""
    counts = Counter({name: len(index.typed(cls)) for name, cls in COUNTED.items()})
    counts["assignments"] = sum(len(index.all(a, COVERS)) for a in index.typed(ASSIGNMENT))
    counts["triples"] = triples
    return counts


def plan_leads(index: TextIndex) -> dict[tuple[str, str], tuple[int, int]]:
    """(region, agency) → (measures led, actions those measures belong to)."""
    action_of = {m: a for a in index.typed(ACTION) for m in index.all(a, HAS_MEASURE)}
    leads = {}
    for agency in index.typed(AGENCY):
        measures = index.all(agency, LEADS)
        if measures:
            region = next(iter(index.all(agency, JURISDICTION)), "")
            key = (index.label(region), index.label(agency))
            leads[key] = (len(measures), len({action_of[m] for m in measures}))
    return leads
