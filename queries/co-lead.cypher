// Pairs of agencies that lead the same measures, with the number of measures they co-lead.
// Parameters: region (optional); agency (optional) — only pairs that include this agency.
MATCH (a:Agency)-[:LEADS]->(measure:Measure)<-[:LEADS]-(b:Agency),
      (a)-[:JURISDICTION]->(region:Region)
WHERE a.label < b.label
  AND ($region IS NULL OR region.label = $region)
  AND ($agency IS NULL OR a.label = $agency OR b.label = $agency)
RETURN region.label AS region,
       a.label AS agency_a,
       b.label AS agency_b,
       count(DISTINCT measure) AS measures
ORDER BY measures DESC, region, agency_a, agency_b
