// Records new names (rows from plankg.graph.neo4j_mapping.Mapping.slots).
UNWIND $rows AS row
MERGE (m:_RdfMapping {slot: row.slot})
SET m += row
