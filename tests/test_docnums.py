"""Document numbers on real report text (../shared/corpus), and on any string at all."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.evaluate import Score
from pipeline.extract.docnums import extract_doc_numbers
from pipeline.normalize import normalize_text

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
OTHER_BRACKETS = "[]［］()（）【】﹝﹞〈〉<>"


def corpus_text(name: str) -> str:
    return normalize_text((CORPUS / f"{name}.txt").read_text(encoding="utf-8"))


def numbers(text: str) -> list[str]:
    return [d.number for d in extract_doc_numbers(text)]


def sentence_with(name: str, needle: str, before: int = 60, after: int = 80) -> str:
    """The stretch of a corpus file around `needle`, as the pipeline sees it."""
    text = corpus_text(name)
    at = text.index(needle)
    return text[max(0, at - before) : at + after]


# (corpus file, where the sentence starts, the numbers in the 140 characters from there)
REAL_SENTENCES = [
    # a verb before the code is not part of it; 文件 after it neither
    ("dev/d100", "按照荣委法办便笺", ["荣委法办便笺〔2022〕2号"]),
    ("unlabeled/d194", "根据垫江委法治办发", ["垫江委法治办发〔2025〕4号"]),
    # square brackets, a space before 号, spaces around the brackets
    ("dev/d093", "中发[2015]36号", ["中发〔2015〕36号"]),
    ("dev/g008", "工作的通知》(国办发", ["国办发〔2018〕37号", "闽政办〔2018〕83号"]),
    ("docnums/m027", "文 号: 渝北府发 〔", ["渝北府发〔2017〕7号", "渝北府发〔2017〕7号"]),
    # sites that dropped a bracket, both brackets, or brackets and 号
    ("docnums/m028", "根据《衢州市", ["衢政办发〔2023〕16号"]),
    ("dev/d116", "严格对照", ["沙府办发〔2025〕46号"]),
    ("docnums/m018", "管理工作的通知》(国办发", ["国办发〔2018〕37号", "泉政〔2022〕3号"]),
    ("dev/d030", "任务分工清单的通知》", ["开州委法〔2023〕9号", "开州府办发〔2025〕26号"]),
    # traditional characters: 號 stays 號
    ("docnums/m031", "為認真貫徹落實", ["皖政〔2001〕85號", "國發〔2001〕21號"]),
    # order numbers: 令 with and without 第, a date before the body, "原" (former) before it
    ("docnums/m009", "一、《常州市城市市容管理办法》", ["常州市人民政府令第2号", "常州市人民政府令第8号"]),
    ("docnums/m020", "7.《生产安全事故应急条例》",
     ["国务院令第708号", "甘肃省人大常委会公告第39号", "国家安全生产监督管理总局令第88号", "应急管理部令第2号"]),
    ("docnums/m026", "【发布文号】", ["广西壮族自治区人民政府令2016年第116号", "广西壮族自治区人民政府令第116号"]),
    ("docnums/m023", "本报告依据", ["国务院令第711号", "国办公开办函〔2021〕30号"]),
    # 第N号令, and numbers written inside a title
    ("unlabeled/d170", "下发了《鹤岗市", ["黑政规〔2017〕34号", "省政府2018年第3号令", "鹤政发〔2018〕6号", "黑政规〔2017〕34号"]),
    # 将 starts a code here (将乐县镛城镇), it is not the verb
    ("unlabeled/d131", "备注/文号", ["将镛委〔2025〕5号"]),
]


@pytest.mark.parametrize("name,needle,expected", REAL_SENTENCES)
def test_real_sentences(name, needle, expected):
    text = sentence_with(name, needle, 0, 140)
    found = extract_doc_numbers(text)
    assert [d.number for d in found] == expected
    for d in found:
        assert text[d.start : d.end] == d.raw


def test_mirror_site_pinyin_is_skipped_in_number_but_kept_in_raw():
    text = corpus_text("docnums/m016")
    first = extract_doc_numbers(text)[0]
    assert first.raw == "穗府辦規(guī)〔2021〕12號"
    assert first.number == "穗府辦規〔2021〕12號"
    assert (first.issuer_code, first.year, first.serial) == ("穗府辦規", 2021, 12)
    # 號(hào) after the number is not part of it
    m033 = extract_doc_numbers(corpus_text("docnums/m033"))
    assert [d.raw for d in m033] == ["通政發(fā)〔2009〕35號", "蘇政復(fù)〔2009〕25號"]


def test_order_number_split_over_lines():
    found = extract_doc_numbers(sentence_with("docnums/m008", "达州市人民政府令", 0, 20))
    assert [(d.raw, d.number, d.serial) for d in found] == [("达州市人民政府令\n第48号", "达州市人民政府令第48号", 48)]


def test_not_document_numbers():
    # site registration, street addresses (with mirror pinyin), metro lines
    assert numbers(sentence_with("docnums/m024", "豫ICP备")) == []
    assert numbers(sentence_with("docnums/m033", "街道辦事處駐長", 0, 40)) == []
    assert numbers(sentence_with("unlabeled/g075", "号线", 40, 10)) == []
    assert numbers(sentence_with("unlabeled/g056", "朝阳街001号", 40, 20)) == []


def test_cited_title_pairs_with_the_title_before_not_the_one_after():
    found = extract_doc_numbers(sentence_with("dev/g036", "贯彻落实《关于加强", 0, 120))
    assert [(d.number, d.cited_title) for d in found] == [
        ("国办发〔2018〕37号", "关于加强行政规范性文件制定和监督管理工作的通知"),
        ("浙司〔2019〕45号", "关于进一步加强行政规范性文件制定和监督管理工作的通知"),
    ]


def test_cited_title_after_the_number_and_nested_titles():
    m003 = extract_doc_numbers(corpus_text("docnums/m003"))
    assert m003[0].cited_title == "山东省人民政府关于深化预算管理制度改革的实施意见"
    m029 = extract_doc_numbers(sentence_with("docnums/m029", "为深入贯彻落实", 0, 200))
    assert m029[0].cited_title == "中共中央办公厅国务院办公厅印发<关于全面推行河长制的意见>的通知"


def test_fields_of_a_bracketed_number():
    [d] = extract_doc_numbers("根据渝府办发〔2020〕0103号文件")
    assert (d.raw, d.number, d.issuer_code, d.year, d.serial) == (
        "渝府办发〔2020〕0103号", "渝府办发〔2020〕103号", "渝府办发", 2020, 103)


def _f1(folder: str) -> float:
    score = Score()
    for line in (CORPUS / folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        score.add(gold["id"], [d["number"] for d in gold["doc_numbers"]], numbers(corpus_text(f"{folder}/{gold['id']}")))
    return score.f1


@pytest.mark.parametrize("folder,target", [("docnums", 0.95), ("dev", 0.97)])
def test_gold_f1(folder, target):
    assert _f1(folder) >= target


_ALPHABET = st.sampled_from(
    list("〔〕[]［］()（）【】﹝﹞《》〈〉<>号號令第年月日发發办辦函字文政府委国務院主席省市人民公告根据印发和的原")
    + list("0123456789 \n,、。") + ["(fā)", "(hào)", "2020", "2021〕", "〔2019", "京ICP备", "中华人民共和国"]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(_ALPHABET, max_size=40).map("".join)))
def test_any_string(text):
    found = extract_doc_numbers(text)
    for d in found:
        assert text[d.start : d.end] == d.raw
        assert not re.search(r"\s", d.number)
        assert not any(ch in OTHER_BRACKETS for ch in d.number)
        assert all(ch.isascii() for ch in d.number if ch.isdigit())
    assert extract_doc_numbers(text) == found
