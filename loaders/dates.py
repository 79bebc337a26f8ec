"""Dates as plans and portals write them: 2022年4月6日, 2022-04-06, 2022/4/6, 二〇二二年四月六日,
二OO八年十二月十日 (a Latin O for zero), 一二年一月十二日 (the century left out), 2022年1221 (the
separators lost), and 1652925292000 (a portal's milliseconds since 1970, China time)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from plankg.loaders.patterns import regex, table

CHINA_TIME = timedelta(hours=8)


def find_date(text: str) -> date | None:
    """The first date written in ``text`` that is a real calendar date."""
    for pattern in ("date", "date_numeric", "date_compact", "date_chinese", "date_millis"):
        for m in regex("dates", pattern).finditer(text):
            found = _date_of(pattern, m)
            if found is not None:
                return found
    return None


def _date_of(pattern: str, m: re.Match[str]) -> date | None:
    if pattern == "date_millis":
        moment = datetime.fromtimestamp(int(m["millis"]) / 1000, UTC) + CHINA_TIME
        return moment.date()
    if pattern == "date_chinese":
        year = _chinese_digits(m["year"])
        year += 2000 if year < 100 else 0
        return _valid(year, chinese_count(m["month"]), chinese_count(m["day"]))
    return _valid(int(m["year"]), int(m["month"]), int(m["day"]))


def _valid(year: int, month: int, day: int) -> date | None:
    if not 1949 <= year <= 2100:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _chinese_digits(text: str) -> int:
    """二〇二二 → 2022, 二OO八 → 2008: digit by digit."""
    digits = table("dates", "digits")
    return int("".join(str(digits[c]) for c in text))


def chinese_count(text: str) -> int:
    """十二 → 12, 七 → 7, 二十一 → 21 (months and days)."""
    digits: dict[str, int] = table("dates", "digits")
    if "十" not in text:
        return digits[text]
    tens, _, units = text.partition("十")
    return (digits[tens] if tens else 1) * 10 + (digits[units] if units else 0)
