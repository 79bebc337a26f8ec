"""The co-lead chart draws, per plan, every agency that leads and every co-lead pair, as the
analysis counts them."""

from __future__ import annotations

from plankg.graph.analysis import analyze
from plankg.graph.report.network_chart import co_lead_chart, co_lead_networks


def test_every_plan_has_its_leads_and_co_lead_pairs(triples):
    tables = analyze(triples)
    networks = co_lead_networks(tables["co_lead_pairs"], tables["lead_load"])
    assert list(networks) == ["周口市", "岳阳市南湖新区", "忻州市", "新郑市", "泉州市"]
    pairs = sum(len(found) for _, found in networks.values())
    assert pairs == len(tables["co_lead_pairs"].rows) == 78
    leads, found = networks["泉州市"]
    assert leads[0] == ("市科协", 19)
    assert len(leads) == 8
    assert ("市教育局", "市科协", 4) in found
    assert co_lead_chart(tables["co_lead_pairs"], tables["lead_load"]).startswith(b"\x89PNG")
