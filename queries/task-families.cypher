// Task families: the same task in different plans, each member measure with its lead agencies.
// A row per member and lead agency (a measure that names no lead: one row, lead empty).
// Parameters: action (optional, a canonical action's notation, e.g. 2021-youth); region (optional); family (optional, its key or title).
MATCH (family:TaskFamily)-[:FAMILY_ACTION]->(canonical:CanonicalAction)
WITH family, canonical, split(family.uri, "/id/family/")[1] AS key
WHERE ($action IS NULL OR canonical.notation = $action)
  AND ($family IS NULL OR key = $family OR family.title = $family)
MATCH (plan:Plan)-[:HAS_ACTION]->(action:Action)-[:HAS_MEASURE]->(measure:Measure)-[:MEMBER_OF]->(family),
      (plan)-[:REGION]->(region:Region)
WHERE $region IS NULL OR region.label = $region
OPTIONAL MATCH (agency:Agency)-[:LEADS]->(measure)
// The Chinese labels of the two action classes.
RETURN key AS family,
       family.title AS family_title,
       canonical.notation AS canonical_action,
       region.label AS region,
       CASE WHEN action:EnhancementAction THEN "提升行动" ELSE "重点工程" END AS action_kind,
       action.number AS action_no,
       measure.number AS measure_no,
       measure.title AS measure_title,
       measure.similarity AS similarity,
       agency.label AS lead
// Unset values first, as in SPARQL.
ORDER BY canonical_action, family, region, action_kind, action_no, measure_no, lead IS NOT NULL, lead
