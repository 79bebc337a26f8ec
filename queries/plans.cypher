// The plans loaded: metadata, size and headline target.
// Parameters: region (optional).
MATCH (plan:Plan)-[:REGION]->(region:Region),
      (plan)-[:DERIVED_FROM]->(source:SourceFile),
      (region)-[:REGION_LEVEL]->(level:RegionLevel)
WHERE $region IS NULL OR region.label = $region
OPTIONAL MATCH (plan)-[:HAS_ACTION]->(action:Action)
OPTIONAL MATCH (action)-[:HAS_MEASURE]->(measure:Measure)
WITH plan, region, level, source,
     count(DISTINCT action) AS actions,
     count(DISTINCT measure) AS measures
OPTIONAL MATCH (plan)-[:HEADLINE_TARGET]->(headline:Target)
OPTIONAL MATCH (plan)-[:TEMPORAL]->(:ProperInterval)-[:HAS_BEGINNING]->(start:Instant)
OPTIONAL MATCH (plan)-[:TEMPORAL]->(:ProperInterval)-[:HAS_END]->(end:Instant)
RETURN region.label AS region,
       level.notation AS level,
       plan.title AS title,
       plan.docNumber AS doc_number,
       toString(plan.issued) AS issued,
       start.inXSDgYear AS period_start,
       end.inXSDgYear AS period_end,
       plan.isDraft AS draft,
       actions,
       measures,
       headline.numericValue AS headline_value,
       headline.unitText AS headline_unit,
       source.fileName AS source
// Unset values first, as in SPARQL.
ORDER BY region, period_start IS NOT NULL, period_start, source
