"""The cleaned reading: conversion scars undone, every character traced to the source."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st
from plankg.loaders.text import (
    MIN_CELL_GAPS,
    NON_SPACE,
    Reading,
    _cell_gaps,
    _squeeze_spaces,
    _squeezed,
)


def paragraphs(text: str) -> list[str]:
    return [p.text for p in Reading(text).paragraphs]


def test_a_page_break_inside_a_sentence_is_joined():
    text = "1.加强教师培训。加大对科学教师的培训力度，将科学精神\n\n和科学教育作为重要内容。\n\n2.开展活动。"
    assert paragraphs(text) == [
        "1.加强教师培训。加大对科学教师的培训力度，将科学精神和科学教育作为重要内容。",
        "2.开展活动。",
    ]


def test_an_agency_list_broken_by_a_page_break_is_joined():
    text = "责任单位：市科协牵头，市委宣传部、文明办，市发改委、\n\n教育局、科技局等单位配合。"
    assert paragraphs(text) == [
        "责任单位：市科协牵头，市委宣传部、文明办，市发改委、教育局、科技局等单位配合。"
    ]


def test_the_image_placeholder_is_removed_and_the_word_rejoined():
    text = "加强职业教育阶段的科[image: image1.jpg]\n\n\n学教育和技能培训。"
    assert paragraphs(text) == ["加强职业教育阶段的科学教育和技能培训。"]


def test_spaces_beside_chinese_are_scars_but_spaces_between_latin_words_stay():
    assert paragraphs("  每年完成职业培训 23 万人次，推广 STEM education 课程。") == [
        "每年完成职业培训23万人次，推广STEM education课程。"
    ]


def test_headings_are_never_joined_to_the_next_line():
    text = "二、提升行动\n（一）青少年科学素质提升行动\n1.提升科学意识。"
    assert paragraphs(text) == ["二、提升行动", "（一）青少年科学素质提升行动", "1.提升科学意识。"]


def test_the_normalised_reading_folds_full_width_forms_and_keeps_length():
    reading = Reading("（牵头单位：市教育局，责任单位：市科协）９０％")
    assert reading.norm == "(牵头单位:市教育局,责任单位:市科协)90%"
    assert len(reading.norm) == len(reading.text)


def test_spans_point_back_to_the_source():
    source = "1.加强\n\n培训，每年 500 人次。"
    reading = Reading(source)
    start = reading.text.index("500")
    span = reading.span(start, start + 5)
    assert span.text == "500人次"
    assert source[span.start : span.end] == "500 人次"
    assert (span.line, span.end_line) == (3, 3)


@given(
    st.text(
        alphabet=st.sampled_from("市局科协、，。；：（）()\n \u3000[]imagejpg:123一二、1.——"),
        max_size=200,
    )
)
def test_every_kept_character_comes_from_the_source(source):
    reading = Reading(source)
    for i, char in enumerate(reading.text):
        if char != "\n":
            assert source[reading.origin[i]] == char or char == " "


@given(
    st.text(alphabet=["a", "中", " ", "\u3000", "\t", "\ufeff", "\xa0", "\u2028", "\x1c", "\u200b"])
)
def test_a_line_of_one_stretch_is_trimmed_to_it(line):
    """A line holding one stretch of text is trimmed to what the pattern finds."""
    stretches = list(NON_SPACE.finditer(line))
    assume(len(stretches) == 1)
    text, kept = _squeeze_spaces(line, row=False)
    assert (text, list(kept)) == (stretches[0].group(), list(range(*stretches[0].span())))


@given(
    st.text(alphabet=["a", "中", " ", "\u3000", "\t", "\ufeff", "\xa0", "\u2028", "\x1c", "\u200b"])
)
def test_a_line_read_at_once_keeps_what_its_spaces_reading_keeps(line):
    """A line without spaces inside is read at once (``_squeezed``): the same text and
    offsets as the reading of its spaces (``_squeeze_spaces``) give."""
    text, kept = _squeezed(line, line)
    expected, expected_kept = _squeeze_spaces(line, _cell_gaps(line) >= MIN_CELL_GAPS)
    assert (text, list(kept)) == (expected, list(expected_kept))
