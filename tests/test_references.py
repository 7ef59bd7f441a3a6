"""Cited titles on real report text (../shared/corpus), and on any string at all."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract.docnums import extract_doc_numbers
from pipeline.extract.references import classify_title, extract_references, find_titles
from pipeline.normalize import normalize_text

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def corpus_text(name: str) -> str:
    return normalize_text((CORPUS / f"{name}.txt").read_text(encoding="utf-8"))


def refs_of(text: str):
    found = extract_references(text, extract_doc_numbers(text))
    for r in found:
        assert text[r.start] == "《" and text[r.end - 1] == "》"
    return found


def sentence_from(name: str, needle: str, length: int) -> str:
    text = corpus_text(name)
    at = text.index(needle)
    return text[at : at + length]


def test_regulation_and_normative_document_with_their_numbers():
    text = sentence_from("docnums/m023", "本报告依据", 90)
    assert [(r.title, r.kind, r.number) for r in refs_of(text)] == [
        ("中华人民共和国政府信息公开条例", "regulation", "国务院令第711号"),
        ("中华人民共和国政府信息公开工作年度报告格式", "normative_document", "国办公开办函〔2021〕30号"),
    ]


def test_a_list_of_laws_regulations_rules_and_plans():
    text = sentence_from("docnums/m020", "1.《中华人民共和国安全生产法》", 600)
    got = [(r.title, r.kind, r.number) for r in refs_of(text)]
    assert got[0] == ("中华人民共和国安全生产法", "law", "中华人民共和国主席令第13号")
    assert ("生产安全事故应急条例", "regulation", "国务院令第708号") in got
    assert ("甘肃省安全生产条例", "regulation", "甘肃省人大常委会公告第39号") in got
    # a 办法 issued by an order (令) is a rule, i.e. a regulation; by a 发 document a normative one
    assert ("生产安全事故应急预案管理办法", "regulation", "国家安全生产监督管理总局令第88号") in got
    assert ("甘肃省突发事件预警信息发布管理办法", "normative_document", "甘政办发〔2015〕149号") in got
    assert ("甘肃省生产安全事故应急预案", "plan", "甘政办发〔2013〕172号") in got


def test_plan_with_period_and_number_in_square_brackets():
    text = sentence_from("dev/d093", "根据中共中央、国务院", 60)
    [ref] = refs_of(text)
    assert (ref.title, ref.kind, ref.number) == ("法治政府建设实施纲要(2015-2020年)", "plan", "中发〔2015〕36号")


def test_nested_title_stays_inside_the_outer_one():
    text = sentence_from("docnums/m005", "《浙江省人民政府办公厅关于", 200)
    first = refs_of(text)[0]
    assert first.title.startswith("浙江省人民政府办公厅关于印发〈") and first.title.endswith("〉的通知")
    assert (first.kind, first.number) == ("normative_document", "浙政办发〔2022〕59号")
    assert [(s, e) for s, e in find_titles("《关于印发《某某办法》的通知》")] == [(0, 15)]


def test_books_abbreviations_and_stray_brackets():
    text = sentence_from("dev/d017", "思想学习纲要》《习近平法治思想学习问答》", 60)
    assert [(r.title, r.kind) for r in refs_of(text)] == [("习近平法治思想学习问答", "other"), ("习近平谈治国理政", "other")]
    # a 》 whose 《 the site dropped opens no title
    text = sentence_from("docnums/m018", "(二)泉州市", 40)
    assert refs_of(text) == []
    # 以下简称《条例》: the short name keeps its kind
    text = sentence_from("unlabeled/g064", "本报告依据", 60)
    assert [(r.title, r.kind, r.number) for r in refs_of(text)] == [
        ("中华人民共和国政府信息公开条例", "regulation", "国务院令第711号"), ("条例", "regulation", "")]


def test_kind_rules():
    assert classify_title("中华人民共和国预算法") == "law"
    assert classify_title("中华人民共和国行政复议法(2023年修订)") == "law"
    assert classify_title("民法典") == "law"
    assert classify_title("重大行政决策程序暂行条例") == "regulation"
    assert classify_title("广东省行政规范性文件管理规定", "省政府令第277号") == "regulation"
    assert classify_title("佛山市行政机关规范性文件管理规定", "佛府办〔2011〕150号") == "normative_document"
    assert classify_title("某某区行政执法公示办法(试行)") == "normative_document"
    assert classify_title("法治中国建设规划(2020—2025年)") == "plan"
    assert classify_title("2025年全區法治政府建設工作要點") == "plan"
    assert classify_title("人民日报") == "other"


_ALPHABET = st.sampled_from(
    list("《》〈〉<>()（）〔〕法条例通知办法规划方案的号令第发国务院") + list("0123456789 \n") + ["2020〕", "〔2021"]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(_ALPHABET, max_size=40).map("".join)))
def test_any_string(text):
    numbers = extract_doc_numbers(text)
    found = extract_references(text, numbers)
    for r in found:
        assert text[r.start] == "《" and text[r.end - 1] == "》"
        assert r.kind in {"law", "regulation", "normative_document", "plan", "other"}
        assert r.number in {n.number for n in numbers} | {""}
    assert extract_references(text, numbers) == found
