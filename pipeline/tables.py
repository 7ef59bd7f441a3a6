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


# The comparison tables `report` writes into OUT/compare/ (pandas frames: columns and their order).
# INDICATOR_COLUMNS stands for one column per catalog indicator, in catalog order.
INDICATOR_COLUMNS = "*indicators*"
COMPARE_TABLES: dict[str, tuple[str, ...]] = {
    "indicators": (
        "place", "township", "county", "unit_level", "report_type", "report_year", "indicator", "indicator_name",
        "value", "unit", "value_std", "unit_std", "qualifier", "conflict", "doc_id", "section_id",
        "section_category", "subject", "raw", "sentence", "start", "end", "source_url", "publish_date"),
    "indicators_wide": (
        "place", "township", "county", "unit_level", "report_year", "n_reports", "doc_ids", INDICATOR_COLUMNS,
        "conflicts", "notes"),
    "coverage": (
        "doc_id", "place", "township", "county", "unit_level", "report_type", "report_year", "title",
        "publish_date", "source_url", "has_achievements", "has_shortcomings", "has_leadership_duty",
        "has_next_year_plan", "has_improvements", "n_sections", "n_chars", "n_metrics", "n_indicator_figures",
        "n_indicators"),
    "compliance": (
        "doc_id", "place", "township", "county", "report_type", "report_year", "title", "publish_date", "deadline",
        "published_on_time", "has_measures_results", "has_shortcomings", "has_leadership_duty",
        "has_next_year_plan", "has_other_matters", "missing_parts", "arithmetic_issues", "applies", "issues",
        "passes"),
    "arithmetic": ("doc_id", "kind", "rate", "stated", "part", "whole", "recomputed", "sentence", "start", "end"),
    "section_topics": ("doc_id", "section_id", "level", "heading", "category", "topic"),
    "reuse_pairs": (
        "doc_a", "doc_b", "place_a", "place_b", "year_a", "year_b", "same_place", "shared_sentences",
        "shared_chars", "share_a", "share_b", "n_passages", "longest_passage"),
    "reuse_passages": ("doc_a", "doc_b", "a_start", "a_end", "b_start", "b_end", "chars", "text_a"),
}


def compare_columns(name: str, indicator_codes: list[str] = ()) -> list[str]:
    """The columns of comparison table `name`, with the indicator codes put in place."""
    out: list[str] = []
    for column in COMPARE_TABLES[name]:
        out.extend(indicator_codes if column == INDICATOR_COLUMNS else [column])
    return out
