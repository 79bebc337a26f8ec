"""Generate a corpus of N plans by recombining the sample plans' sections under distinct regions.

Plan i takes its cover and general part from one sample, its 提升行动 from another, its 重点工程
from a third and its 组织实施 from a fourth, and is renamed to a region of its own, so the corpus
has the samples' five layouts in new combinations and no two plans share a region.

    .venv/bin/python benchmarks/generate_corpus.py N OUT_DIR
"""

from __future__ import annotations

import argparse
import itertools
import re
from pathlib import Path

from plankg.loaders.parse import parse_plan
from plankg.loaders.read import sample_paths

SECTION = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})、", re.MULTILINE)
SYLLABLES = "安宁平和兴华东西南北中新丰泰康永顺广昌盛建德福临江河山川云海青松"
KINDS = ("提升行动", "重点工程", "组织实施")


def split_sections(text: str) -> tuple[str, dict[str, str]]:
    """The text before the actions, and the 提升行动 / 重点工程 / 组织实施 sections."""
    starts = [m.start() for m in SECTION.finditer(text)] + [len(text)]
    head_end = next((s for s in starts if any(k in text[s : s + 20] for k in KINDS)), len(text))
    sections = {}
    for start, end in itertools.pairwise(starts):
        for kind in KINDS:
            if kind in text[start : start + 20]:
                sections[kind] = text[start:end]
    return text[:head_end], sections


def place_name(text: str) -> str:
    """The region's own name without parent and level: 周口, 新郑, 南湖."""
    region = parse_plan(text).region
    name = region.name.removeprefix(region.parent or "")
    return re.sub(r"(新区|市|区|县)$", "", name)


def region_name(index: int) -> str:
    n = len(SYLLABLES)
    return "".join(SYLLABLES[(index // n**k) % n] for k in range(3))


def generate(count: int, out: Path) -> list[Path]:
    samples = [p.read_text(encoding="utf-8") for p in sample_paths()]
    parts = [split_sections(text) for text in samples]
    names = [place_name(text) for text in samples]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(count):
        head, _ = parts[i % 5]
        body = "".join(
            parts[(i + shift) % 5][1].get(kind, "")
            for shift, kind in zip((1, 2, 3), KINDS, strict=True)
        )
        text = head + body
        for old in names:
            text = text.replace(old, region_name(i))
        path = out / f"plan_{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    print(f"wrote {len(generate(args.count, args.out))} plans to {args.out}")


if __name__ == "__main__":
    main()
