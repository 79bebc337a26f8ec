// Empties the database of relationships, a batch at a time, before its nodes are deleted: a
// batch of nodes detached at once would take all the relationships of a hub with it.
MATCH ()-[r]->()
WITH r LIMIT $batch
DELETE r
RETURN count(*) AS deleted
