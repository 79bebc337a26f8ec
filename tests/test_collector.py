"""A module imported on first use comes back as ``import_module`` gives it, the cycle
collector paused only while it was imported; a process that ends with its command freezes its
objects first thing at exit, so that its last collections walk none of them."""

from __future__ import annotations

import gc
import subprocess
import sys
from importlib import import_module
from types import ModuleType

import plankg.collector
from plankg.collector import imported


def test_the_module_is_imported_with_the_collector_paused_then_resumed(monkeypatch):
    seen: list[bool] = []

    def watched(name: str) -> ModuleType:
        seen.append(gc.isenabled())
        return import_module(name)

    monkeypatch.setattr(plankg.collector, "import_module", watched)
    assert imported("plankg.errors") is sys.modules["plankg.errors"]
    assert seen == [False] and gc.isenabled()


def test_a_paused_collector_stays_paused():
    gc.disable()
    try:
        assert imported("plankg.tables") is sys.modules["plankg.tables"]
        assert not gc.isenabled()
    finally:
        gc.enable()


FROZEN_AT_EXIT = """
import atexit, gc
atexit.register(lambda: print(gc.get_freeze_count() > 1000))  # runs last: registered first
from plankg.collector import uncollected_at_exit
uncollected_at_exit()
uncollected_at_exit()
garbage = [[] for _ in range(2000)]
"""


def test_at_exit_the_objects_are_frozen_before_the_last_collections():
    done = subprocess.run([sys.executable, "-c", FROZEN_AT_EXIT], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout == "True\n"
