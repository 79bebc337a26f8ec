"""A larger corpus made of the sample plans: each plan repeated under distinct plan identifiers,
for benchmarks and load tests.

Copy ``i`` of a plan is the same plan issued by a region named ``{region}{i}``, which has no
GB/T 2260 code: its plan, agency and region IRIs are its own, and its source file gets a digest
of its own. What plans really share stays shared: provinces, parent cities, agency types, cited
documents.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace

from plankg.graph.rdf.build import Triple, build_triples
from plankg.graph.rdf.iris import plan_key
from plankg.loaders.model import Plan


def plan_copy(plan: Plan, index: int) -> Plan:
    """The plan as issued by region ``{name}{index}``; copy 0 is the plan itself."""
    if index == 0:
        return plan
    digest = hashlib.sha256(f"{plan.source.sha256}:{index}".encode()).hexdigest()
    source = replace(plan.source, name=f"copy{index}/{plan.source.name}", sha256=digest)
    region = replace(plan.region, name=f"{plan.region.name}{index}", code=None)
    return replace(plan, source=source, region=region)


def replicated_plans(plans: Sequence[Plan], times: int) -> list[Plan]:
    """``times`` copies of every plan (the originals first)."""
    return [plan_copy(plan, i) for i in range(times) for plan in plans]


def replicated_triples(plans: Sequence[Plan], times: int) -> set[Triple]:
    copies = replicated_plans(plans, times)
    return build_triples(copies, [plan_key(p) for p in copies])
