// Created before anything is written. Every node of the RDF graph is a :Resource with a unique
// uri (MERGE on it is an index lookup); :_RdfMapping nodes record what each label, relationship
// type and property key stands for in RDF; the :_PlankgLock node lets pushes take turns; a
// :_PlankgDigest node holds the digest of a plan pushed exactly (graph/neo4j/digests.py).
CREATE CONSTRAINT plankg_resource_uri IF NOT EXISTS FOR (n:Resource) REQUIRE n.uri IS UNIQUE;
CREATE CONSTRAINT plankg_rdf_mapping_slot IF NOT EXISTS FOR (m:_RdfMapping) REQUIRE m.slot IS UNIQUE;
CREATE CONSTRAINT plankg_push_lock IF NOT EXISTS FOR (l:_PlankgLock) REQUIRE l.name IS UNIQUE;
CREATE CONSTRAINT plankg_digest_plan IF NOT EXISTS FOR (d:_PlankgDigest) REQUIRE d.plan IS UNIQUE
