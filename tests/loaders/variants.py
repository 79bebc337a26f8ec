"""Other forms of a plan, made from its text: what users actually download."""

from __future__ import annotations

import io
from collections.abc import Callable
from html import escape

WRAP = 32


def utf8_bom(text: str) -> tuple[str, bytes]:
    return "txt", text.encode("utf-8-sig")


def gb18030(text: str) -> tuple[str, bytes]:
    return "txt", text.encode("gb18030")


def utf16(text: str) -> tuple[str, bytes]:
    return "txt", text.encode("utf-16")


def crlf_and_indentation(text: str) -> tuple[str, bytes]:
    lines = ["\u3000\u3000" + line if line else line for line in text.split("\n")]
    return "txt", "\r\n".join(lines).encode("utf-8")


def traditional(text: str) -> tuple[str, bytes]:
    import opencc

    return "txt", opencc.OpenCC("s2t").convert(text).encode("utf-8")


def hard_wrapped(text: str) -> tuple[str, bytes]:
    """Re-flowed text: every paragraph cut into lines of the same width, as PDF extraction gives."""
    return "txt", "\n".join(_wrap(text)).encode("utf-8")


def _wrap(text: str) -> list[str]:
    lines: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        lines.extend(line[i : i + WRAP] for i in range(0, len(line), WRAP))
    return lines


def docx(text: str) -> tuple[str, bytes]:
    import docx as python_docx

    document = python_docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return "docx", buffer.getvalue()


def pdf(text: str) -> tuple[str, bytes]:
    """A text PDF, hard-wrapped, 40 lines a page."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, invariant=1)
    for number, line in enumerate(_wrap(text)):
        if number and number % 40 == 0:
            page.showPage()
        if number % 40 == 0:
            page.setFont("STSong-Light", 11)
        page.drawString(40, 800 - 18 * (number % 40), line)
    page.showPage()
    page.save()
    return "pdf", buffer.getvalue()


def html(text: str) -> tuple[str, bytes]:
    """A page saved from a government site: menu, header, footer and scripts around the plan."""
    body = "\n".join(f"<p>{escape(line)}</p>" for line in text.split("\n") if line.strip())
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>政务公开</title>
<script>var tracker = "首页 政务公开";</script><style>p {{ margin: 0 }}</style></head>
<body><div class="top-nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
<li><a href="/bsfw">办事服务</a></li></ul></div>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 文件</div>
<div id="article-content">{body}</div>
<div class="footer">主办单位：人民政府办公室 版权所有 网站标识码：1234</div></body></html>"""
    return "html", page.encode("utf-8")


VARIANTS: dict[str, Callable[[str], tuple[str, bytes]]] = {
    "utf8-bom": utf8_bom,
    "gb18030": gb18030,
    "utf16": utf16,
    "crlf-indent": crlf_and_indentation,
    "traditional": traditional,
    "hard-wrapped": hard_wrapped,
    "docx": docx,
    "pdf": pdf,
    "html": html,
}
