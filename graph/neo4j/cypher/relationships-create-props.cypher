// One batch of relationships with properties (derived for analysts, on LEADS and PARTNERS_IN)
// and at least one end created by this push, as rows [start, [[type, end, properties], …]]
// (internal ids; properties: the place of the relationship's map in $props, each map sent
// once a batch): none of them can exist yet, so CREATE (no MERGE lookup).
UNWIND $rows AS row
MATCH (a) WHERE id(a) = row[0]
UNWIND row[1] AS out
MATCH (b) WHERE id(b) = out[1]
CREATE (a)-[r:$(out[0])]->(b)
SET r = $props[out[2]]
