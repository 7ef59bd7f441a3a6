"""HTML pages: real gov.cn captures, the seed page, furniture, bad pages, arbitrary input."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.normalize import normalize_text
from pipeline.parse import ParseError, parse_bytes, parse_file
from pipeline.parse.furniture import strip_furniture
from pipeline.parse.html import parse_html_text

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FIXTURES = SHARED / "fixtures"
RAW = REPO / "raw"

FURNITURE = ("您当前的位置", "当前位置", "扫一扫在手机打开当前页", "字号", "打印本页", "关闭窗口", "语音播报", "分享到", "ICP备", "上一篇", "网站地图")

# file -> (title_hint, publish_date_hint, a phrase from the first paragraph, a phrase from the last)
ARTICLES = {
    "html_article_fgw_zj_gov_cn_hanweb_utf8.html": ("1-10月德清县固定资产投资结构趋稳趋优", "2016-11-22", "全县固定资产投资完成246.79亿元", "（德清县发改局）"),
    "html_article_kaili_gov_cn_with_attachment_links_utf8.html": ("凯里市教育系统2024年公开招聘事业单位工作人员实施方案", "2024-06-27", "根据《贵州省事业单位新增人员公开招聘暂行办法》", "附件4：减免报名费申请.doc"),
    "html_article_shanxi_gov_cn_createPageHTML_utf8.html": ("山西品牌丝路行（南美站）正式启动", "2019-09-18", "跨越千山万水", "（张巨峰）"),
    "html_article_wanzai_gov_cn_tjgb2022_savedpage_utf8.html": ("万载县2022年国民经济和社会发展统计公报", "2023-08-16", "全年实现生产总值(GDP)262.6亿元", "国家统计局万载调查队。"),
    "html_article_www_gov_cn_gwygb_utf8.html": (None, "2007-08-20", "批准发行15500亿元特别国债购买外汇", "53365.53亿元。"),
    "html_article_yichun_gov_cn_tjgb2022_savedpage_utf8.html": ("宜春市2022年国民经济和社会发展统计公报", "2023-05-16", "全年实现地区生产总值（GDP）3473.12亿元", "国家统计局宜春调查队。"),
}


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_fixture_articles(name):
    title, date, first, last = ARTICLES[name]
    doc = parse_file(FIXTURES / name)
    assert doc.format == "html" and doc.charset == "utf-8"
    if title:
        assert doc.title_hint == title
        assert doc.text.startswith(title)  # the title line opens the text
        assert doc.heading_hints[0][2] == 0 and doc.text[doc.heading_hints[0][0]:doc.heading_hints[0][1]] == title
    assert doc.publish_date_hint == date
    assert first in doc.text
    assert doc.text.endswith(last)
    assert doc.text == normalize_text(doc.text)
    for phrase in FURNITURE:
        assert phrase not in doc.text, phrase
    assert "createPageHTML" not in doc.text and "function" not in doc.text


def test_header_lines_with_date_and_source_are_kept():
    doc = parse_file(FIXTURES / "html_article_kaili_gov_cn_with_attachment_links_utf8.html")
    head = doc.text[:200]
    assert "来源：凯里市人力资源和社会保障局" in head.replace(" ", "")
    assert "发布时间：2024-06-27" in head.replace(" ", "")
    doc = parse_file(FIXTURES / "html_article_wanzai_gov_cn_tjgb2022_savedpage_utf8.html")
    assert "生成日期： 2023-05-11" in doc.text[:300] and "访问量" not in doc.text


def test_gb2312_statistics_page_decodes():
    doc = parse_file(FIXTURES / "html_list_stats_gov_cn_tjyqhdm2019_index_gb2312.html")
    assert doc.charset == "gb18030"
    assert doc.title_hint == "关于更新全国统计用区划代码和城乡划分代码的公告"
    assert "《统计用区划代码和城乡划分代码编制规则》（国统字〔2009〕91号）" in doc.text


@pytest.mark.parametrize(
    "name",
    [
        "html_list_stats_gov_cn_tjyqhdm2019_beijing_11_gb2312.html",  # a table of links
        "html_list_sousuo_gov_cn_search_results_pagination_utf8.html",
        "html_list_jiujiang_gov_cn_site_search_results_savedpage_utf8.html",
    ],
)
def test_list_pages_have_no_article_body(name):
    with pytest.raises(ParseError) as err:
        parse_file(FIXTURES / name)
    assert (err.value.stage, err.value.error) == ("parse", "no_article_body")


def test_seed_page_gbk_with_furniture():
    path = RAW / "seed" / "fuxing_2020.html"
    sidecar = json.loads((RAW / "seed" / "fuxing_2020.html.meta.json").read_text(encoding="utf-8"))
    assert b'charset=gb2312' in path.read_bytes()[:600]
    doc = parse_file(path, sidecar)
    seed = normalize_text((SHARED / "seed_report.txt").read_text(encoding="utf-8"))
    assert doc.charset == "gb18030"
    assert doc.title_hint == seed.split("\n")[0]
    assert doc.publish_date_hint == "2021-03-15"
    lines = doc.text.split("\n")
    assert lines[0] == doc.title_hint and "发布时间：2021-03-15" in lines[2]
    for phrase in FURNITURE + ("首页", "政务公开", "微信", "QQ空间", "主办单位"):
        assert phrase not in doc.text, phrase
    # every paragraph of the report survives, in order
    # (the seed text is itself a copy of a page: its own furniture lines go too)
    body = [p for p in seed.split("\n") if p and not p.startswith("日期") and strip_furniture(p) == p]
    pos = 0
    for para in body:
        found = doc.text.find(para, pos)
        assert found >= 0, para[:30]
        pos = found + len(para)


def test_gbk_page_declaring_utf8(tmp_path):
    page = (
        '<html><head><meta charset="utf-8"><title>某某街道2021年法治政府建设情况报告_某某区人民政府</title></head>'
        '<body><div class="nav">首页 | 政务公开</div><div class="TRS_Editor"><p>一、主要举措和成效</p>'
        "<p>全年办理行政复议案件12件，化解矛盾纠纷86起，开展普法宣传活动30余场次。</p>"
        "<p>二、存在的不足和原因</p><p>基层法治力量仍然薄弱。</p></div></body></html>"
    )
    path = tmp_path / "p.html"
    path.write_bytes(page.encode("gbk"))
    doc = parse_file(path, {"content_type": "text/html; charset=utf-8"})
    assert doc.charset == "gb18030"
    assert "全年办理行政复议案件12件" in doc.text and "首页" not in doc.text
    assert doc.title_hint == "某某街道2021年法治政府建设情况报告"


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>某区人民政府</title></head><body><div class='nav'><a href='/'>首页</a></div></body></html>",
        "<html><body></body></html>",
        "<html><body><ul>" + "".join(f"<li><a href='/{i}.html'>关于印发某某工作方案的通知第{i}号</a></li>" for i in range(30)) + "</ul></body></html>",
    ],
)
def test_page_without_article_body(tmp_path, page):
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    with pytest.raises(ParseError) as err:
        parse_file(path)
    assert err.value.error in ("no_article_body", "empty_file")


def test_tables_become_rows_of_cells():
    page = (
        "<html><body><div id='zoom'><p>二、主动公开政府信息情况</p><table><tr><td>信息内容</td><td>本年制发件数</td></tr>"
        "<tr><td>规章</td><td>0</td></tr><tr><td>行政规范性文件</td><td>５</td></tr></table>"
        "<p>全年主动公开政府信息1136条，依申请公开21件。</p></div></body></html>"
    )
    doc = parse_html_text(page)
    assert "信息内容 本年制发件数\n规章 0\n行政规范性文件 5" in doc.text


@pytest.mark.parametrize(
    "line, kept",
    [
        ("您当前的位置：首页 > 政务公开 > 法治政府建设", ""),
        ("扫一扫在手机打开当前页", ""),
        ("【字体：大 中 小】", ""),
        ("发布时间：2021-03-15 字号：大 中 小 打印本页 关闭窗口", "发布时间：2021-03-15"),
        ("【打印本页】 【关闭窗口】", ""),
        ("全年开展法治宣传活动30场次。", "全年开展法治宣传活动30场次。"),
    ],
)
def test_furniture_lines(line, kept):
    assert strip_furniture(line) == kept


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=800))
def test_html_cleaner_raises_only_parse_error_on_text(markup):
    try:
        doc = parse_html_text(markup)
    except ParseError:
        return
    assert doc.text == normalize_text(doc.text)
    for start, end, _level in doc.heading_hints:
        assert 0 <= start < end <= len(doc.text)


TAGS = st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<table>", "<tr>", "<td>", "</td>", "<br>", "<div id='zoom'>",
                        "<div class='nav'>", "<h1>", "</h1>", "<a href='x'>", "</a>", "<script>", "</script>", "<!--", "-->"])
WORDS = st.sampled_from(["法治政府建设", "全年办理案件12件。", "您当前的位置：首页", "打印本页", "发布时间：2021-03-15", " ", "\n"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(TAGS, WORDS), max_size=120))
def test_html_cleaner_raises_only_parse_error_on_tag_soup(parts):
    try:
        doc = parse_bytes("".join(parts).encode("utf-8"), ".html")
    except ParseError:
        return
    assert doc.text == normalize_text(doc.text)
    for start, end, _level in doc.heading_hints:
        assert 0 <= start < end <= len(doc.text)
