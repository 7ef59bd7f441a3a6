"""`pipeline query "SQL"`: SQL over reports.duckdb, printed as a table or as CSV."""
from __future__ import annotations

import csv
import sys
import unicodedata
from pathlib import Path

import duckdb


def _width(text: str) -> int:
    """Display width: CJK characters take two columns in a terminal."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cell(value, limit: int = 40) -> str:
    text = "" if value is None else str(value).replace("\n", " ")
    while _width(text) > limit:
        text = text[:-2] + "…"
    return text


def format_table(columns: list[str], rows: list[tuple], limit: int = 40) -> str:
    cells = [[_cell(c, limit) for c in columns]] + [[_cell(v, limit) for v in r] for r in rows]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(columns))]
    lines = []
    for n, row in enumerate(cells):
        lines.append("  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def run_query(sql: str, db: Path, as_csv: bool = False, max_rows: int = 200, stream=None) -> int:
    stream = stream or sys.stdout
    db = Path(db)
    if not db.exists():
        print(f"error: {db} does not exist; run `make extract` and `make report` first", file=sys.stderr)
        return 2
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as exc:
        print(f"error: cannot open {db}: {exc}", file=sys.stderr)
        return 2
    try:
        cur = con.execute(sql)
        columns = [d[0] for d in cur.description or []]
        rows = cur.fetchall() if columns else []
    except duckdb.Error as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        con.close()
    if as_csv:
        w = csv.writer(stream, lineterminator="\n")
        w.writerow(columns)
        w.writerows(rows)
        return 0
    print(format_table(columns, rows[:max_rows]), file=stream)
    more = f", first {max_rows} shown" if len(rows) > max_rows else ""
    print(f"({len(rows)} rows{more})", file=stream)
    return 0
