"""Document numbers (发文字号) and order numbers (令) in a report's normalized text.

A number is found from its most reliable part, the year and serial (〔2020〕103号, or the
digits a site left when it dropped the brackets: 〔202130号, 20223号), and its issuer code is
then read leftwards, character by character, until something that cannot be part of a code:
punctuation, a space, or a word that precedes codes in running text (根据, 印发, 和, 的 …, see
`docnum_rules`). Order numbers (国务院令第711号, 省政府第3号令, …公告第39号) are read the same
way from the 令/公告 keyword back to the ordering body, whose name must end like one.

Two views of the text make this robust without losing offsets: pinyin that mirror sites insert
after rare characters (發(fā), 號(hào)) is skipped, and traditional characters are matched
through a simplified shadow, while `raw` and `number` keep the characters as written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract import docnum_rules as R
from pipeline.extract.references import find_titles, pair_titles, title_text
from pipeline.normalize import to_simplified
from pipeline.numerals import chinese_to_int
from pipeline.patterns import HAN, YEAR_SHAPE, is_han
from pipeline.records import DocNumber

_TONE_MARKED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
# (fā) after a character: only syllables with a tone mark, so that (a) or (i) lists stay.
_PINYIN_INSERT = re.compile(
    rf"(?<=[{HAN}])\((?=[a-z]*[{_TONE_MARKED}])[a-z{_TONE_MARKED}]{{1,7}}\)", re.IGNORECASE
)

_OPEN = re.escape(R.OPEN_BRACKETS)
_CLOSE = re.escape(R.CLOSE_BRACKETS)
_WS = r"[ \n]"
# Year and serial of a bracketed number, also with one or both brackets or 号 dropped.
_TAIL = re.compile(
    rf"(?P<open>[{_OPEN}])?{_WS}?(?<!\d)(?P<year>{YEAR_SHAPE})(?P<close>{_WS}?[{_CLOSE}])?{_WS}?"
    rf"(?P<di>第)?(?P<serial>\d{{1,6}})(?!\d)(?P<hao>{_WS}?[{R.HAO}])?"
)
_SERIAL = rf"(?:\d{{1,5}}|[{R.CHINESE_DIGITS}]{{1,6}})"
_ORDER_KW = "|".join(map(re.escape, R.ORDER_KEYWORDS))
# 国务院令第711号, 贵州省人民政府令116号, 广西壮族自治区人民政府令2016年第116号, …公告第39号
_ORDER = re.compile(
    rf"(?P<kw>{_ORDER_KW}){_WS}{{0,2}}(?:(?P<year>{YEAR_SHAPE})年)?{_WS}{{0,2}}(?P<di>第)?{_WS}{{0,2}}"
    rf"(?P<serial>{_SERIAL}){_WS}?(?P<hao>[{R.HAO}])"
)
# 省政府第3号令, 省政府2018年第3号令
_ORDER_AFTER = re.compile(rf"(?:(?P<year>{YEAR_SHAPE})年)?第(?P<serial>{_SERIAL})(?P<hao>[{R.HAO}])(?P<kw>令)")

_BOUNDARIES = tuple(to_simplified(w) for w in R.BOUNDARY_WORDS)
_ORGAN_BOUNDARIES = _BOUNDARIES + R.ORGAN_PREFIX_WORDS


@dataclass
class _View:
    """The text without inserted pinyin (`clean`), its simplified shadow, and offsets back."""

    text: str
    clean: str
    shadow: str
    index: list[int] | None  # clean position -> text position; None when clean is text

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Text offsets of clean[start:end] (end exclusive, inserted pinyin inside kept)."""
        if self.index is None:
            return start, end
        return self.index[start], self.index[end - 1] + 1


def _make_view(text: str) -> _View:
    inserts = list(_PINYIN_INSERT.finditer(text))
    if not inserts:
        return _View(text, text, to_simplified(text), None)
    parts, index, pos = [], [], 0
    for m in inserts:
        parts.append(text[pos : m.start()])
        index.extend(range(pos, m.start()))
        pos = m.end()
    parts.append(text[pos:])
    index.extend(range(pos, len(text)))
    clean = "".join(parts)
    return _View(text, clean, to_simplified(clean), index)


def _inside_protected_name(shadow: str, i: int) -> bool:
    """Whether position `i` falls inside a name that holds a boundary word (中华人民共和国)."""
    for name in R.NAMES_WITH_BOUNDARY_WORDS:
        for k in range(1, len(name)):
            if shadow.startswith(name, i - k) and i - k >= 0:
                return True
    return False


def _scan_code_start(shadow: str, end: int, max_len: int, boundaries: tuple[str, ...]) -> int:
    """Leftmost start of the run of code characters ending at `end`."""
    i = end
    while i > 0 and end - i < max_len:
        ch = shadow[i - 1]
        if not is_han(ch):
            break
        if shadow.endswith(boundaries, 0, i) and not _inside_protected_name(shadow, i):
            break
        # …1日常州市人民政府令: a date's 年/月/日 right before the name is not part of it.
        if ch in R.DATE_SUFFIX_CHARS and i >= 2 and shadow[i - 2].isdigit():
            break
        i -= 1
    return i


def _skip_space_left(shadow: str, pos: int, limit: int = 2) -> int:
    i = pos
    while i > 0 and pos - i < limit and shadow[i - 1] in " \n":
        i -= 1
    return i


def _serial_value(serial: str) -> int | None:
    return int(serial) if serial.isdigit() else chinese_to_int(serial)


def _no_space(s: str) -> str:
    return re.sub(r"\s+", "", s)


@dataclass
class _Candidate:
    start: int  # clean offsets
    end: int
    number: str
    issuer_code: str
    year: int | None
    serial: int | None


def _bracketed(view: _View) -> list[_Candidate]:
    clean, shadow = view.clean, view.shadow
    found = []
    for m in _TAIL.finditer(shadow):
        year = int(m["year"])
        if not R.YEAR_MIN <= year <= R.YEAR_MAX:
            continue
        has_open, has_close, has_hao = bool(m["open"]), bool(m["close"]), bool(m["hao"])
        code_end = _skip_space_left(shadow, m.start()) if has_open else m.start()
        code_start = _scan_code_start(shadow, code_end, R.MAX_CODE_LEN, _BOUNDARIES)
        code_shadow = shadow[code_start:code_end]
        if len(code_shadow) < 2 or code_shadow.endswith(R.NOT_CODES):
            continue
        typed_code = code_shadow[-1] in R.CODE_FINAL_CHARS
        if not (has_open or has_close) and not typed_code:
            continue  # 路20211号 is an address, 泉政20223号 a number
        if not has_hao:
            # (开州委法20239): only inside a citation's parentheses, closed right after.
            after = shadow[m.end() : m.end() + 1]
            before = shadow[code_start - 1 : code_start] if code_start else ""
            if not typed_code or not after or after not in R.BARE_NUMBER_FOLLOWERS:
                continue
            if not (has_open or has_close) and before not in ("(", "（"):
                continue
        code = _no_space(clean[code_start:code_end])
        if has_hao:
            hao = clean[m.end() - 1]  # 号 or 號 as written
        else:
            hao = "號" if code != code_shadow else "号"
        serial = int(m["serial"])
        di = "第" if m["di"] else ""
        number = f"{code}{R.NORMAL_OPEN}{year}{R.NORMAL_CLOSE}{di}{serial}{hao}"
        found.append(_Candidate(code_start, m.end(), number, code, year, serial))
    return found


def _order_number(view: _View, m: re.Match, name_end: int, kw_first: bool) -> _Candidate | None:
    """An order number whose body's name ends at `name_end` (before 令, or before its 第…号令)."""
    shadow, clean = view.shadow, view.clean
    tail_end = m.end()
    name_start = _scan_code_start(shadow, name_end, R.MAX_ORGAN_LEN, _ORGAN_BOUNDARIES)
    organ = shadow[name_start:name_end]
    if len(organ) < 2 or not organ.endswith(R.ORGAN_SUFFIXES):
        return None
    serial_text = m["serial"]
    has_di = bool(m.groupdict().get("di")) or not kw_first  # 第…号令 always has 第
    if not serial_text.isdigit() and not has_di:
        return None  # 令一号 without 第 is not how order numbers are written
    kw = m["kw"]
    if kw == "公告" and not (has_di or m["year"]):
        return None  # 公告 alone is a notice, not a numbered announcement
    serial = _serial_value(serial_text)
    written = _no_space(clean[name_start:tail_end])
    if serial_text.isdigit():
        # Leading zeros of the serial go: 第0711号 -> 第711号.
        s_start, s_end = m.start("serial"), m.end("serial")
        written = _no_space(clean[name_start:s_start]) + str(int(serial_text)) + _no_space(clean[s_end:tail_end])
    year = int(m["year"]) if m["year"] else None
    return _Candidate(name_start, tail_end, written, _no_space(clean[name_start:name_end]) + (kw if kw_first else ""),
                      year, serial)


def _orders(view: _View) -> list[_Candidate]:
    found = []
    for m in _ORDER.finditer(view.shadow):
        cand = _order_number(view, m, m.start("kw"), True)
        if cand:
            found.append(cand)
    for m in _ORDER_AFTER.finditer(view.shadow):
        cand = _order_number(view, m, m.start(), False)
        if cand:
            cand.issuer_code = cand.issuer_code + "令"
            found.append(cand)
    return found


def extract_doc_numbers(text: str) -> list[DocNumber]:
    """Every document number in `text`, in order, with offsets into `text`."""
    if not text:
        return []
    view = _make_view(text)
    candidates = _orders(view) + _bracketed(view)
    candidates.sort(key=lambda c: (c.start, -(c.end - c.start)))
    chosen: list[_Candidate] = []
    for c in candidates:
        if chosen and c.start < chosen[-1].end:
            continue
        chosen.append(c)
    spans = [view.span(c.start, c.end) for c in chosen]
    titles = find_titles(text)
    paired = pair_titles(text, titles, spans)
    out = []
    for k, (c, (start, end)) in enumerate(zip(chosen, spans)):
        cited = title_text(text, *titles[paired[k]]) if k in paired else ""
        out.append(DocNumber(raw=text[start:end], number=c.number, issuer_code=c.issuer_code, year=c.year,
                             serial=c.serial, cited_title=cited, start=start, end=end))
    return out
