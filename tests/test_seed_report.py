"""The seed report (../shared/seed_report.txt), end to end: its rows are exactly these.

Checked by hand against the report's text; any change here is a change in what the pipeline
tells an analyst about a real report, and must be deliberate.
"""
from __future__ import annotations

import pytest

from conftest import SEED
from pipeline.process import process_file


@pytest.fixture(scope="module")
def rows():
    return process_file(SEED, SEED.parent).rows


def test_document_row(rows):
    (doc,) = rows["documents"]
    assert {k: doc[k] for k in ("source_path", "format", "title", "issuer", "province", "city", "county",
                                "township", "unit_level", "report_type", "report_year", "publish_date",
                                "n_chars", "charset")} == {
        "source_path": "seed_report.txt", "format": "txt",
        "title": "重庆市北碚区人民政府复兴街道办事处关于2020年法治政府建设的报告",
        "issuer": "重庆市北碚区人民政府复兴街道办事处",
        "province": "重庆市", "city": "重庆市", "county": "北碚区", "township": "复兴街道",
        "unit_level": "street", "report_type": "rule_of_law", "report_year": 2020, "publish_date": "2021-03-15",
        "n_chars": 3767, "charset": "utf-8",
    }
    assert doc["doc_id"] == doc["sha256"][:16]


def test_heading_tree(rows):
    got = [(s["section_id"], s["parent_section_id"], s["level"], s["marker"], s["heading"], s["category"])
           for s in rows["sections"]]
    top = [(sid, m, h, c) for sid, p, lvl, m, h, c in got if lvl == 1]
    assert top == [(1, "一、", "2020年法治政府建设主要举措和成效", "achievements"),
                   (23, "二、", "推进法治政府建设存在的不足及改进措施", "shortcomings"),
                   (32, "三、", "2021年度工作打算", "next_year_plan")]
    second = [(m, h) for sid, p, lvl, m, h, c in got if p == 1]
    assert second == [("(一)", "政府全面依法履行职能情况"), ("(二)", "依法行政制度体系完善情况"),
                      ("(三)", "行政决策科学化、民主化、法治化情况"), ("(四)", "行政执法严格规范、公正文明情况"),
                      ("(五)", "行政权力制约监督情况"), ("(六)", "社会矛盾依法化解情况"),
                      ("(七)", "提升政府工作人员法治思维和依法行政能力情况"), ("(八)", "法治政府建设组织保障和机制建设落实情况")]
    assert [(m, h) for sid, p, lvl, m, h, c in got if p == 19] == [
        ("1.", "组织领导有力"), ("2.", "责任落实到位"), ("3.", "经费保障充分")]
    assert [(m, h) for sid, p, lvl, m, h, c in got if p == 2] == [
        ("一是", "强化学习"), ("二是", "捋清职责"), ("三是", "高效运转")]
    # under 二、 the first 一是…四是 are shortcomings, the second run (…从以下几个方面改进) improvements
    under_two = [(m, c) for sid, p, lvl, m, h, c in got if p == 23]
    assert under_two == [("一是", "shortcomings"), ("二是", "shortcomings"), ("三是", "shortcomings"),
                         ("四是", "shortcomings"), ("一是", "improvements"), ("二是", "improvements"),
                         ("三是", "improvements"), ("四是", "improvements")]
    assert len(got) == 35
    text = rows["texts"][0]["text"]
    assert not text.endswith(("扫一扫在手机打开当前页", "-->"))  # the page's furniture is gone
    for s in rows["sections"]:
        assert text[s["start"]:].startswith(s["marker"])


def test_doc_numbers_with_their_titles(rows):
    got = [(d["raw"], d["number"], d["issuer_code"], d["year"], d["serial"], d["cited_title"], d["section_id"])
           for d in rows["doc_numbers"]]
    assert got == [
        ("复兴办发〔2019〕58号", "复兴办发〔2019〕58号", "复兴办发", 2019, 58,
         "北碚区人民政府复兴街道办事处关于社会矛盾纠纷排查化解工作方案(试行)", 17),
        ("复兴办发〔2020〕72号", "复兴办发〔2020〕72号", "复兴办发", 2020, 72, "复兴街道矛盾风险排查化解工作方案", 17),
    ]


def test_metrics(rows):
    got = [(m["raw"], m["value"], m["unit"], m["qualifier"], m["section_id"]) for m in rows["metrics"]]
    assert got == [
        ("5条", 5, "条", "", 7), ("22次", 22, "次", "", 7), ("18次", 18, "次", "", 7), ("9件", 9, "件", "", 7),
        ("2名", 2, "名", "", 9), ("2次", 2, "次", "", 10), ("2次", 2, "次", "", 10), ("23件", 23, "件", "", 15),
        ("57余件", 57, "件", "more_than", 17), ("54件", 54, "件", "", 17), ("94.74%", 94.74, "%", "", 17),
        ("2次", 2, "次", "", 18), ("2次", 2, "次", "", 18), ("2次", 2, "次", "", 18),
        ("近20万元", 20, "万元", "approx", 22),
    ]
    subjects = {m["raw"]: m["subject"] for m in rows["metrics"]}
    assert subjects["9件"] == "行政诉讼" and subjects["23件"] == "政府信息公开" and subjects["94.74%"] == "化解率"
    indicators = {m["raw"]: m["indicator"] for m in rows["metrics"]}
    assert indicators["9件"] == "admin_lawsuits" and indicators["94.74%"] == "dispute_resolution_rate"
    assert indicators["近20万元"] == "rule_of_law_spending"


def test_dates(rows):
    got = [(d["raw"], d["date_start"], d["date_end"], d["granularity"], d["role"]) for d in rows["dates"]]
    year = ("2020-01-01", "2020-12-31", "year", "report_period")
    assert got == [("2020年", *year), ("2021-03-15", "2021-03-15", "2021-03-15", "day", "publish_date"),
                   ("2020年", *year), ("2020年", *year), ("2020年", *year), ("2020年", *year), ("全年", *year),
                   ("2020年", *year), ("2020年", *year), ("全年", *year),
                   ("2021年度", "2021-01-01", "2021-12-31", "year", "mention")]
    # the years inside 《…(2016—2020年)》 and 复兴办发〔2019〕58号 are not dates
    assert not any(d["raw"].startswith("2016") or d["raw"] == "2019" for d in rows["dates"])


def test_references(rows):
    got = [(r["title"], r["kind"], r["number"]) for r in rows["references"]]
    assert got == [
        ("重庆市法治政府建设实施方案(2016—2020年)", "plan", ""),
        ("中共重庆市北碚区委员会重庆市北碚区人民政府关于印发<重庆市北碚区法治政府建设实施方案>的通知", "normative_document", ""),
        ("重庆市行政规范性文件管理办法", "normative_document", ""),
        ("重庆市行政执法责任制条例", "regulation", ""),
        ("北碚区人民政府复兴街道办事处关于社会矛盾纠纷排查化解工作方案(试行)", "plan", "复兴办发〔2019〕58号"),
        ("复兴街道矛盾风险排查化解工作方案", "plan", "复兴办发〔2020〕72号"),
    ]


def test_entities_name_the_bodies_and_roles(rows):
    got = {(e["text"], e["label"]) for e in rows["entities"]}
    assert {("重庆市北碚区人民政府复兴街道办事处", "ORG"), ("司法所", "ORG"), ("街道党工委书记", "ROLE"),
            ("司法所所长", "ROLE"), ("第一责任人", "ROLE"), ("法治政府建设领导小组", "ORG")} <= got
    assert not any(label == "ORG" and text.startswith(("召开", "加强", "规范")) for text, label in got)
