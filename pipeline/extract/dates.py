"""Dates and periods in a report's text (DATES_GUIDE.md).

Absolute dates (2021年3月15日, 2021-03-15, 2021/03/29 11:30:01 → the date part), months (2021年3月),
years (2020年, 2020年度), ranges (2016—2020年, 2019年1月1日至2019年12月31日, 10月10—11日), parts of a
year (上半年, 前三季度) and relative words (今年, 去年, 明年 …, resolved against the report year).
Years in document numbers, in 《》 titles, in 索引号 and on banner/copyright lines are not dates;
durations (30天, 五年), recurrences (每年) and ordinals are never matched. Dates whose separators the
site dropped (20201月1日, 930日至1031日) are read when only one reading is a valid date.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from pipeline.extract import date_rules as R
from pipeline.extract.metadata import BANNER, _header_end, _lines, find_publish_date
from pipeline.extract.references import find_titles
from pipeline.normalize import to_simplified
from pipeline.patterns import YEAR
from pipeline.records import DateMention

_NOT_AFTER_DIGIT = r"(?<![0-9A-Za-z])"

# Each point pattern names its groups: y, m, d (any may be absent), and rel for relative words.
POINTS = [
    ("day", re.compile(rf"{_NOT_AFTER_DIGIT}(?P<y>{YEAR})\s*年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*日")),
    ("day", re.compile(rf"{_NOT_AFTER_DIGIT}(?P<y>{YEAR})(?P<sep>[-/.])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})(?![0-9]|\.\d)")),
    ("month", re.compile(rf"{_NOT_AFTER_DIGIT}(?P<y>{YEAR})\s*年\s*(?P<m>\d{{1,2}})\s*月(?:份)?")),
    # 2016年底: the year's last month
    ("month", re.compile(rf"{_NOT_AFTER_DIGIT}(?P<y>{YEAR})\s*年(?P<m_end>底)")),
    ("year", re.compile(rf"{_NOT_AFTER_DIGIT}(?P<y>{YEAR})\s*年(?:度)?")),
    # a month without its year, known as a date by the words around it (截至10月, 11月底, 6月以来)
    ("month", re.compile(
        rf"(?:(?<={R.MONTH_ALONE_BEFORE.replace('|', ')|(?<=')}))(?P<m>\d{{1,2}})月(?:{R.MONTH_ALONE_KEEP})?(?![0-9日号个])"
        rf"|(?<![0-9年月\-—~～.])(?P<m2>\d{{1,2}})月(?:{R.MONTH_ALONE_KEEP})?(?=(?:{R.MONTH_ALONE_AFTER})|(?<=底|初|末|份|旬))(?![0-9日号个])"
    )),
    ("day", re.compile(r"(?<![0-9年月])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")),
    # dropped characters: 20201月1日 (no 年), 202311日 (no 年 or 月)
    ("day", re.compile(rf"{_NOT_AFTER_DIGIT}(?P<y>{YEAR})(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日")),
    ("day", re.compile(rf"{_NOT_AFTER_DIGIT}(?P<y>{YEAR})(?P<md>\d{{2,4}})日")),
    # the first end of a range that leaves 日 (or 月) to the second: 10月10—11日, 930日至1031日
    ("day", re.compile(rf"(?<![0-9年月])(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})(?={R.RANGE_JOINERS}\d{{1,2}}\s*日)")),
    ("day", re.compile(rf"(?<![0-9年月])(?P<md>\d{{3,4}})日(?={R.RANGE_JOINERS}\d{{3,4}}日)")),
]
# A line that is only a year and month run together (20243): a date line that lost 年 and 月.
BARE_YEAR_MONTH = re.compile(rf"(?m)^[ \t]*(?P<y>{YEAR})(?P<m>\d{{1,2}})[ \t]*$")
YEAR_RANGE = re.compile(
    rf"{_NOT_AFTER_DIGIT}(?P<y1>{YEAR})\s*(?:年(?:度)?)?\s*(?:至|到|—{{1,2}}|–|－|-|~|～)\s*(?P<y2>{YEAR})(?:\s*年(?:度)?)?(?![0-9])"
)
RELATIVE = re.compile("|".join(sorted(map(re.escape, R.RELATIVE_YEARS), key=len, reverse=True)))
YEAR_PART = re.compile(
    rf"(?:(?P<y>{YEAR})\s*年(?:度)?)?(?P<part>" + "|".join(sorted((re.escape(p[0]) for p in R.YEAR_PARTS), key=len, reverse=True)) + ")"
)
PART_MONTHS = {p[0]: (p[1], p[2]) for p in R.YEAR_PARTS}
# The end of a range after its first point: (年)(月)(日), or a month-day that lost its 月 (1031日).
RANGE_TAIL = re.compile(
    rf"{R.RANGE_JOINERS}(?:(?P<md>\d{{3,4}})日|(?P<yx>{YEAR})(?:(?P<mx>\d{{1,2}})月(?P<dx>\d{{1,2}})日|(?P<mdx>\d{{2,4}})日)"
    rf"|(?:(?P<y>{YEAR})\s*年\s*)?(?:(?P<m>\d{{1,2}})\s*月\s*)?(?:(?P<d>\d{{1,2}})\s*日)?)"
)
MONTH_AFTER_RELATIVE = re.compile(r"\s*(?P<m>\d{1,2})\s*月(?:份)?(?:\s*(?P<d>\d{1,2})\s*日)?")


@dataclass
class _Found:
    start: int
    end: int
    first: date
    last: date
    granularity: str
    relative_offset: int | None = None  # for relative words


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _split_month_day(digits: str) -> tuple[int, int] | None:
    """The one (month, day) reading of digits that lost 月 (930 → 9-30), None if 0 or 2 readings."""
    readings = set()
    for i in (1, 2):
        if i < len(digits) and len(digits) - i <= 2:
            m, d = int(digits[:i]), int(digits[i:])
            if digits[i] != "0" or len(digits) - i == 2:
                if 1 <= m <= 12 and 1 <= d <= 31:
                    readings.add((m, d))
    return readings.pop() if len(readings) == 1 else None


def _span(y: int, m: int | None, d: int | None) -> tuple[date, date] | None:
    try:
        if m is None:
            return date(y, 1, 1), date(y, 12, 31)
        if d is None:
            return date(y, m, 1), _month_end(y, m)
        return date(y, m, d), date(y, m, d)
    except ValueError:
        return None


def _excluded_mask(text: str, exclude) -> list[bool]:
    mask = [False] * len(text)
    spans = find_titles(text)
    for pattern in R.EXCLUDED_SPANS:
        spans += [(m.start(), m.end()) for m in re.finditer(pattern, text)]
    for line in re.finditer(r"[^\n]+", text):
        if re.search(R.FURNITURE_LINES, line.group()):
            spans.append((line.start(), line.end()))
    for item in exclude or ():
        try:
            s, e = int(item[0]), int(item[1])
        except (TypeError, ValueError, IndexError):
            continue
        spans.append((max(0, s), min(len(text), e)))
    for s, e in spans:
        for i in range(s, e):
            mask[i] = True
    return mask


def _context_year(text: str, pos: int, found: list[_Found], report_year: int | None) -> int | None:
    """Year of a month-day without one: the last explicit date earlier on the same line, else the report year."""
    line_start = text.rfind("\n", 0, pos) + 1
    for f in reversed(found):
        if line_start <= f.start < pos and f.relative_offset is None and f.granularity in ("day", "month", "year"):
            return f.first.year
    return report_year


def extract_dates(text: str, report_year: int | None, exclude: list[tuple[int, int]] = (),
                  publish_span: tuple[int, int] | None = None) -> list[DateMention]:
    """Every date or period in `text`, in order, with offsets such that text[start:end] == raw.

    `publish_span` is where the metadata found the page's publish date (that mention gets the
    role publish_date); without it, the same rule is applied here."""
    text = text or ""
    mentions = _extract_dates(text, report_year if isinstance(report_year, int) else None, exclude)
    lines = _lines(to_simplified(text))
    header_end = _header_end(lines)
    if publish_span is None:
        _, start, end = find_publish_date(lines, header_end)
        publish_span = (start, end)
    mark_publish_date(mentions, *publish_span)
    if header_end < len(lines):  # a page whose body could be told from its header
        mark_header_dates(mentions, lines[:header_end])
    return mentions


def _extract_dates(text: str, report_year: int | None, exclude) -> list[DateMention]:
    mask = _excluded_mask(text, exclude)
    candidates: list[tuple[int, int, str, re.Match]] = []  # (start, end, kind, match)
    for granularity, pattern in POINTS:
        for m in pattern.finditer(text):
            candidates.append((m.start(), m.end(), granularity, m))
    for kind, pattern in (("year_range", YEAR_RANGE), ("relative", RELATIVE), ("year_part", YEAR_PART), ("bare_ym", BARE_YEAR_MONTH)):
        for m in pattern.finditer(text):
            s, e = (m.start("y"), m.end("m")) if kind == "bare_ym" else (m.start(), m.end())
            candidates.append((s, e, kind, m))
    # leftmost, then longest
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    found: list[_Found] = []
    taken_until = 0
    for start, end, kind, m in candidates:
        if start < taken_until or any(mask[start:end]) or start == end:
            continue
        item = _read(text, start, end, kind, m, found, report_year)
        if item is None:
            continue
        item = _extend_range(text, item, mask) if kind in ("day", "month") else item
        found.append(item)
        taken_until = item.end
    return [_mention(text, f, report_year) for f in found]


def _read(text, start, end, kind, m, found, report_year) -> _Found | None:
    g = m.groupdict()
    if kind == "year_range":
        y1, y2 = int(g["y1"]), int(g["y2"])
        if not (y1 < y2 <= y1 + 30):
            return None
        return _Found(start, end, date(y1, 1, 1), date(y2, 12, 31), "range")
    if kind == "relative":
        word = m.group()
        blockers = R.BARE_YEAR_BLOCKERS if word.startswith("年") else R.RELATIVE_BLOCKERS
        if start > 0 and text[start - 1] in blockers:
            return None
        if text[end : end + 1] in R.RELATIVE_TRAILING_BLOCKERS and text[end : end + 1]:
            return None
        if text[end : end + 1] and text[end : end + 1] in R.WORD_TRAILING_BLOCKERS.get(word, ""):
            return None
        if report_year is None:
            return None
        offset = R.RELATIVE_YEARS[word]
        y = report_year + offset
        tail = MONTH_AFTER_RELATIVE.match(text, end)
        if tail and word in ("今年", "去年", "明年", "上年", "本年"):
            span = _span(y, int(tail.group("m")), int(tail.group("d")) if tail.group("d") else None)
            if span:
                return _Found(start, tail.end(), span[0], span[1], "day" if tail.group("d") else "month", offset)
        return _Found(start, end, date(y, 1, 1), date(y, 12, 31), "year", offset)
    if kind == "year_part":
        y = int(g["y"]) if g.get("y") else report_year
        if y is None or (not g.get("y") and start > 0 and text[start - 1] in "0123456789"):
            return None
        first_m, last_m = PART_MONTHS[g["part"]]
        return _Found(start, end, date(y, first_m, 1), _month_end(y, last_m), "range", None if g.get("y") else 0)
    if kind == "bare_ym":
        span = _span(int(g["y"]), int(g["m"]), None)
        return _Found(start, end, span[0], span[1], "month") if span and 1 <= int(g["m"]) <= 12 else None
    # points
    y = int(g["y"]) if g.get("y") else _context_year(text, start, found, report_year)
    if y is None:
        return None
    if g.get("md"):
        md = _split_month_day(g["md"])
        if md is None:
            return None
        mo, d = md
    else:
        mo = int(g.get("m") or g.get("m2") or 0) or None
        if g.get("m_end"):
            mo = 12
        d = int(g["d"]) if g.get("d") else None
    span = _span(y, mo, d)
    if span is None:
        return None
    return _Found(start, end, span[0], span[1], kind)


def _extend_range(text: str, item: _Found, mask: list[bool]) -> _Found:
    """item 至/—/起至 another point (whose missing year or month comes from item)."""
    m = RANGE_TAIL.match(text, item.end)
    if not m or m.end() == m.start() or any(mask[item.end : m.end()]):
        return item
    g = m.groupdict()
    if g["md"] or g["mdx"]:
        md = _split_month_day(g["md"] or g["mdx"])
        if md is None:
            return item
        y, mo, d = int(g["yx"]) if g["yx"] else item.first.year, md[0], md[1]
    elif g["yx"]:
        y, mo, d = int(g["yx"]), int(g["mx"]), int(g["dx"])
    else:
        if not (g["y"] or g["m"] or g["d"]):
            return item
        if item.granularity == "day" and not g["d"]:
            return item
        if item.granularity == "month" and (g["d"] or not g["m"]):
            return item
        y = int(g["y"]) if g["y"] else item.first.year
        mo = int(g["m"]) if g["m"] else item.first.month
        d = int(g["d"]) if g["d"] else None
    span = _span(y, mo, d)
    if span is None or span[1] < item.first:
        return item
    end = m.end()
    return _Found(item.start, end, item.first, span[1], "range")


def _mention(text: str, f: _Found, report_year: int | None) -> DateMention:
    raw = text[f.start : f.end]
    whole_year = f.first.month == 1 and f.first.day == 1 and f.last.month == 12 and f.last.day == 31 and f.first.year == f.last.year
    if re.match(R.DEADLINE_AFTER, text[f.end : f.end + 3]):
        role = "deadline"
    elif report_year is not None and whole_year and f.first.year == report_year:
        role = "report_period"
    else:
        role = "mention"
    return DateMention(raw, f.first.isoformat(), f.last.isoformat(), f.granularity, role, f.start, f.end)


def mark_header_dates(mentions: list[DateMention], header: list) -> None:
    """The page header's own dates (发布日期, 成文日期, 生成日期 fields, the date under the title) are
    the page's publication dates too; a banner's (今天是…星期三) is not."""
    for line in header:
        if BANNER.search(line.text):
            continue
        for mention in mentions:
            if mention.granularity == "day" and line.start <= mention.start and mention.end <= line.end:
                mention.role = "publish_date"


def mark_publish_date(mentions: list[DateMention], start: int, end: int) -> None:
    """Give role publish_date to the mention at the page's publication-date span (from metadata)."""
    for mention in mentions:
        if mention.start == start and mention.end == end:
            mention.role = "publish_date"
