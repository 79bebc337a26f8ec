// The connection check: reaches the database, or fails with its error.
RETURN 1 AS ok
