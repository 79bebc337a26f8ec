// One batch of relationships between stored nodes, as rows [start, [[type, end, properties?],
// …]] (internal ids read in the same push); MERGE: the relationship may be there already. Its
// properties are set only when some differ, so pushing the same graph again writes nothing.
UNWIND $rows AS row
MATCH (a) WHERE id(a) = row[0]
UNWIND row[1] AS out
MATCH (b) WHERE id(b) = out[1]
MERGE (a)-[r:$(out[0])]->(b)
WITH r, coalesce(out[2], {}) AS props
WHERE any(key IN keys(props) WHERE r[key] IS NULL OR r[key] <> props[key])
SET r += props
