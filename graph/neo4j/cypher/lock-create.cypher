// The node pushes lock to take turns (unique by the constraint in schema.cypher; not a
// :Resource, so no count, read-back or export sees it).
MERGE (:_PlankgLock {name: 'push'})
