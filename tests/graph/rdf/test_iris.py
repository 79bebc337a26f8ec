"""IRIs made from any text: valid for the strictest parser plankg uses, the same every time,
and distinct for distinct texts."""

from __future__ import annotations

from urllib.parse import unquote

from hypothesis import given, settings
from hypothesis import strategies as st
from plankg.graph.rdf.documents import number_iri, title_iri
from plankg.graph.rdf.iris import agency_iri, region_iri, segment
from plankg.graph.rdf.regions import place_of
from plankg.graph.rdf.validate import validate_turtle
from plankg.loaders.model import Region

HOSTILE = '\ufffd\x00\x01\x1b\x7f\x85\u2028\ufdd0\ufffe\uffff\ue000\U000f0000\U000e0100\ufffc\u202e <>"{}|\\^`#?/%[] '
"""What a plan's text can carry that an IRI cannot hold as it is."""
texts = st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(HOSTILE), max_size=30)


@settings(max_examples=200, deadline=None)
@given(st.lists(texts, min_size=1, max_size=10))
def test_any_text_makes_an_iri_the_strict_parser_takes(names):
    """A region the gazetteer does not know is keyed by its name under the names above it, so
    region and agency IRIs carry the text; documents are keyed by 文号 or normalised title."""
    keys = [place_of(Region(n, "county", province=n[::-1], parent=n * 2)).key for n in names]
    iris = [region_iri(k) for k in keys] + [
        agency_iri(k, n) for k, n in zip(keys, names, strict=True)
    ]
    iris += [number_iri(n) for n in names] + [title_iri(n) for n in names]
    turtle = "".join(f"<{iri}> a <https://w3id.org/plankg/ontology#Region> .\n" for iri in iris)
    validate_turtle(turtle, "fast")  # raises InputError on an IRI it does not take


@given(texts)
def test_a_segment_is_the_text_percent_encoded(text):
    encoded = segment(text)
    assert unquote(encoded, errors="surrogatepass") == text
    assert segment(text) == encoded


def test_the_hostile_characters_are_encoded_and_chinese_is_kept():
    assert segment("周口\ufffd市") == "周口%EF%BF%BD市"
    assert segment("a/b c") == "a%2Fb%20c"
    assert all(c not in segment(HOSTILE) for c in HOSTILE if c != "%")
