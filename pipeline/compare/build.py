"""`report`: the comparison tables in OUT/compare/ (CSV with BOM, Parquet, DuckDB views) and the
report page OUT/report/index.html, from the tables `make extract` wrote into OUT."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from pipeline.compare import compliance, reuse, tables
from pipeline.compare.indicators import load_catalog
from pipeline.compare.load import read_tables
from pipeline.tables import compare_columns

DATABASE = "reports.duckdb"


@dataclass
class Comparison:
    docs: pd.DataFrame
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)  # name -> table written to OUT/compare


def build(out: Path) -> Comparison:
    t = read_tables(out)
    docs, sections, metrics, texts = t["documents"], t["sections"], t["metrics"], t["texts"]
    long = tables.indicator_rows(docs, sections, metrics)
    arithmetic = compliance.arithmetic_issues(metrics, long)
    pairs, passages = reuse.find_reuse(docs, texts)
    frames = {
        "indicators": long,
        "indicators_wide": tables.wide_table(docs, long),
        "coverage": tables.coverage_table(docs, sections, metrics, long),
        "compliance": compliance.compliance_table(docs, sections, arithmetic),
        "arithmetic": arithmetic,
        "section_topics": compliance.section_topics(sections),
        "reuse_pairs": pairs,
        "reuse_passages": passages,
    }
    return Comparison(docs=docs, frames=frames)


def write_tables(cmp: Comparison, out: Path) -> Path:
    folder = Path(out) / "compare"
    folder.mkdir(parents=True, exist_ok=True)
    codes = list(load_catalog().by_code)
    for name, frame in cmp.frames.items():
        frame = cmp.frames[name] = frame[compare_columns(name, codes)]  # the schema in pipeline/tables.py
        frame.to_parquet(folder / f"{name}.parquet", index=False)
        frame.to_csv(folder / f"{name}.csv", index=False, encoding="utf-8-sig", lineterminator="\n")
    _duckdb_views(cmp, Path(out))
    return folder


def _duckdb_views(cmp: Comparison, out: Path) -> None:
    """Each comparison table into reports.duckdb as compare_NAME, with a view NAME over it."""
    try:
        con = duckdb.connect(str(out / DATABASE))
    except duckdb.Error as exc:  # e.g. another process holds the file
        print(f"note: {out / DATABASE} could not be opened ({exc}); the comparison tables are in {out}/compare/")
        return
    try:
        for name, frame in cmp.frames.items():
            con.register("_frame", frame)
            con.execute(f'CREATE OR REPLACE TABLE "compare_{name}" AS SELECT * FROM _frame')
            con.unregister("_frame")
            con.execute(f'CREATE OR REPLACE VIEW "{name}" AS SELECT * FROM "compare_{name}"')
    finally:
        con.close()


def run_report(out: Path) -> int:
    from pipeline.compare.render import render_report

    out = Path(out)
    cmp = build(out)
    folder = write_tables(cmp, out)
    page = render_report(cmp, out / "report" / "index.html")
    f = cmp.frames
    print(f"{len(cmp.docs)} reports, {len(f['indicators'])} indicator figures "
          f"({f['indicators']['indicator'].nunique() if len(f['indicators']) else 0} indicators), "
          f"{int(f['compliance']['passes'].sum()) if len(f['compliance']) else 0} reports pass every check, "
          f"{len(f['arithmetic'])} arithmetic issues, {len(f['reuse_pairs'])} text-reuse pairs")
    print(f"tables in {folder}/ (CSV with BOM, Parquet; views in {out / DATABASE})")
    print(f"report: {page}")
    return 0
