// Part of a plan's subgraph (the plan and every node under its IRI), a batch at a time.
MATCH (n:Resource)
WHERE n.uri = $plan OR n.uri STARTS WITH $prefix
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
