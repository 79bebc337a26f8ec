"""A matplotlib font cache built before the CJK fonts were installed is found out and rebuilt:
the charts get their Chinese font on the first run after the install, and the next run finds
it in the cache without rebuilding. Each run is its own Python process, with matplotlib's
cache in a folder of the test's own (MPLCONFIGDIR)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import matplotlib
import pytest
from matplotlib import font_manager
from plankg.graph.report.fonts import cjk_font_files

RUN = """
import json, warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    from plankg.graph.report.fonts import cjk_font
    font = cjk_font()
print(json.dumps([font, [type(w.message).__name__ for w in caught]]))
"""


def cache_name() -> str:
    return f"fontlist-v{font_manager.FontManager.__version__}.json"


def stale_cache(folder: Path, cjk: list[str]) -> Path:
    """matplotlib's font list as it was before the CJK fonts came: the current one without
    them, written where a process with MPLCONFIGDIR=folder reads its cache."""
    path = folder / cache_name()
    font_manager.json_dump(font_manager.fontManager, str(path))
    data = json.loads(path.read_text(encoding="utf-8"))
    data["ttflist"] = [f for f in data["ttflist"] if f["fname"] not in cjk]
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def run_charts(folder: Path) -> tuple[str | None, list[str]]:
    env = {**os.environ, "MPLCONFIGDIR": str(folder)}
    done = subprocess.run(
        [sys.executable, "-c", RUN], env=env, capture_output=True, text=True, check=True
    )
    font, warned = json.loads(done.stdout.strip().splitlines()[-1])
    return font, warned


def test_a_stale_font_cache_is_detected_and_rebuilt(tmp_path):
    cjk = cjk_font_files()
    known = {f.fname for f in font_manager.fontManager.ttflist}
    if not cjk or not set(cjk) & known:
        if os.environ.get("CI") == "true":
            pytest.fail("no CJK font installed (apt-get install fonts-noto-cjk)")
        pytest.skip("no CJK font installed (apt-get install fonts-noto-cjk)")
    cache = stale_cache(tmp_path, cjk)
    assert not any("CJK" in f["name"] for f in json.loads(cache.read_text())["ttflist"])
    font, warned = run_charts(tmp_path)
    assert font == "Noto Sans CJK SC"
    assert warned == ["FontCacheRebuilt"]
    assert any(f["name"] == "Noto Sans CJK SC" for f in json.loads(cache.read_text())["ttflist"])
    assert run_charts(tmp_path) == ("Noto Sans CJK SC", [])


def test_fontconfig_lists_the_cjk_files_matplotlib_reads():
    files = cjk_font_files()
    assert all(Path(f).suffix.lower() in (".ttf", ".otf", ".ttc") for f in files)
    assert files == sorted(set(files))
    assert Path(matplotlib.get_cachedir()).is_dir()
