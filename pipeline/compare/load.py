"""Reading the tables `make extract` wrote (OUT/*.parquet) into pandas frames."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from pipeline.tables import TABLES

NEEDED = ("documents", "sections", "metrics", "texts")


def read_table(out: Path, name: str) -> pd.DataFrame:
    """One table; an absent file gives an empty frame with the contract's columns."""
    path = Path(out) / f"{name}.parquet"
    if path.exists():
        return pq.read_table(path).to_pandas()
    return pd.DataFrame({c: pd.Series(dtype="object") for c in TABLES[name].column_names})


def read_tables(out: Path) -> dict[str, pd.DataFrame]:
    out = Path(out)
    if not (out / "documents.parquet").exists():
        raise FileNotFoundError(f"{out}/documents.parquet not found: run `make extract` (or "
                                f"`python -m pipeline extract RAW --out {out}`) first")
    frames = {name: read_table(out, name) for name in NEEDED}
    docs = frames["documents"]
    for col in ("township", "county", "city", "province", "issuer", "title", "publish_date", "source_url", "source_path",
                "unit_level", "report_type"):
        if col in docs:
            docs[col] = docs[col].fillna("").astype(str)
    docs["report_year"] = pd.to_numeric(docs["report_year"], errors="coerce").astype("Int64")
    docs["place"] = [place_name(r) for r in docs.itertuples()]
    return frames


def place_name(doc) -> str:
    """What a report is compared as: the township; else the issuer; else the county."""
    return doc.township or doc.issuer or doc.county or doc.title[:20] or doc.source_path or doc.doc_id
