"""Parse stage: one file in, a ParsedDocument (normalized text plus hints) out.

`parse_file` dispatches on the file extension, checks the size with stat before anything
is read, and turns every failure into a `ParseError` with a stage, a short machine kind
and a sentence a person understands. Nothing else escapes: an unexpected exception in a
format parser is reported as ParseError("parse", "parse_failed", ...).

Formats: .txt (text.py), .html/.htm/.shtml (html.py), .pdf (pdf.py), .docx (docx.py),
.doc/.wps (doc.py, via antiword or catdoc). The bytes are sniffed too, because scraped
archives are full of files whose extension lies (a .doc that is really a .docx or an
HTML page, a .pdf that is the server's error page).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline.records import ParsedDocument

from .errors import ParseError
from .sniff import sniff

__all__ = ["ParseError", "SUPPORTED_EXTENSIONS", "parse_file", "parse_bytes"]

DEFAULT_MAX_BYTES = 50 * 2**20

_FORMAT_BY_EXTENSION = {
    ".txt": "txt",
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".doc": "doc",
    ".wps": "doc",
}

SUPPORTED_EXTENSIONS: frozenset[str] = frozenset(_FORMAT_BY_EXTENSION)


def parse_file(path: Path, sidecar: dict | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> ParsedDocument:
    """Read and parse one archived file; raise ParseError when it cannot be read."""
    path = Path(path)
    ext = path.suffix.lower()
    if ext not in _FORMAT_BY_EXTENSION:
        shown = ext or "(no extension)"
        raise ParseError(
            "unsupported",
            "unsupported_format",
            f"{shown} files are not supported; supported are {', '.join(sorted(SUPPORTED_EXTENSIONS))}",
        )
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ParseError("size", "unreadable", f"cannot read the file: {exc.strerror or exc}") from None
    if size > max_bytes:
        raise ParseError(
            "size",
            "too_large",
            f"the file is {size / 2**20:.1f} MiB, over the {max_bytes / 2**20:.1f} MiB limit; it was not read",
        )
    if size == 0:
        raise ParseError("size", "empty_file", "the file is empty (0 bytes)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ParseError("size", "unreadable", f"cannot read the file: {exc.strerror or exc}") from None
    doc = parse_bytes(data, ext, sidecar=sidecar, path=path)
    doc.sha256 = hashlib.sha256(data).hexdigest()  # of the very bytes parsed: the document's id
    return doc


def parse_bytes(data: bytes, ext: str, sidecar: dict | None = None, path: Path | None = None) -> ParsedDocument:
    """Parse bytes as if they came from a file with extension `ext` (".html", ...)."""
    fmt = _FORMAT_BY_EXTENSION.get(ext.lower())
    if fmt is None:
        raise ParseError("unsupported", "unsupported_format", f"{ext or '(no extension)'} files are not supported")
    if not data:
        raise ParseError("size", "empty_file", "the file is empty (0 bytes)")
    kind = sniff(data)
    try:
        doc = _dispatch(data, fmt, kind, sidecar or {}, path)
    except ParseError:
        raise
    except RecursionError:
        raise ParseError("parse", "parse_failed", "the file is nested too deeply to parse") from None
    except Exception as exc:  # a parser bug or a library choking on odd input: report, don't crash the run
        raise ParseError("parse", "parse_failed", f"the {fmt} parser failed: {type(exc).__name__}: {exc}"[:500]) from exc
    if not doc.text.strip():
        raise ParseError("parse", "empty_file", "the file holds no text")
    return doc


def _dispatch(data: bytes, fmt: str, kind: str | None, sidecar: dict, path: Path | None) -> ParsedDocument:
    # Imported lazily so that a text-only run never loads pdfium or python-docx.
    if fmt == "txt":
        from . import text

        return text.parse_text(data, sidecar)
    if fmt == "html":
        from . import html

        return html.parse_html(data, sidecar)
    if fmt == "pdf":
        from . import pdf

        return pdf.parse_pdf(data, kind)
    if fmt == "docx":
        if kind == "ole":  # an old Word file renamed .docx
            from . import doc

            parsed = doc.parse_doc(data, path)
            parsed.warnings.append("the .docx file is an old Word .doc file; converted as .doc")
            return parsed
        from . import docx

        return docx.parse_docx(data, kind)
    if fmt == "doc":
        if kind == "zip":  # a .docx saved with a .doc name
            from . import docx

            parsed = docx.parse_docx(data, kind)
            parsed.warnings.append("the .doc file is a .docx (Office Open XML) file; parsed as .docx")
            return parsed
        if kind == "html":  # "Word HTML" pages served as .doc are common on gov sites
            from . import html

            parsed = html.parse_html(data, sidecar)
            parsed.warnings.append("the .doc file is an HTML page; parsed as HTML")
            return parsed
        from . import doc

        return doc.parse_doc(data, path, kind)
    raise ParseError("unsupported", "unsupported_format", f"no parser for {fmt}")  # pragma: no cover
