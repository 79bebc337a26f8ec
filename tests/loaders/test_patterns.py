"""Every pattern in loaders/data/patterns.toml matches its examples and not its counter-examples."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import hypothesis.strategies as st
import pytest
from hypothesis import given
from plankg.loaders.agencies import _verb_pattern
from plankg.loaders.patterns import (
    _opener,
    _opener_of,
    finditer,
    load_patterns,
    may_hold,
    regex,
)
from plankg.loaders.read import sample_paths


def pattern_cases(node: Any = None, path: str = "") -> Iterator[tuple[str, str, str, bool]]:
    node = load_patterns() if node is None else node
    for key, value in node.items():
        here = f"{path}.{key}" if path else key
        if isinstance(value, dict):
            yield from pattern_cases(value, here)
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            for index, entry in enumerate(value):
                yield from pattern_cases(entry, f"{here}[{index}]")
        elif key.endswith("examples"):
            stem = key.removesuffix("counter_examples").removesuffix("examples").rstrip("_")
            pattern = node.get(stem or "pattern")
            for example in value:
                yield here, pattern, example, not key.endswith("counter_examples")


CASES = list(pattern_cases())


def test_the_patterns_file_has_examples():
    assert len(CASES) > 40


@pytest.mark.parametrize(
    ("where", "pattern", "example", "matches"), CASES, ids=[f"{c[0]}:{c[2]}" for c in CASES]
)
def test_pattern_examples(where, pattern, example, matches):
    assert bool(re.search(pattern, example)) is matches, where


VERB_TEXT = st.text(
    alphabet="为作牵头负责配合参与协助组织实施具体成员部门单位市教育局、，。()", max_size=60
)


@given(VERB_TEXT, st.integers(0, 60), st.integers(0, 60))
def test_finditer_finds_what_the_pattern_finds(text, start, end):
    """The role verbs looked for by their first characters: the same matches, in order."""
    pattern = _verb_pattern()
    found = [m.span() for m in finditer(pattern, text, start, end)]
    assert found == [m.span() for m in pattern.finditer(text, start, end)]


QUANTITY_TEXT = st.text(alphabet="0123456789.-—第年 人次万%个达到，。", max_size=60)


@given(QUANTITY_TEXT, st.integers(0, 60), st.integers(0, 60))
def test_finditer_passes_over_a_look_behind(text, start, end):
    """The quantities (a look-behind, then a digit) looked for from each digit: the same
    matches, in order."""
    pattern = regex("targets", "quantity")
    found = [m.span() for m in finditer(pattern, text, start, end)]
    assert found == [m.span() for m in pattern.finditer(text, start, end)]


def test_finditer_on_the_samples():
    quantities = (regex("targets", "quantity"), regex("targets", "numeral_quantity"))
    for pattern in (_verb_pattern(), *quantities):
        matches = 0
        for path in sample_paths():
            text = path.read_text(encoding="utf-8")
            expected = [(m.span(), m.lastgroup) for m in pattern.finditer(text, 0, len(text))]
            found = [(m.span(), m.lastgroup) for m in finditer(pattern, text, 0, len(text))]
            assert found == expected
            matches += len(expected)
        assert matches > 10


@pytest.mark.parametrize(
    ("pattern", "opener"),
    [
        ("牵头|配合|为[^,]{0,3}牵头", "[为牵配]"),
        ("(?P<a>[ab]+)c", "[ab]"),
        ("(?<![0-9])x", "[x]"),  # a look-behind consumes nothing: passed over
        (r"(?<![\d.])(?P<v>\d+)%", r"[\d]"),  # a digit opens a quantity
        ("(?:^|(?<=[^a]))b", "[b]"),  # anchors and look-arounds: passed over
        ("(?:|(?<=a))b", None),  # an empty alternative: not read
        ("(?=a)", None),  # nothing consumed
        ("a?b", None),  # may open with b as well: not read
        (r"\d+", r"[\d]"),  # a digit, as a category
        (r"\w+", None),  # a category not listed
        ("[一-龥]", None),  # too wide a class
        ("(?i)ab", None),
    ],
)
def test_opener(pattern, opener):
    found = _opener(re.compile(pattern))
    assert (found.pattern if found else None) == opener


def test_opener_kept_for_each_pattern_object():
    """``finditer`` finds a pattern's opener by the pattern's identity: two patterns of the same
    text each get theirs, the same as :func:`_opener` makes."""
    first = re.compile("牵头|负责")
    second = re.compile("牵头|负责", re.UNICODE)  # the same pattern, not re's cached object
    assert first is not second
    assert _opener_of(first) is _opener_of(first)
    assert _opener_of(second) == _opener_of(first) == _opener(first)
    assert _opener_of(re.compile("a?b")) is None


def required_words(node: Any = None) -> Iterator[tuple[str, str, tuple[str, ...], list[str]]]:
    """Each pattern with a ``<name>_requires`` list: its text, the words, its examples."""
    node = load_patterns() if node is None else node
    for key, value in node.items():
        if isinstance(value, dict):
            yield from required_words(value)
        elif key.endswith("_requires"):
            name = key.removesuffix("_requires")
            yield name, node[name], tuple(value), node[f"{name}_examples"]


REQUIRED = list(required_words())


def test_the_patterns_that_need_a_word_are_these():
    assert {name for name, *_ in REQUIRED} == {"doc_number", "plan_title", "literacy_share"}


@pytest.mark.parametrize(("name", "pattern", "words", "examples"), REQUIRED, ids=lambda v: str(v))
def test_a_match_holds_one_of_its_required_words(name, pattern, words, examples):
    """``may_hold`` lets a pattern be skipped where none of its words stands: each example
    matches with them and no longer matches with all of them taken out."""
    for example in examples:
        match = re.search(pattern, example)
        assert match and any(word in match.group() for word in words), example
        stripped = example
        for word in words:
            stripped = stripped.replace(word, "")
        assert re.search(pattern, stripped) is None, stripped


def test_may_hold_looks_only_within_its_stretch():
    text = "国发〔2021〕9号"
    assert may_hold(text, 0, len(text), "metadata", "doc_number")
    assert not may_hold(text, 0, len(text) - 1, "metadata", "doc_number")
    assert not may_hold("比例达到15%", 0, 6, "targets", "literacy_share")
