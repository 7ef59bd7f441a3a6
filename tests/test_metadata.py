import json
import re
from pathlib import Path

from hypothesis import given, settings, strategies as st

from pipeline.extract.metadata import extract_metadata
from pipeline.normalize import normalize_text

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV = SHARED / "corpus" / "dev"


def page(name):
    text = normalize_text((DEV / f"{name}.txt").read_text(encoding="utf-8"))
    sidecar = json.loads((DEV / f"{name}.txt.meta.json").read_text(encoding="utf-8"))
    return text, sidecar


def test_seed_report():
    text = normalize_text((SHARED / "seed_report.txt").read_text(encoding="utf-8"))
    m = extract_metadata(text)
    assert m.title == "重庆市北碚区人民政府复兴街道办事处关于2020年法治政府建设的报告"
    assert m.issuer == "重庆市北碚区人民政府复兴街道办事处"
    assert (m.province, m.city, m.county, m.township) == ("重庆市", "重庆市", "北碚区", "复兴街道")
    assert (m.unit_level, m.report_type, m.report_year, m.publish_date) == ("street", "rule_of_law", 2020, "2021-03-15")


def test_county_from_domain_when_page_names_none():
    text, sidecar = page("d034")  # beibei.gov.cn, a department page that names no place
    m = extract_metadata(text, sidecar=sidecar)
    assert m.county == "北碚区" and m.unit_level == "department" and m.report_year == 2024


def test_county_from_city_initials_domain():
    text, sidecar = page("g017")  # hzxh.gov.cn, 文新街道
    m = extract_metadata(text, sidecar=sidecar)
    assert (m.city, m.county, m.township) == ("杭州市", "西湖区", "文新街道")
    text, sidecar = page("d027")  # cqjlp.gov.cn, 区卫生健康委
    assert extract_metadata(text, sidecar=sidecar).county == "九龙坡区"


def test_traditional_page():
    text, sidecar = page("d009")  # 重慶市長壽區教育委員會關于2024年…
    m = extract_metadata(text, sidecar=sidecar)
    assert m.county == "长寿区"  # simplified
    assert m.issuer == "重慶市長壽區教育委員會"  # as written
    assert (m.unit_level, m.report_year) == ("department", 2024)
    text, sidecar = page("d024")
    assert extract_metadata(text, sidecar=sidecar).township == "崇義街道"


def test_banner_date_is_not_publish_date():
    text, sidecar = page("d007")  # 天津市静海区人民政府 2019年12月3日星期二 … 发布时间:2024-03-28
    m = extract_metadata(text, sidecar=sidecar)
    assert m.publish_date == "2024-03-28"
    assert (m.county, m.unit_level, m.report_year) == ("静海区", "county", 2023)


def test_publish_date_labels_and_drafting_date():
    text, sidecar = page("g033")  # 成文日期 2024-04-16, 发布日期 2024-04-26; 2024年政府工作报告 is about 2023
    m = extract_metadata(text, sidecar=sidecar)
    assert m.publish_date == "2024-04-26"
    assert (m.report_type, m.report_year, m.township) == ("work_summary", 2023, "正果镇")
    text, sidecar = page("d032")  # only 成文时间/发文时间: 2022年02月28日
    assert extract_metadata(text, sidecar=sidecar).publish_date == "2022-02-28"


def test_city_level_issuer_has_no_county():
    text, sidecar = page("d080")  # 重庆市司法局
    m = extract_metadata(text, sidecar=sidecar)
    assert (m.county, m.unit_level, m.city) == ("", "department", "重庆市")


def test_fallbacks_hint_and_sidecar():
    m = extract_metadata("2020年,我镇坚持依法行政。", publish_date_hint="2021-02-01")
    assert m.publish_date == "2021-02-01" and m.report_year == 2020 and m.unit_level == "town"
    m = extract_metadata("正文", sidecar={"url": "x", "list_date": "2021-05-06"})
    assert m.publish_date == "2021-05-06"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("2020年3月15日重庆市北碚区街道镇乡局关于报告法治政府:,\n 发布时间-《》〔〕今天是星期")) | st.characters(), max_size=200))
def test_never_raises_and_keeps_to_the_contract(s):
    m = extract_metadata(s, title_hint=s[:20], publish_date_hint=s[:10], sidecar={"url": s})
    assert m.report_type in {"rule_of_law", "info_disclosure", "work_summary", "other"}
    assert m.unit_level in {"street", "town", "township", "county", "city", "province", "department", "other"}
    assert m.publish_date == "" or re.fullmatch(r"\d{4}-\d{2}-\d{2}", m.publish_date)
    assert m.report_year is None or isinstance(m.report_year, int)
    if m.publish_span:
        start, end = m.publish_span
        assert 0 <= start < end <= len(s)


UNLABELED = SHARED / "corpus" / "unlabeled"


def unlabeled(name):
    text = normalize_text((UNLABELED / f"{name}.txt").read_text(encoding="utf-8"))
    sidecar = json.loads((UNLABELED / f"{name}.txt.meta.json").read_text(encoding="utf-8"))
    return extract_metadata(text, sidecar=sidecar)


def test_issuer_from_statements_when_no_title():
    # 由X编制 / X特此编制 / 请与X联系: the body named in the text, cut before its office
    m = unlabeled("g071")  # 由两城镇人民政府党政办公室编制
    assert (m.issuer, m.township, m.unit_level) == ("两城镇人民政府", "两城镇", "town")
    assert unlabeled("g082").issuer == "兴华镇人民政府"  # 兴华镇人民政府特此编制
    assert unlabeled("g089").issuer == "黄岛街道办事处"  # 请与黄岛街道办事处政府信息公开领导小组办公室联系


def test_issuer_from_opening_sentence():
    m = unlabeled("d169")  # 2023年,四季青街道在区委区政府的坚强领导下 (四 is not a list numeral here)
    assert (m.issuer, m.township, m.unit_level) == ("四季青街道", "四季青街道", "street")
    assert unlabeled("d178").issuer == "中都街道"  # 中都街道领导班子始终…
    assert unlabeled("d192").issuer == "白云区政府"  # 2021年,白云区政府坚持…
    assert unlabeled("d186").issuer == "区城市管理局"  # 在区委、区政府的坚强领导下,区城市管理局委员会、区城市管理局坚持


def test_fuller_body_name_from_the_page():
    text, sidecar = page("g039")  # title 张家湾镇…; text 张家湾镇人民政府
    assert extract_metadata(text, sidecar=sidecar).issuer == "张家湾镇人民政府"
    text, sidecar = page("d005")  # title already names the body: kept
    assert extract_metadata(text, sidecar=sidecar).issuer == "长沙市天心区坡子街街道办事处"


def test_zone_and_domain_counties():
    assert unlabeled("d147").county == "万盛经开区"  # 重庆市万盛经开区: not 庆市…
    assert unlabeled("g101").county == "东湖生态旅游风景区"
    assert unlabeled("g070").county == "东湖高新区"  # 在东湖高新区党工委、管委会的坚强领导下
    assert unlabeled("d122").county == "永定区"  # yongding: two 永定区, one name
    assert unlabeled("d141").county == "象山县"  # xiangshan: the county's own bare-pinyin site
    assert unlabeled("g103").county == "衢江区"  # the text's 衢江区湖南镇 beats dj.longwan.gov.cn


def test_report_year_from_statistics_period_and_cited_title():
    assert unlabeled("g071").report_year == 2020  # 统计期限为2020年1月1日至2020年12月31日
    assert unlabeled("g088").report_year == 2022  # 现向社会公布《…2022年政府信息公开工作年度报告》
    assert unlabeled("g106").report_year == 2021  # not the plan heading 2022年工作思路


def test_title_wrapped_after_the_year_is_joined():
    # 硚口区人民政府汉正街道办事处2025年 / 政府信息公开工作年度报告 (unlabeled g084)
    text = "硚口区人民政府汉正街道办事处2025年\n政府信息公开工作年度报告\n依据《中华人民共和国政府信息公开条例》规定,编制本报告。"
    assert extract_metadata(text).title == "硚口区人民政府汉正街道办事处2025年政府信息公开工作年度报告"
    # a letterhead (the body's name alone) stays apart from the title, as the annotated pages have it
    text = "重庆市荣昌区人民政府昌元街道办事处\n关于2021年法治政府建设工作的报告\n区委、区政府:\n现将有关情况报告如下。"
    meta = extract_metadata(text)
    assert meta.title == "关于2021年法治政府建设工作的报告"
    assert meta.issuer == "重庆市荣昌区人民政府昌元街道办事处"


def test_header_field_rows_are_not_titles():
    meta = unlabeled("d179")  # • 公文种类:报告 above the real title
    assert meta.title == "中共遂宁市安居区委 遂宁市安居区人民政府关于2024年度法治政府建设工作的报告"


def test_the_pages_own_title_from_its_metadata():
    # a site name after _ is not part of the title
    assert extract_metadata("正文第一段,没有标题。", "重庆市北碚区复兴街道2020年法治政府建设报告_北碚区人民政府网").title == \
        "重庆市北碚区复兴街道2020年法治政府建设报告"
    # a title the page breaks over three lines: the line that reads like a title is only a piece of it
    from pipeline.parse import parse_file

    page = parse_file(SHARED / "fixtures" / "html_article_www_gov_cn_gwygb_utf8.html")
    meta = extract_metadata(page.text, page.title_hint, page.publish_date_hint)
    assert meta.title == page.title_hint
    assert meta.issuer == "全国人民代表大会常务委员会"


def test_a_page_that_says_our_town_names_itself_in_its_own_documents():
    # dev g035: 我街 … 制定了《桥中街道政府信息依申请公开工作方案》; dev d089: 我镇 … 中共洪梅镇委
    text = ("一、总体情况\n2023年,我街按照《中华人民共和国政府信息公开条例》有关要求,认真落实政府信息公开工作,"
            "制定了《桥中街道政府信息依申请公开工作方案》,及时、准确地公开政府信息。")
    meta = extract_metadata(text)
    assert (meta.township, meta.unit_level, meta.issuer) == ("桥中街道", "street", "桥中街道")
    text = normalize_text((DEV / "d089.txt").read_text(encoding="utf-8"))
    assert extract_metadata(text).township == "洪梅镇"
    # without a self-reference, a cited town's document names nobody
    assert extract_metadata("区政府印发《大石镇工作方案》,推进法治政府建设,取得明显成效,现将有关情况报告如下。").township == ""


def test_issuer_forms_the_page_gives():
    def dev(name):
        text = normalize_text((DEV / f"{name}.txt").read_text(encoding="utf-8"))
        return extract_metadata(text, sidecar=json.loads((DEV / f"{name}.txt.meta.json").read_text(encoding="utf-8")))

    assert dev("g032").issuer == "大石镇"  # not 镇党委政府, the party and government together
    assert dev("g046").issuer == "信州区人民政府"  # the page writes both 信州区政府 and the full name
