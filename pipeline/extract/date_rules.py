"""Rules as data for `dates.py`: relative words, range joiners, what is not a date."""
from __future__ import annotations

from pipeline.patterns import HAN, YEAR_SHAPE

# Relative year words and their offset from the report year (longest first when matching).
RELATIVE_YEARS = {
    "本年度": 0, "今年": 0, "本年": 0, "全年": 0, "年内": 0, "年度内": 0,
    "上一年度": -1, "上年度": -1, "上一年": -1, "去年": -1, "上年": -1,
    "下一年度": 1, "下年度": 1, "下一年": 1, "明年": 1, "来年": 1,
}
# Characters before a relative word that make it a duration or a different word
# (三年内, 多年来, 每年, 近年内, 青年, 老年, 周年, 成年, 少年, 当年度).
RELATIVE_BLOCKERS = "一二三四五六七八九十百两几数多每近往历当跨同逐0123456789"
# Before a word that starts with 年 (年内) these make a noun too (青年, 老年, 成年, 周年, 中年).
BARE_YEAR_BLOCKERS = RELATIVE_BLOCKERS + "青老少成周壮幼童中晚早新长余本上下去明今全来"
# Characters after a relative word that make it part of a longer word (全年龄, 今年度?).
RELATIVE_TRAILING_BLOCKERS = "龄级轻"
# Per word: characters after it that make another word (本年报 = 本 + 年报, "this annual report").
WORD_TRAILING_BLOCKERS = {"本年": "报"}

# Parts of a year: (words, first month, last month).
YEAR_PARTS = (
    ("上半年", 1, 6), ("下半年", 7, 12),
    ("第一季度", 1, 3), ("一季度", 1, 3), ("第二季度", 4, 6), ("二季度", 4, 6),
    ("第三季度", 7, 9), ("三季度", 7, 9), ("第四季度", 10, 12), ("四季度", 10, 12),
    ("前三季度", 1, 9), ("前两季度", 1, 6), ("前二季度", 1, 6),
)

# Between the two ends of a range.
RANGE_JOINERS = r"(?:起)?\s*[,，]?\s*(?:至|到|—|–|－|-|~|～|〜|—{2})\s*"

# A month written without its year, known as a date by the word around it (截至10月, 11月底, 6月以来,
# 7月至今, 其中5月): it takes the year of the line's last date, else the report year.
MONTH_ALONE_BEFORE = r"截至|截止|截止到|至|于|自|从|其中|在"
MONTH_ALONE_AFTER = r"底|初|末|以来|至今|份|中旬|上旬|下旬"
# Words after a month that keep it in the raw span (11月底).
MONTH_ALONE_KEEP = r"底|初|末|份|中旬|上旬|下旬"

# Words right after a date that make it a deadline.
DEADLINE_AFTER = r"^\s*(?:前|之前|以前|底前|止前)"

# Lines that carry dates that are not the article's own.
FURNITURE_LINES = r"今天是|星期[一二三四五六日天]|版权所有|Copyright|copyright|©|ICP|备案号"

# Spans never holding dates, besides the 《》 titles `references.find_titles` finds: a title left
# open, document numbers, 索引号 values.
EXCLUDED_SPANS = (
    r"《[^《》\n，。,;；]{0,60}",  # a title whose 》 the site dropped: up to the next punctuation
    r"〔[^〕\n]{0,8}〕",
    rf"[\[［(（]\s*{YEAR_SHAPE}\s*[\]］)）]\s*\d+\s*号",
    rf"[{HAN}]{{1,10}}[〔\[［(（]?{YEAR_SHAPE}[〕\]］)）]?\s*第?\d+号",
    r"国务院令第\d+号",
    r"索\s*引\s*号\s*[\]】]?\s*[:：|]?\s*[|]?\s*[\w/\-.]+",
)
