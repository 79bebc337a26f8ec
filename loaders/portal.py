"""The metadata block a government portal or a law-database mirror prints before a plan:
``发文字号: 浙政办发〔2021〕67号``, ``[成文日期] 2022-10-11``, ``- [ 发文字号 ]`` with the value on
the next line, ``发文机关 | 河南省人民政府办公厅 | 成文日期 | 2021年12月04日 |``, ``发文标题:…``,
labels spaced out (``索 引 号``, ``文       号``)."""

from __future__ import annotations

import re
from functools import cache

from plankg.loaders.patterns import table
from plankg.loaders.programs import compile_pattern

VALUE_EDGES = " \t:：|[]【】•·-*>"


@cache
def _label_pattern() -> re.Pattern[str]:
    labels: dict[str, str] = table("portal", "labels")
    spaced = sorted(labels, key=len, reverse=True)
    alternatives = "|".join(r"\s*".join(map(re.escape, label)) for label in spaced)
    return compile_pattern(rf"[\[【]?\s*(?P<label>{alternatives})\s*[\]】]?\s*[:：|]?")


def portal_fields(lines: list[str]) -> dict[str, str]:
    """Field (title, issuer, doc_number, issued, published) → value as written, from the
    labelled lines of a page's head. The first value of a field wins."""
    labels: dict[str, str] = table("portal", "labels")
    fields: dict[str, str] = {}
    for index, line in enumerate(lines):
        found = list(_label_pattern().finditer(line))
        for i, m in enumerate(found):
            end = found[i + 1].start() if i + 1 < len(found) else len(line)
            value = line[m.end() : end].strip(VALUE_EDGES)
            if not value and i + 1 == len(found):
                value = _next_value(lines, index)
            field = labels[re.sub(r"\s+", "", m["label"])]
            if value and field != "other":
                fields.setdefault(field, value)
    return fields


def _next_value(lines: list[str], index: int) -> str:
    """A label alone on its line takes the next line as its value, unless that is a label."""
    for line in lines[index + 1 : index + 2]:
        if not _label_pattern().match(line.strip(VALUE_EDGES)):
            return line.strip(VALUE_EDGES)
    return ""
