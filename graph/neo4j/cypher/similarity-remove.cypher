// The similarity of each measure to its family's centroid, a batch at a time, before the
// families are written again (a push adds values beside those stored: a measure would keep its
// old similarity beside the new one). Not a deletion: the count is of measures.
MATCH (measure:Measure)
WHERE measure.similarity IS NOT NULL
WITH measure LIMIT $batch
REMOVE measure.similarity
RETURN count(*) AS deleted
