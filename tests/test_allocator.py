"""A process that forks workers for many plans has glibc serve every large block from a
mapping of its own, as its workers do: an 8 MiB block made after a 24 MiB one was freed is
mapped, where glibc left alone would have raised its threshold to 24 MiB and served the block
from the heap. Read off glibc's own count of mapped blocks (``mallinfo2``), in fresh processes.

The blocks are large so that no free space the heap happens to hold (an import's leavings)
can serve them: in a fresh checkout, a 256 KiB block was served from such space once plankg's
modules were imported."""

from __future__ import annotations

import ctypes
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(
    not hasattr(ctypes.CDLL(None), "mallinfo2"), reason="glibc's mallinfo2 is needed to watch it"
)

WATCH = """
import ctypes

class Info(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost".split())]

libc = ctypes.CDLL(None)
libc.mallinfo2.restype = Info

def mapped_after_a_larger_one_freed(_=None):
    large = bytes(24 << 20)
    del large
    before = libc.mallinfo2().hblks
    block = bytes(8 << 20)
    return libc.mallinfo2().hblks - before
"""


def run(script: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", WATCH + script], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_glibc_left_alone_serves_the_block_from_its_heap():
    assert run("print(mapped_after_a_larger_one_freed())") == "0"


def test_the_setting_maps_the_block():
    script = """
from plankg.allocator import large_blocks_mapped
print(large_blocks_mapped(), mapped_after_a_larger_one_freed())
"""
    assert run(script) == "True 1"


def test_a_pool_and_its_workers_map_the_block():
    script = """
from plankg.graph.rdf.corpus import map_files
workers = list(map_files(mapped_after_a_larger_one_freed, [1, 2], workers=2, parallel_from=1))
print(workers, mapped_after_a_larger_one_freed())
"""
    assert run(script) == "[1, 1] 1"
