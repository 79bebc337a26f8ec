"""One thread beside the build's conversion that runs the checks it is handed, in order
(:func:`plankg.graph.rdf.batch.build_many` validates a plan there while the next is
converted: the compiled SHACL engine releases the GIL).

What ``ThreadPoolExecutor(max_workers=1)`` gives the build, without importing
:mod:`concurrent.futures` (and :mod:`logging` with it: some 6 ms of a small build's start)."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

R = TypeVar("R")


class Check(Generic[R]):
    """A piece of work handed to the checker: its result (or its exception) once run."""

    def __init__(self, work: Callable[[], R]) -> None:
        self.work = work
        self.done = threading.Event()
        self.value: R | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.value = self.work()
        except BaseException as error:  # handed to whoever waits for the result, as a Future does
            self.error = error
        finally:
            self.done.set()

    def result(self) -> R:
        """The work's result, once done; its exception raised here."""
        self.done.wait()
        if self.error is not None:
            raise self.error
        return self.value  # type: ignore[return-value]  # R itself may be an optional type


class Checker:
    """One thread running the checks submitted, in order; after :meth:`stop`, the checks not
    begun are dropped (nobody waits for them: the build stopped early)."""

    def __init__(self) -> None:
        self._waiting: deque[Check[object] | None] = deque()
        self._ready = threading.Semaphore(0)
        self._stopped = False
        self._thread = threading.Thread(target=self._run, name="plankg-shacl", daemon=True)
        self._thread.start()

    def submit(self, work: Callable[[], R]) -> Check[R]:
        check = Check(work)
        self._waiting.append(check)  # type: ignore[arg-type]  # the queue holds any Check
        self._ready.release()
        return check

    def stop(self) -> None:
        """Drop the checks not begun, wait for the one running to end."""
        self._stopped = True
        self._waiting.append(None)
        self._ready.release()
        self._thread.join()

    def _run(self) -> None:
        while True:
            self._ready.acquire()
            check = self._waiting.popleft()
            if check is None:
                return
            if not self._stopped:
                check.run()


@contextmanager
def checking() -> Iterator[Checker]:
    """A checker for the block, stopped when it ends (however it ends)."""
    checker = Checker()
    try:
        yield checker
    finally:
        checker.stop()
