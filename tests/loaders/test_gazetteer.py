"""Places named in a text: chains of division names, the longest name first, resolved by the
division written before them."""

from __future__ import annotations

import pytest
from plankg.loaders.gazetteer import MAX_NAME, divisions, places


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("北京市朝阳区", [(0, 6, "北京市朝阳区", "110105", 1)]),
        ("朝阳区", [(0, 3, "朝阳区", None, 2)]),  # Beijing's and Changchun's
        ("内蒙古自治区呼和浩特市", [(0, 11, "内蒙古自治区呼和浩特市", "150100", 1)]),
        ("关于在周口市开展", [(3, 6, "周口市", "411600", 1)]),  # 周口市, not 周口
        ("市", []),
        ("", []),
    ],
)
def test_places(text, expected):
    found = [
        (m.start, m.end, m.name, m.division.code if m.division else None, len(m.candidates))
        for m in places(text)
    ]
    assert found == expected


def test_every_name_of_two_to_twelve_characters_is_found():
    """Names are looked for by their first character and their lengths: each is found whole."""
    names = [n for n in divisions() if 1 < len(n) <= MAX_NAME]
    assert len(names) > 3000
    for name in names:
        assert [m.name for m in places(name)][:1] == [name]
