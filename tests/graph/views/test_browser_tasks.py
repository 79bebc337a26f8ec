"""The tasks view in a real browser (Debian's headless Chromium at 1600 × 1000, offline): a
table an analyst reads without zooming. The first screen answers "who leads the training of
science teachers in each city, and which cities have no such measure"; every text is at least
12 px; the headers stay in place when scrolling; the filters, the toggles and the search show
what the view's data says they should; plan text full of markup shows as text."""

from __future__ import annotations

import pytest
from plankg.graph.views import tasks_view

pytestmark = pytest.mark.browser

SIZE = (1600, 1000)
TEACHERS = "实施教师科学素质提升工程"
SCRIPT = "<script>alert(1)</script>"
SHOWN_FAMILIES = "() => plankg.shownFamilies()"


@pytest.fixture(scope="module")
def view(graph):
    return tasks_view(graph)


def families(view, keep) -> list[str]:
    """The families, in table order, whose row ``keep(row)`` accepts."""
    return [row.family for row in view.matrix.rows() if keep(row)]


def row_text(seen, title: str) -> list[str]:
    return seen.evaluate(
        """title => {
            const th = Array.from(document.querySelectorAll('th.family'))
                .find(h => h.firstChild.textContent === title);
            return Array.from(th.parentNode.children, c => c.innerText.replace(/\\s+/g, ' '));
        }""",
        title,
    )


def test_the_first_screen_answers_who_leads_teacher_training_where(open_view, view):
    with open_view(view, "tasks", size=SIZE) as seen:
        assert seen.errors == [] and seen.requests == []
        assert seen.evaluate("() => document.querySelectorAll('canvas').length") == 0
        heads = seen.evaluate(
            "() => Array.from(document.querySelectorAll('th.col'), h => h.innerText)"
        )
        assert [h.split("\n")[0] for h in heads] == [c.region for c in view.matrix.columns]
        counts = seen.evaluate(
            "() => ['tr.family-row', 'td.cell', 'td.missing', 'tr.group']"
            ".map(s => document.querySelectorAll(s).length)"
        )
        assert counts == [69, 167, 69 * 5 - 167, 11]
        cells = row_text(seen, TEACHERS)
        assert cells[0] == f"{TEACHERS} 5 / 5 个方案 plans 共同牵头 all led by: 教育"
        assert cells[1] == "1.6 实施教师科学素质提升工程 市教育局"
        assert cells[2] == "1.4 实施科学教育师资队伍提升工程 市教育局 市科协"
        box = seen.evaluate(
            """title => {
                const th = Array.from(document.querySelectorAll('th.family'))
                    .find(h => h.firstChild.textContent === title);
                const r = th.parentNode.getBoundingClientRect();
                return [r.top, r.bottom, r.right];
            }""",
            TEACHERS,
        )
        assert box[0] > 0 and box[1] < SIZE[1] and box[2] <= SIZE[0]
        missing = row_text(seen, "实施科学家精神进校园行动")
        assert [missing[i] for i in (3, 4)] == ["无此任务 missing"] * 2
        seen.screenshot("tasks")


def test_every_text_on_the_first_screen_is_legible(open_view, view):
    with open_view(view, "tasks-legible", size=SIZE) as seen:
        smallest = seen.evaluate(
            """() => {
                let small = 99;
                const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                for (let t = walk.nextNode(); t; t = walk.nextNode()) {
                    const el = t.parentElement;
                    if (!t.textContent.trim() || !el.getClientRects().length) continue;
                    const r = el.getBoundingClientRect();
                    if (r.bottom < 0 || r.top > innerHeight || r.right < 0 || r.left > innerWidth) continue;
                    small = Math.min(small, parseFloat(getComputedStyle(el).fontSize));
                }
                return small;
            }"""
        )
        assert smallest >= 12


def test_the_headers_stay_when_the_table_scrolls(open_view, view):
    with open_view(view, "tasks-scrolled", size=SIZE) as seen:
        seen.evaluate("() => { document.getElementById('table-wrap').scrollTop = 3000; }")
        top, left = seen.evaluate(
            """() => [document.querySelector('th.col').getBoundingClientRect().top,
                      document.querySelector('th.corner').getBoundingClientRect().left]"""
        )
        assert top == 0
        seen.evaluate("() => { document.getElementById('table-wrap').scrollLeft = 400; }")
        family_left = seen.evaluate(
            """() => Array.from(document.querySelectorAll('th.family'))
                .find(h => h.getBoundingClientRect().top > 100).getBoundingClientRect().left"""
        )
        assert family_left == left
        head, groups = seen.evaluate(
            """() => [document.querySelector('th.corner').getBoundingClientRect().bottom,
                      Array.from(document.querySelectorAll('tr.group th'),
                                 th => th.getBoundingClientRect().top)]"""
        )
        assert sum(1 for top in groups if abs(top - head) < 1) >= 1  # the current action's band
        seen.screenshot("tasks-scrolled")


def test_a_cell_opens_its_details_from_the_keyboard(open_view, view):
    with open_view(view, "tasks-keyboard", size=SIZE) as seen:
        seen.page.focus("td.cell")
        seen.page.keyboard.press("Enter")
        assert seen.page.text_content("#details-title") == "忻州市 1.6 实施教师科学素质提升工程"
        seen.page.focus("th.family")
        seen.page.keyboard.press(" ")
        lines = seen.evaluate(
            "() => Array.from(document.querySelectorAll('#details-lines li'), li => li.textContent)"
        )
        assert lines[0] == "忻州市 1.6 实施教师科学素质提升工程 — 牵头 lead: 市教育局"
        assert len(lines) == 5


def test_the_filters_and_toggles_keep_the_rows_the_data_says(open_view, view):
    matrix = view.matrix
    zhoukou = [c.region for c in matrix.columns].index("周口市")
    with open_view(view, "tasks-filters", size=SIZE) as seen:
        seen.page.uncheck("#filter-region input[value='周口市']")
        hidden = seen.evaluate(
            "() => Array.from(document.querySelectorAll('[data-col].off'), n => n.dataset.col)"
        )
        assert set(hidden) == {str(zhoukou)} and len(hidden) == 1 + 69
        others = [i for i in range(5) if i != zhoukou]
        assert seen.evaluate(SHOWN_FAMILIES) == families(
            view, lambda r: any(r.cells[i] for i in others)
        )
        assert "周口市" not in seen.title() and "泉州市" in seen.title()
        elderly = "实施智慧助老行动"
        assert row_text(seen, elderly)[0].endswith("无共同牵头职能 no lead type in common")
        seen.page.uncheck("#filter-region input[value='忻州市']")
        seen.page.uncheck("#filter-region input[value='新郑市']")
        assert (
            row_text(seen, elderly)[0]
            == f"{elderly} 2 / 2 个方案 plans 共同牵头 all led by: 卫生健康"
        )
        seen.page.click("#reset")
        seen.page.select_option("#filter-type", "科协 Science and technology association")
        led = families(
            view,
            lambda r: any(
                "科协 Science and technology association" in lead.types
                for c in r.cells
                if c
                for lead in c.leads
            ),
        )
        assert seen.evaluate(SHOWN_FAMILIES) == led and 0 < len(led) < 69
        assert seen.evaluate("() => document.querySelectorAll('tr:not(.off) td.dim').length") > 0
        seen.screenshot("tasks-type")
        seen.page.click("#reset")
        seen.page.select_option("#filter-action", "青少年科学素质提升行动")
        assert seen.evaluate(SHOWN_FAMILIES) == [r.family for r in matrix.groups[0].rows]
        seen.page.click("#reset")
        seen.page.check("#only-different")
        assert seen.evaluate(SHOWN_FAMILIES) == families(view, lambda r: r.led_differently)
        seen.page.click("#reset")
        seen.page.check("#only-missing")
        assert seen.evaluate(SHOWN_FAMILIES) == families(view, lambda r: r.plans < 5)
        seen.page.click("#reset")
        assert len(seen.evaluate(SHOWN_FAMILIES)) == 69
        assert seen.errors == []


def test_search_lists_highlights_and_opens_a_match(open_view, view):
    with open_view(view, "tasks-search", size=SIZE) as seen:
        seen.page.fill("#search", "教师")
        results = seen.evaluate(
            "() => Array.from(document.querySelectorAll('#search-results button'), b => b.textContent)"
        )
        assert "同类任务 " + TEACHERS in results
        assert "忻州市 1.6 实施教师科学素质提升工程（市教育局）" in results
        assert seen.evaluate("() => document.querySelectorAll('.hit').length") == len(results)
        assert seen.page.text_content("#search-status") == f"{len(results)} 个匹配 matches"
        seen.screenshot("tasks-search")
        seen.page.click("text=忻州市 1.6 实施教师科学素质提升工程（市教育局）")
        assert seen.page.text_content("#details-title") == "忻州市 1.6 实施教师科学素质提升工程"
        lines = seen.evaluate(
            "() => Array.from(document.querySelectorAll('#details-lines li'), li => li.textContent)"
        )
        assert "牵头 lead: 市教育局（教育 Education）" in lines
        assert "第64行 line 64：市教育局牵头，市科协、市科技局、市农业农村局等单位配合" in lines
        assert seen.page.text_content("#details-en").endswith("第64行 line 64")
        assert seen.page.text_content("#details-text").startswith("实施教师科学素质提升工程。")
        seen.page.select_option("#filter-action", "农民科学素质提升行动")
        seen.page.press("#search", "Enter")
        assert seen.page.input_value("#filter-action") == ""
        seen.page.fill("#search", "没有这个任务")
        assert seen.page.text_content("#search-status") == "没有匹配 no match: 没有这个任务"
        assert seen.errors == []


def test_a_plan_full_of_markup_shows_it_as_text(open_view, xss_graph):
    view = tasks_view(xss_graph)
    with open_view(view, "tasks-xss", size=SIZE) as seen:
        text = seen.evaluate("() => document.getElementById('tasks').innerText")
        assert f"市{SCRIPT}局" in text
        seen.page.fill("#search", "alert")
        seen.page.press("#search", "Enter")
        assert SCRIPT in (seen.page.text_content("#details") or "")
        assert seen.evaluate("() => document.scripts.length") == 2
        assert seen.dialogs == [] and seen.errors == []
