"""PDF: real fixtures, generated samples, layout rules, and every kind of bad PDF."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from pipeline.normalize import normalize_text
from pipeline.parse import ParseError, parse_file

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FIXTURES = SHARED / "fixtures"
RAW = REPO / "raw"
FIXTURE_PDFS = sorted(FIXTURES.glob("*.pdf"))
SAMPLE_PDFS = sorted(RAW.rglob("*.pdf"))
_CJK_SPACE = re.compile(r"[\u4e00-\u9fff] [\u4e00-\u9fff]")
_PAGE_NUMBER_LINE = re.compile(r"^(- ?\d+ ?-|—\d+—|第\d+页.*)$", re.M)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def parsed():
    return {p: parse_file(p) for p in FIXTURE_PDFS + SAMPLE_PDFS}


def test_fixture_texts(parsed):
    hongze = parsed[FIXTURES / "pdf_text_hongze_2023_zfxxgk_annual_report_tables.pdf"]
    assert hongze.n_pages == 5 and hongze.format == "pdf"
    assert hongze.title_hint == "洪泽区人民政府2023年政府信息公开工作年度报告"
    # lines rejoined into paragraphs, no spaces between CJK and digits, page numbers gone
    assert "2023年，我区在政府网站平台主动公开政府信息1136条。" in hongze.text
    assert "《中华人民共和国政府信息公开条例》（国令第711号）（以下简称《条例》）要求编制此报告。" in hongze.text
    assert "- 1 -" not in hongze.text and "- 5 -" not in hongze.text
    # table rows stay rows
    assert "信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 0 0 0\n行政规范性文件 0 5 5" in hongze.text
    headings = {hongze.text[s:e]: level for s, e, level in hongze.heading_hints}
    assert headings.get("洪泽区人民政府2023年政府信息公开工作年度报告") == 0
    assert "五、存在的主要问题及改进情况" in headings  # set in 黑体

    beijing = parsed[FIXTURES / "pdf_text_beijing_2024_zfgzbg.pdf"]
    assert beijing.n_pages == 13
    assert "\n一、2023年工作回顾\n" in beijing.text
    assert "全市地区生产总值增长5.2%、约4.4万亿元" in beijing.text


@pytest.mark.parametrize("path", FIXTURE_PDFS + SAMPLE_PDFS, ids=lambda p: p.name)
def test_pdf_text_is_clean(parsed, path):
    doc = parsed[path]
    assert doc.text == normalize_text(doc.text)
    assert "(cid:" not in doc.text
    assert not re.search(r"[\ue000-\uf8ff\ufffd]", doc.text)
    assert not _PAGE_NUMBER_LINE.search(doc.text)
    assert len(_CJK_SPACE.findall(doc.text)) < 0.01 * len(doc.text)
    # paragraphs, not printed lines: most lines are long or end a sentence
    lines = [ln for ln in doc.text.split("\n") if ln]
    assert len(lines) < doc.n_pages * 30


@pytest.mark.parametrize("path", SAMPLE_PDFS, ids=lambda p: p.name)
def test_generated_pdfs_match_their_source_text(parsed, path):
    """raw/ PDFs were made from corpus text: the parse gives that text back, paragraph by paragraph."""
    from pipeline.parse.furniture import strip_furniture

    doc = parsed[path]
    source = (SHARED / "corpus" / "dev" / f"{path.stem}.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in (strip_furniture(x) for x in normalize_text(source).split("\n")) if p]
    assert doc.title_hint == paragraphs[0]
    assert doc.text.split("\n")[0] == paragraphs[0]
    for para in paragraphs[1:]:
        assert para in doc.text, para[:40]
    assert path.stem not in doc.text  # nothing invented
    first_page_header = paragraphs[0]
    assert doc.text.count(first_page_header) == 1  # the running header is gone


@pytest.mark.parametrize(
    "path",
    SAMPLE_PDFS + [FIXTURES / "pdf_text_hongze_2023_zfxxgk_annual_report_tables.pdf"],
    ids=lambda p: p.name,
)
def test_pypdfium2_and_pdfplumber_agree(parsed, path):
    """Our text (pypdfium2) and pdfplumber's hold the same characters, whitespace aside.

    Page numbers and running headers, which we drop, are removed from pdfplumber's side."""
    import pdfplumber

    ours = Counter(_squash(parsed[path].text))
    with pdfplumber.open(path) as pdf:
        pages = []
        for page in pdf.pages:
            lines = (page.dedupe_chars().extract_text() or "").split("\n")
            pages.append(lines)
    theirs_text = "".join(
        line for lines in pages for i, line in enumerate(lines)
        if not (i in (0, len(lines) - 1) and (_PAGE_NUMBER_LINE.match(line.strip()) or (i == 0 and pages.index(lines) > 0 and len(line) < 60 and line.strip() and line.strip() in parsed[path].title_hint)))
    )
    theirs = Counter(_squash(normalize_text(theirs_text)))
    diff = sum(((ours - theirs) + (theirs - ours)).values())
    assert diff <= 0.02 * sum(theirs.values()), ((ours - theirs).most_common(5), (theirs - ours).most_common(5))


# ---------------------------------------------------------------- bad PDFs
def _latin_pdf(tmp_path: Path, name: str = "x.pdf", **kw) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    if kw.get("encrypt"):
        pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    if kw.get("text", True):
        pdf.set_font("helvetica", size=12)
        pdf.multi_cell(0, 8, "Annual report on the rule of law. " * 10)
    else:
        pdf.rect(20, 20, 100, 60, style="F")  # a page with only a drawing: what a scan looks like to a text layer
    path = tmp_path / name
    pdf.output(str(path))
    return path


def _error(path: Path) -> ParseError:
    with pytest.raises(ParseError) as err:
        parse_file(path)
    return err.value


def test_truncated_pdf(tmp_path):
    good = _latin_pdf(tmp_path)
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    err = _error(cut)
    assert (err.stage, err.error) == ("parse", "corrupt_pdf") and "truncated" in err.message


def test_garbage_pdf(tmp_path):
    path = tmp_path / "g.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20 + b"\n%%EOF\n")
    assert _error(path).error == "corrupt_pdf"


def test_html_error_page_saved_as_pdf(tmp_path):
    path = tmp_path / "e.pdf"
    path.write_bytes(b"<!DOCTYPE html><html><head><title>404</title></head><body>Not Found</body></html>")
    err = _error(path)
    assert err.error == "corrupt_pdf" and "HTML" in err.message


def test_encrypted_pdf(tmp_path):
    err = _error(_latin_pdf(tmp_path, encrypt=True))
    assert (err.stage, err.error) == ("parse", "encrypted_pdf")


def test_pdf_without_text_layer(tmp_path):
    err = _error(_latin_pdf(tmp_path, text=False))
    assert (err.stage, err.error) == ("parse", "scanned_pdf")
    assert "OCR" in err.message


def test_latin_pdf_keeps_word_spaces(tmp_path):
    doc = parse_file(_latin_pdf(tmp_path))
    assert "Annual report on the rule of law. Annual report" in doc.text


def test_fake_bold_duplicates_are_dropped(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=14)
    for dx in (0, 0.25):  # the same text drawn twice, slightly offset: fake bold
        pdf.text(20 + dx, 30, "Summary of the year")
    pdf.set_font("helvetica", size=11)
    pdf.text(20, 45, "Body text follows here.")
    path = tmp_path / "bold.pdf"
    pdf.output(str(path))
    doc = parse_file(path)
    assert "Summary of the year" in doc.text
    assert "SSuu" not in doc.text and doc.text.count("Summary") == 1


def test_private_use_glyphs_are_cid_font_error(tmp_path, monkeypatch):
    """Fonts without ToUnicode give private-use code points; pdfium reports them as such."""
    from pipeline.parse import pdf as pdf_module

    real = pdf_module._page_lines

    def garbled(textpage, index):
        lines, glyphs, _garbage = real(textpage, index)
        return lines, 1, glyphs  # as if nearly every glyph were unmapped

    monkeypatch.setattr(pdf_module, "_page_lines", garbled)
    err = _error(_latin_pdf(tmp_path))
    assert (err.stage, err.error) == ("parse", "cid_font")
