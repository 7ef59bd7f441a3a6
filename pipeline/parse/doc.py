"""Old Word files (.doc, .wps) through an external converter: antiword, else catdoc.

Both are Debian packages (`make setup` installs them). Each runs with a timeout on a
temporary copy; antiword's table rows (|cell|cell|) become lines of space-separated cells.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from pipeline.records import ParsedDocument

from .assemble import Block, assemble
from .decode import decode_bytes
from .errors import ParseError
from .sniff import KIND_NAMES

TIMEOUT_SECONDS = 60
# (name, argv before the file name). antiword: UTF-8 output, no line wrapping.
CONVERTERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("antiword", ("antiword", "-m", "UTF-8.txt", "-w", "0")),
    ("catdoc", ("catdoc", "-d", "utf-8", "-w")),
)
INSTALL_HINT = "install antiword (apt-get install antiword) or catdoc to read .doc/.wps files"
_TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_IMAGE_PLACEHOLDER = re.compile(r"\[pic\]|\[image\]", re.I)


def parse_doc(data: bytes, path: Path | None = None, kind: str | None = "ole") -> ParsedDocument:
    if kind not in ("ole", None):
        raise ParseError("parse", "not_a_doc", f"the Word file is {KIND_NAMES.get(kind, kind)}, not a Word document")
    if kind is None:
        raise ParseError("parse", "not_a_doc", "the file is not an old Word document (no OLE header)")
    converters = [(name, argv) for name, argv in CONVERTERS if shutil.which(argv[0])]
    if not converters:
        raise ParseError("parse", "converter_missing", f"no converter for old Word files is installed: {INSTALL_HINT}")
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="baogao-doc-") as tmp:
        source = Path(tmp) / "input.doc"
        source.write_bytes(data)
        for name, argv in converters:
            try:
                proc = subprocess.run(
                    [*argv, str(source)],
                    capture_output=True,
                    timeout=TIMEOUT_SECONDS,
                    env={**os.environ, "LC_ALL": "C.UTF-8"},
                    check=False,
                )
            except subprocess.TimeoutExpired:
                failures.append(f"{name} timed out after {TIMEOUT_SECONDS} s")
                continue
            except OSError as exc:
                failures.append(f"{name} could not run ({exc})")
                continue
            out = proc.stdout
            if proc.returncode != 0 or not out.strip():
                err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
                failures.append(f"{name}: {err[-1] if err else 'no output'}")
                continue
            text = decode_bytes(out).text
            blocks = _blocks(text)
            body, hints = assemble(blocks)
            if not re.search(r"\w", body):
                failures.append(f"{name}: no text")
                continue
            doc = ParsedDocument(text=body, format="doc", title_hint="", heading_hints=hints, charset="utf-8")
            if name != converters[0][0]:
                doc.warnings.append(f"converted with {name}: {'; '.join(failures)}")
            return doc
    joined = "; ".join(failures)
    if "encrypt" in joined.lower() or "password" in joined.lower():
        raise ParseError("parse", "encrypted_doc", f"the Word document is password-protected ({joined})")
    raise ParseError("parse", "corrupt_doc", f"the Word document could not be converted ({joined})")


def _blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    prev_row = False
    for line in text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n"):
        line = _IMAGE_PLACEHOLDER.sub("", line)
        m = _TABLE_ROW.match(line)
        if m:
            cells = [c.strip() for c in m.group(1).split("|")]
            row = " ".join(c for c in cells if c)
            if row:
                blocks.append(Block(row, tight=prev_row))
                prev_row = True
            continue
        prev_row = False
        if line.strip():
            blocks.append(Block(line))
    return blocks
