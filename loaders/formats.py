"""Plan files in the forms users download: text, Word, PDF and saved web pages.

Each reader returns the plan's text with one paragraph (or PDF line) per line and page breaks
as blank lines, as the converted samples have them; the parser undoes the rest.

Hostile or broken files are bounded before they are parsed: a text longer than
:data:`MAX_TEXT_CHARS`, a Word file whose parts inflate beyond :data:`MAX_DOCX_INFLATED`, a PDF
of more than :data:`MAX_PDF_PAGES` pages and a page nested deeper than :data:`MAX_HTML_DEPTH`
are refused with one line saying so, so no file costs more than seconds and a few hundred MB.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from io import BytesIO
from typing import Any

from plankg.loaders.decode import decode_bytes
from plankg.loaders.errors import PlanReadError
from plankg.loaders.patterns import table
from plankg.loaders.programs import compile_pattern

BLOCK_TAGS = (
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "td",
    "th",
    "pre",
    "div",
    "section",
    "article",
)
MAX_TEXT_CHARS = 2_000_000
"""The longest text read as one plan (a long provincial plan with its annexes: 200,000)."""
MAX_ENCODED_BYTES = 4 * MAX_TEXT_CHARS
"""A text or page file this large holds more than :data:`MAX_TEXT_CHARS` characters in any
encoding (at most 4 bytes a character), so it is refused before it is decoded."""
MAX_DOCX_INFLATED = 100 * 2**20
"""The most a ``.docx`` may unpack to (its XML and media together)."""
MAX_DOCX_XML = 10 * 2**20
"""The largest document body (``word/document.xml``) parsed: a 100-page plan has 1–3 MB."""
MAX_DOCX_PARAGRAPHS = 100_000
"""The most paragraphs (table cells' included) read from a ``.docx``: a plan has a few
thousand, and python-docx takes 40 µs for each."""
MAX_PDF_PAGES = 500
MAX_HTML_DEPTH = 256
"""Elements nested deeper than this are not a page a portal serves (they make the search for
the main text quadratic)."""


def text_of(data: bytes, name: str) -> str:
    """The text of the file ``name`` holding ``data``, read by its suffix."""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else "txt"
    unsupported = table("formats", "unsupported").get(suffix)
    if unsupported:
        raise PlanReadError(f"{name}: {unsupported}")
    reader = READERS.get(suffix, decode_bytes)
    if reader in (decode_bytes, html_text) and len(data) > MAX_ENCODED_BYTES:
        raise PlanReadError(f"{name}: {_too_long(len(data), 'bytes')}")
    try:
        text = reader(data, name)
    except PlanReadError:
        raise
    except Exception as e:
        raise PlanReadError(f"{name}: cannot read as .{suffix} ({type(e).__name__}: {e})") from e
    if len(text) > MAX_TEXT_CHARS:
        raise PlanReadError(f"{name}: {_too_long(len(text), 'characters of text')}")
    return text


def _too_long(size: int, what: str) -> str:
    return (
        f"too long to be one plan ({size:,} {what}; at most {MAX_TEXT_CHARS:,} characters are read)"
    )


CELL = "\t"


def docx_text(data: bytes, name: str) -> str:
    """Paragraphs and tables in the order the document has them; a table row is one line with
    its cells joined by tabs (a cell merged across columns once, one merged down the rows
    repeated in each)."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    _check_inflation(data, name)
    document = docx.Document(BytesIO(data))
    paragraphs = len(document.element.body.xpath(".//w:p"))
    if paragraphs > MAX_DOCX_PARAGRAPHS:
        raise PlanReadError(
            f"{name}: .docx of {paragraphs:,} paragraphs (at most {MAX_DOCX_PARAGRAPHS:,} are read)"
        )
    lines = []
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            lines.append(Paragraph(element, document).text)
        elif element.tag.endswith("}tbl"):
            lines.extend(_docx_rows(Table(element, document)))
    return "\n".join(lines)


def _check_inflation(data: bytes, name: str) -> None:
    """Refuse a Word file that unpacks to more than it can be (a zip bomb, or a body of
    millions of empty paragraphs), before anything is unpacked."""
    with zipfile.ZipFile(BytesIO(data)) as archive:
        parts = archive.infolist()
    inflated = sum(part.file_size for part in parts)
    body = max((p.file_size for p in parts if p.filename == "word/document.xml"), default=0)
    if inflated > MAX_DOCX_INFLATED or body > MAX_DOCX_XML:
        raise PlanReadError(
            f"{name}: .docx unpacks to {inflated / 2**20:,.0f} MB with a body of "
            f"{body / 2**20:,.0f} MB (at most {MAX_DOCX_INFLATED // 2**20} MB and "
            f"{MAX_DOCX_XML // 2**20} MB are read)"
        )


def _docx_rows(table: Any) -> list[str]:
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) not in seen:
                seen.add(id(cell._tc))
                cells.append(_cell_text(cell.text))
        rows.append(CELL.join(cells))
    return rows


def _cell_text(text: str | None) -> str:
    """A cell's text on one line (a cell's paragraphs and line breaks run on)."""
    return re.sub(r"\s*\n\s*", "", text or "").replace(CELL, " ").strip()


def pdf_text(data: bytes, name: str) -> str:
    import pdfplumber

    with pdfplumber.open(BytesIO(data)) as pdf:
        if len(pdf.pages) > MAX_PDF_PAGES:
            raise PlanReadError(
                f"{name}: PDF of {len(pdf.pages):,} pages (at most {MAX_PDF_PAGES} are read)"
            )
        pages = [_pdf_page_text(page) for page in pdf.pages]
    if not any(p.strip() for p in pages):
        raise PlanReadError(f"{name}: PDF has no text layer (scanned images are not read)")
    return "\n\n".join(pages)


def _pdf_page_text(page: Any) -> str:
    """The page's text, with each ruled table read as rows of tab-separated cells where it
    stands on the page."""
    tables = sorted(page.find_tables(), key=lambda t: t.bbox[1])
    if not tables:
        return page.extract_text() or ""
    left, top, right, bottom = page.bbox
    parts = []
    for ruled in tables:
        t_top, t_bottom = ruled.bbox[1], ruled.bbox[3]
        if t_top > top:
            parts.append(page.crop((left, top, right, t_top)).extract_text() or "")
        parts.extend(CELL.join(_cell_text(c) for c in row) for row in ruled.extract())
        top = t_bottom
    if top < bottom:
        parts.append(page.crop((left, top, right, bottom)).extract_text() or "")
    return "\n".join(parts)


def html_text(data: bytes, name: str) -> str:
    """The main text of a saved page: menus, headers, footers and scripts left out."""
    from bs4 import BeautifulSoup

    soup: Any = BeautifulSoup(_decode_html(data, name), "html.parser")
    depth = _depth(soup)
    if depth > MAX_HTML_DEPTH:
        raise PlanReadError(
            f"{name}: page nested {depth:,} elements deep (at most {MAX_HTML_DEPTH} are read)"
        )
    for tag in soup(
        ["script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe"]
    ):
        tag.decompose()
    boilerplate = compile_pattern("|".join(table("html", "boilerplate_markers")), re.IGNORECASE)
    for tag in soup.find_all(attrs={"class": boilerplate}) + soup.find_all(
        attrs={"id": boilerplate}
    ):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    _rows_as_lines(soup)
    container = _main_container(soup)
    return "\n".join(_block_lines(container))


def _depth(soup: Any) -> int:
    """How deep the page's elements are nested, in one pass."""
    depths = {id(soup): 0}
    for tag in soup.find_all(True):
        depths[id(tag)] = depths.get(id(tag.parent), 0) + 1
    return max(depths.values())


def _rows_as_lines(soup: Any) -> None:
    """A data table's row becomes one paragraph with its cells joined by tabs (rows of a table
    used for the page's layout, whose cells hold paragraphs, are left alone)."""
    for row in soup.find_all("tr"):
        cells = row.find_all(["td", "th"], recursive=False)
        if len(cells) < 2 or any(c.find(["p", "div", "table", "li"]) for c in cells):
            continue
        paragraph = soup.new_tag("p")
        paragraph.string = CELL.join(_cell_text(c.get_text("")) for c in cells)
        row.replace_with(paragraph)


def _decode_html(data: bytes, name: str) -> str:
    declared = re.search(rb"charset=[\"']?([A-Za-z0-9_-]+)", data[:2048])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data, name)


def _main_container(soup: Any) -> Any:
    for selector in ("article", "main"):
        found = soup.find(selector)
        if found and len(found.get_text(strip=True)) > 200:
            return found
    candidates = soup.find_all(["div", "td", "section", "body"]) or [soup]
    return max(
        candidates,
        key=lambda node: (
            sum(len(p.get_text(strip=True)) for p in node.find_all("p", recursive=False))
            or len(node.get_text(strip=True)) / 100
        ),
    )


def _block_lines(container: Any) -> list[str]:
    lines = []
    for block in container.find_all(BLOCK_TAGS):
        if block.find(BLOCK_TAGS):
            continue
        lines.extend(block.get_text("").split("\n"))
    return lines or container.get_text("\n").split("\n")


READERS: dict[str, Callable[[bytes, str], str]] = {
    "txt": decode_bytes,
    "text": decode_bytes,
    "docx": docx_text,
    "pdf": pdf_text,
    "html": html_text,
    "htm": html_text,
}
