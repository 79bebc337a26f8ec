// One batch of new nodes with the same labels (rows are property maps with the uri); returns
// their element ids. The uniqueness constraint on :Resource(uri) still guards against doubles.
UNWIND $rows AS row
CREATE (n__LABELS__)
SET n = row
RETURN collect([row.uri, elementId(n)]) AS ids
