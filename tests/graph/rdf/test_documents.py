"""The document index of a corpus is read from its records in one pass, in any order, and
resolves a citation the same way whatever that order: to a loaded plan by its 文号 or unique
title, else to the document's own resource."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from plankg.graph.rdf.documents import DocumentIndex, DocumentRecord, number_iri, title_iri

CITY = "郑州市全民科学素质行动规划纲要实施方案（2021-2025年）"
PROVINCE = "河南省全民科学素质行动规划纲要实施方案（2021—2025年）"
NUMBER = "郑政办〔2022〕5号"
RECORDS = (
    DocumentRecord("plan:410100-b", CITY, NUMBER, False, ()),
    DocumentRecord("plan:410100-a", f"关于印发{CITY}的通知", NUMBER, False, ()),
    DocumentRecord("plan:410184", "新郑市实施方案", None, False, ((None, f"《{PROVINCE}》"),)),
    DocumentRecord("plan:411600", "周口市实施方案", None, False, (("豫政〔2021〕30号", PROVINCE),)),
    DocumentRecord("plan:411600-draft", "周口市实施方案", None, True, ()),
    DocumentRecord("plan:410300", "洛阳市实施方案", None, False, ((None, "《周口市实施方案》"),)),
)


def _resolved(index: DocumentIndex) -> list[str]:
    return [
        index.resolve(NUMBER, None),
        index.resolve(None, CITY),
        index.resolve(None, PROVINCE),
        index.resolve(None, "周口市实施方案"),
        index.resolve(None, "未载入的文件"),
    ]


@given(st.permutations(RECORDS))
def test_citations_resolve_the_same_whatever_order_the_records_come_in(records):
    index = DocumentIndex.of(iter(records))
    assert _resolved(index) == [
        "plan:410100-a",
        "plan:410100-a",
        number_iri("豫政〔2021〕30号"),
        "plan:411600",
        title_iri("未载入的文件"),
    ]


def test_a_title_two_loaded_plans_share_is_no_plans():
    twin = DocumentRecord("plan:411700", "周口市实施方案", None, False, ())
    index = DocumentIndex.of([*RECORDS, twin])
    assert index.resolve(None, "周口市实施方案") == title_iri("周口市实施方案")


def test_a_title_given_with_two_numbers_stands_for_neither():
    other = DocumentRecord(
        "plan:410500", "安阳市实施方案", None, False, (("豫政〔2021〕31号", PROVINCE),)
    )
    index = DocumentIndex.of([*RECORDS, other])
    assert index.resolve(None, PROVINCE) == title_iri(PROVINCE)
