// The citation chain: the documents each plan cites (by 文号 where it gives one) and the loaded
// plan a cited 文号 belongs to ("" when none).
// Parameters: region (optional).
MATCH (plan:Plan)-[:REGION]->(region:Region),
      (plan)-[:CITES]->(document)
WHERE $region IS NULL OR region.label = $region
WITH DISTINCT region.label AS region, document
OPTIONAL MATCH (other:Plan)-[:REGION]->(other_region:Region)
WHERE other.docNumber = document.docNumber
WITH region, document, coalesce(min(other_region.label), "") AS cited_region
// A document cited under several titles (one per citing plan) holds them as a list.
WITH region, document, cited_region,
     [title IN coalesce(document.title, []) + [] | title] AS titles
RETURN region,
       document.docNumber AS cited_doc_number,
       coalesce(reduce(least = null, title IN titles |
         CASE WHEN least IS NULL OR title < least THEN title ELSE least END), "") AS cited_title,
       cited_region
// Unset values first, as in SPARQL.
ORDER BY region, cited_doc_number IS NOT NULL, cited_doc_number, cited_title
