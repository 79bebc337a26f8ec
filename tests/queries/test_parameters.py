"""--param values are JSON literals where they are one, text otherwise; --param-string is text."""

from __future__ import annotations

import pytest
from plankg.errors import QueryError, UsageError
from plankg.queries.parameters import parameter_text, parse_parameters


@pytest.mark.parametrize(
    ("given", "value"),
    [
        ("year=2025", 2025),
        ("share=14.4", 14.4),
        ("draft=true", True),
        ("region=null", None),
        ('regions=["周口市","泉州市"]', ["周口市", "泉州市"]),
        ('filter={"unit":"个"}', {"unit": "个"}),
        ('code="2025"', "2025"),
        ("region=泉州市", "泉州市"),
        ("text=a=b", "a=b"),
        ("empty=", ""),
        ("nan=NaN", "NaN"),
        ("inf=Infinity", "Infinity"),
        ("doc=国发〔2021〕9号", "国发〔2021〕9号"),
        ("negative=-3", -3),
    ],
)
def test_a_value_is_the_json_literal_it_spells_or_its_text(given, value):
    (parsed,) = parse_parameters([given]).values()
    assert parsed == value and type(parsed) is type(value)


def test_param_string_keeps_the_text_and_wins_over_param():
    params = parse_parameters(["year=2025", "n=1"], ["year=2025"])
    assert params == {"year": "2025", "n": 1}


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("oops", "is not KEY=VALUE"),
        ("=1", "is not KEY=VALUE"),
        ("n=1e999", "beyond Neo4j's floats"),
        ("n=99999999999999999999", "beyond Neo4j's 64-bit integers"),
        ("n=[1, 99999999999999999999]", "beyond Neo4j's 64-bit integers"),
    ],
)
def test_a_pair_neo4j_cannot_take_is_a_usage_error(given, message):
    with pytest.raises(UsageError, match=message) as error:
        parse_parameters([given])
    assert error.value.parameter == "--param"


def test_a_named_query_gets_a_typed_value_as_its_json_text():
    assert parameter_text("targets", "year", 2025) == "2025"
    assert parameter_text("plans", "draft", True) == "true"
    assert parameter_text("top-lead", "region", "泉州市") == "泉州市"
    with pytest.raises(QueryError, match="takes one value for region"):
        parameter_text("top-lead", "region", ["泉州市"])


def test_the_command_line_reads_typed_and_text_parameters(run):
    typed = run("query", "targets", "--param", "year=2025", "--param", "region=周口市")
    text = run("query", "targets", "--param-string", "year=2025", "--param", "region=周口市")
    assert typed.exit_code == 0 and typed.stdout == text.stdout
    assert "到2025年，全市公民具备科学素质比例达到14.4%" in typed.stdout
    bad = run("query", "targets", "--param", "year=1e999")
    assert bad.exit_code == 2 and "--param" in bad.stderr and "Traceback" not in bad.output
