// One batch of relationships between stored nodes, as rows [start, [[type, end], …]] (element
// ids read in the same push); MERGE: the relationship may be there already.
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row[0]
UNWIND row[1] AS out
MATCH (b) WHERE elementId(b) = out[1]
MERGE (a)-[:$(out[0])]->(b)
