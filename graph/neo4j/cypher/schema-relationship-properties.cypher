// The schema as the graph holds it: each property key of each relationship type, by value type.
MATCH ()-[r]->()
UNWIND keys(r) AS key
RETURN type(r) AS labels, key, valueType(r[key]) AS type, count(*) AS holders
