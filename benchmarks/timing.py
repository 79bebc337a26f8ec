"""What every benchmark prints beside its medians: the machine's load while it ran.

The machine is shared and has 2 cores: a median measured with a load average of 4 is not the
figure of a quiet machine. Each figure is printed with the 1-minute load average read before
and after its runs, so a reader can tell a quiet figure from a busy one.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence


def load_average() -> float:
    """The 1-minute load average."""
    return os.getloadavg()[0]


def timed_runs(step: Callable[[], object], runs: int) -> tuple[list[float], str]:
    """Wall seconds of ``runs`` calls of ``step``, and the load before → after them."""
    before = load_average()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return times, f"load {before:.2f} → {load_average():.2f}"


def command_runs(command: Sequence[str], runs: int) -> tuple[list[float], str]:
    """Wall seconds of ``runs`` runs of ``command`` as a whole process (interpreter start
    included), and the load before → after them."""
    return timed_runs(lambda: subprocess.run(command, check=True, capture_output=True), runs)


def line(name: str, times: list[float], load: str, width: int = 34) -> str:
    """``name``, the median and the spread of ``times`` in ms, and the load."""
    median = statistics.median(times) * 1000
    low, high = min(times) * 1000, max(times) * 1000
    return f"  {name:<{width}} {median:9.1f} ms  (min {low:.1f}, max {high:.1f}; {load})"
