"""One plan writer, two term factories: the Turtle text the build writes (:class:`TurtleTerms`)
says what the rdflib terms of :func:`plan_graphs` say, graph by graph, term by term."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from plankg.graph.rdf.build import plan_graphs, write_plan
from plankg.graph.rdf.iris import plan_key
from plankg.graph.rdf.rdflib_terms import RDFLIB_TERMS
from plankg.graph.rdf.turtle import (
    PREFIX_ORDER,
    TurtleTerms,
    lexical,
    sorted_body,
    term,
    turtle_header,
)
from plankg.loaders.read import read_plan, sample_paths
from plankg.ontology import PK
from rdflib import Graph, URIRef
from rdflib.namespace import XSD


@pytest.mark.parametrize("path", sample_paths())
def test_the_text_terms_parse_back_to_the_rdflib_graphs(path: Path) -> None:
    plan = read_plan(path)
    key = plan_key(plan)
    expected = plan_graphs(plan, key, citations=False)
    written = write_plan(plan, key, TurtleTerms())
    for name in ("asserted", "derived", "vocabulary"):
        text = getattr(written, name)
        parsed = Graph().parse(data=turtle_header() + sorted_body(sorted(text)), format="turtle")
        assert set(parsed) == set(getattr(expected, name)), name
        assert len(text) == len(getattr(expected, name)), name


@pytest.mark.parametrize(
    "make",
    [
        lambda t: t.plain('说"明"\\\n'),
        lambda t: t.tagged("周口市", "zh"),
        lambda t: t.integer(-12),
        lambda t: t.boolean(False),
        lambda t: t.decimal(Decimal("1E+3")),
        lambda t: t.decimal(Decimal("14.40")),
        lambda t: t.typed("2021", XSD.gYear),
        lambda t: t.typed("411600", PK.GBT2260),
        lambda t: t.iri(URIRef("https://w3id.org/plankg/id/plan/411600/2021-2025")),
    ],
)
def test_each_text_term_is_what_the_writer_writes_of_the_rdflib_term(make):
    assert make(TurtleTerms()) == term(make(RDFLIB_TERMS), PREFIX_ORDER)


def test_a_literal_written_as_text_gives_back_its_lexical_form():
    node = RDFLIB_TERMS.tagged('北京 "东城"\\\t\x01', "zh")
    assert lexical(term(node, PREFIX_ORDER)) == str(node)
    assert lexical("42") == "42"
