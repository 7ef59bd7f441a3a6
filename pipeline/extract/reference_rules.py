"""Rules data for cited titles (《…》): which kind of document a title names.

A title's kind is read from its head noun, the keyword it ends with once trailing
parentheticals such as (试行) or (2021-2025年) are set aside: …法 is a law, …条例 a
regulation, …通知 / …意见 a normative document, …规划 / …方案 a plan. Titles are matched in
simplified characters. The table is searched longest keyword first.
"""
from __future__ import annotations

LAW, REGULATION, NORMATIVE, PLAN, OTHER = "law", "regulation", "normative_document", "plan", "other"

# Head noun -> kind. 规定/办法/细则 default to normative documents; they become regulations
# when issued by an order (令) or by the State Council itself (see REGULATION_ISSUERS).
KIND_BY_SUFFIX: dict[str, str] = {
    # laws
    "法": LAW, "法典": LAW, "宪法": LAW, "法修正案": LAW, "修正案": LAW,
    # regulations
    "条例": REGULATION, "实施条例": REGULATION, "暂行条例": REGULATION, "规章": REGULATION,
    # normative documents
    "通知": NORMATIVE, "意见": NORMATIVE, "指导意见": NORMATIVE, "实施意见": NORMATIVE,
    "决定": NORMATIVE, "办法": NORMATIVE, "规定": NORMATIVE, "细则": NORMATIVE,
    "实施细则": NORMATIVE, "批复": NORMATIVE, "通告": NORMATIVE, "公告": NORMATIVE,
    "指引": NORMATIVE, "指南": NORMATIVE, "规则": NORMATIVE, "制度": NORMATIVE,
    "规范": NORMATIVE, "标准": NORMATIVE, "准则": NORMATIVE, "守则": NORMATIVE,
    "函": NORMATIVE, "复函": NORMATIVE, "决议": NORMATIVE, "命令": NORMATIVE,
    "格式": NORMATIVE, "清单": NORMATIVE, "目录": NORMATIVE, "办法(试行)": NORMATIVE,
    "措施": NORMATIVE, "若干措施": NORMATIVE, "政策措施": NORMATIVE, "导则": NORMATIVE,
    "公约": NORMATIVE, "章程": NORMATIVE,
    # plans
    "规划": PLAN, "纲要": PLAN, "方案": PLAN, "计划": PLAN, "要点": PLAN, "预案": PLAN,
    "安排": PLAN, "分工": PLAN, "分工表": PLAN, "路线图": PLAN, "行动": PLAN, "工程": PLAN, "蓝图": PLAN,
    # other: speeches, reports, books and periodicals
    "讲话": OTHER, "重要讲话": OTHER, "报告": OTHER, "报": OTHER, "日报": OTHER,
    "杂志": OTHER, "读本": OTHER, "汇编": OTHER, "白皮书": OTHER, "纪要": OTHER,
    "公报": OTHER, "简报": OTHER, "手册": OTHER, "文选": OTHER, "选集": OTHER, "论述": OTHER, "摘编": OTHER, "答问": OTHER,
}

# Words ending in 法 that do not name a law (…办法 is a normative document, 方法/做法 are not documents).
# Only endings no law has: 预算法 环境保护法 立法法 are laws, so 算法 护法 立法 are not listed.
NOT_LAW_SUFFIXES = (
    "办法", "方法", "做法", "写法", "用法", "想法", "看法", "说法", "手法", "技法", "书法",
    "语法", "普法", "守法", "依法", "违法",
)

# Heads that are kept with the keyword before them: 办法(试行) is 办法.
TRAILING_QUALIFIERS = ("试行", "暂行", "修订", "修正", "草案", "征求意见稿", "送审稿", "修订稿")

# Titles opening with these name documents of the State Council / national legislature,
# whose 规定 and 办法 are regulations.
REGULATION_ISSUERS = ("国务院关于", "国务院令")

# Order kinds in a paired number that make a 规定/办法/细则 title a regulation (规章). When the
# head noun is unknown, the paired number decides too: an order -> regulation, a 发/函 code ->
# normative document, none -> other.
ORDER_MARKERS = ("令", "公告")
REGULATION_UPGRADE_SUFFIXES = ("规定", "办法", "细则", "实施细则", "规则")
