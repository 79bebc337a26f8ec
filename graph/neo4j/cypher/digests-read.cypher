// For each plan IRI: whether the database holds the plan's node or a node under its IRI, and
// the digest recorded when the plan was last pushed exactly (see graph/neo4j/digests.py).
UNWIND $plans AS plan
OPTIONAL MATCH (d:_PlankgDigest {plan: plan})
RETURN plan,
       d.digest AS digest,
       EXISTS { MATCH (n:Resource {uri: plan}) }
         OR EXISTS { MATCH (n:Resource) WHERE n.uri STARTS WITH plan + "/" } AS present
