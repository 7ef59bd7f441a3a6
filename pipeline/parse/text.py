"""Plain-text files (.txt): UTF-8, UTF-8 with BOM, GBK/GB18030."""
from __future__ import annotations

from pipeline.normalize import normalize_text
from pipeline.records import ParsedDocument

from .decode import check_not_binary, decode_bytes
from .furniture import strip_furniture_phrases


def parse_text(data: bytes, sidecar: dict | None = None) -> ParsedDocument:
    """Decode a text file; its lines and paragraphs stay as written (only normalized).

    No title hint: the first line of a scraped text is as often a breadcrumb as a title,
    and the metadata extractor reads the text itself.
    """
    check_not_binary(data, "text")
    decoded = decode_bytes(data, sidecar, html=False)
    return ParsedDocument(
        text=normalize_text(_without_furniture(decoded.text)),
        format="txt",
        charset=decoded.charset,
        warnings=decoded.warnings,
    )


def _without_furniture(text: str) -> str:
    """Saved copies of web pages keep their site furniture: the furniture phrases that HTML
    pages lose (扫一扫在手机打开当前页, 字号 大中小, 打印本页, 语音播报) go here too. Breadcrumb lines
    stay: in a text copy they are often the only place that names the column and the year."""
    kept = []
    for line in text.splitlines():
        cleaned = strip_furniture_phrases(line) if line.strip() else ""
        if cleaned or not line.strip():
            kept.append(cleaned)
    return "\n".join(kept)
