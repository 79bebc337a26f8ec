"""Lead load: who leads how much, per agency and per agency type, and how concentrated lead
work is in each plan (HHI, effective number of leads, Gini).

A measure an agency leads counts once per agency; an action-level assignment counts for every
measure of its action (the ``pk:leads`` shortcut). A merged bureau (科工信局) counts for each
function type it has.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from plankg.graph.analysis.facts import AgencyRole, AgencyType, AnalysisFacts, Source, facts_of
from plankg.tables import Table

DIGITS = 4
LOAD_COLUMNS = (
    "region",
    "plan",
    "agency",
    "agency_type",
    "measures_led",
    "actions_led",
    "measures_partnered",
    "measure_share",
    "lead_share",
)
CONCENTRATION_COLUMNS = (
    "region",
    "plan",
    "measures",
    "lead_assignments",
    "lead_agencies",
    "top_agency",
    "top_share",
    "hhi",
    "effective_leads",
    "gini",
)


def _grouped(roles: Iterable[AgencyRole], role: str, part: str) -> dict[str, set[str]]:
    """agency → the measures (``part="measure"``) or actions it holds ``role`` in."""
    found: dict[str, set[str]] = defaultdict(set)
    for r in roles:
        if r.role == role:
            found[r.agency].add(getattr(r, part))
    return found


def lead_load(source: Source) -> Table:
    """Per plan and lead agency: measures and actions led, measures taken part in,
    ``measure_share`` = measures led / the plan's measures, ``lead_share`` = measures led / all
    (agency, measure) lead assignments of the plan (the shares :func:`hhi` squares)."""
    facts = facts_of(source)
    rows = []
    for plan in facts.plans:
        roles = facts.roles(plan)
        led = _grouped(roles, "lead", "measure")
        actions = _grouped(roles, "lead", "action")
        partnered = _grouped(roles, "partner", "measure")
        measures, assignments = len(facts.action_measures(plan)), sum(map(len, led.values()))
        for agency, ms in led.items():
            rows.append(
                (
                    *facts.agency_cells(plan, agency),
                    len(ms),
                    len(actions[agency]),
                    len(partnered.get(agency, ())),
                    round(len(ms) / measures, DIGITS),
                    round(len(ms) / assignments, DIGITS),
                )
            )
    order = ("region", "plan", "-measures_led", "-actions_led", "agency")
    return Table(LOAD_COLUMNS, tuple(rows)).sorted_by(*order)


def _type_leads(facts: AnalysisFacts) -> dict[AgencyType, list[AgencyRole]]:
    """agency type → the lead roles of its agencies, across every plan."""
    found: dict[AgencyType, list[AgencyRole]] = defaultdict(list)
    for plan in facts.plans:
        for r in facts.roles(plan):
            if r.role == "lead":
                for t in facts.agency_types(r.agency):
                    found[t].append(r)
    return found


def type_load(source: Source) -> Table:
    """Per agency type across all plans: plans and agencies where it leads, measures and
    actions led, and its share of all lead work (measures led by the type / the sum over
    types)."""
    facts = facts_of(source)
    leads = _type_leads(facts)
    measures = {t: len({r.measure for r in roles}) for t, roles in leads.items()}
    total = sum(measures.values())
    rows = [
        (
            t.zh,
            t.en,
            len({r.plan for r in roles}),
            len({r.agency for r in roles}),
            measures[t],
            len({r.action for r in roles}),
            round(measures[t] / total, DIGITS),
        )
        for t, roles in leads.items()
    ]
    columns = ("type", "type_en", "plans", "agencies", "measures_led", "actions_led", "lead_share")
    return Table(columns, tuple(rows)).sorted_by("-measures_led", "-agencies", "type")


def hhi(counts: Iterable[int]) -> float:
    """Herfindahl–Hirschman index of lead work: HHI = Σᵢ sᵢ², with sᵢ = cᵢ / Σⱼ cⱼ the share
    of agency i in the plan's (agency, measure) lead assignments. 1/n when n agencies lead
    equally, 1 when one agency leads everything; 1/HHI is the effective number of leads."""
    values = list(counts)
    total = sum(values)
    return sum((c / total) ** 2 for c in values) if total else 0.0


def gini(counts: Iterable[int]) -> float:
    """Gini coefficient of lead work over the agencies that lead: G = Σᵢ Σⱼ |cᵢ − cⱼ| /
    (2 n² c̄), with c̄ the mean count. 0 when all lead equally; towards 1 when one leads
    nearly everything."""
    values = list(counts)
    n, total = len(values), sum(values)
    if not n or not total:
        return 0.0
    differences = sum(abs(a - b) for a in values for b in values)
    return differences / (2 * n * total)


def concentration(source: Source) -> Table:
    """Per plan: how concentrated lead work is — the top agency's share, ``hhi`` (see
    :func:`hhi`), ``effective_leads`` = 1/HHI and ``gini`` (see :func:`gini`)."""
    facts = facts_of(source)
    rows = []
    for plan in facts.plans:
        led = Counter(
            {a: len(ms) for a, ms in _grouped(facts.roles(plan), "lead", "measure").items()}
        )
        total, index = sum(led.values()), hhi(led.values())
        most = max(led.values(), default=0)
        top = "、".join(sorted(facts.label(a) for a, c in led.items() if c == most and c))
        rows.append(
            (
                facts.region(plan),
                facts.plan_key(plan),
                len(facts.action_measures(plan)),
                total,
                len(led),
                top,
                round(most / total, DIGITS) if total else None,
                round(index, DIGITS) if total else None,
                round(1 / index, 2) if total else None,
                round(gini(led.values()), DIGITS) if total else None,
            )
        )
    return Table(CONCENTRATION_COLUMNS, tuple(rows))
