"""Organizations and roles, asserted on sentences of the seed report."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from pipeline.extract.entities import extract_entities
from pipeline.normalize import normalize_text

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="module")
def seed():
    text = normalize_text((SHARED / "seed_report.txt").read_text(encoding="utf-8"))
    return text, extract_entities(text)


def _spans(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract_entities(text)]


def test_offsets_slice(seed):
    text, ents = seed
    assert ents
    for e in ents:
        assert text[e.start:e.end] == e.text and e.label in {"ORG", "ROLE"}
    assert all(a.end <= b.start for a, b in zip(ents, ents[1:]))  # ordered, no overlaps


def test_issuer_chain_is_one_org(seed):
    text, ents = seed
    assert ("重庆市北碚区人民政府复兴街道办事处", "ORG") == (ents[0].text, ents[0].label)
    assert ents[0].start == 0


def test_leading_group_sentence(seed):
    text, ents = seed
    start = text.index("复兴街道成立了由街道党工委书记")
    end = text.index("负责法治政府建设工作日常事务")
    # 复兴街道 is a township here because the report names it as a body (复兴街道办事处)
    assert [(e.text, e.label) for e in ents if start <= e.start < end] == [
        ("复兴街道", "ORG"), ("街道党工委书记", "ROLE"), ("组长", "ROLE"), ("办事处主任", "ROLE"),
        ("人大工委主任", "ROLE"), ("副组长", "ROLE"), ("分管领导", "ROLE"), ("派出所所长", "ROLE"),
        ("法治政府建设领导小组", "ORG"), ("领导小组", "ORG"), ("司法所", "ORG"), ("司法所所长", "ROLE"),
        ("办公室主任", "ROLE"),
    ]


def test_responsibility_roles():
    sentence = "明确党工委、办事处主要领导为法治建设第一责任人,各办公室主任和村(社区)主要领导为直接责任人"
    assert _spans(sentence) == [
        ("党工委", "ORG"), ("办事处主要领导", "ROLE"), ("第一责任人", "ROLE"), ("办公室主任", "ROLE"),
        ("村(社区)主要领导", "ROLE"), ("直接责任人", "ROLE"),
    ]


def test_verbs_are_not_swallowed():
    assert _spans("在街道党工委会、行政办公会和中心组学习会上全面传达") == [("街道党工委", "ORG")]
    assert _spans("通过召开党工委会研究部署") == [("党工委", "ORG")]
    assert _spans("严格落实区委、区政府关于行政审批改革方面制度") == [("区委", "ORG"), ("区政府", "ORG")]
    # 规范/加强 are verbs before the word 街道, not township names
    assert _spans("规范街道和村(社区)应履行职责") == [("村(社区)", "ORG")]
    assert _spans("同时突出司法所和法律顾问的作用") == [("司法所", "ORG"), ("法律顾问", "ROLE")]


def test_townships_places_and_departments():
    assert _spans("现将复兴街道2020年法治政府建设工作情况报告如下") == []  # no anchor in this text
    text = "复兴街道办事处。现将复兴街道2020年工作情况报告如下"
    assert _spans(text) == [("复兴街道办事处", "ORG"), ("复兴街道", "ORG")]
    assert _spans("2021年,綦江区司法局在区委、区政府的领导下") == [
        ("綦江区司法局", "ORG"), ("区委", "ORG"), ("区政府", "ORG")]
    assert _spans("辖区派出所") == [("派出所", "ORG")]
    assert _spans("中央全面依法治国委员会会议精神") == [("中央全面依法治国委员会", "ORG")]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200) | st.lists(st.sampled_from(
    ["区", "街道", "复兴", "党工委", "书记", "所", "所长", "司法", "政府", "人民", "委员会", "镇", "、", "。", "村(社区)"]
), max_size=30).map("".join))
def test_never_raises_and_offsets_slice(text):
    previous_end = 0
    for e in extract_entities(text):
        assert text[e.start:e.end] == e.text and e.end > e.start >= previous_end
        previous_end = e.end


def test_compound_nouns_are_not_bodies():
    # 中心工作 is the central task, 镇街 and 乡镇 are collective (unlabeled d140 and others)
    spans = _spans("紧紧围绕党委政府中心工作,沙坪坝区深化镇街综合行政执法改革")
    assert ("政府中心", "ORG") not in spans and not any(t.endswith("镇") for t, _ in spans)
    assert ("党委", "ORG") in spans
    assert _spans("澄江镇人民政府") == [("澄江镇人民政府", "ORG")]
