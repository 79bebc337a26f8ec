// Records the digest of each plan the push made exactly that plan's graph, and of the task
// families (not a :Resource: no count, read-back or export sees it).
UNWIND $rows AS row
MERGE (d:_PlankgDigest {plan: row.plan})
SET d.digest = row.digest
