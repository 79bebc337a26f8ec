// Takes the write lock of the push lock node; held until the transaction ends (it is rolled
// back: nothing is ever written). A second push waits here until the first has ended.
MATCH (lock:_PlankgLock {name: 'push'})
SET lock.holder = $holder
RETURN count(lock) AS locked
