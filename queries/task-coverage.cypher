// Task coverage: every task family × every plan of its outline's generation, with the plan's
// member measure where it has one (present) and nothing where it leaves the task out.
// Parameters: action (optional, a canonical action's notation, e.g. 2021-youth); region (optional); family (optional, its key or title).
MATCH (family:TaskFamily)-[:FAMILY_ACTION]->(canonical:CanonicalAction)
WITH family, canonical, split(family.uri, "/id/family/")[1] AS key
WHERE ($action IS NULL OR canonical.notation = $action)
  AND ($family IS NULL OR key = $family OR family.title = $family)
MATCH (plan_node:Plan)-[:REGION]->(region:Region)
WHERE ($region IS NULL OR region.label = $region)
  // The plans of the family's generation: they implement an action of the same outline.
  AND EXISTS {
    MATCH (plan_node)-[:HAS_ACTION]->(:Action)-[:IMPLEMENTS]->(other:CanonicalAction)
    WHERE split(other.notation, "-")[0] = split(canonical.notation, "-")[0]
  }
OPTIONAL MATCH (plan_node)-[:HAS_ACTION]->(action:Action)-[:HAS_MEASURE]->(measure:Measure)-[:MEMBER_OF]->(family)
// The Chinese labels of the two action classes.
RETURN canonical.notation AS canonical_action,
       key AS family,
       family.title AS family_title,
       split(plan_node.uri, "/id/plan/")[1] AS plan,
       region.label AS region,
       CASE WHEN action IS NULL THEN null WHEN action:EnhancementAction THEN "提升行动" ELSE "重点工程" END AS action_kind,
       action.number AS action_no,
       measure.number AS measure_no,
       measure IS NOT NULL AS present
ORDER BY canonical_action, family, plan
