"""Every pattern in loaders/data/patterns.toml matches its examples and not its counter-examples."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from plankg.loaders.patterns import load_patterns


def pattern_cases(node: Any = None, path: str = "") -> Iterator[tuple[str, str, str, bool]]:
    node = load_patterns() if node is None else node
    for key, value in node.items():
        here = f"{path}.{key}" if path else key
        if isinstance(value, dict):
            yield from pattern_cases(value, here)
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            for index, entry in enumerate(value):
                yield from pattern_cases(entry, f"{here}[{index}]")
        elif key.endswith("examples"):
            stem = key.removesuffix("counter_examples").removesuffix("examples").rstrip("_")
            pattern = node.get(stem or "pattern")
            for example in value:
                yield here, pattern, example, not key.endswith("counter_examples")


CASES = list(pattern_cases())


def test_the_patterns_file_has_examples():
    assert len(CASES) > 40


@pytest.mark.parametrize(
    ("where", "pattern", "example", "matches"), CASES, ids=[f"{c[0]}:{c[2]}" for c in CASES]
)
def test_pattern_examples(where, pattern, example, matches):
    assert bool(re.search(pattern, example)) is matches, where
