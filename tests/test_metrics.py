"""Metrics extractor: real sentences from the corpus, the not-a-metric rules, and properties."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.evaluate import Score
from pipeline.extract.metrics import extract_metrics
from pipeline.normalize import normalize_text
from pipeline.numerals import chinese_to_number

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "corpus" / "dev"


def triples(text: str, exclude=()) -> list[tuple[float, str, str]]:
    return [(m.value, m.unit, m.qualifier) for m in extract_metrics(text, exclude)]


def only(text: str):
    found = extract_metrics(text)
    assert len(found) == 1, found
    return found[0]


# --- real sentences -------------------------------------------------------------------

# raw/seed/fuxing_2020 (北碚区复兴街道 2020): the counts, a rate and money with 近
SEED = "全年共排查出1级矛盾风险57余件,化解54件,化解率94.74%,有效的防控了重大矛盾风险。"


def test_seed_sentence_counts_rate_and_qualifier():
    found = extract_metrics(SEED)
    assert [(m.raw, m.value, m.unit, m.qualifier) for m in found] == [
        ("57余件", 57, "件", "more_than"),
        ("54件", 54, "件", ""),
        ("94.74%", 94.74, "%", ""),
    ]
    assert found[0].subject == "矛盾风险"  # the 1级 level is not a count and not in the subject
    assert found[2].subject == "化解率"


def test_money_keeps_wan_in_the_unit():
    m = only("在平安建设、会议培训等方面上投入近20万元,为社会平安稳定提供保障。")
    assert (m.raw, m.value, m.unit, m.qualifier) == ("近20万元", 20, "万元", "approx")


def test_other_units_multiply_wan_out():
    assert triples("机关干部学法考试1.3万人次。") == [(13000, "人次", "")]
    assert triples("微信发送提醒信息近1.7万条。") == [(17000, "条", "approx")]
    m = only("累計服務36.43萬人次。")  # d072, traditional characters
    assert (m.value, m.unit) == (364300, "人次")
    assert triples("获宣人员万余人;") == [(10000, "人", "more_than")]  # d016


def test_chinese_numerals():
    assert triples("委领导班子成员在系统开展二十大主题教育宣讲二十余次。") == [(20, "次", "more_than")]
    assert triples("开展两次区级专项督查,发现交办问题40个。") == [(2, "次", ""), (40, "个", "")]
    assert triples("满意率达到百分之九十。") == [(90, "%", "")]
    assert triples("召开一次会议。") == [(1, "次", "")]
    assert [chinese_to_number(s) for s in ("二十二", "两", "一百零五", "三万五", "十二万三千")] == [
        22, 2, 105, 35000, 120000 + 3000
    ]


def test_subject_before_and_after_the_count():
    sentence = "创新开展“民主测评”和“考法”,全区80个工作机构的领导干部连续两年接受评议,连续23年举办全区处级领导干部学法考试。"
    m = only(sentence)  # d001: 连续两年 and 连续23年 are durations
    assert (m.value, m.unit, m.subject) == (80, "个", "工作机构")
    m = only("开展道路交通安全和运输执法领域突出问题专项督察,共发现各类型不规范执法行为434件,目前均已整改完毕。")
    assert m.subject == "不规范执法行为"
    assert only("截至目前共办理政府信息公开23件,为社会公众提供服务。").subject == "政府信息公开"
    assert only("积极履行行政机关出庭应诉义务,参加行政诉讼9件。").subject == "行政诉讼"
    assert only("组织54名新提任领导干部参加春秋两季法治理论知识考试。").subject == "新提任领导干部"


def test_qualifiers():
    assert triples("覆盖率达60%以上,") == [(60, "%", "more_than")]
    assert triples("每季度至少一次专题学习。") == [(1, "次", "at_least")]
    assert triples("每年开展专题学习不少于4次,") == [(4, "次", "at_least")]
    assert triples("依法对200多名重点人员进行管控,") == [(200, "名", "more_than")]
    assert triples("推出就业岗位超2600个。") == [(2600, "个", "more_than")]
    assert triples("共节约资金3万元。") == [(3, "万元", "")]  # 节约 is a verb, not 约


# --- not metrics ----------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "2020年3月15日召开会议,办理时限30天,7个工作日内办结,历时3个月,会议2小时,年满60岁。",
        "组织召开第18次社区代表大会。",  # d093
        "认真落实市委六届二次、三次、四次全会和区委十六届四次、五次、六次全会部署。",  # d019
        "全面完成中央第一、二轮生态环境保护督察。",  # d074
        "不断增强“四个意识”、坚定“四个自信”、做到“两个维护”,严格执行三重一大制度和三项制度。",
        "推行双随机一公开和一站式服务、一网通办,推出一批举措和一系列制度。",
        "根据《条例》第二十条第(一)项,《关于印发十项措施的通知》(渝府办发〔2020〕72号)。",
        "拨打12345热线,联系电话0537-5450123,风险等级为1级,较上年+19,每年开展3-5次。",
        "给予3万元-5万元的资金支持,每年3次至5次。",
        "始终把法治建设作为一项重要政治任务来抓,作为当前和今后一个时期的首要任务。",
        "举办“巴南大讲堂暨百名法学家百场报告会”。",  # d112
        "本年收费金额(单位:万元)",  # g007 table header
        "昌图县七家子镇2023年政府信息公开工作年度报告。",  # g049, a place name
        "推进“一件事一次办”,实现“最多跑一次”,一次性告知。",
    ],
)
def test_not_metrics(text):
    assert extract_metrics(text) == []


def test_cut_off_at_the_end_of_an_excerpt():
    assert extract_metrics("平均办结时限压缩在4个工作") == []  # d077's last words
    assert triples("复审9部,") == [(9, "部", "")]


def test_exclude_spans_are_skipped():
    text = "办理案件23件,其中行政复议5件。"
    assert triples(text, exclude=[(4, 7)]) == [(5, "件", "")]


def test_raw_and_sentence():
    text = "第一句话。\n全年开展法治讲座12场,覆盖群众3000余人。"
    found = extract_metrics(text)
    for m in found:
        assert text[m.start:m.end] == m.raw
        assert m.sentence == "全年开展法治讲座12场,覆盖群众3000余人。"
        assert m.indicator == ""
    assert [m.subject for m in found] == ["法治讲座", "群众"]


# --- the annotated corpus -------------------------------------------------------------

def _dev_files(n: int) -> list[tuple[str, list[dict]]]:
    out = []
    with open(DEV / "gold.jsonl", encoding="utf-8") as f:
        for line in f:
            g = json.loads(line)
            out.append((normalize_text((DEV / f"{g['id']}.txt").read_text(encoding="utf-8")), g["metrics"]))
            if len(out) >= n:
                break
    return out


@pytest.mark.skipif(not (DEV / "gold.jsonl").exists(), reason="shared corpus not present")
def test_dev_corpus_f1():
    score = Score()
    for i, (text, gold) in enumerate(_dev_files(60)):
        found = extract_metrics(text)
        score.add(str(i), [(round(float(g["value"]), 4), g["unit"]) for g in gold],
                  [(round(m.value, 4), m.unit) for m in found])
        for m in found:
            assert text[m.start:m.end] == m.raw
    assert score.f1 >= 0.95, score.misses[:5]


# --- properties -----------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("0123456789.%-+~一二两三四五六七八九十百千万亿零〇点余多近约超第届个次件人名项元年月日《》“”,。、()")
    + ["万元", "亿元", "人次", "个百分点", "百分之", "以上", "左右", "不少于", "至", "工作日"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_never_raises_offsets_slice_values_finite(text):
    for m in extract_metrics(text):
        assert text[m.start:m.end] == m.raw
        assert isinstance(m.value, float) and math.isfinite(m.value)
        assert m.qualifier in ("", "approx", "more_than", "at_least", "at_most")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.lists(st.tuples(st.integers(-5, 250), st.integers(-5, 250)), max_size=3))
def test_any_text_and_exclude(text, exclude):
    for m in extract_metrics(text, exclude):
        assert text[m.start:m.end] == m.raw
        assert math.isfinite(m.value)


# --- held-out patterns (../shared/corpus/unlabeled, annotated in models/heldout) ---------

def subject_of(text: str, raw: str) -> str:
    return next(m.subject for m in extract_metrics(text) if m.raw == raw)


@pytest.mark.parametrize(
    "text, raw, subject",
    [
        # whole words only: no 党工|委, 顾|问, 理|论 cut by a character window
        ("党工委理论学习中心组学习1次,", "1次", "理论学习中心组学习"),  # d134
        ("二是坚持依法决策。法律顾问列席区政府常务会议二十次,审核各类行政文件52件。", "二十次", "列席区政府常务会议"),  # d154
        ("全年通过区政府网站公开政府信息数84条,", "84条", "网站公开政府信息数"),  # g087-like
        # a rate ends at its value; the clause after a dropped 。 is another clause (d155)
        ("134项便民服务事项入驻“最多跑一次”比例达99.68%合理设置分领域和无差别综合窗口", "99.68%", "最多跑一次比例"),
        ("城乡居民医保申报率高达86.22%,", "86.22%", "城乡居民医保申报率"),  # d134: 高达 is not in it
        # 由N1调减为N2: both counts name the thing changed, not the verb (d133, d155)
        ("2017年,将全区行政审批事项由349项调减为345项。", "349项", "全区行政审批事项"),
        ("2017年,将全区行政审批事项由349项调减为345项。", "345项", "全区行政审批事项"),
        ("窗口数量由迁建164个精简至70个,窗口整合率57.3%,", "164个", "窗口数量"),
        ("窗口数量由迁建164个精简至70个,窗口整合率57.3%,", "70个", "窗口数量"),
        # time and scope words name nothing (d189, d164, d172)
        ("年度内4次召开专题会议进行研究部署,", "4次", "专题会议"),
        ("全年完成法治观察建议12篇,其中4篇为立法建议报送人大,2条获得采纳。", "4篇", "立法建议"),
        ("对习近平法治思想进行解读学习,全年共计7次。", "7次", "解读学习"),
        # a count in brackets after its noun (d127)
        ("每年开展1次全员轮训(不少于40学时),", "不少于40学时", "全员轮训"),
        # a predicate after the count: the noun is before it (d159)
        ("辖区43座商务楼宇分配给29位经济楼长负责,", "29位", "经济楼长"),
        # one cited title right before the count is the thing counted (dev d027)
        ("全年发放《公共场所卫生许可证》1095件,", "1095件", "公共场所卫生许可证"),
        # the report's own parts (g056, g102): the corpus convention
        ("存在的主要问题及改进情况、其他需要报告的事项六部分组成。", "六部分", "报告组成部分"),  # dev g011
    ],
)
def test_subject_patterns(text, raw, subject):
    assert subject_of(text, raw) == subject


def test_titles_are_never_cut_into():
    text = "组织机关村社干部专题学习保密、疫情防控、《中华人民共和国反有组织犯罪法》《信访工作条例》等22场次,"  # d129
    subject = subject_of(text, "22场次")
    assert "专题学习" in subject and "条例" not in subject


@pytest.mark.parametrize(
    "text, expected",
    [
        ("累计组织习近平法治思想宣传宣讲 280 余场次。", [(280, "场次", "more_than")]),  # d121
        ("本单位网站公开政府信息数163 条,", [(163, "条", "")]),  # g077
        ("全区351名科级以上干部和近万名一般干部参加法治理论考试。", [(351, "名", ""), (10000, "名", "approx")]),  # d181
        ("城管、交通、民政、市场监管、卫健等15个部门", [(15, "个", "")]),  # d149: complete at the excerpt end
        ("共按照要求分为六大部分,分别为总体情况。", [(6, "大部分", "")]),  # g102
        ("监督保障五方面具体情况,格式规范。", [(5, "方面", "")]),  # g102
        ("已办理“免申即享”事项约7000余件次。", [(7000, "件次", "approx")]),  # d155: 约 wins, per held-out gold
    ],
)
def test_held_out_counts(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "为上城“全力打造‘五个新高地’,加快建设独具韵味的国际化现代化共同富裕典范城区”做出贡献。",  # d126
        "为“人民城市新实践、创新发展再出发、振作杨浦‘一股劲’”三篇大文章提供坚强法治保障。",  # d184
        "荣芳里社区“四个‘1’深化楼栋治理,多元共治谱写新篇章”项目。",  # g070
        "坚定不移走好“工改”华山一条路,超额完成市级任务指标。",  # g060
        "5.属于三类内部事务信息\n6.属于四类过程性信息\n",  # g066: table row labels
        "一方面,政府官方网站作为主渠道。另一方面,充分发挥政务微博作用。",
        "平均办结时限压缩在4个工作",  # d077: the unit itself may be cut (4个工作日)
    ],
)
def test_slogans_and_labels_are_not_metrics(text):
    assert extract_metrics(text) == []
