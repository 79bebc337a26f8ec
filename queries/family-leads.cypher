// Family leads: for one task family, the types of the agencies that lead its task in each
// region (a measure that names no lead: one row, type empty, no agency).
// Parameters: family (required, its key or title); region (optional).
MATCH (family:TaskFamily)
WITH family, split(family.uri, "/id/family/")[1] AS key
WHERE key = $family OR family.title = $family
MATCH (plan:Plan)-[:HAS_ACTION]->(action:Action)-[:HAS_MEASURE]->(measure:Measure)-[:MEMBER_OF]->(family),
      (plan)-[:REGION]->(region:Region)
WHERE $region IS NULL OR region.label = $region
OPTIONAL MATCH (agency:Agency)-[:LEADS]->(measure), (agency)-[:OF_TYPE]->(type:AgencyType)
// The Chinese labels of the two action classes.
WITH key, family, region, measure, type, agency,
     CASE WHEN action:EnhancementAction THEN "提升行动" ELSE "重点工程" END AS action_kind,
     action.number AS action_no
RETURN key AS family,
       family.title AS family_title,
       region.label AS region,
       action_kind,
       action_no,
       measure.number AS measure_no,
       type.prefLabel AS lead_type,
       count(DISTINCT agency) AS leads
// Unset values first, as in SPARQL.
ORDER BY family, region, action_kind, action_no, measure_no, leads DESC, lead_type IS NOT NULL, lead_type
