"""Actions identified by what they are: the canonical action of an outline
(``ontology/actions.ttl``) each one implements, matched by its population or by a label its
title contains, within the generation of the plan's period; never by its number, which differs
between plans (周口's 重点工程5 is 科普人才建设工程, 忻州's is 科学素质交流合作工程)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from plankg.loaders.frozen import compared
from plankg.loaders.model import Action, Plan
from plankg.loaders.script import to_simplified
from plankg.ontology.index import vocabulary_index
from plankg.ontology.names import (
    ALT_LABEL,
    BROADER,
    CANONICAL_ACTIONS,
    HIDDEN_LABEL,
    NOTATION,
    PK,
    POPULATIONS,
    PREF_LABEL,
    SKOS,
)

LATEST_GENERATION = "2021"
GENERATION_ENDS = (("2006", 2020), ("2021", 9999))
"""Generations of plans by the last year of their period: the 2006–2010–2020 outline's plans
end by 2020, the 2021–2035 outline's after."""
ENHANCEMENT_GROUPS = frozenset(
    {CANONICAL_ACTIONS + "2021-enhancement", CANONICAL_ACTIONS + "2006-actions"}
)
KIND_CODES = {"提升行动": "ea", "重点工程": "kp"}


@compared
@dataclass(frozen=True, repr=False, eq=False)
class CanonicalAction:
    """An action of the national outline, as the vocabulary describes it."""

    iri: str
    slug: str
    """The notation without its generation (``youth`` for ``2021-youth``): the action's IRI
    segment under its plan."""
    enhancement: bool
    population: str | None
    labels: tuple[str, ...]
    """Chinese labels a title may contain (preferred, alternative, hidden), longest first."""


@cache
def canonical_actions(generation: str) -> tuple[CanonicalAction, ...]:
    graph = vocabulary_index()
    scheme = f"{CANONICAL_ACTIONS}outline-{generation}"
    found = []
    for concept in sorted(graph.subjects_of(SKOS + "inScheme", scheme)):
        if not graph.has_object(concept, PK.CanonicalAction):
            continue
        labels = {
            str(label[0])
            for p in (PREF_LABEL, ALT_LABEL, HIDDEN_LABEL)
            for label in graph.object_rows(concept, p)
            if len(label) == 3 and label[1] == "zh"
        }
        population = _iri(graph.object_rows(concept, PK.targetPopulation))
        found.append(
            CanonicalAction(
                iri=concept,
                slug=str(graph.object_rows(concept, NOTATION)[0][0]).split("-", 1)[1],
                enhancement=_iri(graph.object_rows(concept, BROADER)) in ENHANCEMENT_GROUPS,
                population=population,
                labels=tuple(sorted(labels, key=lambda t: (-len(t), t))),
            )
        )
    return tuple(found)


def _iri(objects: list[list[str | None]]) -> str | None:
    """The first object, when it is an IRI (rdflib's ``Graph.value``, as text)."""
    return str(objects[0][0]) if objects and len(objects[0]) == 1 else None


def generation_of(plan: Plan) -> str:
    """The outline a plan implements, by the last year of its period (the latest without one)."""
    if plan.period is None:
        return LATEST_GENERATION
    return next(g for g, last in GENERATION_ENDS if plan.period[1] <= last)


def canonical_of(action: Action, generation: str) -> CanonicalAction | None:
    """The canonical action ``action`` implements: of its kind, by its population, else by the
    longest label its title contains; None when none matches."""
    enhancement = action.kind == "提升行动"
    candidates = [c for c in canonical_actions(generation) if c.enhancement == enhancement]
    population = POPULATIONS + action.population if action.population else None
    by_population = [c for c in candidates if population and c.population == population]
    if by_population:
        return by_population[0]
    title = to_simplified(action.title)
    matches = [(len(label), c) for c in candidates for label in c.labels if label in title]
    return max(matches, key=lambda m: (m[0], str(m[1].iri)))[1] if matches else None


def action_slugs(plan: Plan) -> list[tuple[str, CanonicalAction | None]]:
    """Each action's IRI segment under its plan and its canonical action: the canonical
    action's slug (``youth``), else its kind and title (``kp-科普人才队伍建设``); a second
    action of the same segment gets ``-2``."""
    generation = generation_of(plan)
    seen: dict[str, int] = {}
    found = []
    for action in plan.actions:
        canonical = canonical_of(action, generation)
        slug = (
            canonical.slug
            if canonical
            else f"{KIND_CODES[action.kind]}-{to_simplified(action.title)}"
        )
        seen[slug] = seen.get(slug, 0) + 1
        found.append((slug if seen[slug] == 1 else f"{slug}-{seen[slug]}", canonical))
    return found
