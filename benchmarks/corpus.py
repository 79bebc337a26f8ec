"""plankg against the development corpus (tests/corpus/): the figures the README reports.

    .venv/bin/python benchmarks/corpus.py [--misses]

Per metadata field, the share of texts where plankg reads what a reader wrote down; for
assignment clauses, the agencies they name (role and resolved name) and targets, precision,
recall and F1 (extra findings count only in texts whose expectation lists everything).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "tests" / "loaders"))

import corpus_scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list what was missed or extra")
    args = parser.parse_args()
    summary = corpus_scores.summary()
    cases = corpus_scores.cases()
    print(f"{summary['texts']} texts; by kind: {_counts(c.expected.get('kind') for c in cases)}")
    print(f"by level: {_counts(c.expected.get('level') for c in cases)}")
    print(f"by generation: {_counts(c.expected.get('generation') for c in cases)}\n")
    print("| field | right | texts | accuracy |\n|---|---|---|---|")
    for name, score in summary["metadata"].items():
        print(f"| {name} | {score.right} | {score.total} | {score.share:.2f} |")
        if args.misses:
            for wrong in score.wrong:
                print(f"|   | {wrong} | | |")
    print("\n| what | found | extra | missed | precision | recall | F1 |")
    print("|---|---|---|---|---|---|---|")
    for name in ("clauses", "agencies", "targets"):
        f = summary[name]
        figures = f"{f.precision:.2f} | {f.recall:.2f} | {f.f1:.2f}"
        print(f"| {name} | {f.tp} | {f.fp} | {f.fn} | {figures} |")
        if args.misses:
            for miss in f.misses:
                print(f"|   | {miss} | | | | | |")
    print("\n| target attribute | right | targets found | accuracy |\n|---|---|---|---|")
    for name, score in summary["target_attributes"].items():
        print(f"| {name} | {score.right} | {score.total} | {score.share:.2f} |")


def _counts(values) -> str:
    return ", ".join(f"{k} {v}" for k, v in Counter(str(v) for v in values).most_common())


if __name__ == "__main__":
    main()
