"""Plans keyed while a pool converts them (:func:`plankg.graph.rdf.batch.build_many`).

A plan's key depends on the plans before it: a second plan with the same region and period is
keyed by its content digest, a second copy of a text is skipped (:class:`PlanKeys`, in input
order). So a worker of the pool reads its plan, tells this process (the :class:`KeyDesk`) the
plan's key and digest, and waits for the key it is given, which the desk decides as soon as
every earlier file has been read (or has failed); the worker then converts the plan it read
under that key. Each file is read once and converted once, and no worker waits for the others'
conversions: files are handed out one at a time, in input order, so every earlier file has been
read or is being read.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from multiprocessing.sharedctypes import SynchronizedArray
from multiprocessing.synchronize import Condition
from pathlib import Path
from types import TracebackType

from plankg.graph.rdf.corpus import PlanKeys, Problem, digest_key, read_or_problem
from plankg.graph.rdf.iris import plan_key
from plankg.loaders.model import Plan

Told = tuple[int, tuple[str, str] | None]
"""What a worker tells the desk: the file's place, and its plan's key and digest (none when
the file was not read)."""

UNDECIDED, NATURAL, BY_DIGEST, SKIPPED, FAILED = range(5)
"""What the desk decides of a file (its code in the shared array)."""


@dataclass(frozen=True)
class DeskLine:
    """What a worker holds of the desk: where it tells, and where it reads the answers (the
    last place of ``codes`` is set when the build stops early: every wait ends)."""

    told: multiprocessing.Queue[Told | None]
    codes: SynchronizedArray[int]
    ready: Condition

    def tell(self, told: Told) -> None:
        self.told.put(told)

    def code(self, index: int) -> int:
        """The desk's decision on file ``index``, once made (or the stop)."""
        stop = len(self.codes) - 1
        with self.ready:
            self.ready.wait_for(lambda: self.codes[index] != UNDECIDED or self.codes[stop] != 0)
            return int(self.codes[index])


_LINE: DeskLine | None = None
"""The desk of the worker's pool (set in each worker when it starts)."""


def _install(line: DeskLine) -> None:
    global _LINE
    _LINE = line


def read_and_keyed(index: int, path: Path) -> tuple[Plan | Problem, str | None]:
    """In a worker: the plan of file ``index`` (or the problem that keeps it from being read)
    and the key the desk gives it (none for a copy of an earlier text, or a build stopped)."""
    assert _LINE is not None, "read_and_keyed runs in a worker of a KeyDesk's pool"
    try:
        plan = read_or_problem(path)
    except BaseException:
        _LINE.tell((index, None))
        raise
    if isinstance(plan, Problem):
        _LINE.tell((index, None))
        return plan, None
    natural, sha256 = plan_key(plan), plan.source.sha256
    _LINE.tell((index, (natural, sha256)))
    code = _LINE.code(index)
    keys = {NATURAL: natural, BY_DIGEST: digest_key(natural, sha256)}
    return plan, keys.get(code)


class KeyDesk:
    """This process's side: keys the plans of ``count`` files in input order as the workers
    tell their heads (a thread), and keeps the note each key comes with (by file)."""

    def __init__(self, count: int) -> None:
        context = multiprocessing.get_context()
        self.count = count
        self.line = DeskLine(context.Queue(), context.Array("b", count + 1), context.Condition())
        self.notes: dict[int, str] = {}
        self._thread = threading.Thread(target=self._serve, name="plankg-keys", daemon=True)

    @property
    def setup(self) -> Callable[[], None]:
        """What each worker runs when it starts (see :func:`~plankg.graph.rdf.corpus.map_files`)."""
        return partial(_install, self.line)

    def __enter__(self) -> KeyDesk:
        self._thread.start()
        return self

    def __exit__(self, *_: type[BaseException] | BaseException | TracebackType | None) -> None:
        """Stop: every wait ends (a build stopped early leaves no worker waiting)."""
        with self.line.ready:
            self.line.codes[self.count] = 1
            self.line.ready.notify_all()
        self.line.told.put(None)
        self._thread.join()

    def _serve(self) -> None:
        keys = PlanKeys()
        waiting: dict[int, tuple[str, str] | None] = {}
        decided = 0
        while decided < self.count:
            told = self.line.told.get()
            if told is None:
                return
            waiting[told[0]] = told[1]
            codes: dict[int, int] = {}
            while decided in waiting:
                codes[decided] = self._decide(decided, keys, waiting.pop(decided))
                decided += 1
            self._answer(codes)

    def _decide(self, index: int, keys: PlanKeys, head: tuple[str, str] | None) -> int:
        if head is None:
            return FAILED
        key, note = keys.given(*head)
        if note:
            self.notes[index] = note
        return SKIPPED if key is None else NATURAL if key == head[0] else BY_DIGEST

    def _answer(self, codes: dict[int, int]) -> None:
        with self.line.ready:
            for index, code in codes.items():
                self.line.codes[index] = code
            self.line.ready.notify_all()
