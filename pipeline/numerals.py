"""Chinese numerals, read by cn2an: the tables of their characters, and their values."""
from __future__ import annotations

import cn2an

from pipeline.normalize import to_simplified

# Chinese digits and their values (simplified and traditional forms).
DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
# Positional multipliers below 万.
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
# Section multipliers (also written after Arabic digits: 1.7万条, 36.43萬人次).
BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}


def chinese_to_number(s: str) -> float | None:
    """Value of a Chinese numeral (二十二 -> 22, 两 -> 2, 一万二千 -> 12000, 三万五 -> 35000,
    九十五点五 -> 95.5, 三萬 -> 30000); None when the string is not a well-formed numeral.

    Two readings differ from cn2an's on purpose: a run of bare digits (二〇二〇 is a year, 三四 a
    guess between 3 and 4) is not a number, and a unit with no digit before it (万余人, 百余个) is one.
    """
    if not s:
        return None
    if len(s) > 1 and all(c in DIGITS for c in s):
        return None
    if s[0] in BIG_UNITS or (s[0] in SMALL_UNITS and s[0] not in "十拾"):
        s = "一" + s
    try:
        return float(cn2an.cn2an(to_simplified(s), "normal"))
    except (ValueError, KeyError):  # cn2an's ways of saying "not a numeral"
        return None


def chinese_to_int(s: str) -> int | None:
    """chinese_to_number for whole numbers (ordinals, serials): 十二 -> 12; None otherwise."""
    value = chinese_to_number(s)
    return int(value) if value is not None and value == int(value) else None
