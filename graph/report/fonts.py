"""A font for the Chinese of the report's charts: the first installed family of
:data:`CJK_FONTS`. matplotlib keeps the fonts it knows in a cache built once; fonts installed
after it (``apt-get install fonts-noto-cjk``) stay unknown until the cache is rebuilt, so when
no CJK font is known but fontconfig lists some, the cache is refreshed (with a warning that
says so). With none at all, a warning says how to install one and labels fall back to boxes.
"""

from __future__ import annotations

import subprocess
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import matplotlib
from matplotlib import font_manager

CJK_FONTS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Noto Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Heiti SC",
    "AR PL UMing CN",
)
NO_CJK_FONT = (
    "no CJK font found for the report's charts; Chinese labels will show as boxes "
    "(install one, e.g. apt-get install fonts-noto-cjk)"
)
FONT_SUFFIXES = (".ttf", ".otf", ".ttc")


class NoCJKFontWarning(UserWarning):
    """Charts are drawn without a font for Chinese."""


class FontCacheRebuilt(UserWarning):
    """matplotlib's font cache missed installed CJK fonts; plankg added them and wrote it anew."""


@cache
def cjk_font() -> str | None:
    """The first installed family of :data:`CJK_FONTS`, or None (warned once). When none is
    known but fontconfig lists Chinese fonts matplotlib's cache has not seen (installed after
    the cache was built), the cache is refreshed first."""
    found = _known_cjk_font()
    if found is None and refresh_font_cache():
        found = _known_cjk_font()
    if found is None:
        warnings.warn(NO_CJK_FONT, NoCJKFontWarning, stacklevel=2)
    return found


def _known_cjk_font() -> str | None:
    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def cjk_font_files() -> list[str]:
    """The font files fontconfig says cover Chinese (``fc-list :lang=zh``); none without
    fontconfig."""
    try:
        listed = subprocess.run(
            ["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=60
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    files = {line.rsplit(":", 1)[0].strip() for line in listed.splitlines() if line.strip()}
    return sorted(f for f in files if Path(f).suffix.lower() in FONT_SUFFIXES)


def refresh_font_cache() -> int:
    """Add the CJK fonts matplotlib's font list lacks (a stale cache: fonts installed after it
    was built) and write the cache again, so later runs find them at once; how many were
    added."""
    manager = font_manager.fontManager
    known = {f.fname for f in manager.ttflist}
    added = [path for path in cjk_font_files() if path not in known and _added(manager, path)]
    if added:
        cache_file = Path(matplotlib.get_cachedir()) / (
            f"fontlist-v{font_manager.FontManager.__version__}.json"
        )
        font_manager.json_dump(manager, str(cache_file))
        warnings.warn(
            f"matplotlib's font cache did not know {len(added)} installed CJK font file(s); "
            f"added them and rebuilt {cache_file}",
            FontCacheRebuilt,
            stacklevel=3,
        )
    return len(added)


def _added(manager: font_manager.FontManager, path: str) -> bool:
    try:
        manager.addfont(path)
    except (OSError, RuntimeError, ValueError):
        return False
    return True


@contextmanager
def chart_style() -> Iterator[None]:
    font = cjk_font()
    families = [font, "DejaVu Sans"] if font else ["DejaVu Sans"]
    settings = {
        "font.family": "sans-serif",
        "font.sans-serif": families,
        "axes.unicode_minus": False,
        "svg.hashsalt": "plankg",
        "font.size": 9,
    }
    with matplotlib.rc_context(settings), warnings.catch_warnings():  # type: ignore[arg-type]
        if font is None:
            warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        yield
