"""The C allocator kept from piling up freed large blocks in a process that handles many plans.

glibc's ``malloc`` serves a block of 128 KiB or more from its own mapping and gives it back
when freed, but raises that threshold to the size of each such block freed (up to 32 MiB).
After the first large result a process unpickles, every result's buffers and chunks (tens to
hundreds of KiB each, a plan's Turtle among them) come from the heap instead, and the holes
they leave among the small blocks that outlive them are never given back: the building process
of a 5,000-plan build grew by some 4 MiB that way, and each converting worker by some 2.

Holding the threshold where it starts (``M_MMAP_THRESHOLD``, which also stops it moving)
serves every large block that free space in the heap cannot from a mapping of its own, given
back whole when freed, rather than from more heap. The cost is the
system's: a mapping and its page faults per large block (some 3 ms of system time a plan at
1,000 plans, user time no higher)."""

from __future__ import annotations

from functools import cache

M_MMAP_THRESHOLD = -3
"""``mallopt``'s parameter for the threshold (glibc's ``malloc.h``)."""
MMAP_THRESHOLD = 128 * 1024
"""glibc's own starting threshold, held there."""


@cache
def large_blocks_mapped() -> bool:
    """Have this process (and the processes it forks after) serve every block of
    :data:`MMAP_THRESHOLD` or more from a mapping of its own; whether the C library took it
    (a C library without ``mallopt``, as on macOS, leaves its allocator as it is)."""
    import ctypes  # only for a process that forks workers for many plans

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (AttributeError, OSError):
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD))
