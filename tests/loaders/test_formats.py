"""Each sample plan in every form users download yields the same facts as the original."""

from __future__ import annotations

from pathlib import Path

import pytest
from plankg.loaders.model import Plan
from plankg.loaders.read import read_plan, sample_paths
from plankg.loaders.script import to_simplified

from .variants import VARIANTS


def facts(plan: Plan) -> dict:
    """What an analyst reads off a plan, in simplified script."""
    s = to_simplified
    return {
        "region": plan.region.name,
        "doc_number": plan.doc_number and "".join(plan.doc_number.split()),
        "period": plan.period,
        "headline": plan.headline and (plan.headline.value, plan.headline.unit),
        "actions": [(a.kind, a.number, s(a.title), len(a.measures)) for a in plan.actions],
        "assignments": [
            (
                a.number,
                m.number,
                x.stated_at,
                [n.name for n in x.leads],
                [n.name for n in x.partners],
            )
            for a in plan.actions
            for m in a.measures
            for x in a.assignments_of(m)
        ],
        "targets": [
            (a.number, m.number, t.value, s(t.unit), t.comparator, t.year, t.per_year)
            for a in plan.actions
            for m in a.measures
            for t in m.targets
        ],
    }


@pytest.fixture(scope="module")
def originals() -> dict[str, dict]:
    return {path.stem: facts(read_plan(path)) for path in sample_paths()}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("sample", sample_paths(), ids=lambda p: p.stem[:3])
def test_every_form_gives_the_same_facts(sample: Path, variant: str, originals, tmp_path):
    suffix, data = VARIANTS[variant](sample.read_text(encoding="utf-8"))
    path = tmp_path / f"{sample.stem}.{suffix}"
    path.write_bytes(data)
    assert facts(read_plan(path)) == originals[sample.stem]


@pytest.mark.parametrize("variant", ["docx", "pdf"])
def test_a_truncated_file_is_refused_in_one_line(variant, tmp_path):
    from plankg.loaders.errors import PlanReadError

    suffix, data = VARIANTS[variant](sample_paths()[0].read_text(encoding="utf-8"))
    path = tmp_path / f"truncated.{suffix}"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(PlanReadError) as refused:
        read_plan(path)
    message = str(refused.value)
    assert message.startswith(f"{path}: cannot read as .{suffix}") and "\n" not in message
