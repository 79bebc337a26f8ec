// Agencies by the number of measures they lead (an action-level assignment counts for every
// measure of its action), with the number of actions those measures belong to.
// Parameters: region (optional), e.g. 泉州市.
MATCH (agency:Agency)-[:LEADS]->(measure:Measure)<-[:HAS_MEASURE]-(action:Action),
      (agency)-[:JURISDICTION]->(region:Region)
WHERE $region IS NULL OR region.label = $region
RETURN region.label AS region,
       agency.label AS agency,
       count(DISTINCT measure) AS measures_led,
       count(DISTINCT action) AS actions_led
ORDER BY measures_led DESC, actions_led DESC, region, agency
