"""DOCX (python-docx, with a raw-XML fallback) and old Word .doc/.wps (antiword/catdoc)."""
from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

from pipeline.normalize import normalize_text
from pipeline.parse import ParseError, parse_file

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FIXTURES = SHARED / "fixtures"
RAW = REPO / "raw"


def test_msword_docx():
    doc = parse_file(FIXTURES / "docx_jiangxi_2025_zfgzbg_msword.docx")
    assert doc.format == "docx" and doc.text == normalize_text(doc.text)
    assert doc.text.startswith("2025年江西省政府工作报告\n\n来源：江西省人民政府")
    assert "\n一、2024年工作回顾\n" in doc.text


def test_wps_docx_with_fullwidth_indents():
    doc = parse_file(FIXTURES / "docx_guangdong_2025_zfgzbg_wps.docx")
    assert "\u3000" not in doc.text
    assert "\n各位代表：\n" in doc.text


def test_docx_tables_are_rows():
    doc = parse_file(FIXTURES / "docx_table_moe_2022_teacher_program_accreditation_list.docx")
    assert "序号 学校名称 专业名称 层次 专业类别 认证结论 有效期开始时间 有效期截止时间\n1 北京师范大学 化学 本科 中学教育 有条件通过 2022年7月 2028年6月" in doc.text


def test_docx_with_broken_relationship_falls_back_to_xml():
    doc = parse_file(FIXTURES / "docx_exam_syllabus_central_2022_dagang1.docx")
    assert "中央机关及其直属机构2022年度考试录用公务员公共科目笔试考试大纲" in doc.text
    assert doc.warnings


@pytest.mark.parametrize("path", sorted(RAW.rglob("*.docx")), ids=lambda p: p.name)
def test_generated_docx_styles_become_hints(path):
    doc = parse_file(path)
    source = normalize_text((SHARED / "corpus" / "dev" / f"{path.stem}.txt").read_text(encoding="utf-8"))
    title = source.split("\n")[0]
    assert doc.title_hint == title
    hints = [(doc.text[s:e], level) for s, e, level in doc.heading_hints]
    assert hints[0] == (title, 0)
    assert any(level == 1 and text.startswith("一、") for text, level in hints)
    for text, level in hints:
        if level == 2:
            assert text.startswith(("(", "（"))


def test_zip_of_something_else(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("report.txt", "法治政府建设")
        zf.writestr("image.png", b"\x89PNG")
    path = tmp_path / "r.docx"
    path.write_bytes(buf.getvalue())
    with pytest.raises(ParseError) as err:
        parse_file(path)
    assert (err.value.stage, err.value.error) == ("parse", "not_a_docx")


def test_text_named_docx(tmp_path):
    path = tmp_path / "r.docx"
    path.write_text("这不是一个Word文件", encoding="utf-8")
    with pytest.raises(ParseError) as err:
        parse_file(path)
    assert err.value.error == "not_a_docx"


# ---------------------------------------------------------------- .doc / .wps
needs_converter = pytest.mark.skipif(
    not (shutil.which("antiword") or shutil.which("catdoc")),
    reason="no .doc converter installed (apt-get install antiword catdoc; `make setup` does it)",
)


@needs_converter
@pytest.mark.parametrize(
    "name, phrase",
    [
        ("doc_shangrao_2019_police_fitness_test_notice_cp936.doc", "上饶市2019年度考录人民警察体能测评通知"),
        ("doc_police_fitness_test_standard_attachment3_cp936.doc", "（人社部发〔2011〕48号附件）组织实施"),
        ("doc_jiangxi_2022_exam_syllabus_dagang3_wps.doc", "财政金融类、会计与审计类职位财经管理"),
        ("doc_jiangxi_2022_teacher_recruitment_major_catalog_tables_wps.doc", "江西省中小学教师招聘岗位专业要求参照目录"),
    ],
)
def test_doc_files(name, phrase):
    doc = parse_file(FIXTURES / name)
    assert doc.format == "doc" and phrase in doc.text
    assert doc.text == normalize_text(doc.text)
    assert "|" not in doc.text  # table rows turned into cells


@needs_converter
def test_doc_renamed_wps(tmp_path):
    path = tmp_path / "notice.wps"
    path.write_bytes((FIXTURES / "doc_shangrao_2019_police_fitness_test_notice_cp936.doc").read_bytes())
    assert "体能测试的时间和地点" in parse_file(path).text


def test_doc_without_converter(tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    path = tmp_path / "old.doc"
    path.write_bytes((FIXTURES / "doc_shangrao_2019_police_fitness_test_notice_cp936.doc").read_bytes())
    with pytest.raises(ParseError) as err:
        parse_file(path)
    assert (err.value.stage, err.value.error) == ("parse", "converter_missing")
    assert "apt-get install antiword" in err.value.message


def test_docx_named_doc_is_read_as_docx(tmp_path):
    path = tmp_path / "report.doc"
    path.write_bytes((FIXTURES / "docx_jiangxi_2025_zfgzbg_msword.docx").read_bytes())
    doc = parse_file(path)
    assert doc.format == "docx" and "2025年江西省政府工作报告" in doc.text
