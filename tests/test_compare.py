"""Indicators, comparison tables, compliance checks, text reuse and `query`, on real corpus text."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from pipeline.compare.compliance import published_on_time, rate_agrees, section_topic
from pipeline.compare.indicators import classify_indicator, clause_of, load_catalog, score_indicators

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
PAIRS = REPO / "models" / "indicators" / "pairs.jsonl"
needs_corpus = pytest.mark.skipif(not (CORPUS / "dev" / "gold.jsonl").exists(),
                                  reason="../shared/corpus is not beside the repository")


# ---- indicators ------------------------------------------------------------
def test_catalog_is_consistent():
    cat = load_catalog()
    assert cat.version
    for ind in cat.indicators:
        assert ind.code in cat.by_code and ind.units and ind.subject
        assert ind.part in {"achievements", "shortcomings", "leadership_duty", "next_year_plan", "improvements", "other"}


@pytest.mark.parametrize("subject, sentence, unit, code", [
    ("行政诉讼案件", "2025年,处理行政诉讼案件11宗,行政复议案件6宗,无行政复议纠错案件。", "宗", "admin_lawsuits"),
    ("行政复议案件", "2025年,处理行政诉讼案件11宗,行政复议案件6宗,无行政复议纠错案件。", "宗", "admin_reconsiderations"),
    ("审查合同", "截至2020年底,我街道法律顾问团参与律师5人,审查合同120份,修改各类文书20次。", "份", "contract_reviews"),
    ("调解成功率", "1件达成了口头协议,并且双方当事人都已履行,调解成功率达100%。", "%", "dispute_resolution_rate"),
    ("受理矛盾纠纷", "截止10月底,街道及村居调委会共受理各类矛盾纠纷341件,成功调处341件。", "件", "disputes_found"),
    ("成功调处", "截止10月底,街道及村居调委会共受理各类矛盾纠纷341件,成功调处341件。", "件", "disputes_resolved"),
    ("区政府出庭应诉率", "区政府负责人出庭应诉率100%,区级部门和镇街负责人出庭应诉率99.3%。", "%", "court_appearance_rate"),
    ("主动公开政府信息", "2020年和平街道主动公开政府信息73条,其中依托梅河口市政府网站主动公开信息73条。", "条", "proactive_disclosure"),
    ("收到政府信息公开申请", "收到政府信息公开申请4件,已办结4件,其中予以公开0件。", "件", "disclosure_requests"),
    ("宣布失效的规范性文件", "经清理,继续有效的规范性文件267件,宣布失效的规范性文件19件,废止的规范性文件17件。", "件", "normative_docs_cleaned"),
    # traditional characters read the same as simplified
    ("合格率", "組織街道及社區近300名干部參加法治理論考試,合格率100%。", "%", "exam_pass_rate"),
    # not indicators: the channel breakdown, the economy, a continuing document
    ("政府网站公开信息", "2021年,全区通过政府网站公开信息21384条主动回应信息。", "条", ""),
    ("财政总收入", "全年财政总收入13.23亿元,一般公共预算收入6.66亿元。", "亿元", ""),
    ("继续有效的规范性文件", "经清理,继续有效的规范性文件267件,宣布失效的规范性文件19件。", "件", ""),
    # the right unit matters: a rate is never a count
    ("行政诉讼案件", "行政诉讼案件败诉率5.5%。", "%", ""),
])
def test_classify_indicator(subject, sentence, unit, code):
    assert classify_indicator(subject, sentence, unit) == code


def test_clause_prefers_the_occurrence_next_to_a_figure():
    sentence = "根据《关于规范性文件集中清理工作的通知》,我委有一件规范性文件需废止。"
    assert clause_of("规范性文件", sentence) == "我委有一件规范性文件需废止"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30), st.text(max_size=120), st.text(max_size=4))
def test_classify_never_raises(subject, sentence, unit):
    code = classify_indicator(subject, sentence, unit)
    assert code == "" or code in load_catalog().by_code


def test_annotated_pairs_precision():
    pairs = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines()]
    assert len(pairs) >= 60
    assert {p["indicator"] for p in pairs} - {""} <= set(load_catalog().by_code)
    scores = score_indicators(PAIRS)
    assert scores["precision"] >= 0.9
    assert scores["coverage"] > 0.3


# ---- checks ------------------------------------------------------------------
def test_rate_arithmetic():
    assert rate_agrees(94.74, 54, 57)          # the example adds up
    assert not rate_agrees(95.74, 54, 57)
    assert rate_agrees(100, 341, 341)
    assert rate_agrees(94.7, 54, 57) and not rate_agrees(94, 54, 57)


def test_publication_deadline():
    assert published_on_time("2021-03-31", 2020) == "yes"
    assert published_on_time("2021-04-01", 2020) == "no"
    assert published_on_time("", 2020) == "unknown"
    assert published_on_time("2021-03-01", None) == "unknown"


def test_section_topics_line_up_headings():
    assert section_topic("加强行政执法规范化建设") == "enforcement"
    assert section_topic("多元化解矛盾纠纷") == "disputes"
    assert section_topic("深化政务公开,强化权力监督") == "supervision"
    assert section_topic("") == ""


# ---- the tables, over a small archive of real reports, through the real extraction --------
@pytest.fixture(scope="module")
def report_out(tmp_path_factory):
    if not (CORPUS / "dev" / "gold.jsonl").exists():
        pytest.skip("../shared/corpus is not beside the repository")
    from pipeline.compare.build import run_report
    from pipeline.compare.fixture import build_fixture

    out = build_fixture(tmp_path_factory.mktemp("cmp") / "out", CORPUS)
    assert run_report(out) == 0
    return out


def _read(out, name):
    return pd.read_parquet(out / "compare" / f"{name}.parquet")


def _assert_figures_trace(out, long):
    """Every figure: its offsets slice its raw text out of its report, inside the sentence it gives."""
    texts = dict(pd.read_parquet(out / "texts.parquet").itertuples(index=False))
    for r in long.itertuples():
        text = texts[r.doc_id]
        assert text[r.start:r.end] == r.raw
        assert r.raw in r.sentence
        at = text.find(r.sentence, max(0, r.start - len(r.sentence)))
        assert 0 <= at <= r.start and r.end <= at + len(r.sentence)


@needs_corpus
def test_extraction_reads_the_planned_archive(report_out):
    from pipeline.compare.fixture import PLAN

    docs = pd.read_parquet(report_out / "documents.parquet").set_index("source_path")
    assert sorted(docs.index) == sorted(p.path for p in PLAN)
    for p in PLAN:
        d = docs.loc[p.path]
        assert (d["township"], d["report_year"], d["publish_date"]) == (p.township, p.report_year, p.publish_date)
        assert d["report_type"] == "rule_of_law" and d["source_url"].startswith("http")
    errors = pd.read_parquet(report_out / "errors.parquet")
    assert errors.empty


@needs_corpus
def test_every_figure_traces_to_its_sentence(report_out):
    long = _read(report_out, "indicators")
    assert len(long) > 10
    _assert_figures_trace(report_out, long)
    csv = (report_out / "compare" / "indicators.csv").read_bytes()
    assert csv.startswith("\ufeff".encode())


@needs_corpus
def test_bad_input_is_shown_plainly(report_out):
    docs = pd.read_parquet(report_out / "documents.parquet")
    wide = _read(report_out, "indicators_wide")
    coverage = _read(report_out, "coverage")
    # nothing dropped: every report is in coverage, every place-year in the wide table
    assert set(coverage["doc_id"]) == set(docs["doc_id"])
    assert len(wide) == docs.groupby(["township", "report_year"]).ngroups == 6
    # the report with no figures is there, with zero figures
    assert coverage.loc[coverage["township"] == "四屏镇", "n_metrics"].tolist() == [0]
    # the correction: two reports, one row, the later report's figure (98, not 100 nor 198), said in notes
    row = wide[wide["township"] == "中梁山街道"].iloc[0]
    corrected = docs.loc[docs["source_path"].str.endswith("_corrected.txt"), "doc_id"].item()
    assert row["n_reports"] == 2 and row["exam_pass_rate"] == 98
    assert f"exam_pass_rate: 2 reports differ, {corrected} (latest) used" in row["notes"]
    # a place with two years gets two rows
    assert sorted(wide.loc[wide["township"] == "高笋塘街道", "report_year"]) == [2024, 2025]


@needs_corpus
def test_conflicting_figures_are_flagged_not_summed(report_out):
    long = _read(report_out, "indicators")
    wide = _read(report_out, "indicators_wide")
    # 专题法治讲座2场 and “科长讲法”活动6场: two figures for one indicator in one report
    g = long[(long["township"] == "观湖街道") & (long["indicator"] == "law_trainings")]
    assert sorted(g["raw"]) == ["2场", "6场"] and g["conflict"].all()
    row = wide[wide["township"] == "观湖街道"].iloc[0]
    assert pd.isna(row["law_trainings"]) and "law_trainings" in row["conflicts"]
    assert row["disputes_found"] == 57 and row["disputes_resolved"] == 54
    # figures that agree are not conflicts
    assert not long.loc[long["indicator"] == "admin_lawsuits", "conflict"].any()


@needs_corpus
def test_compliance_and_arithmetic(report_out):
    comp = _read(report_out, "compliance").set_index("township")
    arith = _read(report_out, "arithmetic")
    assert comp.loc["观湖街道", "published_on_time"] == "no"          # 2026-04-15 for 2025
    assert comp.loc["广安门内街道", "published_on_time"] == "yes"     # 2021-03-20 for 2020
    assert "发布晚于2026-04-01" in comp.loc["观湖街道", "issues"]
    assert len(arith) == 1 and arith.iloc[0]["stated"] == 95.74 and arith.iloc[0]["recomputed"] == 94.74
    assert comp.loc["观湖街道", "arithmetic_issues"] == 1
    assert (comp.drop(index="观湖街道")["arithmetic_issues"] == 0).all()
    # every report has its measures and results, 观湖街道 too, whose parts are headed by topic
    # (一、加强党的领导…): untitled top parts before the shortcomings are its measures
    assert bool(comp["has_measures_results"].all())
    assert bool(comp.loc["观湖街道", "has_leadership_duty"])           # (二)切实落实法治建设第一责任人职责


@needs_corpus
def test_text_reuse_finds_the_copies(report_out):
    pairs = _read(report_out, "reuse_pairs")
    passages = _read(report_out, "reuse_passages")
    found = {frozenset((r.place_a, r.year_a, r.place_b, r.year_b)) for r in pairs.itertuples()}
    assert frozenset(("高笋塘街道", 2024, "高笋塘街道", 2025)) in found   # last year's report, reused
    assert frozenset(("中梁山街道", 2025)) in found                       # the correction and its original
    assert pairs["share_a"].min() > 0.5
    # unrelated reports of different places are not paired
    assert not any(r.place_a != r.place_b for r in pairs.itertuples())
    texts = dict(pd.read_parquet(report_out / "texts.parquet").itertuples(index=False))
    assert len(passages)
    for p in passages.itertuples():
        assert texts[p.doc_a][p.a_start:p.a_end] == p.text_a


@needs_corpus
def test_query_over_duckdb(report_out):
    from pipeline.compare.query import run_query

    buf = io.StringIO()
    rc = run_query("SELECT place, report_year, disputes_found FROM indicators_wide WHERE disputes_found IS NOT NULL",
                   db=report_out / "reports.duckdb", as_csv=True, stream=buf)
    assert rc == 0 and buf.getvalue().splitlines() == ["place,report_year,disputes_found", "观湖街道,2025,57.0"]
    buf = io.StringIO()
    assert run_query("SELECT count(*) AS n FROM compliance", db=report_out / "reports.duckdb", stream=buf) == 0
    assert "(1 rows)" in buf.getvalue() and "7" in buf.getvalue()
    assert run_query("SELECT * FROM no_such_table", db=report_out / "reports.duckdb", stream=io.StringIO()) == 1


# ---- `make report` over the repository's sample archive -----------------------------------
COMPARE_TABLES = ("indicators", "indicators_wide", "coverage", "compliance", "arithmetic", "section_topics",
                  "reuse_pairs", "reuse_passages")


def test_report_over_the_sample_archive(tmp_path):
    from pipeline.compare.build import run_report
    from pipeline.extract_archive import extract_archive

    out = tmp_path / "out"
    summary = extract_archive(REPO / "raw", out, workers=2, progress=False)
    assert summary.documents == summary.files == 9 and not summary.errors
    assert run_report(out) == 0
    for name in COMPARE_TABLES:
        assert (out / "compare" / f"{name}.parquet").exists() and (out / "compare" / f"{name}.csv").exists()
    page = out / "report" / "index.html"
    assert page.exists() and "复兴街道" in page.read_text(encoding="utf-8")
    docs = pd.read_parquet(out / "documents.parquet")
    assert set(_read(out, "coverage")["doc_id"]) == set(docs["doc_id"])
    long = _read(out, "indicators")
    assert len(long) > 10
    _assert_figures_trace(out, long)
    # the seed report, as text and as a web page: one place-year, the same figures, its rate adds up
    wide = _read(out, "indicators_wide").set_index("place")
    seed = wide.loc["复兴街道"]
    assert seed["n_reports"] == 2 and seed["report_year"] == 2020
    assert (seed["disputes_found"], seed["disputes_resolved"], seed["dispute_resolution_rate"]) == (57, 54, 94.74)
    assert _read(out, "arithmetic").empty


def test_cli_registers_report_and_query():
    import argparse

    from pipeline.compare.cli import register

    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["report", "somewhere"])
    assert args.out == Path("somewhere")
    args = parser.parse_args(["query", "SELECT 1", "--csv"])
    assert args.csv and args.sql == "SELECT 1"
