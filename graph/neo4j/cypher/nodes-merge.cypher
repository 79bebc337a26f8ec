// One batch of stored nodes (rows: uri, labels, properties); returns their internal ids. A node
// already stored with these labels and values is left untouched, so pushing the same graph
// again writes nothing. A node stored with other values for a key the batch sets is not written
// but returned with its stored properties: the caller merges them into the pushed ones (a push
// adds to what is there, an RDF union) and writes the result with nodes-update, unless the node
// has its labels and the merged values already.
UNWIND $rows AS row
MERGE (n:Resource {uri: row.uri})
WITH n, row,
     any(k IN keys(row.props) WHERE n[k] IS NOT NULL AND n[k] <> row.props[k]) AS clash
FOREACH (_ IN CASE
    WHEN NOT clash AND (any(l IN row.labels WHERE NOT l IN labels(n))
                        OR any(k IN keys(row.props) WHERE n[k] IS NULL))
    THEN [1] ELSE [] END |
  SET n += row.props, n:$(row.labels))
RETURN collect([row.uri, id(n)]) AS ids,
       collect(CASE WHEN clash
                    THEN [row.uri, properties(n), all(l IN row.labels WHERE l IN labels(n))]
               END) AS stored
