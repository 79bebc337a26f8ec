"""Plan files in the forms users download: text, Word, PDF and saved web pages.

Each reader returns the plan's text with one paragraph (or PDF line) per line and page breaks
as blank lines, as the converted samples have them; the parser undoes the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from io import BytesIO

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


def docx_text(data: bytes, name: str) -> str:
    import docx

    document = docx.Document(BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for tbl in document.tables:
        lines.extend("、".join(cell.text for cell in row.cells) for row in tbl.rows)
    return "\n".join(lines)


def pdf_text(data: bytes, name: str) -> str:
    import pdfplumber

    with pdfplumber.open(BytesIO(data)) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    if not any(p.strip() for p in pages):
        raise PlanReadError(f"{name}: PDF has no text layer (scanned images are not read)")
    return "\n\n".join(pages)


def html_text(data: bytes, name: str) -> str:
    """The main text of a saved page: menus, headers, footers and scripts left out."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(_decode_html(data, name), "html.parser")
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
    container = _main_container(soup)
    return "\n".join(_block_lines(container))


def _decode_html(data: bytes, name: str) -> str:
    declared = re.search(rb"charset=[\"']?([A-Za-z0-9_-]+)", data[:2048])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data, name)


def _main_container(soup):
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


def _block_lines(container) -> list[str]:
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
