"""Plain text, the shared decoder, size and extension checks."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.normalize import normalize_text
from pipeline.parse import SUPPORTED_EXTENSIONS, ParseError, parse_bytes, parse_file
from pipeline.parse.decode import decode_bytes

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed_report.txt"
RAW = REPO / "raw"

SAMPLE = "重庆市北碚区人民政府复兴街道办事处关于2020年法治政府建设的报告\n办理行政复议案件２２件，喆堃同志。"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_seed_report_txt_parses_to_its_normalized_text_without_the_page_furniture():
    doc = parse_file(RAW / "seed" / "fuxing_2020.txt")
    assert doc.format == "txt" and doc.charset == "utf-8"
    original = normalize_text(SEED.read_text(encoding="utf-8"))
    # the saved page ends with 扫一扫在手机打开当前页 and a <!--语音播报--> comment: both go, nothing else
    assert original.endswith("扫一扫在手机打开当前页\n<!--语音播报--->")
    assert doc.text == original[: original.index("\n\n扫一扫在手机打开当前页")]
    assert doc.text.startswith("重庆市北碚区人民政府复兴街道办事处关于2020年法治政府建设的报告")


@pytest.mark.parametrize(
    "encoding, charset",
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8"), ("gb18030", "gb18030")],
)
def test_txt_encodings_are_detected(tmp_path, encoding, charset):
    doc = parse_file(_write(tmp_path, "r.txt", SAMPLE.encode(encoding)))
    assert doc.charset == charset
    assert doc.text == normalize_text(SAMPLE)
    assert "22件" in doc.text and "喆堃" in doc.text  # full-width digits folded; GB18030-only chars kept


def test_gbk_txt(tmp_path):
    text = "法治政府建设年度报告\n全年受理行政复议案件12件。"
    doc = parse_file(_write(tmp_path, "r.txt", text.encode("gbk")))
    assert doc.charset == "gb18030" and doc.text == text


def test_real_corpus_text_reads_back_exactly():
    for path in sorted((SHARED / "corpus" / "dev").glob("d00*.txt"))[:5]:
        doc = parse_file(path)
        assert doc.text == normalize_text(path.read_text(encoding="utf-8"))


def test_empty_file(tmp_path):
    with pytest.raises(ParseError) as err:
        parse_file(_write(tmp_path, "e.txt", b""))
    assert (err.value.stage, err.value.error) == ("size", "empty_file")


def test_whitespace_only_file_is_empty(tmp_path):
    with pytest.raises(ParseError) as err:
        parse_file(_write(tmp_path, "e.txt", "  \n\u3000\n".encode()))
    assert err.value.error == "empty_file"


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, bytes(range(256)) * 8, b"%PDF-1.7\n%\xe2\xe3\n1 0 obj"])
def test_binary_named_txt(tmp_path, data):
    with pytest.raises(ParseError) as err:
        parse_file(_write(tmp_path, "b.txt", data))
    assert (err.value.stage, err.value.error) == ("decode", "binary_as_text")


def test_file_over_the_cap_is_not_read(tmp_path, monkeypatch):
    path = _write(tmp_path, "big.txt", SAMPLE.encode() * 100)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read an over-cap file"))
    with pytest.raises(ParseError) as err:
        parse_file(path, max_bytes=1024)
    assert (err.value.stage, err.value.error) == ("size", "too_large")
    assert "limit" in err.value.message


@pytest.mark.parametrize("name", ["table.xls", "bundle.zip", "report.rtf", "noext"])
def test_unsupported_extension(tmp_path, name):
    with pytest.raises(ParseError) as err:
        parse_file(_write(tmp_path, name, b"whatever"))
    assert (err.value.stage, err.value.error) == ("unsupported", "unsupported_format")


def test_supported_extensions():
    assert {".txt", ".html", ".htm", ".shtml", ".pdf", ".docx", ".doc", ".wps"} == SUPPORTED_EXTENSIONS


def test_sidecar_charset_is_used_when_it_fits():
    data = "政府信息公开".encode("gbk")
    assert decode_bytes(data, {"content_type": "text/plain; charset=GBK"}).charset == "gb18030"
    assert decode_bytes(data, {"charset": "gb2312"}).charset == "gb18030"


def test_declared_utf8_on_gbk_bytes_falls_back_to_gb18030():
    data = "法治政府建设情况报告".encode("gbk")
    decoded = decode_bytes(data, {"charset": "utf-8"})
    assert decoded.charset == "gb18030" and decoded.text == "法治政府建设情况报告"
    assert any("not valid" in w for w in decoded.warnings)


def test_declared_gbk_on_utf8_bytes_reads_utf8():
    decoded = decode_bytes("法治政府建设情况报告".encode(), {"charset": "gbk"})
    assert decoded.charset == "utf-8" and decoded.text == "法治政府建设情况报告"


def test_parse_error_pickles():
    import pickle

    err = pickle.loads(pickle.dumps(ParseError("parse", "cid_font", "msg")))
    assert (err.stage, err.error, err.message) == ("parse", "cid_font", "msg")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000), st.sampled_from([None, {"charset": "utf-8"}, {"content_type": "text/html; charset=gb2312"}, {"charset": "bogus"}]))
def test_decoder_raises_only_parse_error(data, sidecar):
    try:
        decoded = decode_bytes(data, sidecar, html=True)
    except ParseError:
        return
    assert isinstance(decoded.text, str)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=1500))
def test_txt_parser_raises_only_parse_error(data):
    try:
        doc = parse_bytes(data, ".txt")
    except ParseError:
        return
    assert doc.text == normalize_text(doc.text)
