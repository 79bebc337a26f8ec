// One batch of new nodes (rows: their labels, and their properties with the uri); returns their
// internal ids. The uniqueness constraint on :Resource(uri) still guards against doubles.
UNWIND $rows AS row
CREATE (n:$(row.labels))
SET n = row.props
RETURN collect([row.props.uri, id(n)]) AS ids
