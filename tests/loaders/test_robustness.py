"""Mutated plans and random text: no exception escapes, every graph produced is valid."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plankg.graph.rdf.build import build_triples
from plankg.graph.rdf.iris import plan_key
from plankg.graph.rdf.turtle import serialize_turtle
from plankg.graph.rdf.validate import validate_turtle
from plankg.loaders.errors import NotAPlanError
from plankg.loaders.parse import parse_plan
from plankg.loaders.read import sample_paths

SAMPLES = [p.read_text(encoding="utf-8") for p in sample_paths()]
PIECES = [
    "一、",
    "二、提升行动",
    "（一）",
    "(二)",
    "1.",
    "——",
    "牵头单位：",
    "责任单位:",
    "牵头，",
    "等单位配合）",
    "（",
    "）",
    "、",
    "，",
    "。",
    "\n",
    "\n\n",
    "[image: a.jpg]",
    "到2025年",
    "达到",
    "80个",
    "%",
    "市",
    "局",
    "〔2022〕",
    "号",
    "<script>",
    "\u3000",
    "\r\n",
    "\x00",
    "每年",
    "不少于",
    "万人次",
    "组织实施",
    "阶段",
]


def check(text: str) -> None:
    try:
        plan = parse_plan(text, "mutated.txt")
    except NotAPlanError:
        return
    report = validate_turtle(serialize_turtle(build_triples([plan], [plan_key(plan)])), "fast")
    assert report.conforms, report.summary()


@st.composite
def mutated_plans(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SAMPLES))
    for _ in range(draw(st.integers(1, 6))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 400)))
        action = draw(st.sampled_from(["delete", "insert", "duplicate", "truncate"]))
        if action == "delete":
            text = text[:start] + text[end:]
        elif action == "insert":
            text = text[:start] + draw(st.sampled_from(PIECES)) + text[start:]
        elif action == "duplicate":
            text = text[:end] + text[start:end] + text[end:]
        else:
            text = text[:end]
    return text


@settings(
    max_examples=int(os.environ.get("PLANKG_FUZZ_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(mutated_plans())
def test_mutated_plans_parse_or_are_refused_and_their_graphs_conform(text):
    check(text)


@settings(max_examples=int(os.environ.get("PLANKG_FUZZ_EXAMPLES", "40")), deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=60).map("".join))
def test_random_text_never_raises_anything_but_not_a_plan(text):
    check(text)
