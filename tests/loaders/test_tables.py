"""Task-division tables (重点任务分工表) in every format a plan arrives in: each row gives the
measure it restates its agencies and deadline, or becomes a measure of the action it names.

The plan and the table's rows are 周口's own words (samples/000…), set out as the task-division
attachments of other plans set them out: the layout is made here, the text is the plan's."""

from __future__ import annotations

import io
from html import escape

import pytest
from plankg.loaders.formats import text_of
from plankg.loaders.parse import parse_plan

PLAN = """周口市全民科学素质行动规划纲要实施方案（2021—2025年）
一、总体要求
（一）主要目标。到2025年，全市公民具备科学素质比例达到14.4%。
二、提升行动
（一）青少年科学素质提升行动
1.提升各阶段青少年科学意识和综合素养。将提升科学素质的目标贯穿学前教育、义务教育、高中教育。
2.深入开展各类科技教育活动。大力开展课内外科普教育和科技创新活动。
3.加强中小学教师科学素质建设。到2025年，完成农村学校专兼职科学教师培训500人次。
附件
重点任务分工表"""
HEADER = ["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"]
ROWS = [
    [
        "1",
        "青少年科学素质提升行动",
        "提升各阶段青少年科学意识和综合素养",
        "市教育体育局、市科技局",
        "团市委、市科协",
        "长期坚持",
    ],
    [
        "2",
        "青少年科学素质提升行动",
        "加强中小学教师科学素质建设",
        "市教育体育局",
        "市科协",
        "2025年底前",
    ],
    [
        "3",
        "科普基础设施工程",
        "加快现代科技馆体系建设。到2025年，科普大篷车保有量达到4辆。",
        "市科协",
        "市发展改革委、市财政局",
        "每年",
    ],
]


def tab_separated() -> tuple[str, bytes]:
    lines = [PLAN, "\t".join(HEADER), *("\t".join(r) for r in ROWS)]
    return "txt", "\n".join(lines).encode("utf-8")


def space_aligned() -> tuple[str, bytes]:
    lines = [PLAN, "  ".join(HEADER), *("   ".join(r) for r in ROWS)]
    return "txt", "\n".join(lines).encode("utf-8")


def docx_table() -> tuple[str, bytes]:
    import docx

    document = docx.Document()
    for line in PLAN.split("\n"):
        document.add_paragraph(line)
    grid = document.add_table(rows=1 + len(ROWS), cols=len(HEADER))
    for r, values in enumerate([HEADER, *ROWS]):
        for c, value in enumerate(values):
            grid.cell(r, c).text = value
    document.add_paragraph("抄送：市委各部门。")
    buffer = io.BytesIO()
    document.save(buffer)
    return "docx", buffer.getvalue()


def html_table() -> tuple[str, bytes]:
    body = "".join(f"<p>{escape(line)}</p>" for line in PLAN.split("\n"))
    cells = "".join(
        "<tr>" + "".join(f"<td>{escape(v)}</td>" for v in row) + "</tr>" for row in [HEADER, *ROWS]
    )
    page = (
        f"<html><body><div id='content'>{body}<table border='1'>{cells}</table></div></body></html>"
    )
    return "html", page.encode("utf-8")


def pdf_table() -> tuple[str, bytes]:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=9, leading=12, wordWrap="CJK")
    story = [Paragraph(escape(line), style) for line in PLAN.split("\n")]
    data = [[Paragraph(escape(v), style) for v in row] for row in [HEADER, *ROWS]]
    grid = Table(data, colWidths=[30, 80, 150, 80, 80, 60])
    grid.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, invariant=1).build([*story, grid])
    return "pdf", buffer.getvalue()


FORMS = {
    "tab-separated": tab_separated,
    "space-aligned": space_aligned,
    "docx": docx_table,
    "html": html_table,
    "pdf": pdf_table,
}


@pytest.fixture(scope="module", params=list(FORMS), ids=list(FORMS))
def plan(request):
    suffix, data = FORMS[request.param]()
    return parse_plan(text_of(data, f"plan.{suffix}"), f"plan.{suffix}")


def names(mentions) -> list[str]:
    return [m.name for m in mentions]


def test_a_row_that_restates_a_measure_gives_it_agencies_and_a_deadline(plan):
    youth = plan.actions[0]
    assert [m.title for m in youth.measures] == [
        "提升各阶段青少年科学意识和综合素养",
        "深入开展各类科技教育活动",
        "加强中小学教师科学素质建设",
    ]
    first, second, third = youth.measures
    assert names(first.assignment.leads) == ["市教育体育局", "市科技局"]
    assert names(first.assignment.partners) == ["团市委", "市科协"]
    assert (first.deadline.kind, first.deadline.year) == ("ongoing", None)
    assert second.assignment is None and second.deadline is None
    assert names(third.assignment.leads) == ["市教育体育局"]
    assert (third.deadline.kind, third.deadline.year, third.deadline.text) == (
        "by",
        2025,
        "2025年底前",
    )


def test_a_row_naming_another_action_becomes_its_measure(plan):
    project = plan.actions[1]
    assert (project.kind, project.number, project.title) == ("重点工程", 1, "科普基础设施工程")
    (measure,) = project.measures
    assert measure.title == "加快现代科技馆体系建设"
    assert names(measure.assignment.leads) == ["市科协"]
    assert names(measure.assignment.partners) == ["市发展改革委", "市财政局"]
    assert measure.deadline.kind == "annual"
    assert [(t.value, t.unit, t.comparator, t.year) for t in measure.targets] == [
        (4, "辆", ">=", 2025)
    ]


def test_the_table_is_not_read_as_text_of_the_last_measure(plan):
    last = plan.actions[0].measures[-1]
    assert "牵头单位" not in last.text and "附件" not in last.text
    assert [(t.value, t.unit) for t in last.targets] == [(500, "人次")]
