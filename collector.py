"""The cycle collector kept from work that frees nothing: importing modules on first use (the
packages' lazy names) and a command's objects at the process's end.

An import makes objects that live as long as the process (functions, classes, their
dictionaries) and no garbage cycles worth a collection, yet the collector, counting the
allocations, walks the objects made so far again and again while a large import runs. And
when a ``plankg`` process ends, the interpreter collects every object left, one full pass after
another (some 60 million instructions, 2 % of the samples' build), for memory the process
gives back whole as it exits."""

from __future__ import annotations

import atexit
import gc
from functools import cache
from importlib import import_module
from types import ModuleType


def imported(name: str) -> ModuleType:
    """``import_module(name)``, the cycle collector paused while it runs (as it was after)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return import_module(name)
    finally:
        if was_enabled:
            gc.enable()


@cache
def uncollected_at_exit() -> None:
    """Have the objects that exist when the interpreter begins to exit kept out of its last
    collections (``gc.freeze`` run first thing at exit: the ``atexit`` handlers run before
    them). Only for a process that ends with its command (the CLI); files and the other
    resources are closed by the code that opened them, never left to a collection."""
    atexit.register(gc.freeze)
