// Quantitative targets: each plan's headline literacy share and every target inside a measure.
// Parameters: region (optional); year (optional, e.g. 2025) — targets due that year.
MATCH (plan:Plan)-[:REGION]->(region:Region)
WHERE $region IS NULL OR region.label = $region
CALL (plan) {
  MATCH (plan)-[:HEADLINE_TARGET]->(target:Target)
  RETURN target, null AS action_kind, null AS action_no, null AS measure_no,
         null AS measure_title
  UNION ALL
  MATCH (plan)-[:HAS_ACTION]->(action:Action)-[:HAS_MEASURE]->(measure:Measure),
        (measure)-[:HAS_TARGET]->(target:Target)
  RETURN target, action.actionKind AS action_kind, action.number AS action_no,
         measure.number AS measure_no, measure.title AS measure_title
}
WITH region, target, action_kind, action_no, measure_no, measure_title
WHERE $year IS NULL OR toString(target.year) = $year
RETURN region.label AS region,
       action_kind,
       action_no,
       measure_no,
       measure_title,
       target.value AS value,
       target.unit AS unit,
       target.comparator AS comparator,
       target.year AS year,
       target.perYear AS per_year,
       target.sourceText AS text
// Unset values first, as in SPARQL.
ORDER BY region, action_kind IS NOT NULL, action_kind, action_no IS NOT NULL, action_no,
         measure_no IS NOT NULL, measure_no, text, value
