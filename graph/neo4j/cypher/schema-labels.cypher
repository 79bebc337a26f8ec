// The schema as the graph holds it: nodes by their set of labels.
MATCH (n)
RETURN labels(n) AS labels, count(*) AS nodes
