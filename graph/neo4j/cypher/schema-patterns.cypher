// The schema as the graph holds it: relationships by the label sets at their two ends.
MATCH (start)-[r]->(end)
RETURN labels(start) AS start, type(r) AS type, labels(end) AS end, count(*) AS relationships
