"""Plan metadata: title, region, issuer, 文号, date, period, draft flag and cited plans.

The head of a text — a portal's metadata block, a cover notice, a news lead — is read for each
field in order of trust: the plan's own title line, then the notice (关于印发…的通知), then a
portal's labelled block, then a news report's 印发了《…》. Places are found in the gazetteer of
China's administrative divisions, so junk before a title (breadcrumbs, a glued date) is left
out and a region's level and province come from its GB/T 2260 code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from plankg.loaders.dates import find_date
from plankg.loaders.gazetteer import (
    Division,
    PlaceMatch,
    by_code,
    disambiguated,
    level_of,
    places,
    prefecture_of,
    province_codes,
    province_of,
)
from plankg.loaders.model import Citation, Region
from plankg.loaders.patterns import may_hold, regex, table, word_tuple
from plankg.loaders.portal import portal_fields
from plankg.loaders.programs import compile_pattern
from plankg.loaders.script import to_simplified
from plankg.loaders.structure import Block
from plankg.loaders.text import Paragraph, Reading, fold_width, is_title_like

QUOTE_OPENING = "《"
QUOTED_TITLE = compile_pattern(r"《(?P<title>[^《》]{4,80})》")
ALIAS_MARK = "简称"
WHITESPACE = compile_pattern(r"\s+")
OPENING_BRACKET = compile_pattern(r"\s*\(")
HEAD_LINES = 60


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
    blank_doc_number: str | None = None
    """A 文号 printed with its serial left blank (``岳南管办发〔2022〕 号``): not a number."""


def read_metadata(reading: Reading, preamble: list[Block]) -> Metadata:
    paras = [b.para for b in preamble]
    opener = _body_opener(paras)
    head = paras[:opener] if opener is not None else paras
    portal = portal_fields([to_simplified(p.text) for p in head[:HEAD_LINES]])
    title = _title(head, paras, portal)
    issuer = _issuer(head, portal)
    own_number, blank = _own_doc_number(reading, head, portal)
    cited_in = paras[opener:] if opener is not None else paras
    citations = tuple(
        c
        for c in _citations(reading, cited_in, own_number or blank)
        if c.title != title and (c.doc_number is None or c.doc_number != own_number)
    )
    return Metadata(
        title=title,
        region=_region(title, issuer, citations, head),
        issuer=issuer,
        doc_number=own_number,
        issued=_issued(reading, head, portal),
        period=_period(title) or _period_in(head),
        draft=any(m in p.norm for p in head if is_title_like(p.text) for m in _drafts()),
        citations=citations,
        blank_doc_number=blank,
    )


def _drafts() -> list[str]:
    markers: list[str] = table("metadata", "draft_markers")
    return markers


def _body_opener(paras: list[Paragraph]) -> int | None:
    openers = word_tuple("metadata", "body_openers")
    for i, p in enumerate(paras):
        if p.norm.startswith(openers) and not is_title_like(p.text):
            return i
    return None


# ---------------------------------------------------------------- title


def _title(head: list[Paragraph], paras: list[Paragraph], portal: dict[str, str]) -> str:
    """The plan's own title line, else the title a notice, a portal or a news report gives;
    a title that names a place before one that does not (a news report of a city's plan also
    names the national outline)."""
    own = _strip_draft(_join(_title_block(head)))
    candidates = [
        own if regex("metadata", "plan_title").fullmatch(_folded(own)) else None,
        _quoted_title(own),
        *(_notice_title(p) for p in head),
        *(_title_line(p) for p in head if is_title_like(p.text)),
        *(_published_title(p) for p in paras[:HEAD_LINES]),
        *(_title_line(p) for p in head),
    ]
    titles = [_from_place(c) for c in candidates if c and _is_plan_title(c)]
    portal_title = _notice_title_of(portal.get("title", ""))
    titles += [portal_title] if portal_title else []
    placed = [t for t in titles if _title_place(t)]
    return (placed or titles or [own])[0]


def _folded(text: str) -> str:
    """``text`` as the patterns read it: simplified script, full-width forms folded."""
    return fold_width(to_simplified(text))


def _is_plan_title(title: str) -> bool:
    return any(k in title for k in table("metadata", "title_keywords")) and not title.startswith(
        ("根据", "为")
    )


TITLE_CACHE = 1024
"""Title candidates whose place is kept: a plan's head offers the same title again and again
(a notice, its title line, the title block: 46 questions of 3 or 4 titles in a sample), and
each is looked up in the gazetteer. At most 1,024 short strings, whatever the texts read."""


@lru_cache(maxsize=TITLE_CACHE)
def _title_place(title: str) -> bool:
    prefix = _title_prefix(to_simplified(title)) or ""
    return bool(list(places(prefix)) or regex("regions", "zone").search(prefix))


def _quoted_title(text: str) -> str | None:
    m = QUOTED_TITLE.search(_folded(text))
    if m and regex("metadata", "plan_title").fullmatch(m["title"]):
        return text[m.start("title") : m.end("title")]
    return None


@lru_cache(maxsize=TITLE_CACHE)
def _from_place(title: str) -> str:
    """The title from the place it names on (纲要实施乌兰察布市… → 乌兰察布市…)."""
    prefix = _title_prefix(to_simplified(title))
    found = list(places(prefix)) if prefix else []
    return title[found[-1].start :] if found and found[-1].start > 0 else title


def _title_block(paras: list[Paragraph]) -> list[str]:
    """The title-like paragraphs right before the plan's own text, bottom up."""
    block: list[str] = []
    for p in reversed(paras):
        if not is_title_like(p.text) or _is_cover_line(p.norm):
            break
        block.insert(0, _without_junk(p.text))
    return [line for line in block if line]


def _without_junk(text: str) -> str:
    """A title line without breadcrumbs, labels or a date glued before it."""
    m = regex("metadata", "title_junk").match(to_simplified(text))
    return text[m.end() :] if m else text


def _is_cover_line(norm: str) -> bool:
    return bool(
        regex("metadata", "doc_number").fullmatch(norm)
        or regex("dates", "date").search(norm)
        or norm.startswith("(此件")
        or _issuer_name(norm)
    )


def _join(lines: list[str]) -> str:
    return WHITESPACE.sub("", "".join(lines))


def _strip_draft(title: str) -> str:
    for marker in _drafts():
        title = re.sub(rf"[（(]?{marker}[）)]?", "", title)
    return title


def _group(para: Paragraph, pattern: re.Pattern[str], name: str = "title") -> str | None:
    """Group ``name`` of ``pattern`` found in the paragraph's normalised text, as written."""
    m = pattern.search(para.norm)
    return _join([para.text[m.start(name) : m.end(name)]]) if m else None


def _notice_title(para: Paragraph) -> str | None:
    return _group(para, regex("metadata", "notice_title"))


def _notice_title_of(text: str) -> str | None:
    m = regex("metadata", "notice_title").search(to_simplified(text))
    return _join([m["title"]]) if m else None


def _published_title(para: Paragraph) -> str | None:
    return _group(para, regex("metadata", "published_title"))


def _title_line(para: Paragraph) -> str | None:
    """A line that holds a plan title after some junk (当前位置:首页>…>乌兰察布市…)."""
    m = regex("metadata", "title_junk").match(para.norm)
    skip = m.end() if m else 0
    if not may_hold(para.norm, skip, len(para.norm), "metadata", "plan_title"):
        return None
    found = regex("metadata", "plan_title").search(para.norm, skip)
    if found is None or any(v in (_title_prefix(found["title"]) or "") for v in _news_verbs()):
        return None
    return _join([para.text[found.start("title") : found.end("title")]])


def _news_verbs() -> list[str]:
    """Verbs of a news headline about a plan (肥东县发布…): its title is not the plan's."""
    verbs: list[str] = table("metadata", "news_verbs")
    return verbs


# ---------------------------------------------------------------- issuer and 文号


def _issuer_name(text: str) -> str | None:
    name = _without_junk(text).removesuffix("文件").strip(" •·-*")
    if name.endswith(word_tuple("metadata", "issuer_suffixes")) and is_title_like(name):
        return name
    return None


def _issuer(head: list[Paragraph], portal: dict[str, str]) -> str | None:
    for p in head:
        if portal_fields([p.norm]):
            continue
        notice = regex("metadata", "notice_title").search(p.norm)
        if notice and notice.start() > 0:
            before = _after_doc_number(to_simplified(p.text[: notice.start()]).strip(" 《<"))
            return _issuer_name(before) or _without_junk(before)
        name = _issuer_name(to_simplified(p.text))
        if name:
            return name
    return portal.get("issuer") or portal.get("publisher")


def _after_doc_number(text: str) -> str:
    """``朝政办字〔2022〕31号:北京市朝阳区人民政府办公室`` → the issuer after the number."""
    m = regex("metadata", "doc_number").search(text)
    return text[m.end() :].lstrip(" :：") if m and m.start() == 0 else text


def _own_doc_number(
    reading: Reading, head: list[Paragraph], portal: dict[str, str]
) -> tuple[str | None, str | None]:
    """The plan's own 文号, normalised; a 文号 with a blank serial is returned second."""
    written = [
        p.norm.strip() for p in head if regex("metadata", "doc_number").fullmatch(p.norm.strip())
    ]
    written += [_portal_number(portal)] if "doc_number" in portal else []
    written += [p.norm for p in head if _starts_with_number(p.norm)]
    written += [n for p in head if (n := _number_after_published_title(p.norm))]
    for text in written:
        m = regex("metadata", "doc_number").search(text or "")
        if m and m["number"]:
            return normalise_doc_number(m), None
        if m:
            return None, WHITESPACE.sub(" ", to_simplified(m.group()).strip())
    return None, None


def _is_number_line(norm: str) -> bool:
    """A line that is a 文号 alone, bracketed or bulleted: ``(余府发〔2006〕38号)``."""
    return bool(regex("metadata", "doc_number").fullmatch(norm.strip(" ()•·-")))


def _number_after_published_title(norm: str) -> str | None:
    """A news report's ``印发了《…》(沛政办发〔2012〕40号)``: the plan's own 文号."""
    title = regex("metadata", "published_title").search(norm)
    if title is None:
        return None
    opening = OPENING_BRACKET.match(norm, title.end())
    number = regex("metadata", "doc_number").match(norm, opening.end() if opening else title.end())
    return number.group() if number else None


def _portal_number(portal: dict[str, str]) -> str:
    return to_simplified(portal["doc_number"]).translate({0xFF08: "(", 0xFF09: ")"})


def _starts_with_number(norm: str) -> bool:
    m = regex("metadata", "doc_number").match(norm)
    return bool(m and regex("metadata", "notice_title").search(norm, m.end()))


def normalise_doc_number(m: re.Match[str]) -> str:
    return f"{m['issuer']}〔{m['year']}〕{m['number']}号"


# ---------------------------------------------------------------- citations


def _citations(reading: Reading, paras: list[Paragraph], own: str | None) -> list[Citation]:
    found: list[Citation] = []
    for p in paras:
        if own and regex("metadata", "doc_number").fullmatch(p.norm.strip()):
            continue
        found.extend(_citations_in(reading, p))
    return found


def _citations_in(reading: Reading, para: Paragraph) -> list[Citation]:
    numbers: list[re.Match[str]] = []
    if may_hold(para.norm, 0, len(para.norm), "metadata", "doc_number"):
        found = regex("metadata", "doc_number").finditer(para.norm)
        numbers = [n for n in found if n["number"]]
    citations = []
    titles = _cited_titles(para.text)
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
            claimed.add(doc)
            citations.append(
                Citation(None, doc, reading.span(para.start + n.start(), para.start + n.end()))
            )
    return sorted(citations, key=lambda c: c.span.start)


def _cited_titles(text: str) -> list[re.Match[str]]:
    """The plans' titles quoted in ``text`` (in simplified script), read only where a title is
    quoted: most paragraphs quote none, and their conversion to simplified script is saved
    (no character converts to 《)."""
    if QUOTE_OPENING not in text:
        return []
    simplified = to_simplified(text)
    return [t for t in QUOTED_TITLE.finditer(simplified) if _is_cited_plan(simplified, t)]


def _is_cited_plan(text: str, title: re.Match[str]) -> bool:
    alias = ALIAS_MARK in text[max(0, title.start() - 4) : title.start()]
    return not alias and any(k in title["title"] for k in table("metadata", "title_keywords"))


# ---------------------------------------------------------------- date and period


def _issued(reading: Reading, head: list[Paragraph], portal: dict[str, str]) -> date | None:
    if "issued" in portal and (found := find_date(portal["issued"])):
        return found
    candidates = [p.norm for p in head if is_title_like(p.text) and not _is_labelled(p.norm)]
    candidates += [p.norm for p in reading.paragraphs[-8:] if "印发" in p.norm]
    for text in candidates:
        found = find_date(text)
        if found:
            return found
    return None


def _is_labelled(norm: str) -> bool:
    """A portal line (发布日期: …) is not the date under the notice."""
    return bool(portal_fields([norm])) or any(w in norm for w in ("发布", "日期:", "时间:"))


def _period(title: str) -> tuple[int, int] | None:
    simplified = to_simplified(title)
    m = regex("metadata", "period").search(simplified.translate({0xFF0D: "-"}))
    if m and int(m["start"]) < int(m["end"]):
        return int(m["start"]), int(m["end"])
    for name, (start, end) in table("metadata", "five_year_periods").items():
        if name in simplified:
            return start, end
    return None


def _period_in(head: list[Paragraph]) -> tuple[int, int] | None:
    """A period written in brackets near the title when the title has none."""
    for p in head[:HEAD_LINES]:
        if "科学素质" in p.norm or re.fullmatch(r"\s*\(.{4,16}\)\s*", p.norm):
            m = regex("metadata", "period").search(p.norm)
            if m and int(m["start"]) < int(m["end"]):
                return int(m["start"]), int(m["end"])
    return None


# ---------------------------------------------------------------- region


def _region(
    title: str, issuer: str | None, citations: tuple[Citation, ...], head: list[Paragraph]
) -> Region:
    issuer = to_simplified(issuer) if issuer else None
    if issuer and regex("regions", "national_issuer").search(issuer):
        return Region(name=table("regions", "national_name"), level="national")
    zone = regex("regions", "zone").search(_title_prefix(to_simplified(title)) or "")
    if zone:
        return _region_by_suffix(zone["name"], issuer, citations)
    place = _place_in_title(title) or _first_place(issuer or "")
    place = place or _first_place("".join(p.norm for p in head[:HEAD_LINES] if "印发" in p.norm))
    evidence = _province_evidence(title, issuer, citations)
    if place is not None:
        return _region_of_place(place, issuer, citations, evidence)
    prefix = _without_junk(_title_prefix(to_simplified(title)) or "")
    return _region_by_suffix(prefix or _issuer_place(issuer), issuer, citations)


def _place_in_title(title: str) -> PlaceMatch | None:
    """The chain of places that ends nearest the title's region end (全民科学素质…)."""
    prefix = _title_prefix(to_simplified(title))
    if prefix is None:
        return None
    found = list(places(prefix))
    return found[-1] if found else None


@lru_cache(maxsize=TITLE_CACHE)
def _title_prefix(title: str) -> str | None:
    ends = [title.find(e) for e in table("metadata", "region_end") if title.find(e) >= 0]
    return title[: min(ends)] or None if ends else None


def _issuer_place(issuer: str | None) -> str:
    if not issuer:
        return ""
    for suffix in table("metadata", "issuer_suffixes"):
        if issuer.endswith(suffix):
            return issuer.removesuffix(suffix)
    return issuer


def _first_place(text: str) -> PlaceMatch | None:
    return next(iter(places(text)), None)


def _province_evidence(
    title: str, issuer: str | None, citations: tuple[Citation, ...]
) -> list[str]:
    """Province codes the text points to: a province named, or the abbreviation a cited
    文号 starts with (豫政办 → Henan)."""
    short_names: dict[str, str] = table("provinces", "names")
    codes = province_codes()
    found = [codes[p] for p in short_names if p in f"{title}{issuer or ''}" and p in codes]
    for c in citations:
        for province, short in short_names.items():
            if c.doc_number and c.doc_number.startswith(short) and province in codes:
                found.append(codes[province])
    return found


def _region_of_place(
    place: PlaceMatch, issuer: str | None, citations: tuple[Citation, ...], evidence: list[str]
) -> Region:
    division = disambiguated(place, evidence)
    name = place.name
    if division is None:
        return _region_by_suffix(name, issuer, citations)
    province = province_of(division)
    prefecture = prefecture_of(division) if division.level == "county" else None
    parent = prefecture.name if prefecture and not name.startswith(prefecture.name) else None
    parent = parent or _named_parent(place, division)
    if division.level == "province" and name != division.name:
        name = division.name
    return Region(
        name=name,
        level=level_of(division, name),  # type: ignore[arg-type]
        province=province.name,
        parent=parent,
        code=division.code,
    )


def _named_parent(place: PlaceMatch, division: Division) -> str | None:
    """北京市朝阳区: the parent written before the name, when it is not the province itself."""
    if division.level != "county" or not place.name.endswith(division.name):
        return None
    written = place.name[: -len(division.name)]
    parent = by_code().get(division.parent or "")
    return written if parent and parent.level == "city" and written == parent.name else None


def _region_by_suffix(name: str, issuer: str | None, citations: tuple[Citation, ...]) -> Region:
    """A place not in the gazetteer (南湖新区, a new district): level by its name's ending, its
    city from the issuer (岳阳市南湖新区管委会) or from a cited plan."""
    parent = None
    if issuer and name and name in issuer:
        full = issuer[: issuer.index(name) + len(name)]
        parent = _without_junk(full[: -len(name)]) or None
        name = _without_junk(full)
    parent = parent or _parent_city(name, citations)
    return Region(
        name=name,
        level=_level(name, parent),  # type: ignore[arg-type]
        province=_province(f"{parent or ''}{name}", citations),
        parent=parent,
        code=None,
    )


def _level(name: str, parent: str | None) -> str:
    levels = table("regions", "levels")
    for suffix in sorted(levels, key=len, reverse=True):
        if name.endswith(suffix):
            level = levels[suffix]
            return "county" if level == "city" and parent and parent.endswith("市") else level
    return "city"


def _parent_city(name: str, citations: Iterable[Citation]) -> str | None:
    for c in citations:
        m = regex("regions", "city").search(c.title or "")
        if m and m["name"] != name and not name.startswith(m["name"]):
            return m["name"]
    return None


def _province(name: str, citations: tuple[Citation, ...]) -> str | None:
    for place in places(name):
        for division in place.candidates[:1]:
            return province_of(division).name
    provinces: dict[str, str] = table("provinces", "names")
    for c in citations:
        for province, short in provinces.items():
            if c.doc_number and c.doc_number.startswith(short):
                return province
    return None


def agency_prefix(region_name: str) -> str:
    """The level prefix this region's own agencies carry: 新郑市 → 市, 南湖新区 → 区."""
    prefixes: dict[str, str] = table("regions", "agency_prefixes")
    for suffix in sorted(prefixes, key=len, reverse=True):
        if region_name.endswith(suffix):
            return prefixes[suffix]
    return "市"
