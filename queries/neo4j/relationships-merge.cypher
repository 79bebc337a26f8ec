// One batch of relationships of one type between stored nodes, as [start, end] element ids
// (read in the same push); MERGE: the relationship may be there already.
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row[0]
MATCH (b) WHERE elementId(b) = row[1]
MERGE (a)-[:__TYPE__]->(b)
