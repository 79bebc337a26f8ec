from __future__ import annotations

from pathlib import Path

import pytest
from plankg.loaders.read import sample_paths

SAMPLES = sample_paths()


@pytest.fixture(scope="session")
def sample_files() -> list[Path]:
    return SAMPLES
