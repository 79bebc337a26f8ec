// One agency's tasks: every measure it leads, takes part in or answers for, and where the assignment was stated.
// Parameters: agency (required), e.g. 市科协; region (optional) to pick one city's 市科协.
MATCH (agency:Agency)-[:JURISDICTION]->(region:Region)
WHERE agency.label = $agency AND ($region IS NULL OR region.label = $region)
MATCH (assignment:Assignment)-[:ASSIGNED_AGENCY]->(agency),
      (assignment)-[:ROLE]->(role:Role),
      (assignment)-[:STATED_AT]->(scope:AssignmentScope),
      (assignment)-[:COVERS]->(measure:Measure)<-[:HAS_MEASURE]-(action:Action)
RETURN region.label AS region,
       agency.label AS agency,
       role.notation AS role,
       // The Chinese labels of the two action classes.
       CASE WHEN action:EnhancementAction THEN "提升行动" ELSE "重点工程" END AS action_kind,
       action.number AS action_no,
       action.title AS action_title,
       measure.number AS measure_no,
       measure.title AS measure_title,
       scope.notation AS stated_at
ORDER BY region, action_kind, action_no, measure_no, role
