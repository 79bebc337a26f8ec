// Whether the database holds any node besides the push lock: a bulk load goes only into a
// database that holds none.
MATCH (n) WHERE NOT n:_PlankgLock
RETURN count(n) AS nodes
