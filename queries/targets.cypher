// Quantitative targets: each plan's headline literacy share and every target inside a measure.
// Values are QUDT numeric values (a 万 of the wording multiplied in); unit as written without it.
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
  // The Chinese labels of the two action classes.
  RETURN target, CASE WHEN action:EnhancementAction THEN "提升行动" ELSE "重点工程" END AS action_kind,
         action.number AS action_no, measure.number AS measure_no, measure.title AS measure_title
}
MATCH (target)-[:COMPARATOR]->(comparator:Comparator),
      (target)-[:DERIVED_FROM]->(clause:Clause)
OPTIONAL MATCH (target)-[:DUE_BY]->(due:Instant)
WITH region, target, action_kind, action_no, measure_no, measure_title, comparator, clause, due
WHERE $year IS NULL OR toString(due.inXSDgYear) = $year
RETURN region.label AS region,
       action_kind,
       action_no,
       measure_no,
       measure_title,
       target.numericValue AS value,
       target.unitText AS unit,
       comparator.notation AS comparator,
       due.inXSDgYear AS year,
       target.perYear AS per_year,
       clause.sourceText AS text
// Unset values first, as in SPARQL.
ORDER BY region, action_kind IS NOT NULL, action_kind, action_no IS NOT NULL, action_no,
         measure_no IS NOT NULL, measure_no, text, value
