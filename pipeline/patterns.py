"""Character classes and year shapes shared by the extractors (one definition each).

`HAN` is the body of a regex character class (use it as `[{HAN}]`); `is_han` tests one
character against the same set. `YEAR` is the year a report names; `YEAR_SHAPE` is the wider
four-digit shape for places where the position already says "year" and the caller checks the
range itself (〔2020〕 in a document number).
"""
from __future__ import annotations

import re

# Chinese characters: CJK Unified Ideographs, Extension A, the compatibility ideographs, the
# supplementary ideograph planes (rare characters in place and person names: 㽘, 𬌗), and 〇,
# the ideographic zero of written years (二〇二一年).
HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff〇"
_HAN_CHAR = re.compile(f"[{HAN}]")


def is_han(ch: str) -> bool:
    """Is `ch` a single Chinese character (False for '' and for longer strings)?"""
    return len(ch) == 1 and _HAN_CHAR.match(ch) is not None


# A year a report names: 1950–2049 (older years are history, not the report's dates or year;
# a four-digit number past 2049 is a count, not a year).
YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
# A year-shaped number (1900–2099) where the text around it already says it is a year
# (〔2020〕, (2020), 2020年 inside a title) and the caller checks the range if it matters.
YEAR_SHAPE = r"(?:19|20)\d\d"
