// What the task families need of each measure of the stored plans other than $plans (those the
// push brings): its plan, the level of the plan's region, the canonical action its action
// implements, its title and text (graph/rdf/tasks.py makes the same of a plan read from text).
MATCH (plan:Plan)
WHERE NOT plan.uri IN $plans
OPTIONAL MATCH (plan)-[:REGION]->(:Region)-[:REGION_LEVEL]->(level)
WITH plan, min(level.uri) AS level
MATCH (plan)-[:HAS_ACTION]->(action:Action)-[:IMPLEMENTS]->(canonical),
      (action)-[:HAS_MEASURE]->(measure:Measure)
WITH plan, level, measure, min(canonical.uri) AS canonical
RETURN plan.uri AS plan, level, canonical, measure.uri AS measure,
       measure.title AS title, measure.description AS text
ORDER BY measure
