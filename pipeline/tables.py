"""The schema of every output table, in one place (see ../shared/CONTRACT.md).

Each table is a list of (column, Arrow type) plus the total order its rows are written in,
so re-running over the same archive gives byte-identical CSV files.
"""
from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

_str, _i16, _i32, _i64, _f64 = pa.string(), pa.int16(), pa.int32(), pa.int64(), pa.float64()


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[tuple[str, pa.DataType], ...]
    order_by: tuple[str, ...]
    csv: bool = True  # texts are kept in Parquet/DuckDB only: whole reports do not belong in Excel

    @property
    def schema(self) -> pa.Schema:
        return pa.schema([pa.field(n, t) for n, t in self.columns])

    @property
    def column_names(self) -> list[str]:
        return [n for n, _ in self.columns]


_SPAN = (("start", _i32), ("end", _i32))

TABLES: dict[str, Table] = {t.name: t for t in [
    Table("documents", (
        ("doc_id", _str), ("source_path", _str), ("source_url", _str), ("format", _str),
        ("title", _str), ("issuer", _str), ("province", _str), ("city", _str), ("county", _str),
        ("township", _str), ("unit_level", _str), ("report_type", _str), ("report_year", _i32),
        ("publish_date", _str), ("n_chars", _i64), ("sha256", _str),
        # beyond the contract: how the file was read
        ("charset", _str), ("n_pages", _i32), ("list_title", _str), ("list_date", _str),
    ), ("doc_id", "source_path")),
    Table("sections", (
        ("doc_id", _str), ("section_id", _i32), ("parent_section_id", _i32), ("level", _i16),
        ("marker", _str), ("heading", _str), ("category", _str), *_SPAN,
    ), ("doc_id", "start", "section_id")),
    Table("doc_numbers", (
        ("doc_id", _str), ("section_id", _i32), ("raw", _str), ("number", _str),
        ("issuer_code", _str), ("year", _i32), ("serial", _i64), ("cited_title", _str), *_SPAN,
    ), ("doc_id", "start", "end")),
    Table("metrics", (
        ("doc_id", _str), ("section_id", _i32), ("raw", _str), ("value", _f64), ("unit", _str),
        ("qualifier", _str), ("subject", _str), ("indicator", _str), ("sentence", _str), *_SPAN,
    ), ("doc_id", "start", "end")),
    Table("dates", (
        ("doc_id", _str), ("section_id", _i32), ("raw", _str), ("date_start", _str),
        ("date_end", _str), ("granularity", _str), ("role", _str), *_SPAN,
    ), ("doc_id", "start", "end")),
    Table("references", (
        ("doc_id", _str), ("section_id", _i32), ("title", _str), ("kind", _str), ("number", _str), *_SPAN,
    ), ("doc_id", "start", "end")),
    Table("entities", (
        ("doc_id", _str), ("section_id", _i32), ("text", _str), ("label", _str), *_SPAN,
    ), ("doc_id", "start", "end", "label")),
    Table("errors", (
        ("source_path", _str), ("stage", _str), ("error", _str), ("message", _str),
    ), ("source_path", "stage", "error", "message")),
    Table("texts", (("doc_id", _str), ("text", _str)), ("doc_id",), csv=False),
]}
