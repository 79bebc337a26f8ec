// Nodes of the RDF graph and relationships in the database (from the count store).
CALL () { MATCH (n:Resource) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
