"""Plain-text files (.txt): UTF-8, UTF-8 with BOM, GBK/GB18030."""
from __future__ import annotations

from pipeline.normalize import normalize_text
from pipeline.records import ParsedDocument

from .decode import check_not_binary, decode_bytes


def parse_text(data: bytes, sidecar: dict | None = None) -> ParsedDocument:
    """Decode a text file; its lines and paragraphs stay as written (only normalized).

    No title hint: the first line of a scraped text is as often a breadcrumb as a title,
    and the metadata extractor reads the text itself.
    """
    check_not_binary(data, "text")
    decoded = decode_bytes(data, sidecar, html=False)
    return ParsedDocument(
        text=normalize_text(decoded.text),
        format="txt",
        charset=decoded.charset,
        warnings=decoded.warnings,
    )
