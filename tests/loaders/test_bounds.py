"""Bounded on hostile input: files too large, too inflated or too deep are refused in one line
before they are parsed, and every pathological text of tests/loaders/hostile.py, and random
ones (hypothesis), is read or refused as not a plan.

How the time grows with the size (linear, not quadratic) is measured by benchmarks/hostile.py,
which reports seconds per MB and the ratio at twice the size."""

from __future__ import annotations

import contextlib
import io
import os
import threading
import zipfile
from contextlib import suppress
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plankg.loaders.errors import NotAPlanError, PlanReadError
from plankg.loaders.formats import (
    MAX_DOCX_PARAGRAPHS,
    MAX_DOCX_XML,
    MAX_ENCODED_BYTES,
    MAX_HTML_DEPTH,
    MAX_PDF_PAGES,
    MAX_TEXT_CHARS,
    text_of,
)
from plankg.loaders.parse import parse_plan
from plankg.loaders.read import read_bounded, read_plan

from . import hostile
from .variants import docx

LARGE = 80_000
"""Characters of each hostile text: four times the longest plan of the corpus. How the time
grows with the size is measured in benchmarks/hostile.py, not asserted here (the machine is
shared; tests assert no timings)."""


def read_or_refuse(text: str) -> None:
    """A hostile text is read as a plan or refused as not one, never anything else."""
    with contextlib.suppress(NotAPlanError):
        parse_plan(text, "hostile.txt")


@pytest.mark.parametrize("name", [*hostile.UNITS, "random-1", "random-2", "random-3"])
def test_a_hostile_text_is_read_or_refused_as_not_a_plan(name):
    read_or_refuse(hostile.generate(name, LARGE))


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(hostile.PIECES), min_size=1, max_size=6).map("".join))
def test_any_repeated_unit_is_read_or_refused_as_not_a_plan(unit):
    read_or_refuse(hostile.HEAD + unit * (LARGE // len(unit)))


def test_a_text_longer_than_the_limit_is_refused():
    with pytest.raises(PlanReadError, match=r"too long to be one plan \(2,000,001 characters"):
        text_of(("科" * (MAX_TEXT_CHARS + 1)).encode("utf-8"), "long.txt")


def test_a_text_file_too_large_to_hold_a_plan_is_refused_before_it_is_decoded():
    with pytest.raises(PlanReadError, match=r"too long to be one plan \(8,000,001 bytes"):
        text_of(b"a" * (MAX_ENCODED_BYTES + 1), "huge.txt")


def word_file(paragraphs: bytes) -> bytes:
    """A .docx whose body holds ``paragraphs`` (raw WordprocessingML) before its text."""
    _, data = docx(hostile.SAMPLE)
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "word/document.xml":
                content = content.replace(b"<w:body>", b"<w:body>" + paragraphs, 1)
            target.writestr(item, content)
    return buffer.getvalue()


def test_a_word_file_that_inflates_beyond_the_limit_is_refused_unread():
    """A 200 KB file of empty paragraphs unpacking to 100 MB took 120 s and 5.9 GB."""
    bomb = word_file(b"<w:p/>" * (MAX_DOCX_XML // 6 + 1))
    assert len(bomb) < 200_000
    with pytest.raises(PlanReadError, match=r"bomb.docx: .docx unpacks to .* MB with a body"):
        text_of(bomb, "bomb.docx")


def test_a_word_file_of_too_many_paragraphs_is_refused():
    many = word_file(b"<w:p/>" * (MAX_DOCX_PARAGRAPHS + 1))
    with pytest.raises(
        PlanReadError, match=r"many.docx: .docx of 100,\d{3} paragraphs \(at most 100,000"
    ):
        text_of(many, "many.docx")


def test_a_word_file_within_the_limits_is_read():
    assert "周口市" in text_of(word_file(b"<w:p/>" * 1000), "fine.docx")


def page(depth: int) -> bytes:
    body = "".join(f"<p>{line}</p>" for line in hostile.SAMPLE.splitlines())
    return f"<html><body>{'<div>' * depth}{body}{'</div>' * depth}</body></html>".encode()


def test_a_page_nested_too_deep_is_refused_and_one_nested_less_is_read():
    with pytest.raises(PlanReadError, match=r"page nested 1,0\d\d elements deep \(at most 256"):
        text_of(page(1000), "deep.html")
    assert "周口市" in text_of(page(MAX_HTML_DEPTH - 10), "deep.html")


def test_a_pdf_of_too_many_pages_is_refused():
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    document = canvas.Canvas(buffer)
    for _ in range(MAX_PDF_PAGES + 1):
        document.showPage()
    document.save()
    with pytest.raises(PlanReadError, match=r"PDF of 501 pages \(at most 500 are read\)"):
        text_of(buffer.getvalue(), "long.pdf")


def test_a_pipe_that_never_ends_is_read_no_further_than_the_limit(tmp_path: Path):
    fifo = tmp_path / "endless.txt"
    os.mkfifo(fifo)

    def write_forever() -> None:
        with (
            suppress(BrokenPipeError),
            fifo.open("wb") as sink,
        ):  # closing flushes: a broken pipe too
            while True:
                sink.write(b"\xe7\xa7\x91" * 4096)

    threading.Thread(target=write_forever, daemon=True).start()
    with pytest.raises(PlanReadError, match=r"endless.txt: larger than 1 MB, not read"):
        read_bounded(fifo, limit=2**20)


def test_a_device_is_not_read(tmp_path: Path):
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(PlanReadError, match=r"zero\.txt: a device, not a file"):
        read_plan(link)


@pytest.mark.parametrize(
    ("unit", "refusal"),
    [
        ("15%", r"30,000 quantities \(a plan states at most 2,000\)"),
        ("1.加强科普。\n", r"1\d,\d{3} actions and measures \(a plan has at most 2,000\)"),
    ],
)
def test_a_text_dense_with_facts_is_refused_as_not_a_plan(unit, refusal):
    """Every quantity and measure costs triples: ``15%`` ×n took 1 GB for 0.2 MB."""
    text = hostile.HEAD + unit * (90_000 // len(unit))
    with pytest.raises(NotAPlanError, match=refusal):
        parse_plan(text, "dense.txt")
