"""Properties of the whole spaCy pipeline: no text makes a component fail, and every record's
offsets slice its `raw` out of the text."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CORPUS
from pipeline.nlp import analyse
from pipeline.normalize import normalize_text

# Fragments of real report wording, so that generated texts reach the extractors' rules.
FRAGMENTS = ["一、", "（一）", "(二)", "1.", "一是", "二是", "2020年", "3月15日", "全年", "今年", "化解", "54件",
             "94.74%", "近20万元", "余", "《", "》", "复兴办发〔2020〕72号", "〔", "号", "令第", "街道办事处",
             "司法所所长", "\n", "。", "；", "至", "—", "-", "第", "个", "万", "两次", "百分之", "日期:",
             "发布时间:", "重庆市北碚区", "镇人民政府", "法治政府建设", "报告"]
texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=40).map("".join)


def _check(text: str) -> None:
    text = normalize_text(text)
    doc = analyse(text)
    assert doc._.failures == [], doc._.failures
    records = doc._.records
    for kind in ("doc_numbers", "metrics", "dates"):
        for r in records[kind]:
            assert text[r.start:r.end] == r.raw, (kind, r)
    for e in records["entities"]:
        assert text[e.start:e.end] == e.text
    for ref in records["references"]:
        assert text[ref.start] == "《" and text[ref.end - 1] == "》" and ref.start < ref.end <= len(text)
    for s in records["sections"]:
        assert 0 <= s.start <= s.end <= len(text) and text[s.start:].startswith(s.marker)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_no_text_makes_a_component_fail(text):
    _check(text)


def test_every_corpus_page_passes_cleanly():
    for path in sorted(CORPUS.rglob("*.txt")):
        _check(path.read_text(encoding="utf-8"))
