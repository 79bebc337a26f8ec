// Every node of the RDF graph with its labels and properties (for the read-back to RDF).
MATCH (n:Resource)
RETURN n.uri AS uri, labels(n) AS labels, properties(n) AS props
