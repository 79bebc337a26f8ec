// Forgets the digests of plans about to be written (a push cut off while it writes them must
// leave no digest that does not describe what is stored).
MATCH (d:_PlankgDigest)
WHERE d.plan IN $plans
DELETE d
