"""A plan as the build writes it: the statements cut from its one sorted list are the Turtle of
each part written on its own, and the counts and leads read off the text are those of the
rdflib graph."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from plankg.graph.rdf.batch import _own_terms
from plankg.graph.rdf.build import TermGraphs, plan_graphs, write_plan
from plankg.graph.rdf.index import Index
from plankg.graph.rdf.iris import plan_key
from plankg.graph.rdf.plan_text import (
    PlanText,
    TextIndex,
    _not_only_asserted,
    plan_counts,
    plan_leads,
)
from plankg.graph.rdf.turtle import TurtleTerms, joined_blocks, turtle_body
from plankg.loaders.read import read_plan, sample_paths
from plankg.ontology import PK
from rdflib.namespace import RDF, RDFS


def plan_text(path: Path) -> tuple[PlanText, TermGraphs[str]]:
    plan = read_plan(path)
    key = plan_key(plan)
    terms = TurtleTerms()
    graphs = write_plan(plan, key, terms)
    return PlanText.of(graphs, _own_terms(plan, key, terms.written)), graphs


@pytest.mark.parametrize("path", sample_paths())
def test_the_statements_cut_from_one_list_are_each_part_written_alone(path):
    text, graphs = plan_text(path)
    shared = set(text.shared_triples)
    own = [t for t in text.ordered if t not in shared]
    assert joined_blocks(text.own) == turtle_body(own)
    assert joined_blocks(text.shared) == turtle_body(text.shared_triples)
    assert joined_blocks(text.asserted) == turtle_body(graphs.asserted)
    everything = {**graphs.asserted, **graphs.derived, **graphs.vocabulary}
    assert sorted(own + text.shared_triples) == sorted(everything) == text.ordered


@pytest.mark.parametrize("path", sample_paths())
def test_the_subjects_whose_graph_statement_is_cut_are_those_with_unasserted_triples(path):
    text, graphs = plan_text(path)
    unasserted = {s for s, p, o in text.ordered if (s, p, o) not in graphs.asserted}
    leading = {s for s, p, _ in graphs.derived if p == "pk:leads"}
    assert leading and leading <= unasserted == _not_only_asserted(graphs)


@pytest.mark.parametrize("path", sample_paths())
def test_counts_and_leads_read_off_the_text_are_the_graphs(path):
    plan = read_plan(path)
    triples = plan_graphs(plan, plan_key(plan), citations=False).all()
    index = Index(triples)
    text, _ = plan_text(path)
    counted = plan_counts(TextIndex(text.ordered), len(text.ordered))
    classes = {"plans": PK.Plan, "actions": PK.Action, "measures": PK.Measure}
    expected = Counter({name: len(index.subjects(RDF.type, c)) for name, c in classes.items()})
    expected["targets"] = len(index.subjects(RDF.type, PK.Target))
    expected["assignments"] = sum(
        len(index.all(a, PK.covers)) for a in index.subjects(RDF.type, PK.Assignment)
    )
    expected["triples"] = len(triples)
    assert counted == expected
    leads = {}
    for agency in index.subjects(RDF.type, PK.Agency):
        measures = index.all(agency, PK.leads)
        if measures:
            region = index.text(index.one(agency, PK.jurisdiction), RDFS.label)
            leads[(region, index.text(agency, RDFS.label))] = len(measures)
    found = plan_leads(TextIndex(text.ordered))
    assert leads and {key: led for key, (led, _) in found.items()} == leads
