"""The report's totals, summed plan by plan: an agency two plans share counts once, the
measures and actions an agency leads add up across plans."""

from __future__ import annotations

from plankg.graph.rdf.report_totals import ReportTotals

KEXIE = "<https://w3id.org/plankg/id/agency/410000/周口市/市科协>"
JIAOYU = "<https://w3id.org/plankg/id/agency/410000/周口市/市教育局>"
XINZHENG = "<https://w3id.org/plankg/id/agency/410184/新郑市/市科协>"


def test_an_agency_two_plans_share_counts_once():
    totals = ReportTotals()
    totals.add({KEXIE, JIAOYU}, {})
    totals.add({KEXIE, XINZHENG}, {})
    assert totals.agency_count() == len({KEXIE, JIAOYU, XINZHENG}) == 3


def test_leads_add_up_across_plans_and_order_as_the_query():
    totals = ReportTotals()
    totals.add(set(), {("周口市", "市科协"): (3, 1), ("新郑市", "市科协"): (4, 2)})
    totals.add(set(), {("周口市", "市科协"): (2, 1), ("周口市", "市教育局"): (0, 0)})
    assert totals.top_leads().rows == (
        ("周口市", "市科协", 5, 2),
        ("新郑市", "市科协", 4, 2),
        ("周口市", "市教育局", 0, 0),
    )
    assert totals.top_leads(1).rows == (("周口市", "市科协", 5, 2),)
