"""The heading tree: markers, levels, parents, categories, on real report text."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from pipeline.evaluate import Score
from pipeline.normalize import normalize_text
from pipeline.segment import segment, split_sentences

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "corpus" / "dev"


def _text(path: Path) -> str:
    return normalize_text(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_tree():
    return segment(_text(SHARED / "seed_report.txt"))


def test_seed_tree_markers_levels_parents_categories(seed_tree):
    rows = [(s.section_id, s.parent_section_id, s.level, s.marker, s.category) for s in seed_tree]
    A, S, I, N = "achievements", "shortcomings", "improvements", "next_year_plan"
    expected = [(1, None, 1, "一、", A), (2, 1, 2, "(一)", A)]
    expected += [(3, 2, 3, "一是", A), (4, 2, 3, "二是", A), (5, 2, 3, "三是", A)]
    expected += [(6, 1, 2, "(二)", A), (7, 1, 2, "(三)", A), (8, 1, 2, "(四)", A)]
    expected += [(9 + i, 8, 3, m, A) for i, m in enumerate(["一是", "二是", "三是", "四是"])]
    expected += [(13, 1, 2, "(五)", A)]
    expected += [(14 + i, 13, 3, m, A) for i, m in enumerate(["一是", "二是", "三是"])]
    expected += [(17, 1, 2, "(六)", A), (18, 1, 2, "(七)", A), (19, 1, 2, "(八)", A)]
    expected += [(20, 19, 3, "1.", A), (21, 19, 3, "2.", A), (22, 19, 3, "3.", A)]
    expected += [(23, None, 1, "二、", S)]
    expected += [(24 + i, 23, 2, m, S) for i, m in enumerate(["一是", "二是", "三是", "四是"])]
    # the second run, led in by "…从以下几个方面改进:", is the improvements
    expected += [(28 + i, 23, 2, m, I) for i, m in enumerate(["一是", "二是", "三是", "四是"])]
    expected += [(32, None, 1, "三、", N)]
    expected += [(33 + i, 32, 2, m, N) for i, m in enumerate(["(一)是", "(二)是", "(三)是"])]
    assert rows == expected


def test_seed_headings_and_offsets(seed_tree):
    text = _text(SHARED / "seed_report.txt")
    by_marker = {(s.section_id): s for s in seed_tree}
    assert by_marker[1].heading == "2020年法治政府建设主要举措和成效"
    assert by_marker[3].heading == "强化学习"  # 一是强化学习。在… : runs on into its sentence
    assert by_marker[20].heading == "组织领导有力"
    assert by_marker[23].heading == "推进法治政府建设存在的不足及改进措施"
    assert by_marker[32].heading == "2021年度工作打算"
    for s in seed_tree:
        assert text.startswith(s.marker, s.start)
        assert text[s.heading_end - len(s.heading):s.heading_end] == s.heading
    # 一、 ends where 二、 starts; the last part runs to the end of the text
    assert by_marker[1].end == by_marker[23].start
    assert by_marker[32].end == len(text)


def test_numbering_restarts_under_a_new_parent():
    text = _text(DEV / "d029.txt")
    tree = segment(text)
    firsts = [s for s in tree if s.marker == "一是"]
    assert len(firsts) == 2 and firsts[0].parent_section_id != firsts[1].parent_section_id
    assert all(tree[s.parent_section_id - 1].marker.startswith("(") for s in firsts)


def test_inline_enumeration_after_full_stop_and_glued():
    text = "一、主要举措\n(一)强化学习\n工作有力。一是加强领导。二是完善制度;三是抓好落实。\n二、存在问题\n"
    tree = segment(text)
    assert [(s.marker, s.heading, s.level) for s in tree] == [
        ("一、", "主要举措", 1), ("(一)", "强化学习", 2),
        ("一是", "加强领导", 3), ("二是", "完善制度", 3), ("三是", "抓好落实", 3),
        ("二、", "存在问题", 1),
    ]
    assert tree[-1].category == "shortcomings"


def test_levels_follow_first_appearance_not_fixed_styles():
    text = "1.总体情况\n(1)主动公开\n(2)依申请公开\n2.存在问题\n(1)工作不足\n"
    tree = segment(text)
    assert [(s.marker, s.level, s.parent_section_id) for s in tree] == [
        ("1.", 1, None), ("(1)", 2, 1), ("(2)", 2, 1), ("2.", 1, None), ("(1)", 2, 4)]


def test_not_headings_years_amounts_tables():
    text = (
        "一、总体情况\n2020年全街道办理信息公开23件。\n1.5万元用于普法。\n12345\n"
        "二、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 | 4 | 0 |\n"
        "(一)予以公开\n0\n三、其他事项\n"
    )
    assert [s.marker for s in segment(text)] == ["一、", "二、", "三、"]


def test_lost_line_breaks_and_site_slips():
    # a page whose lines ran together: the numbering after a space continues the list
    text = "现就有关情况解读如下: 出台背景 二、清理范围 本次清理的范围为现行文件。 三、清理过程 (一)意见征求阶段。"
    assert [(s.marker, s.heading) for s in segment(text)] == [
        ("二、", "清理范围"), ("三、", "清理过程"), ("(一)", "意见征求阶段")]
    # 三) lost its opening bracket but continues (一)(二)
    text = "一、总体情况\n(一)主动公开情况\n(二)依申请公开情况\n三)政府信息管理情况\n(四)平台建设情况\n"
    assert [s.marker for s in segment(text)] == ["一、", "(一)", "(二)", "三)", "(四)"]


def test_attachment_restarts_the_tree():
    text = "一、工作回顾\n二、工作安排\n(一)稳增长\n附件1\n十件民生实事\n一、提升养老服务水平。\n二、兜底保障。\n"
    tree = segment(text)
    assert [(s.marker, s.level) for s in tree][-2:] == [("一、", 1), ("二、", 1)]


def test_heading_hints_accept_a_doubtful_marker():
    text = "一、总体情况\n正文。\n五、其他事项\n"
    assert [s.marker for s in segment(text)] == ["一、"]
    start = text.index("五、")
    assert [s.marker for s in segment(text, [(start, start + 6, 1)])] == ["一、", "五、"]


def test_dev_gold_headings_f1():
    score = Score()
    for line in (DEV / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        tree = segment(_text(DEV / f"{record['id']}.txt"))
        score.add(record["id"], [(h["marker"].strip(), h["heading"].strip()) for h in record["headings"]],
                  [(s.marker.strip(), s.heading.strip()) for s in tree])
    assert score.f1 >= 0.99, score.misses[:5]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("一二三十是、.()（）①第部分章1234 \n。;:年度工作不足打算") + ["附件1\n", "一、", "(一)"]), max_size=60).map("".join))
def test_segment_never_raises_and_nests(text):
    tree = segment(text)
    by_id = {s.section_id: s for s in tree}
    for i, s in enumerate(tree, 1):
        assert s.section_id == i
        assert 0 <= s.start < s.heading_end <= s.end <= len(text)
        assert text.startswith(s.marker, s.start)
        if s.parent_section_id is not None:
            parent = by_id[s.parent_section_id]
            assert parent.start < s.start and s.end <= parent.end and s.level == parent.level + 1
        else:
            assert s.level == 1


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_segment_any_string(text):
    for s in segment(text):
        assert 0 <= s.start <= s.heading_end <= s.end <= len(text)
    for sentence in split_sentences(text):
        assert 0 <= sentence.start < sentence.end <= len(text)
