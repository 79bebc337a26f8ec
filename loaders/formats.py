"""Plan files in the forms users download: text, Word, PDF and saved web pages.

Each reader returns the plan's text with one paragraph (or PDF line) per line and page breaks
as blank lines, as the converted samples have them; the parser undoes the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from io import BytesIO
from typing import Any

from plankg.loaders.decode import decode_bytes
from plankg.loaders.errors import PlanReadError
from plankg.loaders.patterns import table

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


def text_of(data: bytes, name: str) -> str:
    """The text of the file ``name`` holding ``data``, read by its suffix."""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else "txt"
    unsupported = table("formats", "unsupported").get(suffix)
    if unsupported:
        raise PlanReadError(f"{name}: {unsupported}")
    reader = READERS.get(suffix, decode_bytes)
    try:
        return reader(data, name)
    except PlanReadError:
        raise
    except Exception as e:
        raise PlanReadError(f"{name}: cannot read as .{suffix} ({type(e).__name__}: {e})") from e


CELL = "\t"


def docx_text(data: bytes, name: str) -> str:
    """Paragraphs and tables in the order the document has them; a table row is one line with
    its cells joined by tabs (a cell merged across columns once, one merged down the rows
    repeated in each)."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(BytesIO(data))
    lines = []
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            lines.append(Paragraph(element, document).text)
        elif element.tag.endswith("}tbl"):
            lines.extend(_docx_rows(Table(element, document)))
    return "\n".join(lines)


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
    for tag in soup(
        ["script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe"]
    ):
        tag.decompose()
    boilerplate = re.compile("|".join(table("html", "boilerplate_markers")), re.IGNORECASE)
    for tag in soup.find_all(attrs={"class": boilerplate}) + soup.find_all(
        attrs={"id": boilerplate}
    ):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    _rows_as_lines(soup)
    container = _main_container(soup)
    return "\n".join(_block_lines(container))


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
