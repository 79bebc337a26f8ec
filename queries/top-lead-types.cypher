// Agency types by the measures their agencies lead, in one region or across all. A merged
// bureau (科工信局) counts for each function it covers.
// Parameters: region (optional).
MATCH (agency:Agency)-[:JURISDICTION]->(region:Region)
WHERE $region IS NULL OR region.label = $region
MATCH (agency)-[:LEADS]->(measure:Measure),
      (agency)-[:OF_TYPE]->(type:AgencyType)
WHERE type.prefLabel IS NOT NULL AND type.prefLabel_en IS NOT NULL
RETURN type.prefLabel AS type,
       type.prefLabel_en AS type_en,
       count(DISTINCT measure) AS measures_led,
       count(DISTINCT agency) AS agencies,
       count(DISTINCT region.label) AS regions
ORDER BY measures_led DESC, agencies DESC, type
