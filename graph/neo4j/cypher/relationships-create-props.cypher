// One batch of relationships with properties (derived for analysts, on LEADS and PARTNERS_IN)
// and at least one end created by this push, as rows [start, [[type, end, properties], …]]
// (internal ids): none of them can exist yet, so CREATE (no MERGE lookup).
UNWIND $rows AS row
MATCH (a) WHERE id(a) = row[0]
UNWIND row[1] AS out
MATCH (b) WHERE id(b) = out[1]
CREATE (a)-[r:$(out[0])]->(b)
SET r = out[2]
