"""Administrative-division lookup: names in text and gov.cn domains -> province/city/county.

The division list is cpca's `pca.csv` (province, city, county rows; 2026 snapshot). It is read once
per process into an index (`division_index()`, cached):

- county-level names (区/县/县级市/旗…) with the cities and provinces they belong to;
- city names and province names, full and short (重庆市 / 重庆);
- pinyin keys of every county (full pinyin and initials, with and without province/city
  prefixes) so that a site's domain label (beibei, hzxh, cqjlp, shbsq) can be read as a place.

Street offices and towns are not in the data (except for the few cities without counties, such
as 东莞, whose towns are listed as their children); those rows are kept apart as townships.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import product
from urllib.parse import urlsplit

from pypinyin import lazy_pinyin

MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
# Suffixes of county-level names, longest first, so the short form strips the whole suffix.
COUNTY_SUFFIXES = ("自治县", "自治旗", "林区", "新区", "特区", "区", "县", "市", "旗")
CITY_SUFFIXES = ("自治州", "地区", "盟", "市")
PROVINCE_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市")
# Township-level suffixes (the one table: metadata and entities read it from here).
TOWNSHIP_SUFFIXES = ("街道", "镇", "乡")
# 街 is 街道 written short in some bodies' names (北城街, 南关街办事处): metadata reads it in an
# issuer's name, but it is no suffix of the division data and no entity head (大街, 商业街).
TOWNSHIP_SHORT_SUFFIXES = ("街",)
# Domain labels that name a service, not a place (xxgk.shbsq.gov.cn, public.jinshui.gov.cn).
GENERIC_DOMAIN_LABELS = frozenset(
    "www m wap xxgk zwgk gkml public zfxxgk gov cn com net org en big5 site web zw info news "
    "sfj fzb wsjkw jw jtj gaj hrss rsj zjj gtj yjj sthjj cgj whlyw gxq".split()
)
# Trailing words some sites glue to the place label (thnet = 天河 + net).
DOMAIN_LABEL_TAILS = ("net", "gov", "zf", "rmzf")
# County-level names shorter than this are too common as words (城区, 郊区, 矿区) to find in free text.
MIN_FREE_TEXT_NAME = 3
# pca_legacy.csv rows with this status are former county names still found on pages.
LEGACY_COUNTY_STATUS = "历史名称"
# Other readings of characters whose usual pypinyin reading is wrong in some place names
# (长宁 changning, 朝阳 chaoyang, 六安 liuan, 番禺 panyu); each name is also spelled with these.
PLACE_READINGS = {
    "长": "chang", "朝": "chao", "重": "chong", "六": "liu", "番": "pan", "乐": "le", "厦": "xia",
    "单": "shan", "蚌": "beng", "丽": "li", "阿": "a", "沈": "shen", "柏": "bai", "句": "ju", "曲": "qu",
    "洞": "dong", "兴": "xing", "都": "du", "降": "jiang", "大": "da", "会": "hui", "干": "gan",
}
MAX_SPELLINGS = 8
# Divisions whose sites are not under gov.cn (a domain never names them).
NOT_GOV_CN_PROVINCES = frozenset(("台湾省", "香港特别行政区", "澳门特别行政区"))


@dataclass(frozen=True)
class Division:
    province: str
    city: str  # for municipalities the same as province; "" for county-level cities under a province
    county: str  # "" for a city-level row


def _pca_rows() -> list[tuple[str, str, str]]:
    """Current divisions, plus counties renamed or merged recently (重庆 渝北区, 江北区): pages
    written before the change still name them."""
    folder = resources.files("cpca.resources")
    text = folder.joinpath("pca.csv").read_text(encoding="utf-8")
    rows = [(r["sheng"], r["shi"], r["qu"]) for r in csv.DictReader(text.splitlines())]
    legacy = folder.joinpath("pca_legacy.csv")
    if legacy.is_file():
        for r in csv.DictReader(legacy.read_text(encoding="utf-8").splitlines()):
            if r.get("status") == LEGACY_COUNTY_STATUS and r["qu"].endswith(("区", "县", "市")):
                rows.append((r["sheng"], r["shi"], r["qu"]))
    return rows


def strip_suffix(name: str, suffixes: tuple[str, ...]) -> str:
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def _spellings(name: str) -> list[list[str]]:
    """Syllable lists of `name`: the usual reading first, then other readings of polyphones."""
    usual = [s for s in lazy_pinyin(name, errors="ignore") if s.isascii() and s.isalpha()]
    out = [usual] if usual else []
    if len(usual) == len(name):
        readings = [sorted({syl, PLACE_READINGS.get(ch, syl)}) for ch, syl in zip(name, usual)]
        for combo in product(*readings):
            if len(out) >= MAX_SPELLINGS:
                break
            if list(combo) not in out:
                out.append(list(combo))
    return out


def _pinyin_forms(name: str) -> set[str]:
    """Full pinyin, single-letter initials and zh/ch/sh initials of `name`."""
    forms = set()
    for syllables in _spellings(name):
        forms.add("".join(syllables))
        forms.add("".join(s[0] for s in syllables))
        forms.add("".join(s[:2] if s[:2] in ("zh", "ch", "sh") else s[0] for s in syllables))
    return forms


class DivisionIndex:
    def __init__(self, rows: list[tuple[str, str, str]]):
        self.counties: dict[str, list[Division]] = {}
        self.cities: dict[str, list[Division]] = {}  # full and short city names -> city rows
        self.provinces: dict[str, str] = {}  # full and short province names -> full name
        self.province_short: dict[str, str] = {}  # full province name -> short name (重庆市 -> 重庆)
        self.townships: dict[str, list[Division]] = {}  # towns listed as children of city rows
        city_children: dict[tuple[str, str], int] = {}
        for province, city, county in rows:
            if province in ("国外", "") or county:
                city_children[(province, city)] = city_children.get((province, city), 0) + (1 if county else 0)
            else:
                city_children.setdefault((province, city), 0)
        for province, city, county in rows:
            if province == "国外":
                continue
            self._add_province(province)
            if not county:
                if city_children.get((province, city), 0) == 0 and city not in MUNICIPALITIES:
                    # a county-level city or 林区 directly under its province (天门市, 神农架林区)
                    self._add(self.counties, city, Division(province, "", city))
                else:
                    division = Division(province, city, "")
                    self._add(self.cities, city, division)
                    short = strip_suffix(city, CITY_SUFFIXES)
                    if short != city:
                        self._add(self.cities, short, division)
                continue
            if county.endswith(TOWNSHIP_SUFFIXES):
                self._add(self.townships, county, Division(province, city, ""))
                continue
            self._add(self.counties, county, Division(province, city, county))
        self._build_pinyin_keys()
        self._build_patterns()

    @staticmethod
    def _add(table: dict[str, list[Division]], name: str, division: Division) -> None:
        bucket = table.setdefault(name, [])
        if division not in bucket:
            bucket.append(division)

    def _add_province(self, province: str) -> None:
        if province in self.provinces:
            return
        self.provinces[province] = province
        short = province
        for suffix in PROVINCE_SUFFIXES:
            if province.endswith(suffix):
                short = province[: -len(suffix)]
                break
        if len(short) > 2 and province.endswith("自治区") and short != "内蒙古":
            short = short[:2]  # 广西壮族 -> 广西, 新疆维吾尔 -> 新疆
        self.provinces.setdefault(short, province)
        self.province_short[province] = short

    def _build_pinyin_keys(self) -> None:
        """Domain keys: [province or city prefix] + county name, in pinyin and initials."""
        self.county_keys: dict[str, set[Division]] = {}
        self.city_keys: dict[str, set[Division]] = {}
        province_forms = {p: _pinyin_forms(s) for p, s in self.province_short.items()}
        city_forms: dict[str, set[str]] = {}
        for name, divisions in self.cities.items():
            for division in divisions:
                if division.city not in city_forms:
                    short = strip_suffix(division.city, CITY_SUFFIXES)
                    forms = _pinyin_forms(short)
                    forms |= {f + "s" for f in forms if len(f) <= 4}  # cqs = 重庆市
                    city_forms[division.city] = forms
        for divisions in self.cities.values():
            for division in divisions:
                for form in city_forms[division.city] | province_forms.get(division.province, set()):
                    if division.city in MUNICIPALITIES or form in city_forms[division.city]:
                        self.city_keys.setdefault(form, set()).add(division)
        for name, divisions in self.counties.items():
            short = strip_suffix(name, COUNTY_SUFFIXES)
            forms = _pinyin_forms(short) | _pinyin_forms(name)
            for division in divisions:
                prefixes = {""} | province_forms.get(division.province, set())
                if division.city:
                    prefixes |= city_forms.get(division.city, set())
                for prefix in prefixes:
                    for form in forms:
                        self.county_keys.setdefault(prefix + form, set()).add(division)

    def _build_patterns(self) -> None:
        self.county_pattern = NameScanner(n for n in self.counties if len(n) >= MIN_FREE_TEXT_NAME)
        self.city_pattern = NameScanner(n for n in self.cities if len(n) >= 2)
        self.province_pattern = NameScanner(n for n in self.provinces if len(n) >= 2)
        # two-character county names (城区, 渠县) only right after their own city's name
        self.short_county_names = {n for n in self.counties if len(n) < MIN_FREE_TEXT_NAME}


@dataclass(frozen=True)
class NameMatch:
    _start: int
    _end: int
    _name: str

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._name


class NameScanner:
    """Leftmost-longest, non-overlapping matches of a fixed set of names, like a regex
    alternation of them sorted longest first, but by set lookups: an alternation of ~3,000
    names costs Python's regex engine milliseconds per page."""

    def __init__(self, names):
        self.names = frozenset(names)
        lengths: dict[str, set[int]] = {}
        for name in self.names:
            lengths.setdefault(name[0], set()).add(len(name))
        # the lengths worth trying at a position, longest first, by its first character
        self.lengths_by_first = {c: sorted(ls, reverse=True) for c, ls in lengths.items()}
        # Positions where a name may start (each of its first characters is one some name has
        # there), found by the regex engine: a Python loop over every character is most of the
        # cost of a page.
        shortest = min(map(len, self.names), default=0)
        classes = ["[" + "".join(map(re.escape, sorted({name[k] for name in self.names}))) + "]"
                   for k in range(min(shortest, 3))]
        self._may_start = re.compile("(?=" + "".join(classes) + ")" if classes else "(?!)")

    def finditer(self, text: str):
        i, n = 0, len(text)
        lengths_by_first, names, may_start = self.lengths_by_first, self.names, self._may_start.search
        while i < n:
            m = may_start(text, i)
            if m is None:
                return
            i = m.start()
            for length in lengths_by_first[text[i]]:
                if i + length <= n and text[i : i + length] in names:
                    yield NameMatch(i, i + length, text[i : i + length])
                    i += length
                    break
            else:
                i += 1


@lru_cache(maxsize=1)
def division_index() -> DivisionIndex:
    return DivisionIndex(_pca_rows())


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    name: str
    level: str  # province, city, county
    divisions: tuple[Division, ...]


# Texts up to this long (names, titles, the few characters before a name) are looked up again
# and again for one page: their places are cached.
SHORT_TEXT = 80


def find_places(text: str) -> list[PlaceMention]:
    """Province, city and county names in `text` (simplified characters), leftmost-longest."""
    if len(text) <= SHORT_TEXT:
        return list(_find_places_short(text))
    return _find_places(text)


@lru_cache(maxsize=4096)
def _find_places_short(text: str) -> tuple[PlaceMention, ...]:
    return tuple(_find_places(text))


def _find_places(text: str) -> list[PlaceMention]:
    index = division_index()
    found: list[PlaceMention] = []
    taken = [False] * len(text)
    for level, pattern in (("county", index.county_pattern), ("city", index.city_pattern), ("province", index.province_pattern)):
        for m in pattern.finditer(text):
            if any(taken[m.start() : m.end()]):
                continue
            name = m.group()
            if level == "county":
                divisions = tuple(index.counties[name])
            elif level == "city":
                divisions = tuple(index.cities[name])
                # short city names (南川, 长寿) that are the start of a county name are not cities
                nxt = text[m.end() : m.end() + 1]
                if name not in {d.city for d in divisions} and nxt in ("区", "县"):
                    continue
            else:
                divisions = (Division(index.provinces[name], "", ""),)
            for i in range(m.start(), m.end()):
                taken[i] = True
            found.append(PlaceMention(m.start(), m.end(), name, level, divisions))
    # two-character county names right after their city (晋城市城区, 达州市渠县)
    for mention in [p for p in found if p.level == "city"]:
        for short in (text[mention.end : mention.end + 2],):
            if short in index.short_county_names:
                divisions = tuple(d for d in index.counties[short] if d.city == mention.divisions[0].city)
                if divisions:
                    found.append(PlaceMention(mention.end, mention.end + 2, short, "county", divisions))
    found.sort(key=lambda p: p.start)
    return found


def domain_labels(url: str) -> list[str]:
    """The place-bearing labels of a gov.cn host, most specific first (xxgk.shbsq.gov.cn -> [shbsq])."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return []
    if not host.endswith(".gov.cn"):
        return []
    labels = [lab for lab in host[: -len(".gov.cn")].split(".") if lab and lab not in GENERIC_DOMAIN_LABELS]
    out = []
    for label in labels:
        out.append(label)
        for tail in DOMAIN_LABEL_TAILS:
            if label.endswith(tail) and len(label) > len(tail) + 1:
                out.append(label[: -len(tail)])
    return out


def domain_counties(url: str) -> set[Division]:
    """Counties a gov.cn domain may name (several when ambiguous)."""
    index = division_index()
    found: set[Division] = set()
    for label in domain_labels(url):
        found |= index.county_keys.get(label, set())
    return {d for d in found if d.province not in NOT_GOV_CN_PROVINCES}


def own_domain_label(url: str, county: str) -> bool:
    """True when a domain label is the full pinyin of the county's short name (xiangshan = 象山县)."""
    short = strip_suffix(county, COUNTY_SUFFIXES)
    forms = {"".join(s) for s in _spellings(short)}
    return any(label in forms for label in domain_labels(url))


def domain_is_weak(url: str) -> bool:
    """True when the domain's place label is two letters or fewer (fl, by, lg): many places fit."""
    labels = [lab for lab in domain_labels(url) if lab in division_index().county_keys]
    return bool(labels) and all(len(lab) <= 2 for lab in labels)


def domain_cities(url: str) -> set[Division]:
    index = division_index()
    found: set[Division] = set()
    for label in domain_labels(url):
        found |= index.city_keys.get(label, set())
    return found


def narrow(candidates: set[Division] | list[Division], provinces: set[str], cities: set[str]) -> list[Division]:
    """Keep the candidates that agree with the named cities, else provinces; unchanged if none agree."""
    candidates = list(candidates)
    if len(candidates) <= 1:
        return candidates
    by_city = [d for d in candidates if d.city in cities]
    if by_city:
        candidates = by_city
    if len(candidates) > 1:
        by_province = [d for d in candidates if d.province in provinces]
        if by_province:
            candidates = by_province
    return candidates
