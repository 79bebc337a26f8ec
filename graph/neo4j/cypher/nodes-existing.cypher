// Which of these uris are stored already: the others can be CREATEd (nodes-create).
UNWIND $uris AS uri
MATCH (n:Resource {uri: uri})
RETURN collect(uri) AS existing
