// The plans loaded: metadata, size and headline target.
// Parameters: region (optional).
MATCH (plan:Plan)-[:REGION]->(region:Region),
      (plan)-[:DERIVED_FROM]->(source:SourceFile)
WHERE $region IS NULL OR region.label = $region
OPTIONAL MATCH (plan)-[:HAS_ACTION]->(action:Action)
OPTIONAL MATCH (action)-[:HAS_MEASURE]->(measure:Measure)
WITH plan, region, source,
     count(DISTINCT action) AS actions,
     count(DISTINCT measure) AS measures
OPTIONAL MATCH (plan)-[:HEADLINE_TARGET]->(headline:Target)
RETURN region.label AS region,
       region.regionLevel AS level,
       plan.title AS title,
       plan.docNumber AS doc_number,
       toString(plan.issued) AS issued,
       plan.periodStart AS period_start,
       plan.periodEnd AS period_end,
       plan.isDraft AS draft,
       actions,
       measures,
       headline.value AS headline_value,
       headline.unit AS headline_unit,
       source.fileName AS source
// Unset values first, as in SPARQL.
ORDER BY region, period_start IS NOT NULL, period_start, source
