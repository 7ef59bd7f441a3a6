"""Rules as data for `metadata.py`: keywords, labels and name shapes of report pages."""
from __future__ import annotations

from pipeline.patterns import HAN, YEAR
from pipeline.places import TOWNSHIP_SHORT_SUFFIXES, TOWNSHIP_SUFFIXES

# --- report types: (type, patterns searched in the title first, then in the opening text) ---
REPORT_TYPE_TITLE_RULES = (
    ("info_disclosure", r"(政府)?信息公开(工作)?(年度)?(报告|年报)|信息公开.{0,6}年度报|政务公开.{0,4}年度报告"),
    ("rule_of_law", r"法治政府|依法行政|法治建设|法治.{0,4}工作(报告|总结)|法治.{0,8}情况"),
    ("work_summary", r"工作总结|工作报告|社代会|社区代表(大)?会议|代表大会.{0,4}报告|工作(情况)?汇报|工作思路|述职"),
)
# In the text (no usable title) the type is the one whose words are most frequent, if any.
REPORT_TYPE_TEXT_RULES = (
    ("info_disclosure", r"政府信息公开(工作)?年度报告|主动公开政府信息|依申请公开|政府信息公开条例"),
    ("rule_of_law", r"法治政府建设|依法行政|法治建设|依法治[区县市镇街乡]"),
    ("work_summary", r"工作总结|主要目标|经济和社会发展|各位代表|地区生产总值"),
)

# Titles that are delivered in year N about year N-1 (政府工作报告, 社区代表会议报告).
REPORT_DELIVERED_NEXT_YEAR = r"政府工作报告|代表(大)?会议.{0,4}报告|社代会.{0,4}报告"

# --- header labels before a date: publication first, then drafting dates (成文日期) ---
PUBLISH_DATE_LABELS = (
    r"发布时间|发布日期|发表日期|发表时间|公布日期|公开日期|更新时间|更新日期|信息提供日期|上传时间|日\s*期|时\s*间"
)
DRAFTED_DATE_LABELS = r"成文日期|成文时间|生成日期|公文生成日期|发文日期|发文时间|印发日期"
# Lines that carry a date which is not the article's (site banners: 今天是…星期三).
BANNER_WORDS = r"今天是|星期|礼拜|欢迎|天气|农历"

# --- titles ---
TITLE_WORDS = r"报告|总结|年报|公报|情况|工作要点|解读|汇报|工作计划|实施方案|通知|决定|决议|意见"
TITLE_FIELD_LABELS = r"标\s*题|名\s*称|内容概述|文件名称|信息名称"
# Breadcrumb and site-furniture lines.
FURNITURE = r"[>»›]|位置|分类|首页|索\s*引\s*号|主题分类|发布机构|字号|字体|打印|分享|浏览|点击|来源|扫一扫|无障碍|繁体|简体|关怀版|长者"

# --- issuers ---
# Name endings of issuing bodies; the level each implies (checked longest first).
ORG_SUFFIX_LEVELS = (
    ("街道办事处", "street"),
    ("街道党工委", "street"),
    ("街道工委", "street"),
    ("街道", "street"),
    ("镇人民政府", "town"),
    ("镇政府", "town"),
    ("乡人民政府", "township"),
    ("乡政府", "township"),
    ("人民政府", "gov"),
    ("政府", "gov"),
    ("委员会", "department"),
    ("办公室", "department"),
    ("管理局", "department"),
    ("局", "department"),
    ("委", "department"),
    ("办", "department"),
    ("中心", "department"),
    ("所", "department"),
    ("院", "department"),
    ("队", "department"),
    ("厅", "department"),
    ("署", "department"),
    ("街", "street"),
    ("镇", "town"),
    ("乡", "township"),
    ("区", "place"),
    ("县", "place"),
    ("市", "place"),
    ("旗", "place"),
)
# The part of a title that follows the issuer.
TITLE_ISSUER_END = rf"关于|{YEAR}\s*年|法治|依法|政府信息|信息公开|年度|工作(?!委员会|办事处)|社区代表|社代会|平安建设"
# Party committees named before the government body in joint titles (中共…委员会 …人民政府).
PARTY_PREFIX = r"^中共[^\s、,，]*?(工作委员会|委员会|工委|党委|党工委|[区县]委)"
# Header fields that name the publishing body.
ISSUER_FIELD_LABELS = r"发布机构|发布单位|信息来源|文章来源|来\s*源"
# Field values that are the website, not a body.
NOT_ISSUERS = r"^(本网|本站|原创|网站|无)$|网$|在线$|门户"
# Verbs that follow the subject of a report's opening sentence (2024年,区司法局在…).
SUBJECT_FOLLOWERS = r"在|坚持|深入|始终|认真|全面|紧紧|以|聚焦|按照|围绕|紧扣|进一步|扎实|严格|持续|根据|党委|党工委|党组|高度|切实|领导班子|法治政府建设工作|政府信息公开工作|牢记|积极|不断|着力"
# Sentences in which a page states who reports (由X编制, X特此编制, 请与X联系, 现将X2021年…报告, 我代表X):
# the group `name` is the stretch that starts with the body's name (cut to the name by `body_name`).
ISSUER_STATEMENTS = (
    rf"由(?P<name>[{HAN}()（）]{{2,40}}?)(?:负责)?编制",
    rf"(?:^|[,，。;；:：\n])\s*(?P<name>[{HAN}]{{2,30}}?)特(?:此)?编制",
    rf"(?:请|可)(?:与|向)(?P<name>[{HAN}()（）]{{2,40}}?)(?:联系|咨询|反映)",
    rf"请联系[:：]?\s*(?P<name>[{HAN}()（）]{{2,40}})",
    rf"我代表(?P<name>[{HAN}]{{2,40}}?)[,，]",
    rf"现(?:将|向社会公布|公布|予以公布)[《 ]?(?:{YEAR}年(?:度)?)?(?P<name>[{HAN}]{{2,40}}?)(?:{YEAR}年|政府信息公开|信息公开|法治政府)",
    rf"特编制(?:{YEAR}年(?:度)?)(?P<name>[{HAN}]{{2,30}}?)(?:政府信息公开|信息公开)",
)
# Endings of a government body's name, tried in this order inside a statement (…街道办事处党政办公室).
BODY_NAME_ENDS = (r"街道办事处|办事处", r"人民政府|政府(?!信息)")
# A statement's name may only be a government or township body (not 区司法局办公室).
STATEMENT_LEVELS = ("street", "town", "township", "gov")

# Development zones administered as counties (重庆高新区, 两江新区, 经开区).
# The name part holds no division suffix, so 重庆市万盛经开区 reads 万盛经开区; it may be empty (经开区).
DEV_ZONE = (
    r"(?:[^\W\d_a-zA-Z市省区县镇乡街在的和与及对由将了、]{2,6}?)?"
    r"(?:高新技术产业开发区|经济技术开发区|新技术开发区|高新区|经开区|开发区|新区|生态旅游风景区|风景名胜区|风景区)"
)
# What follows a zone named in the text as the body that governs the page (在东湖高新区党工委、管委会的领导下).
ZONE_GOVERNS = r"党工委|工委|管委会|管理委员会|政务网|政府网|人民政府|政府|将|坚持"

# Self-references in the text and the level they reveal (我镇, 全街, 乡党委).
SELF_REFERENCE_LEVELS = (
    (rf"全[市区县州省][{HAN}]{{2,8}}系统|我局|本局|局党组|局党委|我委|本委|委党组|委党委|全系统|我中心|本部门|本单位", "department"),
    (r"我街|全街|街道党工委|街道办事处|本街道|我街道|全街道|街党工委", "street"),
    (r"我镇|全镇|镇党委|镇政府|本镇", "town"),
    (r"我乡|全乡|乡党委|乡政府|本乡", "township"),
    (r"我区|全区|我县|全县|区政府常务会|县政府常务会", "county"),
    (r"我市|全市|市政府常务会", "city"),
)

# Township names: a name and one of these suffixes (街道 before 街, so 北城街街道 reads right).
TOWNSHIP_SUFFIX = "|".join((*TOWNSHIP_SUFFIXES, *TOWNSHIP_SHORT_SUFFIXES))
# What may follow a township name in an issuer or an opening sentence.
TOWNSHIP_FOLLOWERS = r"办事处|人民政府|政府|党工委|党委|工委|$|\s|[0-9]|关于|在|坚持|深入|始终|认真|全面|以|按照|围绕|紧扣|扎实|2"
# Words ending in 乡/镇/街 that are not townships.
NOT_TOWNSHIPS = frozenset("城乡 家乡 下乡 返乡 回乡 老乡 异乡 城镇 乡镇 集镇 村镇 重镇 名镇 市镇 小镇 大街 商业街 步行街 街乡 各镇 各乡 各街".split())
# The government endings a street/town name takes as a body (卫子镇 → 卫子镇人民政府), by its suffix.
FULL_BODY_ENDS = {
    "街道": ("街道办事处",),
    "街": ("街道办事处", "街办事处"),
    "镇": ("镇人民政府",),
    "乡": ("乡人民政府",),
}

# What follows 人民政府 when the name is one of its offices, not the government itself
# (静海区人民政府办公室, …人民政府办公厅, …人民政府研究室).
GOVERNMENT_OFFICE_CONTINUATIONS = r"办公室|办公厅|办|研究室|参事室|外事|口岸|驻|[局委厅署室所院队]"

# An opening sentence's subject is not the issuer when it starts with a preposition, a scope word
# or a verb (召开市政府党组…会: the government is the object) or holds a function word.
NOT_SUBJECT_START = (
    r"在|以|按照|根据|全|我|各|本|该|全面|坚持|深入|认真|为|对|向|由|将|经"
    r"|召开|组织|参加|开展|举办|印发|制定|出台|推动|推进|加强|落实|建立|完善|通过|围绕|聚焦|结合"
)
NOT_SUBJECT_INSIDE = r"[我了是的与及]|^[一二三四五六七八九十]+[是、个项大要]"

# A page that only says 我镇/我街 names itself elsewhere: in a 《title》 of its own documents
# (《大石镇“法律七进”…》, 《桥中街道政府信息依申请公开工作方案》) or as its party committee
# (中共洪梅镇委). Self-references by the level they imply.
SELF_REFERENCES = (
    ("street", r"我街道|本街道|全街道|我街(?![道头])|本街(?![道头])"),
    ("town", r"我镇|本镇|全镇"),
    ("township", r"我乡|本乡|全乡"),
)
SUFFIXES_BY_LEVEL = {"street": ("街道", "街"), "town": ("镇",), "township": ("乡",)}
# Where a page writes its own township's name: right after 《 (its own documents) or after 中共.
SELF_NAME_CONTEXTS = (r"《", r"中共")
# 镇党委政府, 街道党工委办事处: the party committee and the government together, not one body.
JOINT_LEADERSHIP = r"党(工)?委(和|、)?(政府|办事处)$"
