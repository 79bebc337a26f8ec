// An index for looking nodes up by one property (see indexes in graph/data/neo4j.toml).
CREATE INDEX __NAME__ IF NOT EXISTS FOR (n__LABEL__) ON (n.__KEY__)
