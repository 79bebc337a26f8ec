// Nodes no relationship points to any more (after a plan was replaced), a batch at a time.
// Every resource but a plan is the object of some triple of a plan that uses it: an agency, a
// region, a cited document or a source file that nothing points to belongs to no plan.
MATCH (n:Resource)
WHERE NOT n__PLAN__ AND NOT EXISTS { MATCH ()-->(n) }
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
