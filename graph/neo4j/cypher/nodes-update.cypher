// Nodes whose pushed values were merged with the stored ones (see nodes-merge).
UNWIND $rows AS row
MATCH (n:Resource {uri: row.uri})
SET n += row.props, n:$(row.labels)
