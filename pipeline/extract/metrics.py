"""Metrics: every quantity a report states (办理政府信息公开23件, 化解率94.74%, 投入近20万元).

`extract_metrics(text, exclude)` finds a number (Arabic or Chinese numerals) with a unit,
reads its value, unit and qualifier, drops what is not a count (dates, durations, ordinals,
ranges, phone numbers, slogans, numbers inside 《》 and inside `exclude`), and names the
subject from the sentence. The tables that drive it are in `metric_rules`.
"""
from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable, Sequence

from pipeline.extract import metric_rules as R
from pipeline.extract.references import find_titles
from pipeline.numerals import chinese_to_number
from pipeline.records import Metric, Sentence
from pipeline.segment import split_sentences

# --- the candidate pattern --------------------------------------------------------------


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_CN_CHARS = "".join([*R.CN_DIGITS, *R.CN_SMALL_UNITS, *R.CN_BIG_UNITS])
_ARABIC = r"(?<![\d.])\d+(?:\.\d+)?(?![.]\d)"
_CN_DIGIT_CHARS = "".join(R.CN_DIGITS)
_CHINESE = rf"(?<![{_CN_CHARS}])[{_CN_CHARS}]+(?:点[{_CN_DIGIT_CHARS}]+)?"
_NUMBER = rf"(?:{_ARABIC}|{_CHINESE})"
_SCALE = "".join([*R.CN_BIG_UNITS, "千"])
_UNITS = _alternation([*R.COUNT_UNITS, *R.MEASURE_UNITS, *R.PERCENT_UNITS, *R.MONEY_UNITS])
_INFIX = "".join(R.INFIX_QUALIFIERS)

_CANDIDATE = re.compile(
    rf"(?P<pre>{_alternation(R.PREFIX_QUALIFIERS)})?"
    rf"(?:百分之(?P<pct>{_NUMBER})"
    # one space may follow an Arabic number (163 条, 280 余场次: sites pad numbers), never a line break
    rf"|(?P<num>{_NUMBER})(?:(?<=\d) )?(?P<inf1>[{_INFIX}])?(?P<scale>[{_SCALE}])?(?P<inf2>[{_INFIX}])?(?P<unit>{_UNITS}))"
    rf"(?P<suf>{_alternation(R.SUFFIX_QUALIFIERS)})?"
)
_NUMBER_START = re.compile(rf"[\d{_CN_CHARS}]")
_JOINER_CLASS = re.escape("".join(sorted(R.JOINERS)))
_RANGE_BEFORE = re.compile(rf"[\d{_CN_CHARS}](?:{_UNITS})?(?:{_alternation(R.RANGE_WORDS)})$")
_RANGE_NEXT = re.compile(rf"(?:[{_JOINER_CLASS}]|{_alternation(R.RANGE_WORDS)})[\d{_CN_CHARS}]")
_FIXED = re.compile(_alternation(R.FIXED_PHRASES))
_CUT_OFF_TAIL = 3
_SENTENCE_STOP = re.compile(r"[。！？；!?;)）”,，、:：\s]")
_ROUND = "".join(R.ROUND_NUMERALS)
_ROUND_PAIR = re.compile(rf"(?<![{_CN_CHARS}])[{_ROUND}]+(?:{_UNITS})")  # 百名…百场


# --- numerals ---------------------------------------------------------------------------


def _number_value(s: str) -> float | None:
    if s[0].isdigit():
        try:
            return float(s)
        except ValueError:
            return None
    return chinese_to_number(s)


# --- context tests ----------------------------------------------------------------------


def _spans_from(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


class _SpanSet:
    """Sorted, possibly overlapping spans; answers "does [s, e) overlap any?" in O(log n)."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        self._spans = sorted((int(s), int(e)) for s, e in spans if e > s)
        self._starts = [s for s, _ in self._spans]
        # running max of ends so overlapping spans are answered correctly
        self._max_end: list[int] = []
        best = -1
        for _, e in self._spans:
            best = max(best, e)
            self._max_end.append(best)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end) - 1
        return i >= 0 and self._max_end[i] > start


def _in_short_quote(text: str, start: int, end: int) -> bool:
    """True when [start, end) sits inside a short quotation “…” (a slogan or a name)."""
    lo = max(0, start - R.QUOTED_SLOGAN_MAX)
    for i in range(start - 1, lo - 1, -1):
        c = text[i]
        if c in R.QUOTES:
            close = R.QUOTES[c]
            j = text.find(close, end, start + R.QUOTED_SLOGAN_MAX + 2)
            if j < 0:
                return False
            return (j - i - 1) <= R.QUOTED_SLOGAN_MAX and "\n" not in text[i:j]
        if c in "”」』\n。；;，,":
            return False
    return False


def _is_range_end(text: str, num_start: int) -> bool:
    """3至5次, 三到五次, 3次至5次: the candidate is the upper end of a range."""
    return _RANGE_BEFORE.search(text, max(0, num_start - 12), num_start) is not None


_LIST_ITEM_BACK = re.compile(rf"[\d{_CN_CHARS}]+(?:{_UNITS})?[、,，和及]$")
_LIST_ITEM_FWD = re.compile(rf"[、,，和及][\d{_CN_CHARS}]+(?:{_UNITS})?")


def _is_ordinal_list(text: str, num_start: int, unit_end: int) -> bool:
    """二次、三次、四次全会; 第一、二轮: an item of a list whose head is an ordinal."""
    i = num_start
    while True:  # walk back over "X次、" items to the head of the list
        m = _LIST_ITEM_BACK.search(text, max(0, i - 8), i)
        if not m:
            break
        i = m.start()
    if i > 0 and text[i - 1] in R.ORDINAL_BEFORE:
        return True
    j = unit_end
    while True:  # walk forward over "、Y次" items to what follows the list
        m = _LIST_ITEM_FWD.match(text, j)
        if not m:
            break
        j = m.end()
    return text.startswith(R.ORDINAL_NOUNS, j)


_LONGER_UNITS = tuple(u for u in (*R.COUNT_UNITS, *R.MEASURE_UNITS) if len(u) > 1)


def _may_be_cut(unit: str, tail: str) -> bool:
    """At the very end of an excerpt, a count is cut off when nothing follows it, or when
    what follows may be the start of a longer unit or a duration (4个工作|日); a complete
    count with its noun (15个部门) stands."""
    if not tail:
        return True
    if unit in ("个", "個") and any(w.startswith(tail) for w in R.DURATION_AFTER_GE):
        return True
    return any(u.startswith(unit + tail) and u != unit for u in _LONGER_UNITS) or any(
        (unit + w).startswith(unit + tail) for w in R.UNIT_WORD_BLOCKERS.get(unit[-1:], "")
    )


def _reject(text: str, m: re.Match[str], num: str, num_start: int, num_end: int, unit: str, pre: str | None) -> bool:
    """The rules that make a number-with-unit not a metric."""
    before = text[num_start - 1] if num_start > 0 else ""
    unit_end = m.end("unit") if m.group("unit") else m.end()
    after = text[unit_end] if unit_end < len(text) else ""
    is_chinese = not num[0].isdigit()

    tail = text[m.end():].rstrip()
    if len(tail) <= _CUT_OFF_TAIL and not _SENTENCE_STOP.search(tail) and _may_be_cut(unit, tail):
        return True  # cut off at the end of the text: the unit itself may be incomplete
    if before == " " and num_start > 1:
        before = text[num_start - 2]  # 第 3 条
    if pre is None and before in R.ORDINAL_BEFORE:
        return True
    if _is_ordinal_list(text, num_start, unit_end):
        return True
    if before in R.JOINERS or (pre is None and _is_range_end(text, num_start)):
        return True
    if num_end < len(text) and text[num_end] in R.JOINERS:
        return True  # 3-5次 (lower end), phone 0537-...
    if _RANGE_NEXT.match(text, m.end()):
        return True  # 3万元-5万元, 3次至5次: lower end of a range written with units
    if m.group("suf") == "以上" and _NUMBER_START.match(text, m.end()):
        return True  # 3人以上10人以下: lower end of a bracket
    if m.group("suf") in ("以下", "以内") and text.endswith("以上", 0, m.start()):
        return True  # upper end of the same bracket
    if not is_chinese and "." not in num and len(num) >= R.MAX_COUNT_DIGITS:
        return True
    if unit and after and after in R.UNIT_WORD_BLOCKERS.get(unit[-1], ""):
        return True
    if unit in ("个", "個") and text.startswith(R.DURATION_AFTER_GE, unit_end):
        return True
    if is_chinese and m.group("pct") is None:  # 百分之九十 is a plain percentage
        if len(num) == 1 and num in R.CN_NEEDS_COMPANY:
            return True
        if pre is None and before in R.CN_WORD_BEFORE:
            return True
        if after and after in R.CN_DIGITS and after not in "零〇" and not text.startswith(R.NUMERAL_WORDS, unit_end):
            return True  # 一户一档, 三会一课: numeral-unit-numeral is a slogan pattern
        if after in R.QUOTES and _NUMBER_START.match(text, unit_end + 1):
            return True  # 四个‘1’, 两个“一百年”: a numbered slogan
        if _in_short_quote(text, num_start, unit_end):
            return True
        if unit in R.SLOGAN_UNITS and text.startswith(R.SLOGAN_NOUNS, unit_end):
            return True  # 四个意识, 三个作用
        if num == "一" and pre is None and text.endswith(R.INDEFINITE_BEFORE, 0, num_start):
            return True  # 作为一项重要任务
        if all(c in R.ROUND_NUMERALS for c in num):
            if unit in R.MONEY_UNITS:
                return True  # 千万元楼宇, (单位:万元): a bracket of size, not an amount
            if _ROUND_PAIR.search(text, unit_end, unit_end + R.ROUND_PAIR_WINDOW) or _ROUND_PAIR.search(
                text, max(0, num_start - R.ROUND_PAIR_WINDOW), num_start
            ):
                return True  # 百名法学家百场报告会
    return False


def _fixed_phrase_spans(text: str) -> _SpanSet:
    return _SpanSet(_spans_from(_FIXED, text))


# --- subject ----------------------------------------------------------------------------

_CLAUSE_STOP = frozenset("，,。；;：:、（）()！？!?\n[]【】")
_DROP_CHARS = frozenset("“”‘’\"'「」『』《》<> ")
_BRACKET_CLOSE = re.compile(r"[(（][^()（）,，。;；\n]{1,6}[)）]")
_LEADS = frozenset(R.SUBJECT_LEAD_WORDS)
_ENDS = frozenset(R.SUBJECT_END_WORDS)
_TRIM_HEAD = tuple(sorted(R.SUBJECT_TRIM_HEAD, key=len, reverse=True))
_TRIM_TAIL = frozenset(R.SUBJECT_TRIM_TAIL)
_PREDICATES = frozenset(R.SUBJECT_PREDICATES_AFTER)
_FILLERS = tuple(sorted(R.SUBJECT_FILLERS, key=len, reverse=True))
_CHANGE_FROM = re.compile(
    rf"由[^{re.escape(''.join(_CLAUSE_STOP))}\d{_CN_CHARS}]{{0,6}}"
    rf"(?:{_NUMBER}[^{re.escape(''.join(_CLAUSE_STOP))}]{{0,8}}?(?:{_alternation(R.CHANGE_TO)}))?$"
)
_jieba = None


def _tokens(s: str) -> list[str]:
    """Words of a short phrase (jieba's dictionary segmentation, no HMM: fast and stable)."""
    global _jieba
    if _jieba is None:
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)
        _jieba = jieba
    return _jieba.lcut(s, HMM=False)


def _clean_tokens(tokens: list[str]) -> list[str]:
    """A phrase's words without quotes and without scope/linking words at either end
    (whole words only: 上年结转 keeps 上年, while 上 alone is trimmed)."""
    tokens = [t for t in ("".join(c for c in t if c not in _DROP_CHARS) for t in tokens) if t]
    while tokens and tokens[-1] in _TRIM_TAIL:
        tokens.pop()
    for w in _TRIM_HEAD:  # longest first: 各类型 before 各
        n, k = 0, 0
        while k < len(tokens) - 1 and n < len(w):
            n += len(tokens[k])
            k += 1
        if n == len(w) and "".join(tokens[:k]) == w:
            return tokens[k:]
    return tokens


def _clean(tokens: list[str]) -> str:
    return "".join(_clean_tokens(tokens))


def _fit(tokens: list[str]) -> str:
    """Keep the head of a long phrase, whole words only: Chinese noun phrases end with their
    head noun, so leading words are dropped until the phrase is short enough."""
    tokens = _clean_tokens(tokens)
    while tokens and sum(map(len, tokens)) > R.SUBJECT_MAX and len(tokens) > 1:
        tokens = tokens[1:]
    phrase = "".join(tokens)
    if len(phrase) < R.SUBJECT_MIN:
        return ""
    return phrase[-R.SUBJECT_MAX:]  # one word longer than the limit


def _is_filler(phrase: str) -> bool:
    """Only time words, scope words or leads (全年, 年度内, 其中, 目前): it names no thing."""
    rest = phrase
    while rest:
        for w in _FILLERS:
            if rest.startswith(w):
                rest = rest[len(w):]
                break
        else:
            return False
    return True


def _before_suffix(tokens: list[str], i: int) -> bool:
    return i + 1 < len(tokens) and tokens[i + 1] in R.SUBJECT_NOMINAL_SUFFIXES


def _is_lead(tokens: list[str], i: int) -> bool:
    """A lead word, unless it is the verb half of a noun (完成 率, 参考 率)."""
    return tokens[i] in _LEADS and not _before_suffix(tokens, i)


def _after_tokens(text: str, end: int) -> list[str]:
    """The words of the clause after a count (short brackets kept: 15个镇(街道))."""
    j = end
    if text.startswith("的", j):
        j += 1
    k = j
    while k < len(text) and k - j < R.SUBJECT_WINDOW:
        if text[k] in "(（":
            close = _BRACKET_CLOSE.match(text, k)
            if close:
                k = close.end()
                continue
        if text[k] in _CLAUSE_STOP:
            break
        k += 1
    if k == j:
        return []
    tokens = _tokens(text[j:k])
    if k - j >= R.SUBJECT_WINDOW and len(tokens) > 1:
        tokens = tokens[:-1]  # the window may have cut the last word
    return tokens


def _noun_after(tokens: list[str]) -> str:
    """The noun a count stands before (80个工作机构的领导干部 -> 工作机构); "" when a
    predicate follows the count instead (164个精简至70个, 2条获得采纳)."""
    if len(tokens) > 2 and tokens[0][0].isdigit():
        tokens = tokens[2:]  # 29个24小时城市书房: a measure before the noun
    if not tokens or tokens[0] in _PREDICATES or tokens[0] in _ENDS or tokens[0][0].isdigit():
        return ""
    kept: list[str] = []
    for i, t in enumerate(tokens):
        if t in _ENDS or _is_lead(tokens, i) or t[0].isdigit():
            break
        kept.append(t)
    while len(kept) > 1 and kept[-1] in _PREDICATES:
        kept.pop()  # 43座商务楼宇分配给, 29位经济楼长负责: the clause's verb is not the noun
    return _fit(kept)


def _after_copula(tokens: list[str]) -> str:
    """其中4篇为立法建议, 其中2项为子项: what the count is said to be."""
    if len(tokens) > 1 and tokens[0] in R.SUBJECT_COPULAS:
        return _noun_after(tokens[1:])
    return ""


def _object_after(tokens: list[str]) -> str:
    """年度内4次召开专题会议: the object of the verb the count modifies."""
    if len(tokens) > 1 and (tokens[0] in _LEADS or tokens[0] in _PREDICATES):
        return _noun_after(tokens[1:])
    return ""


def _clause_start(text: str, sent_start: int, start: int) -> tuple[int, bool]:
    """Where the clause holding a count begins; True when the look-back limit cut it."""
    i = start
    while i > sent_start and text[i - 1] not in _CLAUSE_STOP and start - i < R.SUBJECT_LOOKBACK:
        i -= 1
    seen = text[i:start]
    if seen.count("》") > seen.count("《"):  # the limit fell inside a cited title: go to its start
        j = text.rfind("《", sent_start, i)
        if j >= 0 and "》" not in text[j:i] and not any(c in _CLAUSE_STOP for c in text[j:i]):
            return _clause_start(text, sent_start, j) if j > sent_start else (j, False)
    return i, i > sent_start and text[i - 1] not in _CLAUSE_STOP


def _anchor(text: str, sent_start: int, start: int) -> int:
    """Where the phrase before a count ends: before a bracket the count sits in (全员轮训(不少于
    40学时)), before 由 in a change (行政审批事项由349项调减为345项)."""
    while start > sent_start and text[start - 1] == " ":
        start -= 1
    if start > sent_start and text[start - 1] in "(（":
        start -= 1
    m = _CHANGE_FROM.search(text, max(sent_start, start - 24), start)
    if m and m.start() > sent_start:
        start = m.start()
    return start


def _phrase_before(text: str, sent_start: int, start: int) -> str:
    """The noun phrase a count follows: after the clause's last lead word
    (办理政府信息公开23件 -> 政府信息公开; 受众达2800余人次 -> 受众)."""
    i, cut_by_limit = _clause_start(text, sent_start, start)
    clause = text[i:start]
    close = clause.rfind("》")
    if close >= 0:  # a cited title is a name, never cut into: take what follows it, or what precedes
        after_title = clause[close + 1:]
        if len(_clean(_tokens(after_title))) >= R.SUBJECT_MIN and not _is_filler(after_title):
            clause, i, cut_by_limit = after_title, i + close + 1, False
        elif clause.count("《") == 1 and not after_title.strip(" 等"):
            # 发放《公共场所卫生许可证》1095件: the one title right before the count is what is counted
            return _fit(_tokens(clause[clause.find("《") + 1:close]))
        else:
            head = clause[: clause.find("《")]
            if not head.strip(" 等"):  # a list of topics and titles (保密、疫情防控、《…》等): the clause before it
                while i > sent_start and text[i - 1] == "、":
                    i, cut_by_limit = _clause_start(text, sent_start, i - 1)
                end = min(k for k in (text.find("、", i, start), text.find("《", i, start), start) if k >= 0)
                head = text[i:end]
            clause = head
    tokens = _tokens(clause)
    if cut_by_limit and len(tokens) > 1:
        tokens = tokens[1:]  # the look-back limit may have cut the first word
    while tokens and tokens[-1] in _TRIM_TAIL:
        tokens.pop()  # 覆盖率达 -> 覆盖率
    cuts = [0]
    for n in range(len(tokens) - 1):  # a lead word at the very end is the phrase's head (合法性审查)
        if _is_lead(tokens, n) or (tokens[n] in _ENDS and not _before_suffix(tokens, n)):
            # 各 类型 不规范执法行为: a determiner takes its classifier along
            cuts.append(n + 2 if tokens[n + 1] in R.SUBJECT_DETERMINER_TAILS.get(tokens[n], ()) else n + 1)
        elif tokens[n][0].isdigit():  # 1级矛盾风险: skip the number and its one-character classifier
            cuts.append(n + 2 if n + 2 < len(tokens) and len(tokens[n + 1]) == 1 else n + 1)
    for cut in reversed(cuts):  # the shortest phrase that still names something
        phrase = _fit(tokens[cut:])
        if phrase:
            return phrase
    return ""


def _previous_clause(text: str, sent_start: int, start: int) -> str:
    """全年共计7次 after "…对习近平法治思想进行解读学习,": the clause before names the count."""
    i, _ = _clause_start(text, sent_start, start)
    if i <= sent_start or text[i - 1] not in ",，":
        return ""
    return _phrase_before(text, sent_start, i - 1)


def _structure_subject(text: str, start: int, end: int, unit: str) -> str:
    """由…等六部分组成 / 分为六大部分 / 四个部分: a count of the report's own parts, named by
    the corpus convention (报告组成部分, 报告内容, 报告部分)."""
    j = end
    if unit in ("个", "項", "项", "個") and text.startswith("部分", j):
        j += 2
    elif unit not in R.STRUCTURE_UNITS:
        return ""
    near = text[max(0, start - R.STRUCTURE_WINDOW):j + R.STRUCTURE_WINDOW]
    if "报告" not in near and "報告" not in near:
        return ""
    for cue, name in R.STRUCTURE_SUBJECTS:
        if text.startswith(cue, j, j + len(cue) + 2) or text.endswith(cue, max(0, start - 8), start):
            return name
        if cue in text[j:j + 3]:
            return name
    return R.STRUCTURE_DEFAULT


def _subject(text: str, sent_start: int, start: int, end: int, unit: str) -> str:
    """A short phrase (2-10 characters, whole words) from the sentence naming what is counted."""
    structure = _structure_subject(text, start, end, unit)
    if structure:
        return structure
    after = _after_tokens(text, end)
    anchor = _anchor(text, sent_start, start)
    before = _phrase_before(text, sent_start, anchor)
    if _is_filler(before):
        before = ""
    copula = _after_copula(after)
    if copula:
        return copula
    if unit in R.RATE_UNITS:  # 化解率94.74%: a rate follows what it measures
        noun = before or _noun_after(after)
    else:
        noun = _noun_after(after) or before
    return (
        noun
        or _object_after(after)
        or _previous_clause(text, sent_start, anchor)
        or _fit(after[:3])
    )


# --- extraction -------------------------------------------------------------------------


def extract_metrics(text: str, exclude: Sequence[tuple[int, int]] = (),
                    sentences: Sequence[Sentence] | None = None) -> list[Metric]:
    """Every quantity stated in `text` (normalized), in order of appearance. `sentences` are the
    text's sentences where the caller has them already (else they are split here)."""
    if not text:
        return []
    blocked = _SpanSet([*exclude, *find_titles(text)])
    fixed = _fixed_phrase_spans(text)
    sentences = split_sentences(text) if sentences is None else sentences
    sent_starts = [s.start for s in sentences]
    out: list[Metric] = []
    for m in _CANDIDATE.finditer(text):
        metric = _read(text, m, blocked, fixed)
        if metric is None:
            continue
        k = bisect.bisect_right(sent_starts, metric.start) - 1
        if k >= 0 and sentences[k].end >= metric.end:
            sent = sentences[k]
        else:
            sent = None
        s0, s1 = (sent.start, sent.end) if sent else (metric.start, metric.end)
        metric.sentence = text[s0:s1]
        metric.subject = _subject(text, s0, metric.start, metric.end, metric.unit)
        out.append(metric)
    return out


def _read(text: str, m: re.Match[str], blocked: _SpanSet, fixed: _SpanSet) -> Metric | None:
    pct = m.group("pct")
    if pct is not None:
        num, num_start, num_end, unit = pct, m.start("pct"), m.end("pct"), "%"
    else:
        num, num_start, num_end, unit = m.group("num"), m.start("num"), m.end("num"), m.group("unit")
    start, end = m.start(), m.end()
    pre = m.group("pre")
    if pre and start > 0 and text[start - 1] + pre[0] in R.PREFIX_QUALIFIER_WORDS:
        start, pre = m.start("pct") - 3 if pct is not None else num_start, None  # 节约3万元
    if blocked.overlaps(start, end) or fixed.overlaps(num_start, m.end("unit") if m.group("unit") else end):
        return None
    if _reject(text, m, num, num_start, num_end, unit if pct is None else "", pre):
        return None

    value = _number_value(num)
    if value is None or not math.isfinite(value):
        return None
    scale = m.group("scale") or ""
    if unit in R.MONEY_UNITS:
        # money keeps 万/亿 in the unit: 20万元 -> 20, 万元; 二十万元 -> 20, 万元
        if not scale and not num[0].isdigit() and len(num) > 1 and num[-1] in R.MONEY_KEEPS_SCALE:
            scale = num[-1]
            value = chinese_to_number(num[:-1]) or 1.0
        if scale in R.MONEY_KEEPS_SCALE:
            unit = {"萬": "万", "億": "亿"}.get(scale, scale) + unit
        elif scale:
            value *= R.CN_SMALL_UNITS.get(scale, 1)
    elif scale:
        value *= R.CN_BIG_UNITS.get(scale) or R.CN_SMALL_UNITS.get(scale, 1)
    if not math.isfinite(value):
        return None

    qualifier = ""
    if pre:
        qualifier = R.PREFIX_QUALIFIERS[pre]
    for g in ("inf1", "inf2"):
        if m.group(g):
            qualifier = qualifier or R.INFIX_QUALIFIERS[m.group(g)]
    if m.group("suf"):
        qualifier = qualifier or R.SUFFIX_QUALIFIERS[m.group("suf")]

    value = round(value, 6)
    return Metric(
        raw=text[start:end], value=value, unit=unit, qualifier=qualifier, subject="",
        indicator="", sentence="", start=start, end=end,
    )
