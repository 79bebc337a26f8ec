"""Task-division tables (重点任务分工表, 任务分工 attachments): a header naming its columns
(序号, 重点任务, 具体措施, 牵头单位, 配合单位, 完成时限…) and one row per task. The readers of each
format give a row as one line of tab-separated cells (:mod:`plankg.loaders.formats`,
:class:`~plankg.loaders.text.Reading`); here a row becomes a measure with its assignment,
deadline and targets, linked to the action it names."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from plankg.loaders.agencies import Run, run_names
from plankg.loaders.deadlines import deadline_of
from plankg.loaders.model import (
    Action,
    ActionKind,
    AgencyMention,
    Assignment,
    Deadline,
    Measure,
    StatedCount,
)
from plankg.loaders.patterns import table
from plankg.loaders.programs import compile_pattern
from plankg.loaders.script import to_simplified
from plankg.loaders.structure import population_of
from plankg.loaders.targets import find_targets
from plankg.loaders.text import CELL, Paragraph, Reading

ROLE_COLUMNS = ("lead", "partner", "responsible")
TASK_COLUMNS = ("action", "measure")
FIRST_SENTENCE = compile_pattern(r"[。;!?]")
ROW_NUMBER = compile_pattern(r"^\s*\d{1,3}\s*[.、]?\s*$")
NUMBERING = compile_pattern(
    r"^(?:[一二三四五六七八九十]{1,3}[、.]|\(?[一二三四五六七八九十\d]{1,3}\)|\d{1,2}[.、])\s*"
)
SIMILAR = 0.5
UNNAMED = "任务分工"
"""The action of table rows that name none."""
PROJECT_WORDS = ("工程", "项目")


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    text: str


@dataclass
class Row:
    """One task of a table: its cells by column, and the row's extent in the reading."""

    start: int
    end: int
    cells: dict[str, Cell] = field(default_factory=dict)
    action: str | None = None


def table_rows(reading: Reading) -> list[Row]:
    """Every row of every task-division table in the text, in order."""
    rows: list[Row] = []
    columns: list[str] | None = None
    action: str | None = None
    for para in reading.paragraphs:
        if CELL not in para.norm:
            columns, action = None, None
            continue
        header = header_columns(para.norm)
        if header is not None:
            columns = header
            continue
        if columns is None:
            continue
        row = _row(para, columns)
        action = row.cells["action"].text if "action" in row.cells else action
        row.action = action
        if "measure" in row.cells or "action" in row.cells:
            rows.append(row)
    return rows


def header_columns(norm: str) -> list[str] | None:
    """The kind of each column when ``norm`` is a table's header row."""
    kinds = [_column_kind(cell) for cell in norm.split(CELL)]
    if not any(k in ROLE_COLUMNS for k in kinds) or not any(k in TASK_COLUMNS for k in kinds):
        return None
    measures = [i for i, k in enumerate(kinds) if k == "measure"]
    if len(measures) > 1 and "action" not in kinds:
        kinds[measures[0]] = "action"
    return [k or "other" for k in kinds]


def _column_kind(cell: str) -> str | None:
    name = re.sub(r"\s+", "", cell)
    columns: dict[str, str] = table("tables", "columns")
    if name in columns:
        return columns[name]
    found = [key for key in columns if key in name and len(name) <= len(key) + 4]
    return columns[max(found, key=len)] if found else None


def _row(para: Paragraph, columns: list[str]) -> Row:
    cells = list(_cells(para))
    kinds = list(columns)
    while len(cells) < len(kinds) and ("action" in kinds or "number" in kinds):
        kinds.remove("action" if "action" in kinds else "number")
    row = Row(para.start, para.end)
    for kind, cell in zip(kinds, cells, strict=False):
        if cell.text.strip() and kind != "other":
            row.cells[kind] = cell
    return row


def _cells(para: Paragraph) -> Iterator[Cell]:
    start = para.start
    for piece in para.norm.split(CELL):
        yield Cell(
            start,
            start + len(piece),
            para.text[start - para.start : start - para.start + len(piece)],
        )
        start += len(piece) + 1


def row_measure(reading: Reading, row: Row, number: int, prefix: str) -> Measure:
    """The measure a row states, with its assignment, deadline and targets."""
    cell = row.cells.get("measure") or row.cells["action"]
    text = cell.text.strip()
    return Measure(
        number=number,
        title=_title(text),
        text=text,
        span=reading.span(cell.start, cell.end),
        assignment=row_assignment(reading, row, prefix),
        targets=tuple(find_targets(reading, cell.start, cell.end)),
        deadline=row_deadline(reading, row),
    )


def _title(text: str) -> str:
    m = FIRST_SENTENCE.search(text)
    return text[: m.start()] if m else text


def row_assignment(reading: Reading, row: Row, prefix: str) -> Assignment | None:
    found: dict[str, list[AgencyMention]] = {}
    counts: list[StatedCount] = []
    for kind in ROLE_COLUMNS:
        if kind in row.cells:
            cell = row.cells[kind]
            names, stated, _ = run_names(reading, Run(kind, cell.start, cell.end), prefix)  # type: ignore[arg-type]
            found[kind] = names
            counts.extend(stated)
    if not any(found.values()) and not counts:
        return None
    leads = tuple(found.get("lead", ()))
    responsible = tuple(found.get("responsible", ()))
    partners = tuple(found.get("partner", ())) + (responsible if leads else ())
    return Assignment(
        leads=leads,
        partners=partners,
        stated_at="measure",
        span=reading.span(row.start, row.end),
        responsible=() if leads else responsible,
        counts=tuple(counts),
    )


def row_deadline(reading: Reading, row: Row) -> Deadline | None:
    cell = row.cells.get("deadline")
    if cell is None:
        return None
    return deadline_of(cell.text.strip(), reading.span(cell.start, cell.end))


def is_row_number(text: str) -> bool:
    return bool(ROW_NUMBER.match(text))


def with_table_rows(
    reading: Reading, actions: tuple[Action, ...], prefix: str
) -> tuple[Action, ...]:
    """The plan's actions with the tasks of its tables: a row that restates a measure of the
    action it names gives that measure its assignment and deadline; any other row becomes a
    new measure of that action, or of a new action named by the row."""
    rows = table_rows(reading)
    if not rows:
        return actions
    found = list(actions)
    for row in rows:
        index = _matching_action(found, row.action)
        if index is None:
            found.append(_new_action(reading, found, row))
            index = len(found) - 1
        found[index] = _with_row(reading, found[index], row, prefix)
    return tuple(found)


def _bigrams(text: str) -> set[str]:
    text = re.sub(r"[^\u4e00-\u9fff]", "", text)
    return {text[i : i + 2] for i in range(len(text) - 1)}


def similar(a: str, b: str, threshold: float = SIMILAR) -> bool:
    """Two titles of the same task: one holds the other, or they share most character pairs."""
    x, y = re.sub(r"\W", "", a), re.sub(r"\W", "", b)
    if x and y and (x in y or y in x):
        return True
    pa, pb = _bigrams(a), _bigrams(b)
    return bool(pa and pb) and len(pa & pb) / len(pa | pb) >= threshold


def _matching_action(actions: list[Action], named: str | None) -> int | None:
    if not named:
        return len(actions) - 1 if actions and actions[-1].title == UNNAMED else None
    title = _without_numbering(named)
    population = population_of(to_simplified(title))
    for i, action in enumerate(actions):
        if population and action.population == population:
            return i
        if similar(action.title, title):
            return i
    return None


def _without_numbering(text: str) -> str:
    return NUMBERING.sub("", text.strip())


def _new_action(reading: Reading, actions: list[Action], row: Row) -> Action:
    title = _without_numbering(row.action) if row.action else UNNAMED
    kind: ActionKind = "重点工程" if any(w in title for w in PROJECT_WORDS) else "提升行动"
    number = sum(1 for a in actions if a.kind == kind) + 1
    population = population_of(to_simplified(title)) if kind == "提升行动" else None
    return Action(kind, number, title, population, reading.span(row.start, row.end))


def _with_row(reading: Reading, action: Action, row: Row, prefix: str) -> Action:
    measure = row_measure(reading, row, len(action.measures) + 1, prefix)
    measures = list(action.measures)
    for i, known in enumerate(measures):
        if similar(known.title, measure.title):
            measures[i] = replace(
                known,
                assignment=known.assignment or measure.assignment,
                deadline=known.deadline or measure.deadline,
            )
            return replace(action, measures=tuple(measures))
    end = reading.span(row.start, row.end)
    span = replace(
        action.span,
        end=max(action.span.end, end.end),
        end_line=max(action.span.end_line, end.end_line),
    )
    return replace(action, measures=(*measures, measure), span=span)
