"""Time per MB of pathological plan texts (tests/loaders/hostile.py): each converted as
`plankg build` converts a file (read, parse, RDF, SHACL), at a size and at twice that size, in
a process of its own, with the CPU seconds, seconds per MB, the ratio of the two (2 is
linear, 4 quadratic) and the process's peak memory.

    .venv/bin/python benchmarks/hostile.py [--size 100000] [--only quantities,plans]

Run by hand; the figures go in docs/security.md. The machine is shared: CPU time, not wall.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "tests" / "loaders"))

import hostile

CONVERT = """
import json, resource, sys, time
from pathlib import Path
from plankg.graph.rdf.batch import process_file
from plankg.loaders.read import sample_paths

process_file(sample_paths()[0])  # imports, patterns and tables loaded before the clock starts
started = time.process_time()
result = process_file(Path(sys.argv[1]))
seconds = time.process_time() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak, "error": result.error}))
"""


def convert(text: str) -> dict[str, float | str | None]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "hostile.txt"
        path.write_text(text, encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-c", CONVERT, str(path)],
            capture_output=True,
            text=True,
            timeout=600,
            check=True,
        )
    found: dict[str, float | str | None] = json.loads(done.stdout)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000, help="characters of the smaller text")
    parser.add_argument("--only", default="", help="comma-separated generator names")
    args = parser.parse_args()
    names = args.only.split(",") if args.only else [*hostile.UNITS, "random-1", "random-2"]
    print("| text | MB | CPU s | s/MB | ×2 size: CPU s | s/MB | ratio | peak MB |")
    print("|---|---|---|---|---|---|---|---|")
    for name in names:
        small, large = (hostile.generate(name, n) for n in (args.size, 2 * args.size))
        mb = [len(t.encode("utf-8")) / 2**20 for t in (small, large)]
        first, second = convert(small), convert(large)
        s1, s2 = float(first["seconds"] or 0), float(second["seconds"] or 0)
        note = f" ({second['error']})" if second["error"] else ""
        print(
            f"| {name}{note} | {mb[0]:.2f} | {s1:.2f} | {s1 / mb[0]:.1f} | {s2:.2f} | "
            f"{s2 / mb[1]:.1f} | {s2 / max(s1, 1e-3):.1f} | {second['peak_mb']:.0f} |"
        )


if __name__ == "__main__":
    main()
