// The names in use: which class, predicate or literal kind each label, type and key stands for.
MATCH (m:_RdfMapping)
RETURN m.slot AS slot, m.kind AS kind, m.name AS name, m.iri AS iri,
       m.datatype AS datatype, m.language AS language
ORDER BY slot
