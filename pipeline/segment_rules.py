"""Rules data for the heading tree: numbering markers, where a heading ends, table rows that
look like headings, and the keywords that place a section in a canonical part of the report.

Kept apart from `pipeline.segment` (the code that applies them) so that a new marker style or
keyword is one line here.
"""
from __future__ import annotations

from pipeline.patterns import YEAR, YEAR_SHAPE

# Chinese numerals as written in ordinals (一 … 九十九; 〇/零 and 两 appear in sloppy copies).
CN_NUM = "[一二三四五六七八九十]{1,3}"  # ordinals used for numbering are short (一 … 九十九)
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# Line-start marker styles: (style, regex with a `num` group). The style decides the level
# (styles get levels in the order a reader first meets them). A style is a numbering *family*:
# （一） (一) and the slip 三) are one style, 1. 1、 1． are one style.
# Each regex is tried at a line start, in this order; the first that matches wins.
LINE_MARKERS: list[tuple[str, str]] = [
    # 第一部分 / 第二章 / 第三节 (a space, 、 or : may follow and is not part of the marker)
    ("part", rf"第(?P<num>{CN_NUM})(?:部分|章|篇|节)"),
    # (一)是 … : an enumerator written with a bracketed numeral; it reads like 一是
    ("enum", rf"[(（](?P<num>{CN_NUM})[)）]是"),
    # （一） (一) and the site slip 三) with its opening bracket dropped
    ("cn_paren", rf"[(（]?(?P<num>{CN_NUM})[)）]"),
    # 一、 一. 一． (not 一是, not 一年)
    ("cn", rf"(?P<num>{CN_NUM})[、.．]"),
    # （1） (1)
    ("ar_paren", r"[(（](?P<num>\d{1,2})[)）]"),
    # 1. 1、 1． 12、 — but not 1.5万, 3.15, 1、2月 (a digit right after is a number, not a marker)
    # …except 2.2020年… (a year right after the marker cannot continue a decimal)
    ("ar", rf"(?P<num>\d{{1,2}})[.．、](?:(?!\d)|(?={YEAR_SHAPE}年))"),
    # ① ② …
    ("circled", rf"(?P<num>[{CIRCLED}])"),
    # 一是 二是 at a line start
    ("enum", rf"(?P<num>{CN_NUM})是"),
]

# Characters a line may start with before its marker: spaces, and the ? a page shows for a
# character its encoding lost (???（一）…).
LINE_LEAD = " \t?？"
# Pages whose line breaks were lost keep a heading after a space or a full stop
# (…解读如下: 出台背景 二、清理范围 本次清理…; …联系。一、总体情况): a marker there counts as at a
# line start when it continues the numbering exactly.
SOFT_LINE_BREAK_BEFORE = " 。"

# Inline enumerators inside a paragraph: 一是 / (一)是 at a sentence start, i.e. right after
# one of these characters (or at a line start, handled by LINE_MARKERS).
INLINE_ENUM = rf"(?:[(（](?P<pnum>{CN_NUM})[)）]|(?P<num>{CN_NUM}))是"
INLINE_ENUM_AFTER = "。；;：:！!？? "
# …and also glued to the previous clause with its full stop missing (a site slip such as
# 会议4次二是组织…), but only when the enumeration is already running in this paragraph.
INLINE_ENUM_GLUED_MAX_GAP = 400

# Styles that are enumerations inside running text: never checked for a counting sequence
# (一是…四是 then 一是… again in the next paragraph is normal).
ENUM_STYLES = {"enum"}

# A heading runs from after its marker up to the first of these (or the line end).
HEADING_STOP = "。！？；;:：!?\n"
# A space also ends a heading: in normalized text it is where a page that lost its line breaks
# runs the body on (一、2022年工作总结 2022年,文新街道…) — except after an ASCII digit or letter,
# where PDF text spaces numbers (一、2021 年度推进…).
HEADING_SPACE = " "
# A marker alone on its line takes the next line as heading only if that line is this short.
HEADING_MAX_CHARS_NEXT_LINE = 40
# A numbering that does not start at 1 (the page lost its first item) is still taken when its
# line is a short heading, up to this value.
FIRST_ITEM_MAX_VALUE = 3
# Separators between a marker and its heading text that belong to neither.
MARKER_TRAIL = " 、:：.．,，"

# A heading line whose rest contains a table-cell separator is a flattened table row.
TABLE_CELL_SEPARATORS = ("|", "\t")
# A line holding only numbers (cell per line, as copied from an HTML table).
NUMERIC_CELL = r"[\d.,%\s-]+"
# A row whose label is followed on the same line by two or more numbers (PDF text of a table).
TRAILING_NUMBER_CELLS = r"(?:\s+-?\d[\d.,%]*){2,}\s*$"

# A line that starts an attachment (附件 / 附件1 / 附件2:名词解释): its numbering starts afresh,
# so the heading tree starts again at the top level.
ATTACHMENT_LINE = r"附件\s*\d{0,2}\s*[:：]?\s*(?:\S.{0,40})?"

# Row labels of the national template tables of 政府信息公开工作年度报告 (国办公开办函〔2019〕60号):
# numbered like headings (一、本年新收… （一）予以公开 1.属于国家秘密) but they are table cells.
DISCLOSURE_TABLE_ROWS = (
    "本年新收政府信息公开申请数量",
    "上年结转政府信息公开申请数量",
    "本年度办理结果",
    "结转下年度继续办理",
    "予以公开",
    "部分公开",
    "不予公开",
    "无法提供",
    "不予处理",
    "其他处理",
    "属于国家秘密",
    "其他法律行政法规禁止公开",
    "危及“三安全一稳定”",
    "保护第三方合法权益",
    "属于三类内部事务信息",
    "属于四类过程性信息",
    "属于行政执法案卷",
    "属于行政查询事项",
    "本机关不掌握相关政府信息",
    "没有现成信息需要另行制作",
    "补正后申请内容仍不明确",
    "信访举报投诉类申请",
    "重复申请",
    "要求提供公开出版物",
    "无正当理由大量反复申请",
    "要求行政机关确认或重新出具已获取信息",
    "申请人无正当理由逾期不补正",
    "申请人逾期未按收费通知要求缴纳费用",
    "总计",
)
# A prefix of a row label is enough (excerpts cut mid-word: 4.保护第).
DISCLOSURE_ROW_MIN_PREFIX = 3

# Canonical parts of an annual report. Each heading is matched against every keyword; the
# keyword found EARLIEST in the heading decides (推进…存在的不足及改进措施 -> shortcomings),
# ties go to the category listed first. Regexes, applied to the heading text.
CATEGORY_KEYWORDS: list[tuple[str, tuple[str, ...]]] = [
    ("leadership_duty", (
        r"第一责任人",
        r"主要负责人(?:履行|推进|落实)",
        r"(?:党政)?主要负责人.{0,12}职责",
        r"履行.{0,12}职责(?:情况)?$",
    )),
    ("shortcomings", (
        r"不足",
        r"存在(?:的)?(?:主要)?问题",
        r"问题(?:和|与|及)(?:不足|困难|原因)",
        r"困难(?:和|与|及)问题",
        r"差距",
        r"短板",
        r"薄弱环节",
    )),
    ("improvements", (
        r"改进(?:措施|方向|举措|情况|计划)",
        r"整改(?:措施|情况|落实)",
        r"问题整改",
        r"下一步(?:的)?改进",
    )),
    ("next_year_plan", (
        r"下一?年度?(?:的)?(?:工作|主要|重点)",
        r"下一年度",
        r"明年",
        r"下一步(?:工作)?(?:安排|打算|计划|思路|举措|重点)?",
        rf"{YEAR}\s*年(?:度)?(?:的)?(?:法治政府建设|依法行政|政务公开|法治建设)?(?:工作)?(?:安排|打算|计划|思路|重点|要点|主要任务)",
        r"工作(?:安排|打算|计划|思路|要点)",
        r"今后(?:工作)?(?:的)?(?:打算|安排|方向|努力方向|计划)",
    )),
    ("achievements", (
        r"主要举措",
        r"成效",
        r"主要做法",
        r"工作(?:开展)?情况",
        r"取得的?(?:主要)?成绩",
        r"主要工作",
        r"工作成果",
        r"主要成绩",
        r"完成情况",
        r"推进情况",
        r"(?:总体|基本)情况",
        r"工作(?:总结|回顾)",
        r"亮点工作",
        r"建设(?:工作)?情况$",
    )),
]
DEFAULT_CATEGORY = "other"
# The canonical parts that come after a report's measures and results.
PARTS_AFTER_ACHIEVEMENTS = frozenset({"shortcomings", "leadership_duty", "next_year_plan", "improvements"})
# A sub-section's own keywords override its parent's category only where the two can share a
# part of the report (an achievements part may hold the first-responsible-person duties; a
# shortcomings part its improvements or next steps). Under `other` anything goes.
CATEGORY_CHILD_MAY_OVERRIDE = {
    "achievements": {"leadership_duty", "shortcomings"},
    "shortcomings": {"improvements", "next_year_plan"},
    "improvements": {"next_year_plan"},
    "leadership_duty": set(),
    "next_year_plan": set(),
}
# Enumerations (一是…) are items of their section, not parts of the report: they inherit.
CATEGORY_INHERIT_ONLY_STYLES = ENUM_STYLES

# …unless the sentence that leads a run of them in says what they are. Sections on shortcomings
# and improvements are often one part (存在的不足及改进措施) with two runs of 一是…; first match wins.
LEAD_IN_KEYWORDS: list[tuple[str, str]] = [
    ("improvements", r"改进|整改|努力方向"),
    ("shortcomings", r"不足|问题|差距|短板|薄弱"),
    ("next_year_plan", r"下一年度|明年|打算"),
]
# Parents whose items may take a lead-in's category (an achievements part keeps its items).
LEAD_IN_OVERRIDABLE = {"shortcomings", "improvements", "next_year_plan", "other"}
