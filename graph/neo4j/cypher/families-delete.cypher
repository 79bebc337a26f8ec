// The task families, a batch at a time, before the families of all stored plans are written
// again (their members' MEMBER_OF, FAMILY_ACTION and CENTRAL_MEMBER go with them).
MATCH (family:TaskFamily)
WITH family LIMIT $batch
DETACH DELETE family
RETURN count(*) AS deleted
