"""Document-level facts of a report page: title, issuer, places, level, type, year, publish date.

Works on the page's normalized text, site furniture included: the header (breadcrumbs, 索引号
tables, 发布时间 lines) is told apart from the body, the title is the header line that reads like a
report title, and places come from the issuer's name, then the page, then the site's gov.cn domain
(see `pipeline.places`). Traditional pages are read through a character-for-character simplified
copy, so names found there can still be returned as written.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from pipeline.extract import metadata_rules as R
from pipeline.extract.references import find_titles
from pipeline.normalize import to_simplified
from pipeline.patterns import HAN, YEAR
from pipeline.places import (
    COUNTY_SUFFIXES,
    MUNICIPALITIES,
    Division,
    division_index,
    domain_cities,
    domain_counties,
    domain_is_weak,
    find_places,
    narrow,
    own_domain_label,
    strip_suffix,
)
from pipeline.records import DocumentMeta
from pipeline.segment import line_marker

# A calendar date as written in page headers: 2021-03-15, 2021年3月15日, 2021/03/15, 2021.03.15
DATE = re.compile(rf"(?<!\d)({YEAR})\s*(?:[-/.]\s*(\d{{1,2}})\s*[-/.]\s*(\d{{1,2}})(?!\d)|年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日)")
YEAR_WORD = re.compile(rf"({YEAR})\s*年")
# The bracketed year or serial of a document number (〔2020〕, [2020], (2020)): blanked with the 《》 titles.
NUMBER_BRACKETS = re.compile(r"〔[^〕]{0,10}〕|\[\d{4}\]|\(\d{4}\)|（\d{4}）")

# The rules compiled once (they are applied to every line of every page).
FURNITURE = re.compile(R.FURNITURE)
BANNER = re.compile(R.BANNER_WORDS)
TITLE_WORDS = re.compile(R.TITLE_WORDS)
ADDRESSEE_LINE = re.compile(rf"[{HAN}、,， ]{{2,30}}[:：]")  # 区委、区政府:
ADDRESSEE = re.compile(rf"[{HAN}、,， ]{{2,30}}[:：]\s*\n?")
NOT_ADDRESSEE = re.compile(r"标\s*题|名\s*称|日期|时间")
LABELED_DATE = re.compile(rf"({R.PUBLISH_DATE_LABELS}|{R.DRAFTED_DATE_LABELS})\s*[\]】]?\s*[:：|]?\s*[|]?\s*$")
DRAFTED_DATE_LABEL = re.compile(rf"(?:{R.DRAFTED_DATE_LABELS})\s*[\]】]?\s*[:：|]?\s*[|]?\s*")
TRAILING_DATE = re.compile(rf"\s*{DATE.pattern}(\s+\d{{1,2}}:\d{{2}}(:\d{{2}})?)?\s*$")
TITLE_FIELD_LABEL = re.compile(rf"^(?:{R.TITLE_FIELD_LABELS})\s*[:：]\s*")
TITLE_FIELD = re.compile(rf"(?:{R.TITLE_FIELD_LABELS})\s*[:：|]\s*[|]?\s*([^|]+)")
HEADER_FIELD = re.compile(rf"[•·\s]*[{HAN}\s]{{2,8}}[:：]")  # 公文种类:报告
TITLE_HEAD = re.compile(rf"[{HAN}\d()（）]+")
YEAR_AT_ENDS = re.compile(rf"^{YEAR}年度?|{YEAR}年度?$")
TITLE_LABEL_PREFIX = re.compile(rf"^\s*[{HAN}]{{2,6}}[:：]\s*")  # 文字解读:…
TITLE_LEAD = re.compile(rf"^\s*(【[^】]*】)?\s*(关于)?\s*({YEAR}\s*年(度)?)?\s*")
LEADING_YEAR = re.compile(rf"^\s*({YEAR}\s*年(度)?)?")
ISSUER_FIELD = re.compile(rf"(?:{R.ISSUER_FIELD_LABELS})\s*[:：|]\s*[|]?\s*([{HAN}()（）]{{2,40}})")
TOWNSHIP_SUFFIX_END = re.compile(rf"(?:{R.TOWNSHIP_SUFFIX})$")
TOWNSHIP_SUFFIX_START = re.compile(R.TOWNSHIP_SUFFIX)
TOWNSHIP_BODY = re.compile(rf"[{HAN}]{{1,20}}(?:{R.TOWNSHIP_SUFFIX})")
GOVERNMENT_OFFICE = re.compile(R.GOVERNMENT_OFFICE_CONTINUATIONS)
ZONE_BODY = re.compile(rf"{R.DEV_ZONE}(管委会|管理委员会)$")
ZONE_AT_END = re.compile(R.DEV_ZONE + "$")
GOVERNING_ZONE = re.compile(rf"({R.DEV_ZONE})(?={R.ZONE_GOVERNS})")
YEAR_SPAN = re.compile(rf"({YEAR})\s*[-—–~至]\s*({YEAR})\s*年")
BODY_OPENS_WITH_YEAR = re.compile(rf"\s*({YEAR})\s*年(?!\d|\s*\d)")  # 2021年全镇…
HEADER_REPORT_YEAR = re.compile(rf"({YEAR})\s*年(?:度)?[{HAN}]{{0,12}}(?:法治|信息公开|工作)[{HAN}]{{0,12}}(?:报告|总结)")
DEV_ZONE = re.compile(R.DEV_ZONE)
# The four municipalities, full and short (重庆市, 重庆): province-level places that are cities.
MUNICIPALITY_NAMES = frozenset((*MUNICIPALITIES, *(name.removesuffix("市") for name in MUNICIPALITIES)))
SELF_REFERENCE_LEVELS = tuple((re.compile(pattern), level) for pattern, level in R.SELF_REFERENCE_LEVELS)


class _Once:
    """A value computed on first use and kept (sources of a fact read only when needed)."""

    def __init__(self, compute):
        self._compute, self._done, self._value = compute, False, None

    def __call__(self):
        if not self._done:
            self._value, self._done = self._compute(), True
        return self._value


@dataclass
class Line:
    start: int
    end: int
    text: str  # simplified


def _lines(simp: str) -> list[Line]:
    out, pos = [], 0
    for raw in simp.split("\n"):
        out.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def _is_body_line(line: str) -> bool:
    return len(line) >= 40 and len(re.findall(r"[,，。;；]", line)) >= 2 and "|" not in line


def _header_end(lines: list[Line]) -> int:
    """Index of the first body line (a long sentence-like line or an addressee line like 区委、区政府:)."""
    for i, line in enumerate(lines):
        t = line.text.strip()
        if _is_body_line(t):
            return i
        if ADDRESSEE_LINE.fullmatch(t) and not FURNITURE.search(t) and not NOT_ADDRESSEE.search(t):
            return i
    return len(lines)


# ---------------------------------------------------------------- dates
def _iso(m: re.Match) -> str:
    y = int(m.group(1))
    mo = int(m.group(2) or m.group(4))
    d = int(m.group(3) or m.group(5))
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return ""


def find_publish_date(lines: list[Line], header_end: int) -> tuple[str, int, int]:
    """(YYYY-MM-DD, start, end) of the page's publication date, or ("", -1, -1)."""
    best: dict[int, tuple[str, int, int]] = {}
    limit = min(len(lines), max(header_end + 2, 3))
    for idx, line in enumerate(lines[:limit]):
        t = line.text
        for m in DATE.finditer(t):
            iso = _iso(m)
            if not iso:
                continue
            before = t[: m.start()]
            lab = LABELED_DATE.search(before[-16:])
            if lab:
                rank = 1 if DRAFTED_DATE_LABEL.fullmatch(lab.group(0)) else 0
                if BANNER.search(t):
                    continue
            else:
                if BANNER.search(t) or idx >= header_end:
                    continue
                rest_before = re.sub(r"^[\s•·\-*]+", "", before)
                rest_after = t[m.end():]
                starts = rest_before == ""
                ends = re.fullmatch(r"\s*(\d{1,2}:\d{2}(:\d{2})?)?\s*", rest_after) is not None
                if "(" in before or "（" in before:
                    continue
                if not (starts or ends):
                    continue
                rank = 2
            if rank not in best:
                best[rank] = (iso, line.start + m.start(), line.start + m.end())
    for rank in (0, 1, 2):
        if rank in best:
            return best[rank]
    return "", -1, -1


# ---------------------------------------------------------------- titles
def _clean_title(t: str) -> str:
    t = re.sub(r"^[\s•·\-*]+|[\s|]+$", "", t)
    t = TRAILING_DATE.sub("", t).strip()
    t = TITLE_FIELD_LABEL.sub("", t).strip()
    return t


def _title_score(t: str) -> int:
    if not t or len(t) < 5 or len(t) > 120 or "。" in t or line_marker(t):
        return 0
    if FURNITURE.search(t):
        return 0
    if len(re.findall(r"[,，]", t)) >= 2 or t.endswith((":", "：")):
        return 0
    score = 0
    if TITLE_WORDS.search(t):
        score += 2
    if YEAR_WORD.search(t):
        score += 1
    if re.search(r"法治|信息公开|工作|依法行政", t):
        score += 1
    return score


def find_title(lines: list[Line], header_end: int, title_hint: str) -> tuple[str, int]:
    """(title as simplified text, line index or -1) of the report's own title."""
    # labeled fields first: 标题: …, 名称: …
    for i, line in enumerate(lines[: header_end + 1]):
        m = TITLE_FIELD.search(line.text)
        if m and _title_score(m.group(1).strip()) >= 2:
            return m.group(1).strip(), i
    hint = _title_from_hint(title_hint)
    # else the first header line that reads like a report title
    for i, line in enumerate(lines[:header_end]):
        t = _clean_title(line.text.strip())
        field = HEADER_FIELD.match(t)
        if field and len(t) - field.end() <= 8:
            continue  # a field row of the page header (公文种类:报告), not a title
        if _title_score(t) >= 2:
            if hint and len(hint) > len(t) and t in hint.replace(" ", ""):
                return hint, -1  # the line is a piece of a title the page's metadata gives whole
            return t, i
    return hint, -1


def _title_from_hint(title_hint: str) -> str:
    """The page's own title (HTML h1/meta, PDF or DOCX properties), minus a site name after _ | -."""
    parts = [p.strip() for p in re.split(r"[_|]|\s[-—]+\s", title_hint or "") if p.strip()]
    scored = [p for p in parts if _title_score(p) >= 2]
    if scored or (parts and len(parts[0]) >= 5 and not re.search(R.FURNITURE, parts[0])):
        return (scored or parts)[0]
    return ""


def is_title_head(line: Line, title: str) -> bool:
    """Is `line` (right above the title) the first half of a wrapped title: the issuing body with
    the year it reports on (…汉正街道办事处2025年 / 2019年西街街道)? A body's name alone above
    the title is a letterhead, not part of it (the annotated pages keep such titles apart)."""
    head = line.text.strip()
    if not (4 <= len(head) <= 40) or not TITLE_HEAD.fullmatch(head):
        return False
    if _title_score(head) >= 2 or FURNITURE.search(head) or issuer_from_title(title):
        return False
    core = YEAR_AT_ENDS.sub("", head)
    return core != head and bool(core) and bool(_org_level(core))


# ---------------------------------------------------------------- issuers
def _org_level(name: str) -> str:
    name = re.sub(r"[(（][^()（）]*[)）]$", "", name)  # …局(医疗保障局)
    for suffix, level in R.ORG_SUFFIX_LEVELS:
        if name.endswith(suffix):
            return level
    return ""


def _split_joint_issuer(prefix: str) -> str:
    """The government body of a joint title (中共…委员会 …人民政府 → …人民政府)."""
    parts = [p for p in re.split(r"[\s、,，]+", prefix) if p]
    parts = [re.sub(R.PARTY_PREFIX, "", p) or p for p in parts]
    parts = [p for p in parts if not p.startswith("中共")] or parts
    orgs = [p for p in parts if _org_level(p)]
    return orgs[-1] if orgs else ""


def issuer_from_title(title: str) -> str:
    quoted = re.match(r"^\s*关于(报送|印发|发布|公布)?《([^》]+)》", title)
    if quoted:  # 关于报送《…局2021年度…报告》的报告: the issuer is in the quoted title
        title = quoted.group(2)
    t = TITLE_LABEL_PREFIX.sub("", title)
    t = TITLE_LEAD.sub("", t)
    m = re.search(R.TITLE_ISSUER_END, t)
    prefix = t[: m.start()].strip() if m else ""
    return _split_joint_issuer(prefix) if prefix else ""


def issuer_from_fields(lines: list[Line], header_end: int) -> str:
    for line in lines[:header_end]:
        for m in ISSUER_FIELD.finditer(line.text):
            value = re.split(r"(发布|更新|日期|时间|作者|浏览)", m.group(1))[0]
            if value and not re.search(R.NOT_ISSUERS, value) and _org_level(value):
                return value
    return ""


def issuer_from_lines_above(lines: list[Line], title_index: int) -> str:
    """Org-name lines right above a title that starts with 关于/a year (…人民政府 / 关于2025年…的报告)."""
    found = []
    for line in reversed(lines[max(0, title_index - 3) : title_index]):
        t = line.text.strip()
        if t and len(t) <= 40 and _org_level(t) and not FURNITURE.search(t) and not re.search(r"\d", t):
            found.append(t)
        else:
            break
    return _split_joint_issuer(" ".join(reversed(found))) if found else ""


SUBJECT_NAME = rf"(?:[{HAN}]{{2,24}}?)(?:街道办事处|人民政府|政府|街道|镇|乡|街|局|委员会|委|办|中心|区|县|市)"
# The subject of an opening sentence: [2024年,][在区委、区政府的领导下,]X[党工委、Y]坚持…
SUBJECT = re.compile(
    rf"(?:^|[,，。;；\n])\s*(?:(?:{YEAR})年(?:度)?(?:以来)?[,，]?\s*)?(?:在[^,，。;；\n]{{2,30}}领导下[,，]\s*)?"
    rf"(?:{SUBJECT_NAME}(?:党工委|党委|委员会)?、)?({SUBJECT_NAME})(?={R.SUBJECT_FOLLOWERS})"
)


REPORTED_BY = re.compile(rf"(?:现将|现公开|现公布|公布|由)([{HAN}]{{2,24}}?(?:街道办事处|人民政府|街道|镇|乡|局|委员会|委|办|中心|区|县))(?:{YEAR}年|按照|根据|编制)")
# Words that start a clause, not a name; list items (一是, 三个); words inside a clause.
NOT_SUBJECT_START = re.compile(rf"^(?:{R.NOT_SUBJECT_START})")
NOT_SUBJECT_INSIDE = re.compile(R.NOT_SUBJECT_INSIDE)
JOINT_LEADERSHIP = re.compile(R.JOINT_LEADERSHIP)


def issuer_from_body(simp: str, body_start: int) -> tuple[str, int]:
    # skip addressee lines (区委、区政府:)
    while True:
        m = ADDRESSEE.match(simp, body_start)
        if not m or m.end() == body_start:
            break
        body_start = m.end()
    window = simp[body_start : body_start + 400]
    for pattern in (SUBJECT, REPORTED_BY):
        for m in pattern.finditer(window):
            name = m.group(1)
            if NOT_SUBJECT_START.match(name) or NOT_SUBJECT_INSIDE.search(name) or len(name) < 2 \
                    or JOINT_LEADERSHIP.search(name):
                continue
            return name, body_start + m.start(1)
    return "", -1


STATEMENTS = tuple(re.compile(p) for p in R.ISSUER_STATEMENTS)


def body_name(chunk: str) -> str:
    """The government or township body a statement's stretch starts with
    (…街道办事处党政综合办公室 → …街道办事处, 东孚街道党政办 → 东孚街道), or ""."""
    for ends in R.BODY_NAME_ENDS:
        m = re.search(ends, chunk)
        if m and m.start() >= 2:
            return chunk[: m.end()]
    m = TOWNSHIP_BODY.match(chunk)
    return m.group() if m else ""


def issuer_from_statements(simp: str) -> str:
    """The body a page says reports or answers for it (由X编制, 请与X联系, 我代表X …)."""
    text = _unbracketed_titles(simp)
    for pattern in STATEMENTS:
        for m in pattern.finditer(text):
            name = body_name(simp[m.start("name") : m.end("name")])
            if not name or NOT_SUBJECT_START.match(name) or _org_level(name) not in R.STATEMENT_LEVELS:
                continue
            s, _ = township_in(name)
            if _org_level(name) != "gov" and s < 0:
                continue
            return name
    return ""


def _unbracketed_titles(s: str) -> str:
    """`s` with 《》 marks blanked (their content kept: 现向社会公布《X2022年…报告》)."""
    return s.replace("《", " ").replace("》", " ")


def fuller_name(simp: str, issuer: str) -> str:
    """The longest name of the same street/town body the page gives with its government ending
    (卫子镇 → 卫子镇人民政府, 易家街道 → 硚口区易家街道办事处); `issuer` if none."""
    if issuer.endswith("政府") and not issuer.endswith("人民政府") and len(issuer) > 2:
        full = issuer[:-2] + "人民政府"  # 信州区政府 → 信州区人民政府, where the page writes it so
        return full if full in simp else issuer
    if issuer.endswith(("人民政府", "办事处")):
        return issuer
    s, e = township_in(issuer)
    if s < 0:
        return county_government_name(simp, issuer)
    township = issuer[s:e]
    stem = TOWNSHIP_SUFFIX_END.sub("", township)
    kind = township[len(stem):]
    ends = R.FULL_BODY_ENDS.get(kind, ())
    if not ends or len(stem) < 1:
        return issuer
    found = []
    for start, end in _occurrences(simp, stem, ends):
        # place names (and 人民政府) written right before the township: 普陀区人民政府长寿路街道办事处
        before = simp[max(0, start - 16) : start]
        prefix = ""
        while True:
            g = re.search(r"人民政府$", before)
            places = find_places(before[: g.start()] if g else before)
            cut = len(before) - (g.end() - g.start() if g else 0)
            if places and places[-1].end == cut and places[-1].level in ("county", "city", "province"):
                take = len(before) - places[-1].start
                prefix = before[-take:] + prefix
                before = before[: -take]
                continue
            break
        prefix = re.sub(r"^人民政府", "", prefix)
        found.append(prefix + simp[start:end])
    if not found:
        return issuer
    return max(found, key=len)


def _occurrences(s: str, stem: str, ends: tuple[str, ...], not_followed_by: re.Pattern | None = None):
    """(start, end) of each `stem` + one of `ends` (the first that fits) in `s`, left to right and
    not overlapping, skipping those `not_followed_by` matches right after (a regex search for
    stem(?:end1|end2)(?!…) without building one per page)."""
    pos = s.find(stem)
    while pos >= 0:
        after = pos + len(stem)
        end = next((after + len(e) for e in ends if s.startswith(e, after)), -1)
        if end >= 0 and not (not_followed_by and not_followed_by.match(s, end)):
            yield pos, end
            pos = s.find(stem, end)
        else:
            pos = s.find(stem, pos + 1)


def county_government_name(simp: str, issuer: str) -> str:
    """A county-level place named alone as the issuer (静海区, 哈尔滨市双城区) is its government:
    the longest …人民政府 name of it the page writes (天津市静海区人民政府), not one of its offices
    (…人民政府办公室); `issuer` if the page writes none."""
    places = find_places(issuer)
    if not places or places[-1].level != "county" or places[-1].end != len(issuer):
        return issuer
    name = places[-1].name
    found = []
    for start, end in _occurrences(simp, name, ("人民政府",), GOVERNMENT_OFFICE):
        found.append(_place_prefix(simp, start) + simp[start:end])
    return max(found, key=len) if found else issuer


def _place_prefix(simp: str, start: int, window: int = 10) -> str:
    """The place names written right before `start` (天津市, 四川省成都市), or ''."""
    before = simp[max(0, start - window) : start]
    cut = len(before)
    for place in reversed(find_places(before)):
        if place.end != cut:
            break
        cut = place.start
    return before[cut:]


def _level_from_issuer(issuer: str) -> str:
    """unit_level implied by an issuer's name (simplified), or "" if the name does not tell."""
    if not issuer:
        return ""
    name = re.sub(r"(党工委|党委|工委)$", "", issuer)
    index = division_index()
    level = _org_level(name)
    if level in ("street", "town", "township", "department"):
        if level == "department" and ZONE_BODY.search(name):
            return "county"
        return level
    core = re.sub(r"(人民政府|政府)$", "", name)
    if not core or core in ("市",):
        return "city"
    if core in ("区", "县"):
        return "county"
    if ZONE_AT_END.search(core):
        return "county"
    places = find_places(core)
    if places and places[-1].end == len(core):
        last = places[-1]
        if last.level == "county":
            return "county"
        if last.level == "city":
            if last.name in index.counties:
                return "county"
            return "city"
        if last.level == "province":
            return "city" if last.name in MUNICIPALITY_NAMES else "province"
    if core.endswith(("区", "县", "旗")):
        return "county"
    if core.endswith("市"):
        return "city"
    return ""


def _level_from_text(unbracketed: str) -> str:
    """unit_level the text's self-references reveal (我镇, 全区): `unbracketed` is the page with
    its cited titles blanked (`_unbracketed`)."""
    simp = unbracketed
    first: tuple[int, str] | None = None
    for pattern, level in SELF_REFERENCE_LEVELS:
        m = pattern.search(simp)
        if m and (first is None or m.start() < first[0]):
            first = (m.start(), level)
    return first[1] if first else ""


TOWNSHIP = re.compile(rf"([{HAN}]{{1,8}}?(?:{R.TOWNSHIP_SUFFIX}))(?={R.TOWNSHIP_FOLLOWERS})")


def township_in(name_simp: str) -> tuple[int, int]:
    """Span of the street/town/township name inside an issuer-like string, or (-1, -1)."""
    skip = 0
    for place in find_places(name_simp):
        if TOWNSHIP_SUFFIX_START.match(name_simp, place.end):
            break  # 南平镇: a city's short name that is this town's own name
        if place.level in ("county", "city", "province") and place.start <= skip + 1:
            skip = place.end
    m = re.match(r"(人民政府|政府)", name_simp[skip:])
    if m:
        skip += m.end()
    gov = name_simp.rfind("人民政府")
    if gov >= skip and gov + 4 < len(name_simp):
        skip = gov + 4  # 渠县人民政府渠南街道办事处
    m = TOWNSHIP.match(name_simp, skip)
    if not m or m.group(1) in R.NOT_TOWNSHIPS or len(m.group(1)) < 2:
        return -1, -1
    return m.start(1), m.end(1)


SELF_REFERENCES = tuple((level, re.compile(p)) for level, p in R.SELF_REFERENCES)


def township_from_self_reference(simp: str) -> tuple[str, str] | None:
    """(name, level) of the township a page calls 我镇/我街, from where it writes its own name:
    the start of a 《title》 of its own documents or 中共…委; None unless one name is clear."""
    for level, pattern in SELF_REFERENCES:
        if not pattern.search(simp):
            continue
        suffixes = "|".join(R.SUFFIXES_BY_LEVEL[level])
        contexts = "|".join(R.SELF_NAME_CONTEXTS)
        found = Counter()
        for m in re.finditer(rf"(?:{contexts})((?:[{HAN}]{{2,4}}?(?:省|市|区|县))*)([{HAN}]{{2,3}}?(?:{suffixes}))(?![{HAN}]{{0,1}}(?:{suffixes}))", simp):
            name = m.group(2)
            if name not in R.NOT_TOWNSHIPS and not find_places(name):
                found[name] += 1
        if len(found) == 1 or (found and found.most_common(2)[0][1] > found.most_common(2)[1][1]):
            return found.most_common(1)[0][0], level
        return None
    return None


# ---------------------------------------------------------------- years and types
def _report_type(title: str, simp: str) -> str:
    for kind, pattern in R.REPORT_TYPE_TITLE_RULES:
        if title and re.search(pattern, title):
            return kind
    counts = {kind: len(re.findall(pattern, simp[:3000])) for kind, pattern in R.REPORT_TYPE_TEXT_RULES}
    kind, n = max(counts.items(), key=lambda kv: kv[1])
    return kind if n else "other"


def _unbracketed(s: str) -> str:
    """`s` with its 《》 titles and document-number brackets blanked out (same length)."""
    spans = sorted([*find_titles(s), *(m.span() for m in NUMBER_BRACKETS.finditer(s))])
    if not spans:
        return s
    parts, pos = [], 0
    for start, end in spans:
        if end <= pos:
            continue
        start = max(start, pos)
        parts += [s[pos:start], "#" * (end - start)]
        pos = end
    parts.append(s[pos:])
    return "".join(parts)


def report_year_from_title(title: str, publish_year: int | None) -> int | None:
    t = _unbracketed(title)
    if not YEAR_WORD.search(t):
        t = title  # only the cited title has a year (《…关于公布2025年度…的通知》解读)
    span = YEAR_SPAN.search(t)
    if span:
        return int(span.group(2))
    m = YEAR_WORD.search(t)
    if not m:
        return None
    year = int(m.group(1))
    if re.search(R.REPORT_DELIVERED_NEXT_YEAR, t) and (publish_year is None or publish_year <= year):
        return year - 1
    return year


BODY_YEAR = re.compile(
    rf"(?:^|[\n,，。;；:：、)）])\s*(?:[{HAN}]{{0,12}}(?:现将|公布|公开|编制|报告|总结)[^,，。\n]{{0,20}}?)?({YEAR})\s*(?:[-—–~至]\s*({YEAR})\s*)?年(?:度)?(?:以来|上半年|,|，|是|全年|,|我|在|[{HAN}]{{0,16}}(?:法治|政府信息公开|工作|情况))"
)


STATISTICS_PERIOD = re.compile(rf"({YEAR})\s*年\s*0?1\s*月\s*0?1\s*日\s*(?:起)?\s*[,，]?\s*(?:至|到|—|-)\s*(?:{YEAR}\s*年\s*)?12\s*月\s*31\s*日")
CITED_OWN_TITLE = re.compile(rf"(?:现将|现向社会公布|公布|现予公布)《[^》]{{0,40}}?({YEAR})\s*年(?:度)?[^》]{{0,30}}报告》")


def report_year_from_text(simp: str, unbracketed: str, body_start: int, publish_year: int | None) -> int | None:
    """The year the body says the report covers; `unbracketed` is `simp` with its titles blanked."""
    text = unbracketed[body_start : body_start + 2500]
    header = "\n".join(l for l in unbracketed[:body_start].split("\n") if not BANNER.search(l))
    # the statistics period of a 年报 (2021年1月1日起至12月31日) or the report's own title cited in 《》
    raw = simp[body_start : body_start + 2500]
    for pattern in (STATISTICS_PERIOD, CITED_OWN_TITLE):
        m = pattern.search(raw)
        if m and (publish_year is None or int(m.group(1)) <= publish_year):
            return int(m.group(1))
    m = BODY_OPENS_WITH_YEAR.match(text)
    if m and (publish_year is None or int(m.group(1)) <= publish_year):
        return int(m.group(1))
    for m in BODY_YEAR.finditer(header + "\n" + text):
        year = int(m.group(2) or m.group(1))
        if publish_year is None or year <= publish_year:
            return year
    return None


# ---------------------------------------------------------------- places
def _named_context(simp: str, url: str) -> tuple[set[str], set[str]]:
    """Provinces and cities the page or its domain names (to pick among same-name counties)."""
    provinces, cities = set(), set()
    for place in find_places(simp[:4000]):
        for d in place.divisions:
            if place.level == "province":
                provinces.add(d.province)
            elif place.level == "city":
                cities.add(d.city)
                provinces.add(d.province)
    return provinces, cities


def _pick(divisions, provinces, cities) -> Division | None:
    picked = narrow(list(divisions), provinces, cities)
    return picked[0] if len(picked) == 1 else None


def _county_from(
    s: str, provinces: set[str], cities: set[str], domain: set[Division] = frozenset()
) -> tuple[Division | None, str]:
    """First county named in `s`, told apart from same-name ones by the city named right before
    it, then the places the page names, then the site's domain."""
    places = find_places(s)
    for i, place in enumerate(places):
        if place.level != "county":
            continue
        local_cities = set(cities)
        local_provinces = set(provinces)
        if i > 0 and places[i - 1].end == place.start:
            prev = places[i - 1]
            local_cities = {d.city for d in prev.divisions if d.city} or local_cities
            local_provinces = {d.province for d in prev.divisions} | local_provinces
        d = _pick(place.divisions, local_provinces, local_cities)
        if not d and domain:
            d = _pick([x for x in place.divisions if x in domain], set(), set())
        if d:
            return d, place.name
    return None, ""


def _county_from_domain(url: str, provinces: set[str], cities: set[str], simp: str = "") -> Division | None:
    """The county a site's domain names. Among same-key counties, the one whose name the page
    writes wins (xiangshan: 象山县 when the page says 象山); counties that share one name
    (永定区 in two provinces) still give that name."""
    candidates = domain_counties(url)
    if not candidates:
        return None
    written = [d for d in candidates if strip_suffix(d.county, COUNTY_SUFFIXES) in simp]
    if written:
        candidates = set(written)
    picked = narrow(candidates, provinces, cities)
    if len({d.county for d in picked}) == 1:
        return picked[0] if len(picked) == 1 else Division("", "", picked[0].county)
    if len(picked) != 1 and not domain_is_weak(url):
        # a bare full-pinyin label is a county's own site (xiangshan: 象山县); districts carry their city's prefix
        own = [d for d in picked if d.county.endswith("县") and own_domain_label(url, d.county)]
        if len(own) == 1:
            return own[0]
    if len(picked) != 1:
        return None
    if domain_is_weak(url) and len(candidates) > 1 and not (picked[0].city in cities or picked[0].province in provinces):
        return None
    return picked[0]


def _zone_in_text(unbracketed: str) -> str:
    """A development zone the text (titles blanked) names as the governing body (在东湖高新区党工委…领导下)."""
    for m in GOVERNING_ZONE.finditer(unbracketed):
        return m.group(1)
    return ""


def _city_from(s: str) -> Division | None:
    for place in find_places(s):
        if place.level == "city" and len({d.city for d in place.divisions}) == 1:
            return place.divisions[0]
        if place.level == "province" and place.divisions[0].province in MUNICIPALITIES:
            p = place.divisions[0].province
            return Division(p, p, "")
    return None


# ---------------------------------------------------------------- main
def extract_metadata(
    text: str,
    title_hint: str = "",
    publish_date_hint: str = "",
    sidecar: dict | None = None,
) -> DocumentMeta:
    """Document-level facts of one page (see module doc)."""
    return _extract(text or "", title_hint or "", publish_date_hint or "", sidecar or {})


def _extract(text: str, title_hint: str, publish_date_hint: str, sidecar: dict) -> DocumentMeta:
    url = str(sidecar.get("url") or "") if isinstance(sidecar, dict) else ""
    simp = to_simplified(text)
    lines = _lines(simp)
    header_end = _header_end(lines)
    body_start = lines[header_end].start if header_end < len(lines) else len(simp)
    header = "\n".join(line.text for line in lines[:header_end])
    unbracketed = _Once(lambda: _unbracketed(simp))  # 《》 titles and number brackets blanked
    meta = DocumentMeta()

    # title (returned as written: same span in the original text when it came from the page)
    title_simp, title_index = find_title(lines, header_end, to_simplified(title_hint))
    if title_index >= 0:
        pos = simp.find(title_simp, lines[title_index].start)
        meta.title = text[pos : pos + len(title_simp)] if pos >= 0 else title_simp
        if title_index > 0 and pos >= 0 and is_title_head(lines[title_index - 1], title_simp):
            # a title wrapped over two lines: 重庆市荣昌区交通运输委员会 / 关于2024年…的报告
            head = lines[title_index - 1]
            meta.title = text[head.start : head.end].strip() + meta.title
            title_simp = head.text.strip() + title_simp
    elif title_simp:  # from the hint: the same part of it, in the hint's own characters
        pos = to_simplified(title_hint).find(title_simp)
        meta.title = title_hint[pos : pos + len(title_simp)] if pos >= 0 else title_simp

    # publish date
    iso, pub_start, pub_end = find_publish_date(lines, header_end)
    if iso:
        meta.publish_span = (pub_start, pub_end)
    if not iso and re.fullmatch(r"\d{4}-\d{2}-\d{2}", publish_date_hint.strip()):
        iso = publish_date_hint.strip()
    if not iso and isinstance(sidecar.get("list_date"), str):
        m = DATE.search(sidecar["list_date"])
        iso = _iso(m) if m else ""
    meta.publish_date = iso
    publish_year = int(iso[:4]) if iso else None

    # issuer: title, the org lines above the title, header fields, the body's subject
    issuer = issuer_from_title(title_simp)
    if not issuer and title_index > 0:
        issuer = issuer_from_lines_above(lines, title_index)
    if re.fullmatch(r"(人民)?政府", issuer):
        issuer = ""  # 2024年政府工作报告: no name
    body_issuer = _Once(lambda: issuer_from_body(simp, body_start)[0])
    if not issuer:  # the other sources only when the title gave none
        issuer = issuer_from_fields(lines, header_end) or issuer_from_statements(simp) or body_issuer()
    named_issuer = issuer  # the name as the title or text writes it (for the township)
    # a street/town named without its government ending: the body's name as the page gives it
    issuer = fuller_name(simp, issuer) if issuer else issuer
    pos = simp.find(issuer) if issuer else -1
    meta.issuer = text[pos : pos + len(issuer)] if pos >= 0 else issuer

    # unit level
    level = _level_from_issuer(issuer)
    if not level:
        level = _level_from_text(unbracketed())
    meta.unit_level = level or "other"

    # township
    if level in ("street", "town", "township", "") and issuer:
        s, e = township_in(named_issuer)
        if s >= 0:
            meta.township = named_issuer[s:e]
            p = simp.find(meta.township)
            if p >= 0:
                meta.township = text[p : p + len(meta.township)]
        else:
            s, e = township_in(issuer)
            if s >= 0:
                meta.township = meta.issuer[s:e] if len(meta.issuer) == len(issuer) else issuer[s:e]
    if not meta.township and level in ("street", "town", "township"):
        for source in (title_simp, body_issuer()):
            src = LEADING_YEAR.sub("", source)
            s, e = township_in(src) if source else (-1, -1)
            if s >= 0:
                meta.township = src[s:e]
                p = simp.find(meta.township)
                if p >= 0:
                    meta.township = text[p : p + len(meta.township)]
                break

    if not meta.township and (not issuer or level in ("", "street", "town", "township")):
        named = township_from_self_reference(simp)
        if named:
            name, named_level = named
            meta.township = name
            meta.unit_level = level = level or named_level
            if not issuer:
                issuer = meta.issuer = name

    # places
    county, county_name = None, ""
    if level not in ("city", "province"):
        provinces, cities = _named_context(simp, url)
        in_domain = domain_counties(url)
        body_county = _Once(lambda: _county_from(simp[body_start : body_start + 3000], provinces, cities, in_domain))
        for source in (issuer, title_simp):
            county, county_name = _county_from(source, provinces, cities, in_domain)
            if county:
                break
        zone = DEV_ZONE.search(issuer or title_simp)
        if not county and zone and not any(p.level == "county" for p in find_places(issuer or title_simp)):
            county_name = zone.group()
        issuer_places = find_places(issuer) if issuer else []
        issuer_names_city = not county and not any(p.level == "county" for p in issuer_places) and (
            issuer.startswith("市") or any(p.level in ("city", "province") for p in issuer_places)
        )
        if not county and not county_name and not issuer_names_city:
            county, county_name = _county_from(header, provinces, cities, in_domain)
            if not county:
                county = _county_from_domain(url, provinces, cities, unbracketed())
                county_name = county.county if county else ""
                in_body, in_body_name = body_county()
                if county and in_body and level != "department" and county.county not in simp and in_body.county != county.county:
                    county, county_name = in_body, in_body_name  # the page names another county than the domain
            if not county:
                county_name = _zone_in_text(unbracketed()[:6000])
            if not county and not county_name and (issuer or level != "department"):
                # a department page that names no issuer: the places it mentions are others'
                county, county_name = body_county()
    if county:
        meta.county = county.county
        if county.province:
            meta.province, meta.city = county.province, county.city
    elif county_name:
        meta.county = county_name
    if not meta.city:
        city = _city_from(issuer) or _city_from(title_simp)
        if not city:
            dc = domain_cities(url)
            city = next(iter(dc)) if len(dc) == 1 else None
        if city:
            meta.province, meta.city = city.province, city.city

    # type and year
    meta.report_type = _report_type(title_simp, simp)
    year = report_year_from_title(title_simp, publish_year) if title_simp else None
    if year is None:
        m = HEADER_REPORT_YEAR.search(unbracketed()[: len(header)])
        year = int(m.group(1)) if m else None
    if year is None:
        year = report_year_from_text(simp, unbracketed(), body_start, publish_year)
    meta.report_year = year
    return meta
