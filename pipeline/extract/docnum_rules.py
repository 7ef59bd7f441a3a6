"""Rules data for document numbers (发文字号): what surrounds them, what they are built of.

A document number is an issuer code (机关代字: short place and organ abbreviations plus a
document-type character, 渝府办发 浙司 国办公开办函) followed by a year in brackets and a
serial with 号; or an order number (国务院令第711号). The code is read leftwards from the
year until something that is not part of a code: punctuation, a space, or one of the
words below that commonly precede a number in running text. All words are written in
simplified characters; traditional text is matched through its simplified shadow.
"""
from __future__ import annotations

# Year brackets as the sites write them (and the one the contract normalizes to).
OPEN_BRACKETS = "〔[［(（【﹝〈<"
CLOSE_BRACKETS = "〕]］)）】﹞〉>"
NORMAL_OPEN, NORMAL_CLOSE = "〔", "〕"

# The serial's suffix; 號 is the traditional form and stays as written in `number`.
HAO = "号號"

# Plausible years of a document still cited in a report.
YEAR_MIN, YEAR_MAX = 1949, 2039

# Longest issuer code / ordering body read leftwards before we give up looking for a start.
MAX_CODE_LEN = 10
MAX_ORGAN_LEN = 16

# Words that end right before an issuer code in running text: verbs of citing, prepositions,
# conjunctions, the labels of a number field, and the head nouns of a title the number
# follows without punctuation (…的通知渝府发〔2020〕1号). Single characters only where the
# character never starts a code (和 is kept: "国发…和鲁发…" is far commoner than 和政县; 将 凭
# 向 are not: 将镛委 is 将乐县镛城镇, 凭祥, 向阳).
BOUNDARY_WORDS = (
    # verbs and prepositions of citing
    "根据", "依据", "依照", "按照", "遵照", "参照", "对照", "比照", "贯彻", "落实", "执行",
    "学习", "印发", "转发", "下发", "发布", "颁布", "公布", "出台", "制定", "修订", "修改",
    "废止", "通过", "结合", "经过", "关于", "按", "据", "照", "以", "用", "见", "即",
    "于", "为", "在", "由", "是", "对", "现将", "特将", "予以", "同意",
    # conjunctions and particles
    "和", "及", "与", "或", "暨", "同时", "并且", "等", "的", "之", "了", "被", "把",
    # number labels and ordinals
    "文件", "文号", "字号", "编号", "号", "第", "简称", "附件",
    # head nouns of titles and of what a number is cited for
    "通知", "意见", "决定", "办法", "批复", "报告", "纲要", "方案", "要点", "条例", "规定",
    "规划", "细则", "通告", "公告", "精神", "要求", "部署", "安排", "清单", "目录",
)

# Names that contain a boundary word but are read whole (中华人民共和国主席令, 和平区, 于都县).
NAMES_WITH_BOUNDARY_WORDS = (
    "共和国", "和平", "和政", "和田", "和顺", "和龙", "和硕", "和林格尔", "和静", "于都", "于洪", "于田",
    "以色列",
)

# Extra words that stop an ordering body's name (原国家安全生产监督管理总局令 → 国家…总局令):
# "former", "current".
ORGAN_PREFIX_WORDS = ("原", "现", "前")

# A number with neither brackets nor 号 (开州委法20239) or with no brackets at all
# (泉政20223号) is only taken when its code ends in a document-type or organ character
# the way issuer codes do, so that street addresses (城南路20211号) are not.
CODE_FINAL_CHARS = set(
    "发办函字文政府委法电复规通令司厅局部社教财建卫警审综纪组宣统议笺涵"
    "發辦電復規廳審綜紀組宣統議箋"
)

# Bodies that issue orders (令) and announcements (公告) with a number: the name must end so.
ORDER_KEYWORDS = ("令", "公告")
ORGAN_SUFFIXES = (
    "国务院", "政府", "主席", "总局", "部", "局", "委员会", "常委会", "委", "署", "院", "行",
    "厅", "办", "会", "室", "总署", "中心",
)

# Year/month/day characters that end a date written right before a name
# (2016年12月1日常州市人民政府令第2号): cut when the character follows a digit.
DATE_SUFFIX_CHARS = "年月日"

# Registration numbers that look like codes with a year (京ICP备2020…号): never document numbers.
NOT_CODES = ("备", "ICP", "公网安备", "许可证", "证")

# Characters that may close the context of an unbracketed number without 号 ((开州委法20239)).
BARE_NUMBER_FOLLOWERS = "）)、,，;；。 \n"

# Connecting words between a number and the title it introduces (X发〔2020〕1号印发《…》).
NUMBER_TITLE_LINKS = ("", "印发", "文件印发", "文印发", "印发的", "发布", "公布", "文件", "文")

# Chinese numerals of an order's serial (中华人民共和国主席令第十号).
CHINESE_DIGITS = "〇零一二三四五六七八九十百千两"
