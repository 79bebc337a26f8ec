// The schema as the graph holds it: each property key of each set of labels, by value type
// (valueType: STRING NOT NULL, INTEGER NOT NULL, LIST<STRING NOT NULL> NOT NULL, …).
MATCH (n)
UNWIND keys(n) AS key
RETURN labels(n) AS labels, key, valueType(n[key]) AS type, count(*) AS holders
