"""The connection's helpers: a batch parameter that the driver's debug log does not format."""

from __future__ import annotations

from plankg.graph.neo4j.connection import Batch


def test_a_batch_names_its_length_not_its_items():
    rows = Batch([["Resource", f"https://w3id.org/plankg/id/plan/{n}"] for n in range(5000)])
    assert repr(rows) == "<5000 items>"
    assert repr({"rows": rows}) == "{'rows': <5000 items>}"


def test_a_batch_is_sent_and_read_back_as_the_list_it_holds(neo4j):
    sent = [[n, "湖南省科学技术协会", [1.5, True]] for n in range(300)]
    record = neo4j.read(lambda tx: tx.run("RETURN $rows AS rows", rows=Batch(sent)).single())
    assert record["rows"] == sent
