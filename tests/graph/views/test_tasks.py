"""The tasks view: task families × plans as a table, a row per family under its canonical
action, a column per plan, each cell the plan's measure of the family with its lead agencies.
The facts can be checked in the sample plans (samples/, lines cited)."""

from __future__ import annotations

import re

import pytest
from plankg.graph.analysis.tasks import different_leads
from plankg.graph.rdf.networkx_graph import to_networkx
from plankg.graph.views import ViewError, build_view, render_html, tasks_view

REGIONS = ["忻州市", "泉州市", "新郑市", "周口市", "岳阳市南湖新区"]
TEACHERS = "实施教师科学素质提升工程"
"""The family of training science teachers, titled by its central member (忻州's line 64)."""


@pytest.fixture(scope="module")
def graph(triples):
    return to_networkx(triples)


@pytest.fixture(scope="module")
def matrix(graph):
    return tasks_view(graph).matrix


def leads(matrix, title: str) -> dict[str, tuple[str, list[str]] | None]:
    row = matrix.row(title)
    return {
        column.region: (cell.position, [lead.name for lead in cell.leads]) if cell else None
        for column, cell in zip(matrix.columns, row.cells, strict=True)
    }


def test_who_leads_the_training_of_science_teachers_in_each_city(matrix):
    assert leads(matrix, TEACHERS) == {
        "忻州市": ("1.6", ["市教育局"]),  # 002 line 64: （市教育局牵头，…等单位配合）
        "泉州市": ("1.4", ["市教育局", "市科协"]),  # 004 line 56: 责任单位：市教育局、市科协牵头
        "新郑市": ("1.3", ["团市委", "市教育局", "市科协", "市科工信局"]),  # 001 line 23
        "周口市": ("1.3", ["团市委", "市教育体育局", "市科协", "市科技局"]),  # 000 line 45
        "岳阳市南湖新区": ("1.6", ["区教体局", "区科协", "团区委"]),  # 003 line 39
    }
    row = matrix.row(TEACHERS)
    assert row.plans == 5
    assert row.common_types == ("教育 Education",)  # 区教体局 is typed 教育 and 体育


def test_a_task_whose_plans_share_no_lead_type(matrix):
    """智慧助老: 新郑 line 43, 忻州 line 84, 南湖新区 line 60, 泉州 line 86; 周口 names it only
    inside its health measure (000 line 83), which the grouping leaves in another family."""
    row = matrix.row("实施智慧助老行动")
    assert leads(matrix, row.title) == {
        "忻州市": ("4.1", ["市民政局"]),
        "泉州市": ("4.1", ["市卫健委"]),
        "新郑市": ("4.1", ["市卫健委", "市教育局", "市科协"]),
        "周口市": None,
        "岳阳市南湖新区": ("4.2", ["区卫健局", "区民政局"]),
    }
    assert row.common_types == () and row.led_differently


def test_a_missing_cell_is_a_plan_without_the_task(matrix):
    """科学家精神进校园: 忻州 (002 line 55), 泉州 (004 line 44), 南湖新区 (003 line 34);
    周口 and 新郑 name 科学家精神 only in their principles (000 line 25)."""
    found = leads(matrix, "实施科学家精神进校园行动")
    assert [region for region, cell in found.items() if cell is None] == ["新郑市", "周口市"]
    assert matrix.row("实施科学家精神进校园行动").plans == 3


def test_every_measure_of_a_family_has_one_cell_and_groups_follow_the_outline(graph, matrix):
    view = tasks_view(graph)
    cells = [cell for row in matrix.rows() for cell in row.cells if cell]
    assert (len(matrix.groups), len(matrix.rows()), len(cells)) == (11, 69, 167)
    assert len({cell.measure for cell in cells}) == 167
    assert [c.region for c in matrix.columns] == REGIONS
    assert [g.action for g in matrix.groups[:5]] == [
        "青少年科学素质提升行动",
        "农民科学素质提升行动",
        "产业工人科学素质提升行动",
        "老年人科学素质提升行动",
        "领导干部和公务员科学素质提升行动",
    ]
    for group in matrix.groups:
        assert [r.plans for r in group.rows] == sorted((r.plans for r in group.rows), reverse=True)
    assert view.counts() == (5 + 11 + 69 + 167, 69 + 167)


def test_a_cell_carries_its_source_sentence_lines_and_lead_clause(matrix):
    cell = matrix.cell(matrix.row(TEACHERS), "忻州市")
    assert cell.text.startswith("实施教师科学素质提升工程。将科学精神纳入教师培养过程")
    assert cell.lines == "第64行 line 64"
    assert cell.clauses == (
        "第64行 line 64：市教育局牵头，市科协、市科技局、市农业农村局等单位配合",
    )
    assert cell.similarity is not None and 0 < cell.similarity <= 1


def test_led_differently_is_the_analysis_same_task_different_lead(graph, matrix):
    families = {f"family:{row[0]}" for row in different_leads(graph).rows}
    assert {row.family for row in matrix.rows() if row.led_differently} == families


def test_the_tasks_view_of_two_cities_and_of_none(graph):
    view = build_view(graph, "tasks", ["周口市", "泉州市"])
    assert [c.region for c in view.matrix.columns] == ["泉州市", "周口市"]
    assert all(row.plans >= 1 for row in view.matrix.rows())
    assert all(len(row.cells) == 2 for row in view.matrix.rows())
    with pytest.raises(ViewError, match="no plan matches"):
        build_view(graph, "tasks", ["没有这个市"])


def test_the_page_is_a_table_with_no_vis_and_the_same_bytes_twice(graph):
    page = render_html(tasks_view(graph))
    assert page == render_html(tasks_view(graph))
    assert "vis-network" not in page and 'id="tasks"' in page
    assert re.search(r"<(script|link|img)\b[^>]*\b(src|href)=", page) is None
    assert len(page.encode()) < 400_000  # the network views: 760 KB and more
