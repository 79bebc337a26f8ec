// One batch of relationships with at least one end created by this push, as rows
// [start, [[type, end, properties?], …]] (element ids): none of them can exist yet, so CREATE
// (no MERGE lookup). A start node is found once for all its relationships; the properties
// (derived for analysts, on LEADS and PARTNERS_IN) are sent only where there are some.
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row[0]
UNWIND row[1] AS out
MATCH (b) WHERE elementId(b) = out[1]
CREATE (a)-[r:$(out[0])]->(b)
FOREACH (props IN CASE WHEN size(out) > 2 THEN [out[2]] ELSE [] END | SET r = props)
