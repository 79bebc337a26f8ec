"""The report's totals, summed plan by plan: an agency two plans share counts once, the
measures and actions an agency leads add up across plans."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from plankg.graph.rdf.report_totals import ReportTotals

KEXIE = "<https://w3id.org/plankg/id/agency/410000/周口市/市科协>"
JIAOYU = "<https://w3id.org/plankg/id/agency/410000/周口市/市教育局>"
XINZHENG = "<https://w3id.org/plankg/id/agency/410184/新郑市/市科协>"


HELD = [None, 1, 2]
"""Keys held in memory: the default, and so few that the sums wait on disk."""


@pytest.mark.parametrize("held", HELD)
def test_an_agency_two_plans_share_counts_once(held):
    totals = ReportTotals(held)
    totals.add({KEXIE, JIAOYU}, {})
    totals.add({KEXIE, XINZHENG}, {})
    assert totals.agency_count() == len({KEXIE, JIAOYU, XINZHENG}) == 3


@pytest.mark.parametrize("held", HELD)
def test_leads_add_up_across_plans_and_order_as_the_query(held):
    totals = ReportTotals(held)
    totals.add(set(), {("周口市", "市科协"): (3, 1), ("新郑市", "市科协"): (4, 2)})
    totals.add(set(), {("周口市", "市科协"): (2, 1), ("周口市", "市教育局"): (0, 0)})
    assert totals.top_leads().rows == (
        ("周口市", "市科协", 5, 2),
        ("新郑市", "市科协", 4, 2),
        ("周口市", "市教育局", 0, 0),
    )
    assert totals.top_leads(1).rows == (("周口市", "市科协", 5, 2),)


leads = st.dictionaries(
    st.tuples(
        st.sampled_from(["周口市", "新郑市", "郑州市"]),
        st.sampled_from(["市科协", "市教育局", "团市委"]),
    ),
    st.tuples(st.integers(0, 3), st.integers(0, 3)),
)


@given(st.lists(leads, max_size=4), st.integers(0, 10), st.sampled_from(HELD))
def test_the_first_leads_are_the_first_rows_of_all_leads_in_order(plans, limit, held):
    totals = ReportTotals(held)
    for plan in plans:
        totals.add([], plan)
    assert totals.top_leads(limit) == totals.top_leads().head(limit)
