"""Pathological plan texts of any size: a plan's head followed by one unit repeated, each unit
the pattern of a path that was (or could be) quadratic. Used by test_bounds.py, which holds the
time to read them linear, and benchmarks/hostile.py, which reports seconds per MB."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

HEAD = (
    "关于印发周口市全民科学素质行动规划纲要实施方案（2021—2025年）的通知\n"
    "一、提升行动\n（一）青少年科学素质提升行动\n1.加强科普。"
)
"""A plan's title and first measure, so every text is read as a plan to the end."""
SAMPLE = (Path(__file__).parents[2] / "samples" / "000_556bb725c444dc6f.txt").read_text("utf-8")
PIECES = (
    "一、", "二、提升行动", "（一）", "(二)", "1.", "——", "牵头单位：", "责任单位:", "牵头，",
    "等单位配合）", "（", "）", "、", "，", "。", "\n", "\n\n", "[image: a.jpg]", "到2025年",
    "达到", "80个", "%", "市", "局", "〔2022〕", "号", "\u3000", "每年", "不少于", "万人次",
    "组织实施", "阶段", "市教育局", "由", "参与", "配合", "负责", "2021—2025年", "科学素质",
    "比例", "\t", "关于印发", "的通知", "《", "》", "附件", "发文字号：", "十二五末",
)  # fmt: skip
"""Pieces of the genre a random unit is made of."""

FILLER = "推进科普" * 8
"""Words between facts, so that a text of 80,000 characters stays under the limits of a plan
(2,000 quantities, 2,000 actions and measures) and is read to the end."""
UNITS: dict[str, str] = {
    "quantities": "达到1个、" + FILLER,  # one run-on clause of targets (was 82 s for 104 KB)
    "dated_quantities": "到2025年达到1个，" + FILLER,  # the due year in one long sentence
    "percentages": "15%" + FILLER,
    "share_series": "公民具备科学素质的比例达到10%，" + FILLER,
    "lead_verbs": "牵头",  # after one unclosed （ (was 8.7 s)
    "bracketed_leads": "（市科协牵头）",
    "agency_list": "市教育局、",
    "prose_leads": "由市科协牵头，",
    "notice_openings": "关于印发",  # on the cover line (was 76 s)
    "placeholders": "[image: ",  # never closed
    "measures": "1.加强科普。" + 2 * FILLER + "\n",
    "actions": "（一）提升行动" + 2 * FILLER + "\n",
    "doc_numbers": "周政办〔2022〕54号",
    "dates": "2022年4月6日",
    "table_rows": "1\t加强科普\t市科协\t市教育局\n",
    "labels": "牵头单位：",
    "open_brackets": "（",
    "close_brackets": "）",
    "quotes": "《",
    "five_year_ends": "十二五末",
    "deadlines": "完成时限：2025年",
    "unpunctuated": "科",
    "spaced_names": "市 教 育 局 ",
    "breadcrumbs": "当前位置：首页>",
    "plans": SAMPLE,
}
"""The unit each pathological text repeats."""


def generate(name: str, size: int) -> str:
    """About ``size`` characters of the pathological text ``name`` (:data:`UNITS`, or
    ``random-SEED`` for a unit of random :data:`PIECES`)."""
    unit = UNITS[name] if name in UNITS else random_unit(int(name.removeprefix("random-")))
    return HEAD + unit * max(1, size // len(unit))


def random_unit(seed: int, pieces: int = 8) -> str:
    chooser = random.Random(seed)
    return "".join(chooser.choice(PIECES) for _ in range(pieces))


GENERATORS: dict[str, Callable[[int], str]] = {
    name: (lambda size, name=name: generate(name, size)) for name in UNITS
}
