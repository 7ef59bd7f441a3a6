"""Cited titles (《…》): where they are, what kind of document they name, and their number.

`find_titles` matches 《 with 》 the way a reader does: titles nested inside a title
(《关于印发《X办法》的通知》, or with 〈〉 / <>) belong to the outer one, and a bracket left
open by a copy slip does not swallow the text after it. `pair_titles` links a title to the
document number written with it (《…》(X发〔2020〕1号) or X发〔2020〕1号《…》); document
numbers use it to fill `cited_title`. The keyword -> kind rules are data in
`pipeline.extract.reference_rules`.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from pipeline.extract import reference_rules as R
from pipeline.extract.docnum_rules import NUMBER_TITLE_LINKS
from pipeline.normalize import to_simplified
from pipeline.patterns import YEAR_SHAPE
from pipeline.records import DocNumber, Reference

_OPEN_TITLE, _CLOSE_TITLE = "《", "》"
_TITLE_MARKS = re.compile(f"[{_OPEN_TITLE}{_CLOSE_TITLE}]")
# A title longer than this is an unmatched bracket, not a title.
_MAX_TITLE_LEN = 300
# The parenthesized group right after a title that holds its number: (X发〔2020〕1号,以下简称…)
_GROUP_OPEN, _GROUP_CLOSE = "(（[［", ")）]］"
_MAX_GROUP_LEN = 200
_TRAILING_PARENTHETICAL = re.compile(r"[(（][^()（）]{0,30}[)）]\s*$")
# A period left after a lost bracket: 纲要2021-2025年) / 纲要(2021-2025年
_TRAILING_PERIOD = re.compile(rf"[(（]?{YEAR_SHAPE}\s*(?:年|年度)?\s*(?:[-—–~至到]+\s*\d{{0,4}}\s*年?)?[)）]?\s*$")
_TRAILING_MARKS = re.compile(r"[》>〉＞\"”’'」』\s]+$")


def find_titles(text: str) -> list[tuple[int, int]]:
    """(start, end) of every outermost 《…》 title; start at 《, end after 》."""
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for mark in _TITLE_MARKS.finditer(text):  # only the brackets, not every character
        i, ch = mark.start(), mark.group()
        if ch == _OPEN_TITLE:
            stack.append(i)
        elif ch == _CLOSE_TITLE and stack:
            start = stack.pop()
            if i + 1 - start <= _MAX_TITLE_LEN:
                pairs.append((start, i + 1))
    # Keep the outermost: a pair inside another matched pair is part of that title.
    pairs.sort(key=lambda p: (p[0], -p[1]))
    outer: list[tuple[int, int]] = []
    for start, end in pairs:
        if outer and start < outer[-1][1]:
            continue
        outer.append((start, end))
    return outer


def title_text(text: str, start: int, end: int) -> str:
    """The title between 《 and 》, with line-wrap breaks removed."""
    inner = text[start + 1 : end - 1]
    inner = re.sub(r"\s*\n\s*", "", inner)
    return inner.strip()


def _group_after(text: str, pos: int) -> tuple[int, int] | None:
    """The parenthesized group starting at `pos` (after optional whitespace), if any."""
    i = pos
    while i < len(text) and i - pos < 3 and text[i] in " \n":
        i += 1
    if i >= len(text) or text[i] not in _GROUP_OPEN:
        return None
    depth = 0
    for j in range(i, min(len(text), i + _MAX_GROUP_LEN)):
        ch = text[j]
        if ch in _GROUP_OPEN:
            depth += 1
        elif ch in _GROUP_CLOSE:
            depth -= 1
            if depth == 0:
                return (i, j + 1)
        elif ch in "《。":  # a group never runs into the next title or sentence
            return (i, j)
    return (i, min(len(text), i + _MAX_GROUP_LEN))


def pair_titles(
    text: str, titles: Sequence[tuple[int, int]], numbers: Sequence[tuple[int, int]]
) -> dict[int, int]:
    """Map number index -> title index for the numbers written with a title."""
    paired: dict[int, int] = {}
    order = sorted(range(len(numbers)), key=lambda k: numbers[k][0])
    starts = [numbers[k][0] for k in order]
    # Title then its number: 《…》(X〔2020〕1号…) or 《…》 X〔2020〕1号.
    for t_idx, (t_start, t_end) in enumerate(titles):
        j = t_end
        while j < len(text) and j - t_end < 3 and text[j] in " \n":
            j += 1
        group = _group_after(text, t_end)
        lo, hi = (group[0] + 1, group[1]) if group else (j, j + 1)
        for pos in range(bisect.bisect_left(starts, min(lo, j)), len(starts)):
            k = order[pos]
            n_start, n_end = numbers[k]
            if n_start >= max(hi, j + 1):
                break
            if k in paired:
                continue
            if (group and group[0] < n_start and n_end <= group[1]) or n_start == j:
                paired[k] = t_idx
    # Number then its title: X〔2020〕1号《…》, X〔2020〕1号印发《…》.
    title_at = {start: idx for idx, (start, _) in enumerate(titles)}
    for k in order:
        if k in paired:
            continue
        n_end = numbers[k][1]
        rest = text[n_end : n_end + 8]
        for link in NUMBER_TITLE_LINKS:
            if not rest.startswith(link):
                continue
            j = n_end + len(link)
            while j < len(text) and j - n_end - len(link) < 2 and text[j] == " ":
                j += 1
            if j in title_at:
                paired[k] = title_at[j]
                break
    return paired


def _strip_qualifiers(title: str) -> str:
    """Set aside trailing parentheticals: 办法(试行) -> 办法, 纲要(2015-2020年) -> 纲要."""
    title = title.strip()
    for _ in range(4):
        stripped = _TRAILING_MARKS.sub("", title)
        stripped = _TRAILING_PARENTHETICAL.sub("", stripped).strip()
        stripped = _TRAILING_PERIOD.sub("", stripped).strip()
        if stripped == title or not stripped:
            break
        title = stripped
    for q in R.TRAILING_QUALIFIERS:
        if title.endswith(q) and len(title) > len(q):
            title = title[: -len(q)]
    return title


_SUFFIXES_LONGEST_FIRST = sorted(R.KIND_BY_SUFFIX, key=len, reverse=True)


def classify_title(title: str, number: str = "") -> str:
    """The kind of document a cited title names (law, regulation, normative_document, plan, other)."""
    head = _strip_qualifiers(to_simplified(title))
    kind = ""
    for suffix in _SUFFIXES_LONGEST_FIRST:
        if head.endswith(suffix):
            if suffix == "法" and head.endswith(R.NOT_LAW_SUFFIXES):
                continue
            kind = R.KIND_BY_SUFFIX[suffix]
            # 办法 ends with 法 but is longer, so it wins before 法 in the longest-first order.
            if kind == R.NORMATIVE and head.endswith(R.REGULATION_UPGRADE_SUFFIXES):
                simple_number = to_simplified(number)
                if any(m in simple_number for m in R.ORDER_MARKERS) or head.startswith(R.REGULATION_ISSUERS):
                    kind = R.REGULATION
            break
    if kind:
        return kind
    simple_number = to_simplified(number)
    if simple_number:
        if any(m in simple_number for m in R.ORDER_MARKERS):
            return R.REGULATION
        return R.NORMATIVE
    return R.OTHER


def extract_references(text: str, doc_numbers: list[DocNumber]) -> list[Reference]:
    """Every 《…》 cited title with its kind and the number written with it."""
    doc_numbers = doc_numbers or []
    titles = find_titles(text)
    spans = [(n.start, n.end) for n in doc_numbers]
    paired = pair_titles(text, titles, spans)
    first_number: dict[int, str] = {}
    for k in sorted(paired, key=lambda k: spans[k][0]):
        first_number.setdefault(paired[k], doc_numbers[k].number)
    refs = []
    for t_idx, (start, end) in enumerate(titles):
        title = title_text(text, start, end)
        if not title:
            continue
        number = first_number.get(t_idx, "")
        refs.append(Reference(title=title, kind=classify_title(title, number), number=number, start=start, end=end))
    return refs
