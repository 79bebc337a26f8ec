// Forgets every digest (a push of bare triples may change any plan's subgraph).
MATCH (d:_PlankgDigest)
DELETE d
