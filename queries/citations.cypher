// The citation chain: the documents each plan cites, one resource per document (by 文号, else by
// normalised title, merged where a plan gives both), its official title (else the least title
// as cited), and the region of the loaded plan it is ("" when it is not loaded).
// Parameters: region (optional).
MATCH (plan:Plan)-[:REGION]->(region:Region),
      (plan)-[:CITES]->(document)
WHERE $region IS NULL OR region.label = $region
WITH DISTINCT region.label AS region, document
OPTIONAL MATCH (document:Plan)-[:REGION]->(other_region:Region)
WITH region, document, coalesce(min(other_region.label), "") AS cited_region
// A property with several values (titles as several plans cite them) holds them as a list.
WITH region, document, cited_region,
     [title IN coalesce(document.title, []) + [] | title] AS official,
     [title IN coalesce(document.alternative, []) + [] | title] AS as_cited
WITH region, document, cited_region,
     CASE WHEN size(official) > 0 THEN official ELSE as_cited END AS titles
RETURN region,
       document.docNumber AS cited_doc_number,
       coalesce(reduce(least = null, title IN titles |
         CASE WHEN least IS NULL OR title < least THEN title ELSE least END), "") AS cited_title,
       cited_region
// Unset values first, as in SPARQL.
ORDER BY region, cited_doc_number IS NOT NULL, cited_doc_number, cited_title
