// Every relationship between nodes of the RDF graph (for the read-back to RDF).
MATCH (a:Resource)-[r]->(b:Resource)
RETURN a.uri AS start, type(r) AS type, b.uri AS end
