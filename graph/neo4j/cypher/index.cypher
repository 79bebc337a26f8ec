// An index for looking nodes up by one property (see indexes in graph/neo4j/mapping.toml).
CREATE INDEX __NAME__ IF NOT EXISTS FOR (n__LABEL__) ON (n.__KEY__)
