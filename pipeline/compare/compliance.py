"""The checks evaluators apply by hand, per report (rules in outline.toml).

- required parts (2019 督察工作规定): from section categories, else from headings;
- published before 1 April of the following year (publish_date);
- arithmetic: a stated rate that disagrees with the counts it is a rate of
  (57 found, 54 resolved, rate 94.74% -> 54/57 = 94.74%: fine; 95.5% would be flagged);
- section topics: each section's area of the 2021-2025 outline, so reports line up.
"""
from __future__ import annotations

import functools
import re
import tomllib
from datetime import date
from pathlib import Path

import pandas as pd

from pipeline.tables import compare_columns

OUTLINE_PATH = Path(__file__).with_name("outline.toml")

# Rates whose meaning is part/whole of two counts in the same sentence (化解率 = 化解/受理).
_RATE_SUBJECT = re.compile(r"(?:化解|调解成功|调处成功|调处|调解|办结|结案|答复|采纳|整改|完成|处置|成功|回复|按时办结)率")
# Rate indicators recomputed from other indicators of the same report: rate = part / whole.
RATE_FROM_INDICATORS = {"dispute_resolution_rate": ("disputes_resolved", "disputes_found")}


@functools.lru_cache(maxsize=1)
def load_outline(path: str | Path = OUTLINE_PATH) -> dict:
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    for part in data["required_part"]:
        part["_re"] = [re.compile(p) for p in part.get("headings", ())]
    for area in data["area"]:
        area["_re"] = [re.compile(p) for p in area.get("keywords", ())]
    return data


def section_topic(heading: str) -> str:
    """The outline area a section heading belongs to ("" when none says so)."""
    best, hits = "", 0
    for area in load_outline()["area"]:
        n = sum(1 for p in area["_re"] if p.search(heading or ""))
        if n > hits:
            best, hits = area["code"], n
    return best


def deadline_for(report_year) -> date | None:
    rules = load_outline()["rules"]
    try:
        return date(int(report_year) + 1, rules["deadline_month"], rules["deadline_day"])
    except (TypeError, ValueError):
        return None


def published_on_time(publish_date: str, report_year) -> str:
    """yes / no / unknown (no publish date or no report year)."""
    deadline = deadline_for(report_year)
    try:
        published = date.fromisoformat((publish_date or "")[:10])
    except ValueError:
        return "unknown"
    if deadline is None:
        return "unknown"
    return "yes" if published < deadline else "no"


def _decimals(value: float) -> int:
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return len(text.split(".")[1]) if "." in text else 0


def rate_agrees(stated: float, part: float, whole: float) -> bool:
    """Does `stated`% equal part/whole, allowing the rounding the stated figure shows?"""
    if whole <= 0:
        return False
    exact = part / whole * 100
    tolerance = 0.5 * 10 ** -_decimals(stated) + 1e-9
    return abs(exact - stated) <= tolerance or abs(round(exact, _decimals(stated)) - stated) < 1e-9


def arithmetic_issues(metrics: pd.DataFrame, long: pd.DataFrame) -> pd.DataFrame:
    """Stated rates that disagree with their counts: within a sentence, and across a report's indicators."""
    rows = []
    if not metrics.empty:
        m = metrics.copy()
        m["sentence"] = m["sentence"].fillna("")
        m["subject"] = m["subject"].fillna("")
        for (doc_id, sentence), g in m.groupby(["doc_id", "sentence"], sort=True):
            rates = g[(g["unit"] == "%") & g["subject"].str.contains(_RATE_SUBJECT)]
            counts = g[(g["unit"] != "%") & ~g["unit"].isin(["元", "万元", "亿元"])]
            if rates.empty or len(counts) != 2 or counts["unit"].nunique() != 1:
                continue  # only the plain case: two counts of one kind and the rate of them
            whole, part = sorted(counts["value"].astype(float), reverse=True)
            for r in rates.itertuples():
                if r.value > 100 or whole == 0:
                    continue
                if not rate_agrees(float(r.value), part, whole):
                    rows.append({"doc_id": doc_id, "kind": "sentence", "rate": r.subject, "stated": float(r.value),
                                 "part": part, "whole": whole, "recomputed": round(part / whole * 100, 2),
                                 "sentence": sentence, "start": int(r.start), "end": int(r.end)})
    if not long.empty:
        for doc_id, g in long.groupby("doc_id", sort=True):
            single = {c: v["value_std"].dropna().unique() for c, v in g.groupby("indicator")}
            for rate_code, (part_code, whole_code) in RATE_FROM_INDICATORS.items():
                vals = [single.get(c, ()) for c in (rate_code, part_code, whole_code)]
                if any(len(v) != 1 for v in vals):
                    continue
                stated, part, whole = (float(v[0]) for v in vals)
                if whole > 0 and part <= whole and not rate_agrees(stated, part, whole):
                    r = g[g["indicator"] == rate_code].iloc[0]
                    if any(x["doc_id"] == doc_id and x["start"] == int(r["start"]) for x in rows):
                        continue
                    rows.append({"doc_id": doc_id, "kind": "indicators", "rate": rate_code, "stated": stated,
                                 "part": part, "whole": whole, "recomputed": round(part / whole * 100, 2),
                                 "sentence": r["sentence"], "start": int(r["start"]), "end": int(r["end"])})
    cols = compare_columns("arithmetic")
    return pd.DataFrame(rows, columns=cols)


def _has_part(part: dict, categories: set[str], headings: list[str]) -> bool:
    if categories & set(part.get("categories", ())):
        return True
    return any(p.search(h) for h in headings for p in part["_re"])


def compliance_table(docs: pd.DataFrame, sections: pd.DataFrame, arithmetic: pd.DataFrame) -> pd.DataFrame:
    outline = load_outline()
    by_doc = {d: g for d, g in sections.groupby("doc_id")} if not sections.empty else {}
    n_arith = arithmetic.groupby("doc_id").size() if not arithmetic.empty else {}
    rows = []
    for d in docs.sort_values("doc_id").itertuples():
        g = by_doc.get(d.doc_id)
        cats = set(g["category"].dropna()) if g is not None else set()
        heads = [str(h) for h in g["heading"].fillna("")] if g is not None else []
        deadline = deadline_for(d.report_year)
        row = {"doc_id": d.doc_id, "place": d.place, "township": d.township, "county": d.county,
               "report_type": d.report_type, "report_year": d.report_year, "title": d.title,
               "publish_date": d.publish_date, "deadline": deadline.isoformat() if deadline else "",
               "published_on_time": published_on_time(d.publish_date, d.report_year)}
        missing = []
        for part in outline["required_part"]:
            ok = _has_part(part, cats, heads)
            row[f"has_{part['code']}"] = ok
            if not ok and not part.get("optional"):
                missing.append(part["name"])
        row["missing_parts"] = "、".join(missing)
        row["arithmetic_issues"] = int(n_arith.get(d.doc_id, 0)) if len(n_arith) else 0
        # The rules apply to rule-of-law reports; other reports are listed, not judged.
        row["applies"] = d.report_type == "rule_of_law"
        issues = []
        if missing:
            issues.append(f"缺少：{row['missing_parts']}")
        if row["published_on_time"] == "no":
            issues.append(f"发布晚于{row['deadline']}")
        elif row["published_on_time"] == "unknown":
            issues.append("发布日期不明")
        if row["arithmetic_issues"]:
            issues.append(f"比率与数字不符 {row['arithmetic_issues']} 处")
        row["issues"] = "；".join(issues)
        row["passes"] = bool(row["applies"] and not missing and row["published_on_time"] == "yes"
                             and not row["arithmetic_issues"])
        rows.append(row)
    return pd.DataFrame(rows)


def section_topics(sections: pd.DataFrame) -> pd.DataFrame:
    cols = compare_columns("section_topics")
    if sections.empty:
        return pd.DataFrame(columns=cols)
    s = sections[["doc_id", "section_id", "level", "heading", "category"]].copy()
    s["heading"] = s["heading"].fillna("")
    s["topic"] = [section_topic(h) for h in s["heading"]]
    return s.sort_values(["doc_id", "section_id"]).reset_index(drop=True)[cols]
