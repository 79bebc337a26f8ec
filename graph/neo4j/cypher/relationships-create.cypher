// One batch of relationships without properties and with at least one end created by this
// push, as rows [start, [[type, end], …]] (internal ids): none of them can exist yet, so CREATE
// (no MERGE lookup). A start node is found once for all its relationships. Most relationships
// are these; those with properties go through relationships-create-props (setting them here,
// even to nothing, would cost the server a third more).
UNWIND $rows AS row
MATCH (a) WHERE id(a) = row[0]
UNWIND row[1] AS out
MATCH (b) WHERE id(b) = out[1]
CREATE (a)-[:$(out[0])]->(b)
