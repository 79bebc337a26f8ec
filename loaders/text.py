"""The cleaned reading of a plan text, with a map back to the characters it came from.

Conversion from Word and PDF leaves scars: a page break in the middle of a sentence, an
``[image: …]`` placeholder inside a word, indentation, spaces between Chinese characters, full-
and half-width punctuation mixed. :class:`Reading` undoes them and remembers, for every character
it keeps, where it stood in the source, so every fact found in the reading has an exact span in
the source.
"""

from __future__ import annotations

import bisect
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from plankg.loaders.frozen import direct_init
from plankg.loaders.model import Span
from plankg.loaders.patterns import regex
from plankg.loaders.programs import compile_pattern
from plankg.loaders.script import to_simplified

PLACEHOLDER = compile_pattern(r"\[image:[^\]\n]{0,200}\]")
PLACEHOLDER_AT_END = compile_pattern(r"\[image:[^\]\n]{0,200}\]\s*$")
"""A figure's placeholder, ``[image: image1.jpg]``: at most 200 characters, so a line of
unclosed ``[image:`` ×n is read in linear time."""
_SYLLABLE = r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]{1,7}[)）]"
GLOSS = compile_pattern(rf"(?<=[\u4e00-\u9fff])(?:{_SYLLABLE})+")
"""A pinyin gloss after a character (``質(zhì)``), as some reposts print them."""
GLOSS_SYLLABLE = compile_pattern(_SYLLABLE)
"""What every gloss holds: looked for first, since a pattern opening with a look-behind is
tried at every character of a text (and most texts have no gloss)."""
TERMINAL = frozenset("。！？；：!?;:)）》」』】…")
CONTINUING = frozenset("、，,")
"""A line ending in a list or clause separator always runs on."""
SPACE = frozenset(" \t\u3000\u00a0\ufeff\r\x0b\x0c")
TITLE_MAX = 60
WRAP_MIN = 10
WRAP_LINES = 20
WRAP_SLACK = 2
WRAP_SHARE = 0.4
SENTENCE_MARKS = frozenset("，。；、,;")
CELL = "\t"
CELL_GAP = compile_pattern(r"(?:\t[ \t\u3000]*|(?<![、，,；;])[ \u3000]{2,}\t?)")
"""A gap between two cells: a tab, or two spaces or more not after a list or clause separator
(a cell does not end with 、 or ，: spaces after them are a scar of justified prose)."""
MIN_CELL_GAPS = 2
"""A line with this many cell gaps or more is a table row (序号, 任务, 牵头单位…)."""

_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FOLD.update({0x3000: 0x20, 0x2014: 0x2014, 0xFF0E: 0x2E})
FOLD_WIDTH = str.maketrans(_FOLD)
_FOLDED = {chr(k): chr(v) for k, v in _FOLD.items()}
_FULL_WIDTH = compile_pattern("[" + "".join(k for k, v in _FOLDED.items() if k != v) + "]")


def fold_width(text: str) -> str:
    """``text.translate(FOLD_WIDTH)``, the same length: the commonest full-width marks of
    Chinese prose replaced by :meth:`str.replace`, then a pattern finding the rest (a pattern
    alone is five times faster on Chinese text than ``str.translate``, which looks up every
    character, and calls a function for each mark found: the replacing halves it again)."""
    for char in COMMON_FULL_WIDTH:
        text = text.replace(char, _FOLDED[char])
    return _FULL_WIDTH.sub(_folded, text)


COMMON_FULL_WIDTH = "，（）：；"
"""The full-width marks most of a plan's folded characters are (nine in ten: commas, then
brackets)."""


def _folded(found: re.Match[str]) -> str:
    return _FOLDED[found.group()]


@direct_init
@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    text: str
    norm: str


class Reading:
    """The cleaned text of one source: paragraphs separated by ``\\n``.

    ``text`` is for people (original punctuation); ``norm`` has the same length with full-width
    ASCII folded to half-width, for the patterns.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        simplified = to_simplified(source)
        cleaned, self.norm, origin = _clean(simplified)
        self.text = cleaned if simplified == source else _in_source_script(cleaned, origin, source)
        origin.append(len(source))
        self.origin = origin
        self._mark_index: dict[str, list[int]] = {}
        self._char_index: dict[str, list[int]] = {}
        self._spans: dict[tuple[int, int], Span] = {}
        self.found: dict[tuple[str, int, int], Any] = {}
        """What a finder found in a stretch of the reading, kept so that it runs once."""

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [m.end() for m in re.finditer("\n", self.source)]

    def line_of(self, source_offset: int) -> int:
        return bisect.bisect_right(self._line_starts, source_offset)

    def span(self, start: int, end: int) -> Span:
        """The source span of ``text[start:end]`` (made once for each stretch: the parse asks
        for the same names' spans again)."""
        found = self._spans.get((start, end))
        if found is not None:
            return found
        origin, starts = self.origin, self._line_starts
        begin = origin[start]
        first = bisect_right(starts, begin)
        if end > start:
            finish = origin[end - 1] + 1
            last = bisect_right(starts, finish - 1)
            last = last if last > first else first
        else:
            finish, last = begin, first
        found = self._spans[start, end] = Span(begin, finish, first, last, self.text[start:end])
        return found

    def extent(self, start: int, end: int) -> tuple[int, int]:
        """The source offsets of ``text[start:end]``: the start and end of its :meth:`span`."""
        begin = self.origin[start]
        return begin, (self.origin[end - 1] + 1 if end > start else begin)

    def last_mark(self, marks: str, before: int) -> int:
        """Index in ``norm`` of the last character of ``marks`` before ``before``, or -1."""
        positions = self._marks(marks)
        found = bisect.bisect_left(positions, before)
        return positions[found - 1] if found else -1

    def next_mark(self, marks: str, at: int) -> int:
        """Index in ``norm`` of the first character of ``marks`` at or after ``at``, or the
        length of the text."""
        positions = self._marks(marks)
        found = bisect.bisect_left(positions, at)
        return positions[found] if found < len(positions) else len(self.norm)

    def mark_positions(self, marks: str) -> list[int]:
        """The indexes in ``norm`` of the characters of ``marks``, in order (found once)."""
        return self._marks(marks)

    def _marks(self, marks: str) -> list[int]:
        found = self._mark_index.get(marks)
        if found is None:
            found = self._mark_index[marks] = sorted(
                at for mark in set(marks) for at in self._marks_of(mark)
            )
        return found

    def _marks_of(self, mark: str) -> list[int]:
        """Where the one character ``mark`` stands (found once, for every set of marks it is
        in: the sentence marks are clause marks too)."""
        found = self._char_index.get(mark)
        if found is None:
            found = self._char_index[mark] = _positions(self.norm, mark)
        return found

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        return list(self._paragraphs())

    def _paragraphs(self) -> Iterator[Paragraph]:
        start = 0
        for piece in self.text.split("\n"):
            end = start + len(piece)
            if piece:
                yield Paragraph(start, end, piece, self.norm[start:end])
            start = end + 1


def _positions(text: str, mark: str) -> list[int]:
    """Where ``mark`` stands in ``text`` (``str.find`` runs faster than a pattern's scan of
    every character)."""
    found = []
    at = text.find(mark)
    while at >= 0:
        found.append(at)
        at = text.find(mark, at + 1)
    return found


def _in_source_script(cleaned: str, origin: list[int], source: str) -> str:
    """The cleaned text with each character kept as the source wrote it (the breaks, spaces and
    tabs the cleaning put in stay)."""
    return "".join(c if c in "\n \t" else source[at] for c, at in zip(cleaned, origin, strict=True))


def _clean(source: str) -> tuple[str, str, list[int]]:
    """The cleaned text, the same with its width folded (:func:`fold_width`: folded once for
    all lines, which the breaks between them are judged by), and the source offset of each
    of its characters."""
    lines = list(_physical_lines(source))
    texts = [text for text, *_ in lines]
    norms = fold_width("\n".join(texts)).split("\n")
    width = wrap_width(texts)
    pieces: list[str] = []
    folded: list[str] = []
    origin: list[int] = []
    last = len(lines) - 1
    for index, (text, offsets, newline_at, at_figure) in enumerate(lines):
        pieces.append(text)
        folded.append(norms[index])
        origin.extend(offsets)
        if index < last and not (at_figure or _breaks_softly(texts, norms, index, width)):
            pieces.append("\n")
            folded.append("\n")
            origin.append(newline_at)
    return "".join(pieces), "".join(folded), origin


def _breaks_softly(texts: list[str], norms: list[str], index: int, width: int | None) -> bool:
    """:func:`is_soft_break` between line ``index`` and the next, their folded ``norms``
    given."""
    line, following = texts[index], texts[index + 1]
    return _is_soft_break(line, following, width, norms[index], norms[index + 1])


NON_SPACE = compile_pattern(r"[^\s\ufeff]+")
"""A stretch without spaces: what :meth:`str.isspace` calls space (as ``\\s`` does) and the
BOM are spaces."""


def _physical_lines(source: str) -> Iterator[tuple[str, Sequence[int], int, bool]]:
    """Each line of ``source`` cleaned (those left empty passed over), with the source offset
    of every character kept, of the line's end, and whether a placeholder closed it (a figure
    cut into the sentence there)."""
    removed = _placeholder_offsets(source)
    ordered = sorted(removed)
    start = 0
    for raw in source.split("\n"):
        end = start + len(raw)
        if removed:
            line, offsets = _without(raw, start, removed, ordered)
        else:
            line, offsets = raw, range(start, end)
        text, kept = _squeezed(line, raw)
        if text:
            at_figure = "[image:" in raw and PLACEHOLDER_AT_END.search(raw) is not None
            yield text, _kept_offsets(offsets, kept), end, at_figure
        start = end + 1


def _squeezed(line: str, raw: str) -> tuple[str, Sequence[int]]:
    """:func:`_squeeze_spaces` of ``line`` (``raw`` before placeholders were taken out), a
    line without spaces inside read at once."""
    if "\ufeff" not in line:
        stripped = line.strip()
        if not stripped:
            return "", ()
        if len(stripped.split(maxsplit=1)) == 1:
            begin = len(line) - len(line.lstrip())
            return stripped, range(begin, begin + len(stripped))
    return _squeeze_spaces(line, _cell_gaps(raw) >= MIN_CELL_GAPS)


def _kept_offsets(offsets: Sequence[int], kept: Sequence[int]) -> Sequence[int]:
    if isinstance(kept, range):
        return offsets[kept.start : kept.stop]
    return [offsets[i] for i in kept]


def _without(
    raw: str, start: int, removed: set[int], ordered: list[int]
) -> tuple[str, Sequence[int]]:
    """The line ``raw`` (at ``start`` in the source) without the ``removed`` characters (also
    given ``ordered``, to find the first at or after ``start`` by bisection), and the source
    offset of each character left."""
    first = bisect.bisect_left(ordered, start)
    if first == len(ordered) or ordered[first] >= start + len(raw):
        return raw, range(start, start + len(raw))
    kept = [start + i for i in range(len(raw)) if start + i not in removed]
    return "".join(raw[at - start] for at in kept), kept


def _placeholder_offsets(source: str) -> set[int]:
    """Characters that are not the plan's text: figure placeholders and pinyin glosses."""
    patterns = [PLACEHOLDER] + ([GLOSS] if GLOSS_SYLLABLE.search(source) else [])
    return {i for pattern in patterns for m in pattern.finditer(source) for i in range(*m.span())}


def _squeeze_spaces(line: str, row: bool) -> tuple[str, Sequence[int]]:
    """Drop leading and trailing spaces, and any run of spaces unless both its neighbours are
    ASCII (Chinese is written without spaces: a space beside a Chinese character is a scar).
    In a table row — a line with two or more cell gaps (a tab, or two spaces or more) — each
    gap becomes one tab. Returns the text and the index in ``line`` of each of its characters
    (a gap's at its first space)."""
    stretches = list(NON_SPACE.finditer(line))
    if len(stretches) == 1:
        begin, end = stretches[0].span()
        return line[begin:end], range(begin, end)
    pieces: list[str] = []
    kept: list[int] = []
    previous_end = -1
    for stretch in stretches:
        begin, end = stretch.span()
        if previous_end >= 0:
            spaces, before = line[previous_end:begin], line[previous_end - 1]
            if gap := _gap(spaces, before, line[begin], row):
                pieces.append(gap)
                kept.append(previous_end)
        pieces.append(stretch.group())
        kept.extend(range(begin, end))
        previous_end = end
    return "".join(pieces), kept


def _gap(spaces: str, before: str, after: str, row: bool) -> str:
    """What a run of spaces between two characters becomes: a cell gap in a table row, one
    space between ASCII characters, or nothing."""
    if row and _is_cell_gap(spaces, before):
        return CELL
    return " " if before.isascii() and after.isascii() else ""


def _is_cell_gap(spaces: str, before: str) -> bool:
    return CELL in spaces or (len(spaces) >= 2 and before not in "、，,；;")


def _cell_gaps(line: str) -> int:
    """Gaps between cells inside a line (a tab, or two spaces or more)."""
    if "\t" not in line and "  " not in line and "\u3000\u3000" not in line:
        return 0
    return len(CELL_GAP.findall(line.strip()))


def wrap_width(lines: list[str]) -> int | None:
    """The line width of hard-wrapped text (PDF extraction, re-flowed text): most lines the
    same length. None for text with a line per paragraph."""
    lengths = [len(line) for line in lines if len(line) >= WRAP_MIN]
    if len(lengths) < WRAP_LINES:
        return None
    counts = Counter(lengths)

    def near(n: int) -> int:
        return sum(counts.get(m, 0) for m in range(n - WRAP_SLACK, n + WRAP_SLACK + 1))

    mode = max(counts, key=lambda n: (near(n), n))
    share = near(mode) / len(lengths)
    return mode if share >= WRAP_SHARE else None


def is_soft_break(line: str, following: str, width: int | None = None) -> bool:
    """Whether the break between two non-empty lines is a scar (page break or hard wrap) inside
    one paragraph rather than the end of a paragraph. In hard-wrapped text (``width``), a line
    that fills the width runs on; a shorter one ends its paragraph."""
    return _is_soft_break(line, following, width, fold_width(line), fold_width(following))


def _is_soft_break(
    line: str, following: str, width: int | None, norm: str, following_norm: str
) -> bool:
    """:func:`is_soft_break`, the lines' folded text given."""
    if line[-1] in TERMINAL or CELL in line or CELL in following:
        return False
    if line[-1] in CONTINUING or has_open_bracket(line):
        return True
    if starts_block(following_norm) or is_heading(norm):
        return False
    if width is not None:
        return len(line) >= width - WRAP_SLACK
    return not is_title_like(line)


def is_heading(norm_line: str) -> bool:
    """A whole line that is a section or action heading (not an item, which runs on as prose)."""
    return any(
        regex("headings", name, "pattern").match(norm_line) for name in ("section", "section_digit")
    ) or bool(_bare_subsection(norm_line))


def _bare_subsection(norm_line: str) -> bool:
    found = regex("headings", "subsection", "pattern").match(norm_line)
    return bool(found and not found["rest"])


def has_open_bracket(line: str) -> bool:
    return line.count("《") > line.count("》") or (
        line.count("（") + line.count("(") > line.count("）") + line.count(")")
    )


def starts_block(norm_line: str) -> bool:
    """A heading, a numbered or dashed item, or an assignment standing on its own line."""
    return any(
        regex(*path).match(norm_line)
        for path in (
            ("headings", "section", "pattern"),
            ("headings", "section_digit", "pattern"),
            ("headings", "subsection", "pattern"),
            ("headings", "item", "pattern"),
            ("assignment", "own_line"),
        )
    ) or norm_line.startswith(("抄送", "附件"))


def is_title_like(line: str) -> bool:
    """A short line without sentence punctuation: a title, an issuer, a date, a document number."""
    return len(line) <= TITLE_MAX and not any(c in SENTENCE_MARKS for c in line)
