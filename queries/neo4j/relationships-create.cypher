// One batch of relationships of one type with at least one end created by this push, as
// [start, end] element ids: none of them can exist yet, so CREATE (no MERGE lookup).
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row[0]
MATCH (b) WHERE elementId(b) = row[1]
CREATE (a)-[:__TYPE__]->(b)
