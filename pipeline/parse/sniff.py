"""What the bytes really are, whatever the extension says."""
from __future__ import annotations

import re

# (kind, magic prefix) — checked against the first bytes of the file.
MAGIC: tuple[tuple[str, bytes], ...] = (
    ("pdf", b"%PDF-"),
    ("zip", b"PK\x03\x04"),
    ("zip", b"PK\x05\x06"),  # empty zip
    ("ole", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),  # .doc .xls .wps .ppt
    ("rtf", b"{\\rtf"),
    ("png", b"\x89PNG\r\n\x1a\n"),
    ("jpeg", b"\xff\xd8\xff"),
    ("gif", b"GIF8"),
    ("rar", b"Rar!\x1a\x07"),
    ("7z", b"7z\xbc\xaf\x27\x1c"),
    ("gzip", b"\x1f\x8b"),
    ("bmp", b"BM"),
    ("tiff", b"II*\x00"),
    ("tiff", b"MM\x00*"),
)

KIND_NAMES = {
    "pdf": "a PDF file",
    "zip": "a zip archive (or a .docx/.xlsx)",
    "ole": "an old Microsoft Office file (.doc/.xls/.wps)",
    "rtf": "an RTF document",
    "png": "a PNG image",
    "jpeg": "a JPEG image",
    "gif": "a GIF image",
    "rar": "a RAR archive",
    "7z": "a 7-Zip archive",
    "gzip": "a gzip archive",
    "bmp": "a BMP image",
    "tiff": "a TIFF image",
    "html": "an HTML page",
}

_HTML_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)


def sniff(data: bytes) -> str | None:
    """Return the kind of file the bytes look like, or None for plain text / unknown."""
    head = data[:1024]
    stripped = head.lstrip(b"\xef\xbb\xbf")
    for kind, magic in MAGIC:
        if stripped.startswith(magic):
            # "BM" is too short to trust alone; a BMP header also carries the file size.
            if kind == "bmp" and (len(data) < 26 or int.from_bytes(data[2:6], "little") != len(data)):
                continue
            return kind
    if b"%PDF-" in head:  # junk before the header is allowed by readers
        return "pdf"
    if _HTML_START.match(stripped):
        return "html"
    return None
