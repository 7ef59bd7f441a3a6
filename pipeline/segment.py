"""Headings, the section tree, and sentences.

`segment` reads a report the way a person does: it finds every numbered heading at a line start
(一、 （一） 1. （1） ① 第一部分) and every enumerator that opens a sentence (一是 二是 …), gives
each numbering style a level in the order the reader first meets it, and keeps a numbering only
where it counts on from its predecessor (so table rows, years and amounts at a line start are not
taken for headings). The rules data live in `pipeline.segment_rules`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline import segment_rules as R
from pipeline.numerals import chinese_to_int
from pipeline.records import Section, Sentence

# A sentence ends at 。！？； (full or half width) or at a line break; closing quotes and
# brackets that follow the stop stay with the sentence.
_SENTENCE_END = re.compile(r"[。！？；!?;]+[”’」』)）]*|\n+")


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences with offsets; blank stretches are skipped."""
    sentences: list[Sentence] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end() if m.group()[0] != "\n" else m.start()
        _append_trimmed(text, pos, end, sentences)
        pos = m.end()
    _append_trimmed(text, pos, len(text), sentences)
    return sentences


def _append_trimmed(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end))


# --------------------------------------------------------------------------- headings

_LINE_MARKERS = [(style, re.compile(pattern)) for style, pattern in R.LINE_MARKERS]
_INLINE_ENUM = re.compile(R.INLINE_ENUM)
_NUMERIC_LINE = re.compile(rf"{R.NUMERIC_CELL}")
_TRAILING_NUMBERS = re.compile(R.TRAILING_NUMBER_CELLS)
_ATTACHMENT_LINE = re.compile(R.ATTACHMENT_LINE)
_MARKER_FIRST_CHARS = set("第(（一二三四五六七八九十0123456789" + R.CIRCLED)
_CATEGORY_RULES = [(cat, [re.compile(k) for k in keys]) for cat, keys in R.CATEGORY_KEYWORDS]
_LEAD_IN_RULES = [(cat, re.compile(pattern)) for cat, pattern in R.LEAD_IN_KEYWORDS]


@dataclass
class _Candidate:
    style: str
    value: int
    start: int  # marker start
    marker_end: int
    line_start: bool
    glued: bool = False  # inline enumerator with no sentence stop before it
    soft: bool = False  # after a space or full stop inside a line (a lost line break)


def cn_ordinal(s: str) -> int:
    """一 -> 1, 十二 -> 12, 二十三 -> 23, ① -> 1, '7' -> 7; 0 when unreadable."""
    if not s:
        return 0
    if s.isdigit() and s.isascii():
        return int(s)
    if len(s) == 1 and s in R.CIRCLED:
        return R.CIRCLED.index(s) + 1
    return chinese_to_int(s) or 0


def segment(text: str, heading_hints: list[tuple[int, int, int]] | tuple = ()) -> list[Section]:
    """The heading tree of `text` (normalized), sections numbered 1.. in text order."""
    if not isinstance(text, str) or not text:
        return []
    hinted_lines = _hinted_line_starts(text, heading_hints)
    candidates = _line_candidates(text) + _inline_candidates(text)
    candidates.sort(key=lambda c: c.start)
    candidates = _dedupe(candidates)
    return _build_tree(text, candidates, hinted_lines, _attachment_starts(text))


def _attachment_starts(text: str) -> list[int]:
    starts = []
    pos = 0
    while pos < len(text):
        eol = text.find("\n", pos)
        eol = len(text) if eol < 0 else eol
        if text.startswith("附件", pos) and _ATTACHMENT_LINE.fullmatch(text, pos, eol):
            starts.append(pos)
        pos = eol + 1
    return starts


def _hinted_line_starts(text: str, hints) -> set[int]:
    starts: set[int] = set()
    try:
        for hint in hints or ():
            s = int(hint[0])
            if 0 <= s < len(text):
                starts.add(text.rfind("\n", 0, s) + 1)
    except (TypeError, ValueError, IndexError):
        pass
    return starts


def _line_candidates(text: str) -> list[_Candidate]:
    """Markers at a line start, and (soft) after a space or full stop where a page lost its
    line breaks."""
    out: list[_Candidate] = []
    pos = 0
    n = len(text)
    while pos < n:
        eol = text.find("\n", pos)
        if eol < 0:
            eol = n
        ls = pos
        while ls < eol and text[ls] in R.LINE_LEAD:
            ls += 1
        c = _marker_at(text, ls, eol, soft=False)
        if c:
            out.append(c)
        for i in range(ls + 1, eol):
            if text[i - 1] in R.SOFT_LINE_BREAK_BEFORE and text[i] in _MARKER_FIRST_CHARS:
                c = _marker_at(text, i, eol, soft=True)
                if c and c.style not in R.ENUM_STYLES:
                    out.append(c)
        pos = eol + 1
    return out


def line_marker(line: str) -> re.Match | None:
    """The heading marker `line` opens with, after any spaces (一、 （二） 3. 第一部分 一是), or None."""
    at = len(line) - len(line.lstrip())
    for _, rx in _LINE_MARKERS:
        m = rx.match(line, at)
        if m:
            return m
    return None


def _marker_at(text: str, at: int, eol: int, soft: bool) -> _Candidate | None:
    for style, rx in _LINE_MARKERS:
        m = rx.match(text, at, eol)
        if m:
            value = cn_ordinal(m.group("num"))
            if value > 0 and not _is_table_row(text, m.end(), eol, soft):
                return _Candidate(style, value, at, m.end(), True, soft=soft)
            return None
    return None


def _inline_candidates(text: str) -> list[_Candidate]:
    """一是/（一）是 inside a paragraph, at a sentence start (or glued on, see the rules)."""
    out: list[_Candidate] = []
    for m in _INLINE_ENUM.finditer(text):
        s = m.start()
        if s == 0 or text[s - 1] == "\n":
            continue  # a line start: found by _line_candidates
        num = m.group("pnum") or m.group("num")
        value = cn_ordinal(num)
        if value <= 0:
            continue
        if text[s - 1] in R.INLINE_ENUM_AFTER:
            out.append(_Candidate("enum", value, s, m.end(), False))
        elif m.group("num") and len(num) == 1:
            out.append(_Candidate("enum", value, s, m.end(), False, glued=True))
    return _keep_counting_glued(text, out)


def _keep_counting_glued(text: str, enums: list[_Candidate]) -> list[_Candidate]:
    """A glued enumerator (…会议4次二是组织…) counts only inside a running enumeration:
    its predecessor or its successor is in the same paragraph, nearby."""
    kept: list[_Candidate] = []
    for i, c in enumerate(enums):
        if not c.glued:
            kept.append(c)
            continue
        para_start = text.rfind("\n", 0, c.start) + 1
        para_end = text.find("\n", c.start)
        para_end = len(text) if para_end < 0 else para_end
        near = [
            o for o in enums
            if o is not c and para_start <= o.start < para_end
            and abs(o.start - c.start) <= R.INLINE_ENUM_GLUED_MAX_GAP
            and o.value in (c.value - 1, c.value + 1)
        ]
        # …or the first item glued onto a heading line, with the list going on after it
        if near or (c.value == 1 and _line_has_enum_after(text, c, enums, para_end)):
            kept.append(c)
    return kept


def _line_has_enum_after(text: str, c: _Candidate, enums: list[_Candidate], para_end: int) -> bool:
    return any(o.value == 2 and c.start < o.start for o in enums if o.start < para_end + R.INLINE_ENUM_GLUED_MAX_GAP)


def _is_table_row(text: str, marker_end: int, eol: int, soft: bool) -> bool:
    if soft:  # the line is a run of several; judge by what follows this marker's heading
        stop = marker_end
        while stop < eol and text[stop] not in R.HEADING_STOP:
            stop += 1
        eol = min(eol, stop + 3)
    rest = text[marker_end:eol]
    if any(sep in rest for sep in R.TABLE_CELL_SEPARATORS):
        return True
    if _TRAILING_NUMBERS.search(rest):
        return True
    label = rest.strip(R.MARKER_TRAIL).replace(" ", "")
    cut_by_end = eol >= len(text)  # an excerpt may end mid-label (…4.保护第)
    if (len(label) >= R.DISCLOSURE_ROW_MIN_PREFIX or (label and cut_by_end)) and any(
        row.startswith(label) or label.startswith(row) for row in R.DISCLOSURE_TABLE_ROWS
    ):
        return True
    # a cell-per-line table: the next non-empty line holds only numbers
    nxt = eol + 1
    while nxt < len(text) and text[nxt] == "\n":
        nxt += 1
    end = text.find("\n", nxt)
    line = text[nxt: len(text) if end < 0 else end].strip()
    return bool(line) and _NUMERIC_LINE.fullmatch(line) is not None and bool(label) and len(label) < 40


def _dedupe(cands: list[_Candidate]) -> list[_Candidate]:
    out: list[_Candidate] = []
    for c in cands:
        if out and c.start < out[-1].marker_end:
            continue
        out.append(c)
    return out


@dataclass
class _Open:
    style: str
    value: int
    index: int  # into the accepted list
    inline: bool = False  # an enumerator inside a paragraph


def _build_tree(text: str, cands: list[_Candidate], hinted_lines: set[int], resets: list[int] = ()) -> list[Section]:
    accepted: list[tuple[_Candidate, int, int | None]] = []  # candidate, level, parent index
    stack: list[_Open] = []
    resets = list(resets)
    for k, c in enumerate(cands):
        while resets and resets[0] <= c.start:  # an attachment: numbering starts afresh
            resets.pop(0)
            stack = []
        if not text[c.marker_end:].strip(R.MARKER_TRAIL + "\n"):
            continue  # a bare marker where the text is cut off
        hinted = c.line_start and c.start in hinted_lines
        pos = next((i for i, o in enumerate(stack) if o.style == c.style), None)
        if c.style in R.ENUM_STYLES or hinted:
            ok = True
        elif pos is not None:
            current = stack[pos].value
            ok = c.value == current + 1 or (not c.soft and current < c.value <= current + 3)
        else:  # a new style opens a level: it starts at 1, or the next one counts on from it,
            # or (a page that lost its first item) the whole line reads as a heading
            ok = c.value == 1 or _continued(cands, k) or _heading_line(text, c)
        if not ok:
            continue
        if pos is not None:
            del stack[pos:]
        elif c.style not in R.ENUM_STYLES:
            while stack and stack[-1].inline:  # an item inside a paragraph holds no headings
                stack.pop()
        parent = stack[-1].index if stack else None
        accepted.append((c, len(stack) + 1, parent))
        stack.append(_Open(c.style, c.value, len(accepted) - 1, inline=not c.line_start))

    sections: list[Section] = []
    for i, (c, level, parent) in enumerate(accepted):
        next_start = accepted[i + 1][0].start if i + 1 < len(accepted) else len(text)
        h_start, h_end = _heading_span(text, c, next_start)
        end = len(text)
        for later, later_level, _ in accepted[i + 1:]:
            if later_level <= level:
                end = later.start
                break
        sections.append(Section(
            section_id=i + 1,
            parent_section_id=None if parent is None else parent + 1,
            level=level,
            marker=text[c.start:c.marker_end],
            heading=text[h_start:h_end],
            category=R.DEFAULT_CATEGORY,
            start=c.start,
            end=end,
            heading_end=h_end,
        ))
    _assign_categories(text, sections, accepted)
    return sections


def _heading_line(text: str, c: _Candidate) -> bool:
    """A hard line start whose line is one short heading, with no stop in it."""
    if c.soft or c.value > R.FIRST_ITEM_MAX_VALUE:
        return False
    eol = text.find("\n", c.marker_end)
    eol = len(text) if eol < 0 else eol
    line = text[c.marker_end:eol].strip(R.MARKER_TRAIL)
    return 0 < len(line) <= R.HEADING_MAX_CHARS_NEXT_LINE and not any(ch in R.HEADING_STOP for ch in line)


def _continued(cands: list[_Candidate], k: int) -> bool:
    """The next marker of this style counts on from candidate k (出台背景 二、… 三、…)."""
    c = cands[k]
    nxt = next((o for o in cands[k + 1:] if o.style == c.style), None)
    return nxt is not None and nxt.value == c.value + 1


def _heading_span(text: str, c: _Candidate, limit: int) -> tuple[int, int]:
    """From after the marker to the first stop (。！？；: or line end), never past `limit`.
    A marker alone at the end of its line takes the next line as its heading."""
    s = c.marker_end
    while s < limit and text[s] in R.MARKER_TRAIL:
        s += 1
    if c.line_start and s < limit and text[s] == "\n":
        # the marker stands alone: the next line is its heading if it reads like one
        # (ends without a stop, and is short), else the heading is empty
        ns, ne = _span_to_stop(text, s + 1, limit)
        if text[ne:ne + 1] in ("\n", "") and ne - ns <= R.HEADING_MAX_CHARS_NEXT_LINE:
            return ns, ne
        return s, s
    return _span_to_stop(text, s, limit)


def _span_to_stop(text: str, s: int, limit: int) -> tuple[int, int]:
    e = s
    while e < limit and text[e] not in R.HEADING_STOP:
        if text[e] in R.HEADING_SPACE and e > s and not (text[e - 1].isascii() and text[e - 1].isalnum()):
            break
        e += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def heading_category(heading: str) -> str | None:
    """The category a heading's own words point to, or None."""
    best: tuple[int, int, str] | None = None
    for rank, (cat, rules) in enumerate(_CATEGORY_RULES):
        for rx in rules:
            m = rx.search(heading)
            if m and (best is None or (m.start(), rank) < best[:2]):
                best = (m.start(), rank, cat)
    return best[2] if best else None


def _assign_categories(text: str, sections: list[Section], accepted: list[tuple[_Candidate, int, int | None]]) -> None:
    """Own keywords first; an enumeration item takes its run's lead-in sentence's signal
    (…主要存在以下几个方面的问题。一是… / 我们将从以下几个方面改进:一是…), else its parent's."""
    by_id = {s.section_id: s for s in sections}
    run_category: dict[int | None, str | None] = {}  # parent id -> category of the current run
    for s, (c, _, _) in zip(sections, accepted):
        parent = by_id.get(s.parent_section_id) if s.parent_section_id else None
        inherited = parent.category if parent else R.DEFAULT_CATEGORY
        if c.style in R.CATEGORY_INHERIT_ONLY_STYLES:
            if c.value == 1 or s.parent_section_id not in run_category:
                run_category[s.parent_section_id] = (
                    _lead_in_category(text, s.start, parent) if inherited in R.LEAD_IN_OVERRIDABLE else None
                )
            s.category = run_category[s.parent_section_id] or inherited
        else:
            own = heading_category(s.heading)
            allowed = R.CATEGORY_CHILD_MAY_OVERRIDE.get(inherited) if parent else None
            s.category = own if own and (allowed is None or own in allowed) else inherited
            if parent is None and not own:
                # a report organised by topic (一、加强党的领导…) states its measures until it
                # turns to shortcomings, duties or plans: untitled top parts before that are achievements
                reached_later_part = any(p.parent_section_id is None and p.category in R.PARTS_AFTER_ACHIEVEMENTS
                                         for p in sections[: sections.index(s)])
                s.category = R.DEFAULT_CATEGORY if reached_later_part else "achievements"


def _lead_in_category(text: str, start: int, parent: Section | None) -> str | None:
    """The category signalled by the sentence just before `start`, inside the parent's body."""
    floor = parent.heading_end if parent else 0
    stretch = text[floor:start].rstrip()
    if not stretch:
        return None
    # the last sentence: back to the previous stop (its own final stop excluded)
    body = stretch[:-1] if stretch[-1] in R.HEADING_STOP else stretch
    cut = max(body.rfind(ch) for ch in R.HEADING_STOP)
    sentence = body[cut + 1:]
    for category, rx in _LEAD_IN_RULES:
        if rx.search(sentence):
            return category
    return None
