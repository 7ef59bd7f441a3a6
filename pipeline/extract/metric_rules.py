"""Rules, as data, for the metrics extractor (pipeline.extract.metrics).

Everything here is a table the extractor reads; no logic. Each table says what kind of
wording it captures, so a new report's phrasing means a new row, not new code.
"""
from __future__ import annotations

from pipeline.numerals import BIG_UNITS, DIGITS, SMALL_UNITS

# --- numerals -------------------------------------------------------------------------

# Chinese digits and multipliers: pipeline/numerals.py
CN_DIGITS, CN_SMALL_UNITS, CN_BIG_UNITS = DIGITS, SMALL_UNITS, BIG_UNITS

# Words that open with 一 and follow a count without being a second numeral (近万名一般干部):
# numeral-unit-numeral (一户一档) is a slogan only when the second numeral is not one of these.
NUMERAL_WORDS = ("一般", "一线", "一些", "一定", "一致", "一直", "一体", "一步", "一切", "一同", "一并",
                 "一道", "一律", "一流", "一级", "一类", "一批", "一系列")

# A bare one-character numeral that on its own is too often part of a word to count
# (零件, 〇 in dates); such candidates need a second numeral character.
CN_NEEDS_COMPANY = frozenset("零〇")

# --- units ----------------------------------------------------------------------------

# Counting units (classifiers) and physical measures, as written. Longest match wins, so
# compound units (人次, 场次, 件次, 个百分点, 平方米) are listed next to their heads.
COUNT_UNITS = (
    "个百分点", "百分点",
    "人次", "场次", "件次", "家次", "户次", "批次", "期次", "条次", "车次", "班次", "课次", "轮次", "架次",
    "大类", "大部分", "部分", "方面", "学时", "课时",
    "件", "次", "条", "名", "人", "场", "项", "個", "項", "个", "份", "户", "家", "期", "篇",
    "本", "册", "所", "座", "批", "轮", "组", "支", "处", "台", "套", "起", "宗", "部", "类",
    "张", "幢", "栋", "间", "辆", "艘", "架", "位", "例", "笔", "单", "块", "幅", "首",
    "堂", "节", "门", "种", "棵", "株", "盏", "根", "顶", "把", "枚", "封", "卷", "片",
    "段", "层",
)
MEASURE_UNITS = (
    "平方公里", "平方千米", "平方米", "立方米", "公顷", "亩", "公里", "千米", "米", "吨",
    "千瓦时", "千瓦", "公斤", "千克", "GB", "TB",
)
PERCENT_UNITS = ("%", "‰")
# Money units; 万/亿 before them stay in the unit (20万元 -> 20, 万元).
MONEY_UNITS = ("美元", "欧元", "港元", "元")
# Scale characters kept inside a money unit.
MONEY_KEEPS_SCALE = frozenset("万亿萬億")

# A unit character followed by one of these is the first half of a word, not a unit:
# 统一部署, 3处级, 一起草, 2组织, 台账, 条例, 人民, 个人 ...
UNIT_WORD_BLOCKERS = {
    "人": "民大才口身均社防事力权们员格性文工",
    "个": "人别体性",
    "名": "单称录义誉额次列",
    "条": "例件款线",
    "次": "日性数序",
    "场": "所地景馆合面",
    "户": "籍口外型",
    "份": "额",
    "期": "间限刊末初满望待项工",
    "本": "年级次单部市区县镇月期届人身着质地领",
    "所": "属有在辖长得以需述列谓涉",
    "座": "谈",
    "批": "准复示办评",
    "组": "织成建长合",
    "支": "持部出队付撑",
    "处": "级罚理置室长分",
    "台": "账帐阶",
    "套": "餐",
    "起": "草到来点步",
    "部": "门署长委分位",
    "类": "型似",
    "张": "贴",
    "间": "隔断",
    "位": "于置",
    "例": "如会行",
    "单": "位元",
    "栋": "0123456789",  # 5栋3单元: an address
    "幢": "0123456789",
    "门": "户槛",
    "种": "类",
    "节": "约日点",
    "家": "庭属长园乡子村镇屯",
    "件": "事",
    "项": "目",
    "宗": "旨教",
    "首": "先次",
    "轮": "流",
    "片": "区",
    "段": "时",
    "层": "级面",
    "块": "",
    "笔": "录",
    "米": "",
}

# 个 followed by a time word is a duration (3个月, 7个工作日), not a count.
DURATION_AFTER_GE = (
    "工作日", "自然日", "月", "小时", "季度", "星期", "年", "周", "学期", "半月", "钟头", "时期", "阶段",
)

# --- qualifiers -----------------------------------------------------------------------

# Written before the number; longest first.
PREFIX_QUALIFIERS = {
    "不少于": "at_least", "不低于": "at_least", "至少": "at_least",
    "不超过": "at_most", "不高于": "at_most", "不多于": "at_most",
    "超过": "more_than", "超": "more_than", "逾": "more_than",
    "将近": "approx", "接近": "approx", "大约": "approx", "近": "approx", "约": "approx",
}
# A qualifier character that is the end of a word is not a qualifier (节约3万元, 最近3次).
PREFIX_QUALIFIER_WORDS = frozenset({
    "节约", "制约", "签约", "预约", "合约", "公约", "特约", "履约", "违约", "守约", "条约", "集约",
    "最近", "附近", "临近", "就近", "邻近", "靠近", "亲近", "贴近", "走近", "赶超", "高超",
})
# Written between the number and the unit (57余件, 200多名, 3.3万余人次).
INFIX_QUALIFIERS = {"余": "more_than", "多": "more_than"}
# Written after the unit (90%以上, 100人左右).
SUFFIX_QUALIFIERS = {"以上": "more_than", "左右": "approx", "以内": "at_most", "以下": "at_most"}

# --- not metrics ----------------------------------------------------------------------

# A number preceded by one of these is an ordinal or a rank (第18次, 六届二次全会).
ORDINAL_BEFORE = frozenset("第届")
# What follows a list of numbered items that makes them ordinals (六届二次、三次全会).
ORDINAL_NOUNS = ("全会", "全体会议", "党代会", "代表大会", "会议精神")
# Signs and range/phone joiners: a number touching one of these is not a standalone count
# (+19, 3-5次, 0537-5450, 3~5次).
JOINERS = frozenset("+-−－＋±~～—–")
# Words joining the two ends of a range (3至5次, 三到五次).
RANGE_WORDS = ("至", "到")

# Characters before a Chinese numeral that make it part of a word (统一, 唯一, 之一).
CN_WORD_BEFORE = frozenset("统唯同之逐专单划归万合如不进任")

# Fixed phrases that contain a numeral + unit but are names or slogans, not counts.
FIXED_PHRASES = (
    "四个意识", "四个自信", "四个全面", "四个环境", "两个维护", "两个确立", "两个毫不动摇",
    "两个一百年", "两个大局", "两个先行", "三个代表", "三个务必", "五个一", "四个一",
    "三重一大", "三项制度", "三项机制", "一件事", "一次办", "最多跑一次", "一次性", "一站式",
    "一网通办", "一网统管", "一网协同", "一批", "一系列", "一些", "一起", "一部分", "一份子",
    "一条龙", "一张网", "一张图", "一张蓝图", "一本账", "一盘棋", "一把手", "一把尺",
    "一户一", "一人一", "一企一", "一村一", "一案一", "一事一", "一门式", "一窗", "一体化",
    "千家万户", "万家灯火", "一家人", "一张清单", "一个窗口", "一个中心", "一个平台",
    "一支笔", "一次告知", "一次办结", "一次办好", "两个责任", "一岗双责",
    "一张表", "一个号码", "一号通", "一类事", "八项规定", "一条街", "一件事一次办",
    "华山一条路", "一方面", "另一方面",
    # row labels of the standard 依申请公开 table (属于三类内部事务信息, 属于四类过程性信息)
    "三类内部事务", "四类过程性",
)
# A numbered slogan is a Chinese numeral + 个/项/大/重 + an abstract noun (四个意识, 三个作用,
# 两个维护): these nouns name ideas, not things that can be counted in a report.
SLOGAN_UNITS = frozenset("个项大重篇")
SLOGAN_NOUNS = (
    "意识", "自信", "维护", "确立", "全面", "作用", "务必", "代表", "环境", "坚持", "必须", "优先",
    "毫不动摇", "结合", "统筹", "转变", "保障", "示范", "领先", "率先", "争先", "奋勇争先",
    "目标", "定位", "战略", "理念", "规定", "要求", "精神", "攻坚战", "制度",
    "一百年", "大局", "先行", "责任", "高地", "新高地", "大文章", "走在前列",
)
# "一" + unit after these words is an indefinite article (作为一项重要任务, 建设一支队伍), not a count.
# After 新/上/下/另/每 it is a position in a series (新一轮, 下一次, 另一项).
INDEFINITE_BEFORE = (
    "作为", "成为", "是", "为", "建设", "打造", "培养", "锻造", "造就", "这", "那", "今后", "形成", "树立",
    "新", "上", "下", "另", "每", "建立", "组建", "的",
)
# Bare round numerals (百名, 千场) used in pairs are program names: 百名法学家百场报告会, 千名干部助千企.
ROUND_NUMERALS = frozenset("十百千万亿")
ROUND_PAIR_WINDOW = 8
# A Chinese numeral + unit inside a quotation “…” of at most this many characters is a
# slogan or a name ("四个意识", "一件事一次办", "百名法学家百场报告会").
QUOTED_SLOGAN_MAX = 20
QUOTES = {"“": "”", "「": "」", "『": "』", "‘": "’", '"': '"'}

# Phone numbers and codes: this many digits in a row without a decimal point is not a count.
MAX_COUNT_DIGITS = 7

# --- subject --------------------------------------------------------------------------

SUBJECT_MIN, SUBJECT_MAX = 2, 10
SUBJECT_WINDOW = 16  # characters read after a count for the noun it stands before
SUBJECT_LOOKBACK = 24  # characters read before a count for the noun phrase it follows

# Words (jieba tokens) that open the object of a count when scanning back from the number:
# verbs of doing, counting and reporting, adverbs of scope, prepositions. The subject is the
# phrase after the last one (开展法治讲座12场 -> 法治讲座).
SUBJECT_LEAD_WORDS = (
    "累计", "共计", "合计", "总计", "共有", "共", "全年", "年内", "本年度", "本年", "今年以来", "年以来",
    "达到", "达", "均达", "为", "均为", "是", "有", "超过", "分别", "分别为", "其中", "以来",
    "开展", "组织", "举办", "召开", "办理", "受理", "处理", "发放", "发布", "参加", "参与", "接待",
    "完成", "收到", "新增", "出动", "提供", "印发", "制定", "出台", "报送", "下达", "聘请", "落实",
    "推出", "建成", "建立", "梳理", "编制", "实现", "排查", "走访", "上线", "安排", "进行", "配备",
    "设立", "通过", "对", "向", "在", "于", "将", "把", "帮助", "推动", "指导", "细化", "发现",
    "明确", "确定", "涵盖", "覆盖", "动员", "成立", "组建", "选任", "遴选", "审核", "审查", "各",
    "各类", "各项", "各级", "所有", "相关", "这", "该", "先后", "已", "共同", "全面", "累计完成",
    # the end of an enumeration (在宣传、培训等方面投入近20万元 -> 投入)
    "等",
)
# Words that end the noun phrase after a count: predicates and linking words
# (54名新提任领导干部参加考试 -> 新提任领导干部; 3家国家高新技术企业和3家… -> 国家高新技术企业).
SUBJECT_END_WORDS = (
    "的", "等", "和", "及", "与", "、", "参加", "参与", "完善", "实行", "实现", "进行", "开展", "完成",
    "落地", "获得", "获评", "获", "被", "成功", "通过", "听取", "建成", "公示", "签订", "列入",
    "达成", "实施", "接受", "赴", "进驻", "入驻", "纳入", "开通", "覆盖", "受益", "参训",
    "提供", "组成", "均", "全部", "已", "共", "累计", "分别", "为", "是", "在", "得到", "予以",
    "办结", "作为", "对", "向", "从", "以", "由", "经", "按", "按照", "根据",
)
# A determiner lead word and the classifiers it takes along (各类型, 各类, 各项).
SUBJECT_DETERMINER_TAILS = {"各": ("类型", "类", "种", "项", "级"), "各类": ("型",)}
# A lead word followed by one of these is part of a noun (完成率, 参考率, 办理量).
SUBJECT_NOMINAL_SUFFIXES = frozenset({"率", "量", "数", "额", "人数", "件数", "次数"})
# Trimmed from the start / the end of a subject phrase.
SUBJECT_TRIM_HEAD = ("各类型", "各类", "各项", "各种", "各级", "各", "其中", "共计", "累计", "共", "方面上", "上")
SUBJECT_TRIM_TAIL = ("共计", "累计", "合计", "总计", "共", "计", "达到", "均达", "达", "约", "近", "超过",
                     "超", "逾", "至少", "不少于", "分别为", "分别", "均为", "均", "为", "的", "等", "已",
                     "有", "是", "共有", "高达", "已达", "突破", "在", "高", "均达到", "达到了")

# Words right after a count that make it the subject of a predicate, not a modifier of the
# noun that follows (164个精简至70个, 2条获得采纳, 165条全部满意办结, 3人分配给…): the counted
# thing is then named before the count.
SUBJECT_PREDICATES_AFTER = (
    "精简", "调减", "减少", "增加", "增长", "下降", "上升", "提高", "提升", "压缩", "缩减", "扩大",
    "分配", "负责", "协助", "配合", "获得", "获", "完成", "参加", "参与", "实现", "纳入", "落地",
    "办结", "予以", "在", "于", "被", "已", "均", "全部", "赴", "进行", "开展", "通过", "列入", "涉及",
    "占", "同比", "比", "较", "具有", "担任", "承担", "入选", "荣获", "获评", "成功", "顺利", "按时",
    "次", "到", "至", "向", "对", "和", "及", "与", "或", "、", "得到", "进入", "给",
)
# A copula after a count introduces what the counted things are (其中4篇为立法建议).
SUBJECT_COPULAS = ("为", "是", "系", "属于")
# Words that alone name no counted thing: time, scope and linking words (全年共计7次,
# 年度内4次召开专题会议, 其中2项): the subject is then looked for elsewhere.
SUBJECT_FILLERS = (
    "全年", "年度内", "年度", "年内", "年中", "年底", "年末", "目前", "当前", "现", "现有", "其中", "剩余",
    "今年", "本年", "本年度", "当年", "上年", "去年", "截至目前", "截至", "截止", "此外", "同时", "另外",
    "另", "还", "并", "又", "再", "先后", "共", "共计", "累计", "合计", "总计", "分别", "已", "均",
    "达", "达到", "高达", "以上", "左右", "一年来", "以来", "期间", "全镇", "全区", "全县", "全市",
    "全街道", "该", "本", "我", "我镇", "我区", "我县", "我市", "区局", "局",
)
# Rates follow what they measure (化解率94.74%); the clause after them is another clause
# when a site drops the 。 (比例达99.68%合理设置…).
RATE_UNITS = frozenset({"%", "‰", "个百分点", "百分点"})
# The verbs ending a change "X由N1项调减为N2项": both counts name X.
CHANGE_TO = ("调减为", "调增为", "精简至", "精简为", "减少至", "减少为", "减少到", "增加至", "增加为",
             "增加到", "压缩至", "压缩为", "压缩到", "提高至", "提高到", "提升至", "提升到", "下降至",
             "下降到", "缩减至", "缩减为", "增至", "减至", "降至", "升至", "为", "至", "到")

# Counts of the report's own parts (由…等六部分组成, 分为六大部分, 四个部分): the corpus names
# them by convention; the cue near the count picks the name.
STRUCTURE_UNITS = frozenset({"部分", "大部分"})
STRUCTURE_WINDOW = 60  # 报告 must be this close for the parts to be the report's
STRUCTURE_SUBJECTS = (("组成", "报告组成部分"), ("分为", "报告组成部分"), ("分成", "报告组成部分"),
                      ("内容", "报告内容"))
STRUCTURE_DEFAULT = ""  # no cue: the ordinary subject rules name it (四个部分 -> 部分)
