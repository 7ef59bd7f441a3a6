"""One archive file in, the rows of every table out.

`process_file` never raises for bad input: whatever cannot be read becomes an `errors`
row with a message a person understands, and whatever could be read is kept.
"""
from __future__ import annotations

import bisect
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pipeline.nlp import DocContext, analyse
from pipeline.parse import ParseError, parse_file
from pipeline.records import ErrorRecord, Section

SIDECAR_SUFFIX = ".meta.json"
DEFAULT_MAX_BYTES = 50 * 2**20


@dataclass
class FileResult:
    """The rows one file contributes, keyed by table name."""

    rows: dict[str, list[dict]] = field(default_factory=dict)
    errors: list[ErrorRecord] = field(default_factory=list)

    def add(self, table: str, row: dict) -> None:
        self.rows.setdefault(table, []).append(row)


def iter_archive(root: Path):
    """Every input file under `root` (sidecars and hidden files excepted), in a stable order."""
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if path.is_file() and not path.name.endswith(SIDECAR_SUFFIX) \
                and not any(part.startswith(".") for part in rel.parts):
            yield path


def read_sidecar(path: Path) -> tuple[dict, ErrorRecord | None]:
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if not sidecar.exists():
        return {}, None
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        return data, None
    except (OSError, ValueError) as exc:
        return {}, ErrorRecord("", "sidecar", "bad_sidecar",
                               f"sidecar {sidecar.name} could not be read ({exc}); the file was read without it")


def process_file(path: Path, root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> FileResult:
    result = FileResult()
    rel = path.relative_to(root).as_posix()
    sidecar, sidecar_error = read_sidecar(path)
    if sidecar_error:
        sidecar_error.source_path = rel
        result.errors.append(sidecar_error)
    try:
        parsed = parse_file(path, sidecar, max_bytes)  # every failure to read comes as a ParseError
    except ParseError as exc:
        result.errors.append(ErrorRecord(rel, exc.stage, exc.error, exc.message))
        return result
    sha = parsed.sha256
    doc_id = sha[:16]
    doc = analyse(parsed.text, DocContext(parsed=parsed, sidecar=sidecar))
    for kind, message, _trace in doc._.failures:
        result.errors.append(ErrorRecord(rel, "extract", f"{kind}_failed",
                                         f"the {kind} extractor failed; that table has no rows for this file ({message})"))
    records = doc._.records
    meta = records["document"]
    result.add("documents", {
        "doc_id": doc_id, "source_path": rel, "source_url": str(sidecar.get("url") or ""),
        "format": parsed.format, **asdict(meta), "n_chars": len(parsed.text), "sha256": sha,
        "charset": parsed.charset, "n_pages": parsed.n_pages or None,
        "list_title": str(sidecar.get("list_title") or ""), "list_date": str(sidecar.get("list_date") or ""),
    })
    result.add("texts", {"doc_id": doc_id, "text": parsed.text})
    sections: list[Section] = records["sections"]
    locate = SectionLocator(sections)
    for s in sections:
        result.add("sections", {"doc_id": doc_id, **asdict(s)})
    for table in ("doc_numbers", "metrics", "dates", "references", "entities"):
        for rec in records[table]:
            result.add(table, {"doc_id": doc_id, "section_id": locate(rec.start), **asdict(rec)})
    return result


class SectionLocator:
    """Maps an offset to the innermost section containing it (None before the first heading)."""

    def __init__(self, sections: list[Section]):
        self._sections = sorted(sections, key=lambda s: (s.start, s.level))
        self._starts = [s.start for s in self._sections]

    def __call__(self, offset: int) -> int | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        while i >= 0:
            s = self._sections[i]
            if s.start <= offset < s.end:
                return s.section_id
            i -= 1
        return None
