// Empties the database, a batch at a time (used by tests and benchmarks).
MATCH (n)
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
