"""Rules data for organizations (ORG) and roles (ROLE).

An organization is a HEAD (the kind of body: 司法所, 人民政府, 局, 大队 …) extended to the left
over a PREFIX made only of known pieces: place names (cpca's county-level-and-up names and
township names such as 复兴街道), level words (区, 街道 …) and domain words (司法, 综合行政执法 …).
Because the prefix never takes an unknown character, verbs are never swallowed
(召开党工委会 -> 党工委). A role is a ROLE_HEAD (书记, 所长, 调解员 …), joined with the
organization written right before it (党工委书记, 司法所所长).
"""
from __future__ import annotations

# Kinds of bodies that are organizations on their own, even without a prefix.
ORG_HEADS_STANDALONE = (
    "人民代表大会常务委员会", "人大常委会", "人民政府", "人民法院", "人民检察院", "人民法庭",
    "办事处", "司法所", "派出所", "财政所", "税务所", "律师事务所", "法律服务所",
    "党工委", "纪工委", "人大工委", "党委", "纪委", "监委", "政协", "人大", "工会", "妇联", "团委",
    "领导小组", "工作领导小组", "委员会", "村委会", "居委会", "村民委员会", "居民委员会",
    "村(社区)", "村(居)", "综合行政执法大队", "综合执法大队", "法律顾问团",
    "公共法律服务中心", "公共法律服务站", "公共法律服务工作站", "便民服务中心", "政务服务中心",
    "矛盾纠纷调解中心", "人民调解委员会", "检察院", "法院",
)
# Kinds of bodies that need a prefix to name one (区政府, 区司法局, 市场监管所 — but not
# 法治政府, 结局, 办理).
ORG_HEADS_NEED_PREFIX = (
    "政府", "中心", "大队", "支队", "中队", "小组", "工作组", "办公室", "工作站", "服务站",
    "社区", "局", "委", "办", "所", "院", "庭", "站",
)
# A one-character head is not a head when followed by these (局面, 委托, 办理, 所有, 院校 …).
SINGLE_CHAR_HEAD_NOT_BEFORE = {
    "局": "面势部限",
    "委": "员托屈婉",
    "办": "理法事案好学公结实成件",
    "所": "有以在属得需谓辖",
    "院": "校落子内",
    "庭": "审院",
    "站": "点位台",
}
# A longer head is not a head when it opens a compound noun (党委政府中心工作: the central task).
HEAD_NOT_BEFORE = {
    "中心": ("工作", "任务", "环节", "内容", "城区", "思想"),
    # 镇街 and 乡镇 are collective nouns (深化镇街综合执法改革, 各乡镇), not a town named before them
    "镇": ("街",),
    "乡": ("镇",),
}

# Administrative level words that may open a prefix (区司法局, 街道党工委, 镇政府).
LEVEL_WORDS = ("街道", "社区", "省", "市", "区", "县", "镇", "乡", "村")
# The township suffixes (`pipeline.places.TOWNSHIP_SUFFIXES`), after a name of this many
# characters, name a township (复兴街道, 澄江镇).
TOWNSHIP_NAME_LEN = (2, 3)
# A township name does not end with these (新型城镇, 重点乡镇, 城乡 …) …
TOWNSHIP_NAME_BAD_END = "城乡镇村街各全本该我其此"
# … nor contains these function characters.
TOWNSHIP_NAME_BAD_CHARS = "的了在和与及对将向经为是各全本该我其等把被从给到于至并或同跟请让使由年月日号"
# A bare township name (复兴街道 with no body after it and no place before it) counts only when
# the same name is written somewhere in the text as a body (复兴街道办事处, 复兴街道党工委) or after
# a place (北碚区复兴街道): 规范街道, 加强街道 are verbs before the word 街道.

# Domains of government bodies (司法局, 综合行政执法大队, 市场监管所).
DOMAIN_WORDS = (
    "司法", "公安", "财政", "民政", "人力资源和社会保障", "人社", "自然资源", "规划和自然资源",
    "生态环境", "住房和城乡建设", "住建", "城乡建设", "交通运输", "交通", "农业农村", "水利",
    "商务", "文化和旅游", "文化旅游", "文旅", "卫生健康", "卫健", "应急管理", "应急",
    "市场监督管理", "市场监管", "审计", "统计", "医疗保障", "医保", "信访", "城市管理", "城管",
    "综合行政执法", "综合执法", "行政执法", "教育", "税务", "发展和改革", "发展改革", "发改",
    "经济和信息化", "经信", "科技", "科学技术", "退役军人事务", "林业", "体育", "政务服务",
    "政务服务管理", "大数据", "大数据发展", "党政", "政法", "党群", "党建", "社会事务", "社会治理",
    "综治", "平安建设", "便民服务", "公共法律服务", "人民调解", "行政审批", "法制", "依法治区",
    "依法治市", "依法治县", "依法治镇", "依法治街", "依法治省", "纪检监察", "监察",
    "机构编制", "机关事务", "档案", "人防", "消防救援", "气象", "国土",
    "国土资源", "环保", "环境保护", "城乡规划", "规划", "房管", "法律援助", "公证", "仲裁",
    "劳动人事争议仲裁", "劳动保障监察", "社保", "就业", "民族宗教", "外事", "侨务", "经济发展",
    "党政综合", "党建工作", "社会保障", "农业服务", "文化服务", "网格化服务管理", "综治维稳",
    "信访维稳", "安全生产", "应急管理", "生态环境保护综合行政执法", "人民政府", "政府",
)
# Party prefixes (中共北碚区委).
PARTY_PREFIXES = ("中国共产党", "中共")

# Roles. Joined with an organization written right before them.
ROLE_HEADS = (
    "第一责任人", "主要负责人", "直接责任人", "负责人", "主要领导", "分管领导", "分管负责人",
    "党工委书记", "党委书记", "副书记", "书记", "副主任", "主任", "副所长", "所长", "副局长", "局长",
    "副镇长", "镇长", "副乡长", "乡长", "副区长", "区长", "副县长", "县长", "副市长", "市长",
    "副庭长", "庭长", "副院长", "院长", "检察长", "大队长", "中队长", "队长", "站长", "科长",
    "秘书长", "部长", "总书记", "副组长", "组长", "人民调解员", "调解员", "法律顾问", "顾问", "律师",
    "网格员", "联络员", "信息员", "人民陪审员", "人民监督员", "法治副校长", "普法志愿者",
)
# Characters that end whatever came before (a township name or a prefix starts after them).
LEVEL_BOUNDARY_CHARS = "的了在和与及对将向经为是各被把从给到于至并或同跟请让使由年月日号、,，。;；:：()（）《》“”\"' \n"
# A level word glued to the character before it is part of another word in these (辖区派出所 ->
# 派出所, 全区各部门), and does not open a prefix; elsewhere it does (落实区委 -> 区委).
LEVEL_GLUED_WORDS = frozenset("""
辖区 全区 城区 地区 园区 小区 景区 片区 山区 社区 本区 我区 该区 各区 市区 郊区 新区 老区 库区 矿区 林区 牧区 校区 街区 专区 灾区 禁区
城市 都市 超市 全市 本市 我市 该市 各市 上市 门市 夜市 集市 股市 楼市
城镇 乡镇 村镇 集镇 全镇 本镇 我镇 该镇 各镇 重镇 古镇 小镇 坐镇
全县 本县 我县 该县 各县 郡县 州县
全省 本省 我省 该省 各省 外省 反省 节省 
城乡 全乡 本乡 我乡 各乡 家乡 老乡 异乡 下乡 返乡 故乡 
农村 乡村 全村 各村 本村 我村 该村 山村 渔村
""".split())
# Heads whose own name is free text before them, back to a boundary (中央全面依法治国委员会,
# 法治政府建设领导小组), at most this long, and cut after any of the verbs below.
FREE_NAME_HEADS = ("委员会", "领导小组", "工作领导小组", "工作小组")
FREE_NAME_MAX_LEN = 14
FREE_NAME_CUT_AFTER = (
    "成立", "调整", "设立", "组建", "召开", "健全", "完善", "建立", "加强", "充实", "发挥", "落实",
    "通过", "参加", "组织", "经过", "提交", "报请", "报送", "按照", "根据", "贯彻", "学习", "传达",
    "召集", "成为", "担任", "作为", "请示", "汇报", "会同", "联合", "配合", "牵头", "设置", "明确",
    "下设", "设有", "任", "是", "为",
)
# Adjacent organizations form one name when the first ends with one of these
# (北碚区人民政府复兴街道办事处).
ORG_CHAIN_ENDS = ("人民政府",)
# Longest prefix piece looked up when extending left.
MAX_PIECE_LEN = 12
