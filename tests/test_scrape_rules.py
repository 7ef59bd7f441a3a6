"""The scraper's pure parts: link rules, pagination, names, profiles, the archive index."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.scrape import rules
from pipeline.scrape.archive import (ArchiveIndex, UnsafePath, attachment_file_name, inside,
                                     safe_component, url_file_name)
from pipeline.scrape.fixture_site import FXJD, QZF, FixtureSite
from pipeline.scrape.profiles import (ProfileError, available_profiles, discovery_profile,
                                      load_profile, profile_from_dict)

SHARED = Path(__file__).resolve().parents[2] / "shared"
FIXTURES = SHARED / "fixtures"


@pytest.fixture(scope="module")
def site():
    return FixtureSite()          # pages only; nothing is served in these tests


# -- names and paths -------------------------------------------------------------------------
@pytest.mark.parametrize("evil", ["../../etc/passwd", "..", ".", "/etc/passwd", "a/../../b",
                                  "C:\\Windows\\system32", "nul", "x" * 400 + ".pdf", "\x00\x1f",
                                  "%2e%2e%2f%2e%2e%2fetc", " ...", "附件" * 200 + ".docx"])
def test_safe_component_never_leaves_the_folder(tmp_path, evil):
    name = safe_component(evil)
    assert name and "/" not in name and "\\" not in name and name not in (".", "..")
    assert len(name.encode("utf-8")) <= 150
    assert inside(tmp_path, name).parent == tmp_path.resolve()


def test_inside_refuses_escapes(tmp_path):
    with pytest.raises(UnsafePath):
        inside(tmp_path, "..", "x")
    with pytest.raises(UnsafePath):
        inside(tmp_path, "/etc/passwd")


def test_url_file_names_keep_the_server_name_and_hash_generic_ones():
    assert url_file_name("https://www.beibei.gov.cn/zwgk_239/fzzfjsndbg/qzffzjsnb/202202/t20220221_10417822.html",
                         "text/html") == "t20220221_10417822.html"
    a = url_file_name("http://x.gov.cn/content.jsp?id=1", "text/html; charset=utf-8")
    b = url_file_name("http://x.gov.cn/content.jsp?id=2", "text/html")
    assert a != b and a.endswith(".html") and b.endswith(".html")
    assert url_file_name("http://x.gov.cn/dl.jsp?id=9", "application/pdf", "附件1.pdf").endswith(".pdf")
    assert attachment_file_name("t20220221_10417822.html", "http://x.gov.cn/202202/P020220221_1.pdf",
                                "application/pdf") == "t20220221_10417822__P020220221_1.pdf"


# -- listing pages ---------------------------------------------------------------------------
def test_trs_listing_items_titles_dates_and_column_scope(site):
    page = site.resources[QZF + "index.html"].body.decode("utf-8")
    url = "http://127.0.0.1:1" + QZF + "index.html"
    items = rules.list_items(page, url, patterns=rules.compile_patterns(["trs"]),
                             column_folder=rules.column_dir(url))
    paths = [i.url.split(":1", 1)[1] for i in items]
    assert paths[:3] == [a.path for a in site.articles[:3]]
    assert "/xwzx/202201/t20220101_1.html" not in paths          # sidebar link of another column
    first = items[0]
    assert first.title == site.articles[0].title and first.date == site.articles[0].date


def test_gbk_listing_and_next_page_link(site):
    page = site.resources[FXJD + "index.html"].body.decode("gbk")
    url = "http://127.0.0.1:1" + FXJD + "index.html"
    items = rules.list_items(page, url, patterns=rules.compile_patterns(["trs"]),
                             column_folder=rules.column_dir(url))
    assert [i.title for i in items] == [site.articles[5].title]
    assert rules.pagination_links(page, url) == ["http://127.0.0.1:1" + FXJD + "index_1.html"]


@pytest.mark.parametrize("script,expected", [
    ('createPageHTML(3, 0, "index", "html");', ["index.html", "index_1.html", "index_2.html"]),
    ("createPageHTML('page_div',3, 1,'index','shtml',45);", ["index.shtml", "index_1.shtml", "index_2.shtml"]),
    ('var countPage = 2;//共多少页\ncreatePageHTML(countPage, currentPage, "index", "html");',
     ["index.html", "index_1.html"]),
    ('createPageHTML(1, 0, "index", "html");', []),
])
def test_create_page_html_forms(script, expected):
    html = f"<html><body><script>{script}</script></body></html>"
    got = rules.create_page_html_pages(html, "https://a.gov.cn/zwgk/fzzfjsndbg/index_1.html")
    assert got == ["https://a.gov.cn/zwgk/fzzfjsndbg/" + e for e in expected]


def test_create_page_html_definition_is_not_a_call():
    page = (FIXTURES / "html_article_shanxi_gov_cn_createPageHTML_utf8.html").read_text("utf-8")
    # The real TRS page defines the function and calls it with one page: nothing to follow.
    assert rules.create_page_html_pages(page, "http://www.shanxi.gov.cn/yw/sxyw/201909/t20190918_693227.shtml") == []


def test_attachment_links_of_a_real_trs_article():
    page = (FIXTURES / "html_article_kaili_gov_cn_with_attachment_links_utf8.html").read_text("utf-8")
    links = rules.attachment_links(page, "http://www.kaili.gov.cn/xxgk/tzgg/202406/t20240627_84929085.html")
    exts = sorted(rules.attachment_ext(l.url) for l in links)
    assert exts == ["doc", "doc", "doc", "xlsx"]
    assert all(l.url.startswith("http://www.kaili.gov.cn/xxgk/tzgg/202406/P0202406") for l in links)


HANWEB_COLUMN = """<div id="4811589"><script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="/module/jpage/dataproxy.jsp?page=1&appid=1&webid=3143&path=/&columnid=1229356362&unitid=4811589&webname=%E4%B8%8A%E5%9F%8E&permissiontype=0"></a>]]></nextgroup>
<recordset>
<record><![CDATA[<li><a href="/art/2023/2/21/art_1229356362_4142237.html" title="上城区2022年法治政府建设年度报告">上城区2022年法治政府建设年度报告</a><span>2023-02-21</span></li>]]></record>
<record><![CDATA[<li><a href="/art/2022/3/1/art_1229356362_4000001.html" title="上城区2021年法治政府建设年度报告">上城区2021年…</a><span>2022-03-01</span></li>]]></record>
</recordset></datastore></script></div>
<script>$('#4811589').jpage({totalRecord:5, perPage:2, dataStore:dataStore});</script>"""


def test_hanweb_records_and_post_pages():
    url = "https://www.hzsc.gov.cn/col/col1229356362/index.html"
    items = rules.list_items(HANWEB_COLUMN, url, patterns=rules.compile_patterns(["hanweb"]))
    assert [(i.url, i.date) for i in items] == [
        ("https://www.hzsc.gov.cn/art/2023/2/21/art_1229356362_4142237.html", "2023-02-21"),
        ("https://www.hzsc.gov.cn/art/2022/3/1/art_1229356362_4000001.html", "2022-03-01")]
    assert items[0].title == "上城区2022年法治政府建设年度报告"
    pages = rules.hanweb_post_pages(HANWEB_COLUMN, url)
    assert [p.url for p in pages] == [
        "https://www.hzsc.gov.cn/module/jpage/dataproxy.jsp?startrecord=3&endrecord=4&perpage=2",
        "https://www.hzsc.gov.cn/module/jpage/dataproxy.jsp?startrecord=5&endrecord=5&perpage=2"]
    form = dict(pages[0].formdata)
    assert form["columnid"] == "1229356362" and form["unitid"] == "4811589" and form["col"] == "1"


def test_declared_charset_and_disposition():
    assert rules.declared_charset("text/html; charset=GBK", b"") == "gbk"
    assert rules.declared_charset("text/html", b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">') == "gb2312"
    assert rules.disposition_filename('attachment; filename="../../etc/passwd"') == "passwd"


# -- profiles --------------------------------------------------------------------------------
def test_shipped_profiles_load():
    assert {"beibei", "hzsc", "fixture"} <= set(available_profiles())
    beibei = load_profile("beibei")
    paths = [c.url for c in beibei.columns]
    assert "https://www.beibei.gov.cn/zwgk_239/fzzfjsndbg/qzffzjsnb/" in paths
    assert "https://www.beibei.gov.cn/jz/bbqcjz/zwgk_56023/fzzfjsndbg/" in paths
    assert beibei.cms == "trs" and "beibei.gov.cn" in beibei.domains
    assert load_profile("hzsc").cms == "hanweb"
    fx = load_profile("fixture", base_url="http://127.0.0.1:5555/")
    assert fx.domains == ["127.0.0.1"] and fx.columns[0].url.startswith("http://127.0.0.1:5555/")


def test_profile_rejects_foreign_columns_and_unsafe_names():
    base = {"site": {"name": "x", "base_url": "https://a.gov.cn/", "domains": ["a.gov.cn"]}}
    with pytest.raises(ProfileError):
        profile_from_dict({**base, "columns": [{"name": "c", "url": "https://evil.com/list/"}]})
    with pytest.raises(ProfileError):
        profile_from_dict({**base, "columns": [{"name": "../c", "url": "/list/"}]})
    with pytest.raises(ProfileError):
        load_profile("no-such-site")


def test_discovery_profile_stays_on_the_host():
    p = discovery_profile("https://www.beibei.gov.cn/jz/bbqcjz/zwgk_56023/fzzfjsndbg/index.html")
    assert p.name == "www.beibei.gov.cn" and p.domains == ["www.beibei.gov.cn"]
    assert p.columns[0].name == "fzzfjsndbg" and p.cms == "auto"


# -- the archive -----------------------------------------------------------------------------
def test_archive_versions_never_overwrite(tmp_path):
    idx = ArchiveIndex.load(tmp_path, "s")
    url = "http://a.gov.cn/x/202202/t20220221_1.html"
    meta = {"url": url, "fetched_at": "2026-01-01T00:00:00Z"}
    assert idx.store(("s", "c"), "t20220221_1.html", url, b"one", meta)[0] == "new"
    assert idx.store(("s", "c"), "t20220221_1.html", url, b"one", meta)[0] == "unchanged"
    outcome, entry = idx.store(("s", "c"), "t20220221_1.html", url, b"two", meta)
    assert outcome == "changed" and entry.path == "s/c/t20220221_1.v2.html"
    assert (tmp_path / "s/c/t20220221_1.html").read_bytes() == b"one"
    side = json.loads((tmp_path / "s/c/t20220221_1.v2.html.meta.json").read_text("utf-8"))
    assert side["previous_version"] == "s/c/t20220221_1.html" and side["version"] == 2
    # A fresh index read back from the sidecars knows the latest version.
    again = ArchiveIndex.load(tmp_path, "s")
    assert again.by_url[url].version == 2
    # Another URL that wants the same name gets its own file.
    other = "http://a.gov.cn/y/202202/t20220221_1.html"
    outcome, e2 = again.store(("s", "c"), "t20220221_1.html", other, b"three", {"url": other})
    assert outcome == "new" and e2.path != "s/c/t20220221_1.html"
    assert not list(tmp_path.rglob("*.part"))
