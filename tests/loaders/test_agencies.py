"""Assignment clauses in the five layouts, with elided prefixes restored."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from plankg.loaders.agencies import parse_clause, resolve_name
from plankg.loaders.text import Reading


def roles(clause: str, prefix: str = "市") -> tuple[list[str], list[str]]:
    reading = Reading(clause)
    found = parse_clause(reading, 0, len(reading.text), prefix)
    return [a.name for a in found.leads], [a.name for a in found.partners]


@pytest.mark.parametrize(
    ("clause", "leads", "partners"),
    [
        (
            "牵头单位：市教育体育局、团市委，责任单位：市委宣传部、市妇联",
            ["市教育体育局", "团市委"],
            ["市委宣传部", "市妇联"],
        ),
        (
            "(牵头单位:市委组织部、市科协,责任单位:市委宣传部)",
            ["市委组织部", "市科协"],
            ["市委宣传部"],
        ),
        ("牵头单位:市教育局、市科协，参与单位：市应急局。", ["市教育局", "市科协"], ["市应急局"]),
        (
            "市科协、市教育局牵头，市委宣传部、妇联、日报社等单位配合",
            ["市科协", "市教育局"],
            ["市委宣传部", "市妇联", "日报社"],
        ),
        (
            "责任分工：由区教体局、团区委牵头，区党工委宣传部、各街道办事处、管理处等单位参加",
            ["区教体局", "团区委"],
            ["区党工委宣传部", "各街道办事处", "管理处"],
        ),
    ],
    ids=["zhoukou-full-width", "zhoukou-half-width", "xinzheng", "xinzhou", "nanhu"],
)
def test_the_five_layouts(clause, leads, partners):
    prefix = "区" if clause.startswith("责任分工") else "市"
    assert roles(clause, prefix) == (leads, partners)


def test_quanzhou_elision_restores_each_prefix():
    clause = "责任单位：市教育局、市科协牵头，市委宣传部、文明办，市科技局、工信局、市场监管局，团市委、妇联、社科联等单位配合。"
    leads, partners = roles(clause)
    assert leads == ["市教育局", "市科协"]
    assert partners == [
        "市委宣传部",
        "市委文明办",
        "市科技局",
        "市工信局",
        "市市场监管局",
        "团市委",
        "市妇联",
        "市社科联",
    ]


def test_surface_forms_are_kept():
    reading = Reading("市委宣传部、文明办牵头")
    leads = parse_clause(reading, 0, len(reading.text), "市").leads
    assert [(a.name, a.surface) for a in leads] == [
        ("市委宣传部", "市委宣传部"),
        ("市委文明办", "文明办"),
    ]


def test_a_list_broken_by_a_page_break_is_read_whole():
    reading = Reading(
        "责任单位：市科协牵头，市委宣传部、文明办，市发改委、\n\n教育局、科技局等单位配合。"
    )
    partners = parse_clause(reading, 0, len(reading.text), "市").partners
    assert [a.name for a in partners] == [
        "市委宣传部",
        "市委文明办",
        "市发改委",
        "市教育局",
        "市科技局",
    ]
    assert partners[3].span.line == 3


@pytest.mark.parametrize(
    ("name", "inherited", "resolved"),
    [
        ("文明办", "市委", "市委文明办"),
        ("市场监管局", "市", "市市场监管局"),
        ("团市委", "市", "团市委"),
        ("日报社", "市", "日报社"),
        ("区资规局", "市", "区资规局"),
        ("党校", "市委", "市委党校"),
    ],
)
def test_resolve_name(name, inherited, resolved):
    assert resolve_name(name, inherited)[0] == resolved


names = st.sampled_from(
    ["市教育局", "市科协", "团市委", "妇联", "科技局", "市委宣传部", "文明办", "日报社"]
)


@given(
    st.lists(names, min_size=1, max_size=6, unique=True), st.lists(names, max_size=6, unique=True)
)
def test_every_listed_agency_gets_exactly_one_role(leads, partners):
    partners = [p for p in partners if p not in leads]
    clause = f"{'、'.join(leads)}牵头" + (f"，{'、'.join(partners)}等单位配合" if partners else "")
    got_leads, got_partners = roles(clause)
    assert len(got_leads) == len(leads)
    assert not set(got_leads) & set(got_partners)
    assert all(name.endswith(orig) for name, orig in zip(got_leads, leads, strict=True))


def inspect_roles(text: str) -> list[tuple[list[str], list[str], list[str], list[str]]]:
    from plankg.loaders.inspect import inspect_text

    return [
        (
            [a["name"] for a in c["lead"]],
            [a["name"] for a in c["partners"]],
            [a["name"] for a in c["responsible"]],
            [n["text"] for n in c["counts"]],
        )
        for c in inspect_text(text).as_dict()["assignments"]
    ]


# Clauses quoted from the development corpus (tests/corpus/texts/, file named beside each).
GENRE_STYLES = [
    (  # guangxi-baise-2006-passage: labels on their own lines, two elision scopes
        "总牵头部门:市科协。\n\n  责任单位:市委组织部、宣传部,市发展改革委、科技局、教育局。",
        [
            (
                ["市科协"],
                ["市委组织部", "市委宣传部", "市发展改革委", "市科技局", "市教育局"],
                [],
                [],
            )
        ],
    ),
    (  # misc-city-2011-passage-clauses
        "工作分工:市科协、市科委牵头,市全民科学素质工作领导小组其他成员单位参与。",
        [(["市科协", "市科委"], ["市全民科学素质工作领导小组其他成员单位"], [], [])],
    ),
    (  # national-misc-2011-passage
        "(由教育部、共青团中央牵头,中央宣传部、科技部参加)",
        [(["教育部", "共青团中央"], ["中央宣传部", "科技部"], [], [])],
    ),
    (  # anhui-province-2021-plan: no lead named, all responsible
        "加强科普阵地建设。(省教育厅、省科协、各市人民政府负责)",
        [([], [], ["省教育厅", "省科协", "各市人民政府"], [])],
    ),
    (  # zhejiang-misc-na-passage-clauses: 责任单位 with no lead
        "开展科普活动。(责任单位:市科协、市教育局)",
        [([], [], ["市科协", "市教育局"], [])],
    ),
    (  # tianjin-city-2007-passage: A、B为…的牵头部门; C等部门为成员单位
        "市农委、市科协为农民科学素质行动的牵头部门。市委组织部、市妇联等部门为成员单位。",
        [(["市农委", "市科协"], [], [], []), ([], ["市委组织部", "市妇联"], [], [])],
    ),
    (  # national-misc-2011-passage-community: prose, 作为成员单位
        "由中国科协、全国妇联牵头,负责协调推动行动方案的贯彻落实。中央宣传部、教育部作为成员单位,参与实施。",
        [(["中国科协", "全国妇联"], [], [], []), ([], ["中央宣传部", "教育部"], [], [])],
    ),
    (  # shaanxi-xianyang-2022-passage-trad (simplified here): 及 joins two collective names
        "(市政府办公室牵头,市级各有关部门及各县市区政府按职责分工负责)",
        [(["市政府办公室"], ["市级各有关部门", "各县市区政府"], [], [])],
    ),
]


@pytest.mark.parametrize(("text", "clauses"), GENRE_STYLES, ids=[t[:12] for t, _ in GENRE_STYLES])
def test_the_genres_assignment_styles(text, clauses):
    assert inspect_roles(text) == clauses


# Styles named in DOMAIN.md that the corpus does not hold; made here, each a variant of a clause
# above.
MADE_STYLES = [
    (
        "由市科协会同市教育局、市科技局牵头,各县(市、区)人民政府配合。",
        [(["市科协", "市教育局", "市科技局"], ["各县(市、区)人民政府"], [], [])],
    ),
    (
        "(牵头单位:区委组织部、宣传部,区发展改革局、教育局。责任单位:各成员单位)",
        [(["区委组织部", "区委宣传部", "区发展改革局", "区教育局"], ["各成员单位"], [], [])],
    ),
    ("(由市科协牵头,二十多个部门参与)", [(["市科协"], [], [], ["二十多个部门"])]),
    ("(市教育局牵头,市科协等12个部门配合)", [(["市教育局"], ["市科协"], [], ["等12个部门"])]),
]


@pytest.mark.parametrize(("text", "clauses"), MADE_STYLES, ids=[t[:12] for t, _ in MADE_STYLES])
def test_styles_beyond_the_corpus(text, clauses):
    assert inspect_roles(text) == clauses
