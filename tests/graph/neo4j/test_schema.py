"""plankg schema reads the schema from the graph in Neo4j: the main path with its counts, every
label's properties and types, every pattern with its count, what is internal; and
docs/neo4j-schema.md is what it prints for the pushed samples."""

from __future__ import annotations

from pathlib import Path

import plankg
import pytest
from plankg.graph.neo4j import read_schema, render_schema

from ...conftest import TEST_DATABASE_MARK

DOC = Path(plankg.__file__).parent / "docs" / "neo4j-schema.md"
pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def schema(pushed_samples):
    return read_schema(pushed_samples).without_label(TEST_DATABASE_MARK)


def test_the_doc_is_the_schema_of_the_pushed_samples(schema):
    """Regenerate with `plankg schema --format markdown > docs/neo4j-schema.md` on a database
    holding the pushed samples alone."""
    assert DOC.read_text(encoding="utf-8") == render_schema(schema, "markdown")


def test_the_main_path_counts_what_plankg_build_reports(schema):
    """5 plans, 50 actions, 167 measures, 131 agencies (plankg build's summary); the lead
    and partner counts are the measure × agency pairs of each role."""
    hops = {(h.start, h.type, h.end): h.relationships for h in schema.hops}
    assert hops[("Plan", "REGION", "Region")] == 5
    assert hops[("Plan", "HAS_ACTION", "Action")] == 50
    assert hops[("Action", "HAS_MEASURE", "Measure")] == 167
    assert hops[("Agency", "JURISDICTION", "Region")] == 131
    assert hops[("Agency", "LEADS", "Measure")] > 167


def test_every_label_has_its_properties_with_types(schema):
    sets = {s.labels: s for s in schema.label_sets}
    assert sets["Plan"].nodes == 5 and sets["Agency"].nodes == 131
    assert {"Action:EnhancementAction", "Action:KeyProject"} <= set(sets)
    plan = {p.key: p for p in sets["Plan"].properties}
    assert plan["isDraft"].types == ("BOOLEAN",) and plan["isDraft"].holders == 5
    assert plan["docNumber"].holders == 2 and not plan["docNumber"].derived
    measure = {p.key: p for p in sets["Measure"].properties}
    assert measure["number"].types == ("INTEGER",) and measure["title"].types == ("STRING",)
    assert measure["code"].derived and measure["code"].holders == 167
    assert all(p.types for s in schema.label_sets for p in s.properties)
    assert not any(p.key == "uri" for s in schema.label_sets for p in s.properties)


def test_internal_labels_and_keys_are_set_apart(schema):
    internal = {(i.kind, i.name): i for i in schema.internal}
    assert internal[("label", "Resource")].count == sum(s.nodes for s in schema.label_sets)
    assert ("label", "_RdfMapping") in internal and ("property", "uri") in internal
    assert not any(s.labels[:1] == "_" or "Resource" in s.labels for s in schema.label_sets)


def test_every_node_has_a_name_and_leads_carry_their_sentence(schema):
    """One name key on every node (issue 18); LEADS and PARTNERS_IN carry where they were
    stated and the sentence, on every relationship of the 370 and 2,414."""
    for label_set in schema.label_sets:
        names = [p for p in label_set.properties if p.key == "name"]
        assert names and names[0].holders == label_set.nodes, label_set.labels
    on = {(t, p.key): p.holders for t, p in schema.relationship_properties}
    for key in ("statedAt", "surface", "sourceText", "startLine", "endLine"):
        assert on[("LEADS", key)] == 370 and on[("PARTNERS_IN", key)] == 2414


def test_the_command_puts_the_main_path_on_the_first_screen(schema, run, neo4j_env):
    shown = run("schema", env=neo4j_env)
    assert shown.exit_code == 0
    first_screen = shown.stdout.splitlines()[:12]
    assert first_screen[1] == schema.main_path
    assert "(Action)-[:HAS_MEASURE]->(Measure)" in "\n".join(first_screen)
    assert "(Assignment)-[:COVERS]->(Measure)" in shown.stdout
    as_json = run("schema", "--format", "json", env=neo4j_env)
    assert as_json.exit_code == 0 and '"main_path"' in as_json.stdout


def test_the_schema_is_read_from_the_live_graph(neo4j):
    """Whatever the mapping makes is what the schema shows: a label and key of a new kind."""
    neo4j.write(
        lambda tx: tx.run(
            "CREATE (:Resource:Novel {uri: 'urn:x', score: 1.5})-[:NEXT {at: 3}]->"
            "(:Resource:Novel {uri: 'urn:y', score: 2})"
        ).consume()
    )
    schema = read_schema(neo4j)
    (novel,) = schema.label_sets
    assert novel.labels == "Novel" and novel.properties[0].types == ("FLOAT", "INTEGER")
    assert [(p.start, p.type, p.end, p.relationships) for p in schema.patterns] == [
        ("Novel", "NEXT", "Novel", 1)
    ]
    assert [(t, p.key, p.types) for t, p in schema.relationship_properties] == [
        ("NEXT", "at", ("INTEGER",))
    ]
