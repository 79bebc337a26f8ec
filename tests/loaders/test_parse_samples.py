"""Each sample plan against an expectation written by reading the plan (expected/*.json)."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from plankg.loaders.model import Plan
from plankg.loaders.read import read_plan, sample_paths

from ..conftest import sample_id

EXPECTED = Path(__file__).parent / "expected"
SPACES = re.compile(r"\s+")


def _pairs() -> list[tuple[Path, dict]]:
    return [
        (path, json.loads((EXPECTED / f"{path.stem}.json").read_text(encoding="utf-8")))
        for path in sample_paths()
    ]


CASES = _pairs()
IDS = [sample_id(path) for path, _ in CASES]


@pytest.fixture(scope="module", params=CASES, ids=IDS)
def case(request) -> tuple[Plan, dict]:
    path, expected = request.param
    return read_plan(path), expected


def test_every_sample_has_an_expectation():
    assert len(CASES) == 5


def test_metadata(case):
    plan, exp = case
    got = {
        "source": plan.source.name,
        "title": plan.title,
        "region": plan.region.name,
        "region_level": plan.region.level,
        "parent_region": plan.region.parent,
        "province": plan.region.province,
        "issuer": plan.issuer,
        "doc_number": plan.doc_number,
        "issued": plan.issued.isoformat() if plan.issued else None,
        "period": list(plan.period) if plan.period else None,
        "draft": plan.draft,
        "cites": [c.doc_number for c in plan.citations if c.doc_number],
        "coordinating_office": plan.coordinating_office.name if plan.coordinating_office else None,
    }
    assert got == {key: exp[key] for key in got}


def test_headline_and_baseline(case):
    plan, exp = case
    for key, target in (("headline", plan.headline), ("baseline", plan.baseline)):
        want = exp[key]
        if want is None:
            assert target is None
            continue
        assert target is not None
        assert target.value == Decimal(want["value"])
        assert (target.unit, target.year) == (want["unit"], want["year"])
        if "comparator" in want:
            assert target.comparator == want["comparator"]


def test_phases(case):
    plan, exp = case
    assert [(p.name, p.start_year, p.end_year) for p in plan.phases] == [
        (p["name"], p["start"], p["end"]) for p in exp["phases"]
    ]


def test_actions_and_measures(case):
    plan, exp = case
    got = [(a.kind, a.number, a.title, a.population) for a in plan.actions]
    want = [(a["kind"], a["no"], a["title"], a["population"]) for a in exp["actions"]]
    assert got == want
    for action, want_action in zip(plan.actions, exp["actions"], strict=True):
        assert [m.title for m in action.measures] == want_action["measures"], action.title


def test_assignments(case):
    plan, exp = case
    for action, want in zip(plan.actions, exp["actions"], strict=True):
        if want["stated_at"] == "action":
            assert action.assignment is not None, action.title
            assert all(m.assignment is None for m in action.measures)
            got = _roles(action.assignment)
            assert got == (want["lead"], want["partner"]), action.title
        else:
            assert action.assignment is None, action.title
            got = [_roles(m.assignment) for m in action.measures]
            assert got == [(a["lead"], a["partner"]) for a in want["assignments"]], action.title


def _roles(assignment) -> tuple[list[str], list[str]]:
    assert assignment is not None
    return [a.name for a in assignment.leads], [a.name for a in assignment.partners]


def test_targets(case):
    plan, exp = case
    got = sorted(
        (
            a.kind,
            a.number,
            m.number,
            str(t.value),
            t.unit,
            t.comparator,
            t.year,
            t.per_year,
            SPACES.sub("", t.text),
        )
        for a in plan.actions
        for m in a.measures
        for t in m.targets
    )
    want = sorted(
        (
            t["action_kind"],
            t["action_no"],
            t["measure_no"],
            t["value"],
            t["unit"],
            t["comparator"],
            t["year"],
            t["per_year"],
            SPACES.sub("", t["text"]),
        )
        for t in exp["targets"]
    )
    assert got == want
