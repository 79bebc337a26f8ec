"""Plan metadata: title, region, issuer, 文号, date, period, draft flag and cited plans."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from plankg.loaders.model import Citation, Region
from plankg.loaders.patterns import regex, table
from plankg.loaders.script import to_simplified
from plankg.loaders.structure import Block
from plankg.loaders.text import Reading, is_title_like

QUOTED_TITLE = re.compile(r"《(?P<title>[^《》]{4,80})》")
ALIAS_MARK = "简称"
WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Metadata:
    title: str
    region: Region
    issuer: str | None
    doc_number: str | None
    issued: date | None
    period: tuple[int, int] | None
    draft: bool
    citations: tuple[Citation, ...]


def read_metadata(reading: Reading, preamble: list[Block]) -> Metadata:
    paras = [b.para for b in preamble]
    opener = _body_opener(paras)
    title_block = _title_block(paras[:opener] if opener is not None else paras)
    title = _strip_draft(_join(title_block)) or _notice_title(paras) or ""
    issuer = _issuer(paras[: opener or len(paras)])
    own_number = _own_doc_number(reading, paras)
    cited_in = paras[opener:] if opener is not None else paras
    citations = tuple(c for c in _citations(reading, cited_in, own_number) if c.title != title)
    region = _region(title, issuer, citations)
    return Metadata(
        title=title,
        region=region,
        issuer=issuer,
        doc_number=own_number,
        issued=_issued(reading, paras),
        period=_period(title),
        draft=any(m in p.norm for p in paras[: opener or len(paras)] for m in _drafts()),
        citations=citations,
    )


def _drafts() -> list[str]:
    return table("metadata", "draft_markers")


def _body_opener(paras: list) -> int | None:
    openers = tuple(table("metadata", "body_openers"))
    for i, p in enumerate(paras):
        if p.norm.startswith(openers) and not is_title_like(p.text):
            return i
    return None


def _title_block(paras: list) -> list[str]:
    """The title-like paragraphs right before the plan's own text, bottom up."""
    block: list[str] = []
    for p in reversed(paras):
        if not is_title_like(p.text) or _is_cover_line(p.norm):
            break
        block.insert(0, p.text)
    return block


def _is_cover_line(norm: str) -> bool:
    return bool(
        regex("metadata", "doc_number").fullmatch(norm)
        or regex("metadata", "date").search(norm)
        or norm.startswith("(此件")
        or _issuer_name(norm)
    )


def _issuer_name(text: str) -> str | None:
    name = text.removesuffix("文件")
    if name.endswith(tuple(table("metadata", "issuer_suffixes"))) and is_title_like(name):
        return name
    return None


def _issuer(paras: list) -> str | None:
    for p in paras:
        notice = regex("metadata", "notice_title").search(p.norm)
        if notice and notice.start() > 0:
            before = to_simplified(p.text[: notice.start()]).strip()
            return _issuer_name(before) or before
        name = _issuer_name(to_simplified(p.text))
        if name:
            return name
    return None


def _join(lines: list[str]) -> str:
    return WHITESPACE.sub("", "".join(lines))


def _strip_draft(title: str) -> str:
    for marker in _drafts():
        title = re.sub(rf"[（(]?{marker}[）)]?", "", title)
    return title


def _notice_title(paras: list) -> str | None:
    joined = "".join(p.text for p in paras)
    m = regex("metadata", "notice_title").search(joined.translate({0xFF08: "(", 0xFF09: ")"}))
    return _join([m["title"]]) if m else None


def _own_doc_number(reading: Reading, paras: list) -> str | None:
    for p in paras:
        if regex("metadata", "doc_number").fullmatch(p.norm):
            raw = reading.source[reading.origin[p.start] : reading.origin[p.end - 1] + 1]
            return WHITESPACE.sub(" ", to_simplified(raw).strip())
    return None


def normalise_doc_number(m: re.Match[str]) -> str:
    return f"{m['issuer']}〔{m['year']}〕{m['number']}号"


def _citations(reading: Reading, paras: list, own: str | None) -> list[Citation]:
    found: list[Citation] = []
    for p in paras:
        if own and regex("metadata", "doc_number").fullmatch(p.norm):
            continue
        found.extend(_citations_in(reading, p))
    return found


def _citations_in(reading: Reading, para) -> list[Citation]:
    numbers = list(regex("metadata", "doc_number").finditer(para.norm))
    text = to_simplified(para.text)
    titles = [t for t in QUOTED_TITLE.finditer(text) if _is_cited_plan(text, t)]
    citations = []
    for t in titles:
        number = next((n for n in numbers if 0 <= n.start() - t.end() <= 2), None)
        end = number.end() if number else t.end()
        doc = normalise_doc_number(number) if number else None
        citations.append(
            Citation(t["title"], doc, reading.span(para.start + t.start(), para.start + end))
        )
    claimed = {c.doc_number for c in citations}
    for n in numbers:
        doc = normalise_doc_number(n)
        if doc not in claimed:
            citations.append(
                Citation(None, doc, reading.span(para.start + n.start(), para.start + n.end()))
            )
    return sorted(citations, key=lambda c: c.span.start)


def _is_cited_plan(text: str, title: re.Match[str]) -> bool:
    alias = ALIAS_MARK in text[max(0, title.start() - 4) : title.start()]
    return not alias and any(k in title["title"] for k in table("metadata", "title_keywords"))


def _issued(reading: Reading, paras: list) -> date | None:
    candidates = [p.norm for p in paras if is_title_like(p.text)]
    candidates += [p.norm for p in reading.paragraphs[-8:] if "印发" in p.norm]
    for text in candidates:
        m = regex("metadata", "date").search(text)
        if m:
            return date(int(m["year"]), int(m["month"]), int(m["day"]))
    return None


def _period(title: str) -> tuple[int, int] | None:
    m = regex("metadata", "period").search(title.translate({0xFF0D: "-"}))
    return (int(m["start"]), int(m["end"])) if m else None


def _region(title: str, issuer: str | None, citations: tuple[Citation, ...]) -> Region:
    name = _region_in_title(title) or (issuer or "")
    parent = None
    issuer = to_simplified(issuer) if issuer else None
    if issuer and name and name in issuer:
        full = issuer[: issuer.index(name) + len(name)]
        parent = full[: -len(name)] or None
        name = full
    parent = parent or _parent_city(name, citations)
    level = _level(name, parent)
    return Region(name=name, level=level, province=_province(name, citations), parent=parent)


def _region_in_title(title: str) -> str | None:
    """The region a title names, in simplified script (it is an identity)."""
    title = to_simplified(title)
    for end in table("metadata", "region_end"):
        if end in title and title.index(end) > 0:
            return title[: title.index(end)]
    return None


def _level(name: str, parent: str | None) -> str:
    levels = table("regions", "levels")
    for suffix in sorted(levels, key=len, reverse=True):
        if name.endswith(suffix):
            level = levels[suffix]
            return "county" if level == "city" and parent and parent.endswith("市") else level
    return "city"


def _parent_city(name: str, citations: tuple[Citation, ...]) -> str | None:
    for c in citations:
        m = regex("regions", "city").search(c.title or "")
        if m and m["name"] != name and not name.startswith(m["name"]):
            return m["name"]
    return None


def _province(name: str, citations: tuple[Citation, ...]) -> str | None:
    provinces: dict[str, str] = table("provinces", "names")
    texts = [name] + [c.title or "" for c in citations]
    for text in texts:
        for province in provinces:
            if province in text:
                return province
    for c in citations:
        for province, short in provinces.items():
            if c.doc_number and c.doc_number.startswith(short):
                return province
    return None


def agency_prefix(region_name: str) -> str:
    """The level prefix this region's own agencies carry: 新郑市 → 市, 南湖新区 → 区."""
    prefixes = table("regions", "agency_prefixes")
    for suffix in sorted(prefixes, key=len, reverse=True):
        if region_name.endswith(suffix):
            return prefixes[suffix]
    return "市"
