// The home directory of the server (its data/ is where a bulk import writes).
SHOW SETTINGS YIELD name, value
WHERE name = 'server.directories.neo4j_home'
RETURN value AS home
