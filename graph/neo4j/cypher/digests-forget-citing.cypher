// Forgets the digests of the plans whose node links to one of the plans about to be deleted (a
// citation): the deletion takes the link with it, and only a push of the citing plan makes it
// again, so that plan must not be skipped.
MATCH (d:_PlankgDigest)
WHERE NOT d.plan IN $plans
  AND EXISTS {
    MATCH (:Resource {uri: d.plan})-->(cited:Resource)
    WHERE cited.uri IN $plans
  }
DELETE d
