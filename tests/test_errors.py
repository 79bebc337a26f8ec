"""Every message is one line a terminal shows as it is."""

from __future__ import annotations

from plankg.errors import InputError, one_line


def test_line_breaks_control_characters_and_overrides_are_written_as_escapes():
    hostile = "a\nb\r\tc\x1b[2J\x07d\u202ee\u2028f\x9bg"
    assert one_line(hostile) == "a\\nb\\r\\tc\\x1b[2J\\x07d\\u202ee\\u2028f\\x9bg"


def test_chinese_and_ordinary_punctuation_are_kept():
    assert one_line("泉州市（2021—2025年）: 市科协、市教育局 50% “全民”") == (
        "泉州市（2021—2025年）: 市科协、市教育局 50% “全民”"
    )


def test_an_error_message_is_one_line_whatever_it_quotes():
    assert str(InputError("plans/bad\nname.txt: empty file")) == "plans/bad\\nname.txt: empty file"
