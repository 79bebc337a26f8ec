// The citations between stored plans (a plan cites a plan pushed with it by its 文号 or
// title): the task families take a cited plan's measures before its citers'.
MATCH (citer:Plan)-[:CITES]->(cited:Plan)
WHERE citer <> cited
RETURN citer.uri AS citer, cited.uri AS cited
ORDER BY citer, cited
