"""The comparison tables: indicators (long), indicators_wide, coverage.

Every figure in `indicators` keeps its doc_id, offsets, sentence and source URL, so it can be
traced back. Two different figures for one indicator in one report are both kept and flagged
(`conflict`), never summed; in `indicators_wide` such a cell stays empty and is named in
`conflicts`. Where one township has two reports for one year (a correction), the wide row
takes the later-published report's figure and says so in `notes`; nothing is added up.
"""
from __future__ import annotations

import pandas as pd

from pipeline.compare.indicators import load_catalog
from pipeline.tables import compare_columns

PARTS = ("achievements", "shortcomings", "leadership_duty", "next_year_plan", "improvements")
# Money figures are compared in the indicator's own unit.
_MONEY = {"元": 1e-4, "万元": 1.0, "亿元": 1e4}

LONG_COLUMNS = compare_columns("indicators")


def _std_value(value: float, unit: str, target: str) -> float:
    """The figure in the indicator's unit: money converted (元 -> 万元); every other unit the
    catalog accepts for an indicator already counts the same thing, so the value stands."""
    if unit in _MONEY and target in _MONEY:
        return value * _MONEY[unit] / _MONEY[target]
    return value


def indicator_rows(docs: pd.DataFrame, sections: pd.DataFrame, metrics: pd.DataFrame) -> pd.DataFrame:
    catalog = load_catalog()
    if metrics.empty:
        return pd.DataFrame(columns=LONG_COLUMNS)
    m = metrics.copy()
    for col in ("indicator", "subject", "sentence", "unit", "qualifier", "raw"):
        m[col] = m[col].fillna("").astype(str)
    m = m[m["indicator"].isin(catalog.by_code)]
    if m.empty:
        return pd.DataFrame(columns=LONG_COLUMNS)
    cat = sections[["doc_id", "section_id", "category"]].rename(columns={"category": "section_category"})
    m = m.merge(cat, on=["doc_id", "section_id"], how="left")
    m = m.merge(docs[["doc_id", "place", "township", "county", "unit_level", "report_type", "report_year",
                      "source_url", "publish_date"]], on="doc_id", how="inner")
    m["indicator_name"] = m["indicator"].map(lambda c: catalog.by_code[c].name)
    m["unit_std"] = m["indicator"].map(lambda c: catalog.by_code[c].unit)
    m["value_std"] = [_std_value(v, u, t) for v, u, t in zip(m["value"], m["unit"], m["unit_std"])]
    distinct = m.groupby(["doc_id", "indicator"])["value_std"].transform(lambda s: s.dropna().nunique())
    m["conflict"] = distinct > 1
    m["section_category"] = m["section_category"].fillna("")
    m = m.sort_values(["place", "report_year", "indicator", "doc_id", "start"], kind="stable", na_position="last")
    return m[LONG_COLUMNS].reset_index(drop=True)


def wide_table(docs: pd.DataFrame, long: pd.DataFrame) -> pd.DataFrame:
    """One row per place and report year, one column per indicator (in catalog order)."""
    codes = list(load_catalog().by_code)
    rows = []
    keyed = docs.assign(_year=docs["report_year"].astype("Int64"))
    for (place, year), group in keyed.groupby(["place", "_year"], dropna=False, sort=True):
        group = group.sort_values(["publish_date", "doc_id"], ascending=False, kind="stable")
        row = {"place": place, "township": group["township"].iloc[0], "county": group["county"].iloc[0],
               "unit_level": group["unit_level"].iloc[0], "report_year": year,
               "n_reports": len(group), "doc_ids": " ".join(group["doc_id"])}
        conflicts, notes = [], []
        figs = long[long["doc_id"].isin(group["doc_id"])]
        for code in codes:
            row[code] = None
            f = figs[figs["indicator"] == code]
            if f.empty:
                continue
            for doc_id in group["doc_id"]:  # the latest-published report that states it
                values = f.loc[f["doc_id"] == doc_id, "value_std"].dropna().unique()
                if len(values) == 0:
                    continue
                if len(values) == 1:
                    row[code] = float(values[0])
                else:
                    conflicts.append(code)
                others = f.loc[f["doc_id"] != doc_id, "value_std"].dropna().unique()
                if len(others) and set(others) != set(values):
                    notes.append(f"{code}: {len(group)} reports differ, {doc_id} (latest) used")
                break
        row["conflicts"] = " ".join(conflicts)
        row["notes"] = "; ".join(notes)
        rows.append(row)
    cols = compare_columns("indicators_wide", codes)
    wide = pd.DataFrame(rows, columns=cols)
    for code in codes:
        wide[code] = pd.to_numeric(wide[code], errors="coerce").astype("float64")
    return wide


def coverage_table(docs: pd.DataFrame, sections: pd.DataFrame, metrics: pd.DataFrame,
                   long: pd.DataFrame) -> pd.DataFrame:
    """Per report: which canonical parts it has, how many sections, characters and figures."""
    parts = sections.groupby("doc_id")["category"].agg(lambda s: set(s.dropna())) if not sections.empty else {}
    n_sections = sections.groupby("doc_id").size() if not sections.empty else {}
    n_metrics = metrics.groupby("doc_id").size() if not metrics.empty else {}
    n_ind = long.groupby("doc_id").size() if not long.empty else {}
    n_codes = long.groupby("doc_id")["indicator"].nunique() if not long.empty else {}
    rows = []
    for d in docs.sort_values("doc_id").itertuples():
        have = parts.get(d.doc_id, set()) if len(parts) else set()
        row = {"doc_id": d.doc_id, "place": d.place, "township": d.township, "county": d.county,
               "unit_level": d.unit_level, "report_type": d.report_type, "report_year": d.report_year,
               "title": d.title, "publish_date": d.publish_date, "source_url": d.source_url}
        for p in PARTS:
            row[f"has_{p}"] = p in have
        row.update({"n_sections": int(n_sections.get(d.doc_id, 0)) if len(n_sections) else 0,
                    "n_chars": int(d.n_chars) if pd.notna(d.n_chars) else 0,
                    "n_metrics": int(n_metrics.get(d.doc_id, 0)) if len(n_metrics) else 0,
                    "n_indicator_figures": int(n_ind.get(d.doc_id, 0)) if len(n_ind) else 0,
                    "n_indicators": int(n_codes.get(d.doc_id, 0)) if len(n_codes) else 0})
        rows.append(row)
    return pd.DataFrame(rows)
