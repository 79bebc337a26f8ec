// The names of the indexes the database has (a constraint's backing index bears its name), so
// that a push creates only the schema that is missing.
SHOW INDEXES YIELD name
RETURN collect(name) AS names
