// The IRIs of the plans the database holds.
MATCH (plan:Plan)
RETURN collect(plan.uri) AS plans
