"""The writer: contract columns, CSV with BOM, total order, atomic publication."""
from __future__ import annotations

import duckdb
import pyarrow.parquet as pq
import pytest

from pipeline.tables import TABLES
from pipeline.write import TableWriter


def _metric(doc_id, start, value=1.0):
    return {"doc_id": doc_id, "section_id": None, "raw": f"{value:g}件", "value": value, "unit": "件",
            "qualifier": "", "subject": "化解", "indicator": "", "sentence": "化解矛盾纠纷", "start": start,
            "end": start + 2}


def _write(out, batches, batch_rows=2):
    writer = TableWriter(out, batch_rows=batch_rows)
    for rows in batches:
        writer.add_rows("metrics", rows)
    return writer.close()


def test_every_table_written_in_every_format_with_bom(tmp_path):
    counts = _write(tmp_path, [[_metric("b", 5), _metric("a", 9)], [_metric("a", 1)]])
    assert counts["metrics"] == 3
    for table in TABLES.values():
        assert (tmp_path / f"{table.name}.parquet").exists()
        assert pq.read_schema(tmp_path / f"{table.name}.parquet").names == table.column_names
        if table.csv:
            data = (tmp_path / f"{table.name}.csv").read_bytes()
            assert data.startswith(b"\xef\xbb\xbf")
            assert data[3:].decode("utf-8").splitlines()[0] == ",".join(table.column_names)
    assert not list(tmp_path.glob(".staging-*"))


def test_rows_are_ordered_by_doc_id_then_start_whatever_the_arrival_order(tmp_path):
    _write(tmp_path, [[_metric("b", 5), _metric("a", 9)], [_metric("a", 1)]])
    lines = (tmp_path / "metrics.csv").read_text(encoding="utf-8-sig").splitlines()[1:]
    assert [(l.split(",")[0], l.split(",")[-1]) for l in lines] == [("a", "3"), ("a", "11"), ("b", "7")]
    con = duckdb.connect(str(tmp_path / "reports.duckdb"), read_only=True)
    assert con.execute('select count(*) from "references"').fetchone() == (0,)
    assert con.execute("select doc_id, start from metrics").fetchall() == [("a", 1), ("a", 9), ("b", 5)]


def test_rerun_gives_byte_identical_csv(tmp_path):
    rows = [_metric(f"d{i % 7}", i * 3, float(i)) for i in range(50)]
    _write(tmp_path / "one", [rows[:20], rows[20:]], batch_rows=7)
    _write(tmp_path / "two", [list(reversed(rows))], batch_rows=50)
    for table in TABLES.values():
        if table.csv:
            assert (tmp_path / "one" / f"{table.name}.csv").read_bytes() == \
                   (tmp_path / "two" / f"{table.name}.csv").read_bytes(), table.name


def test_an_interrupted_run_leaves_the_previous_tables_intact(tmp_path):
    _write(tmp_path, [[_metric("a", 1)]])
    before = (tmp_path / "metrics.csv").read_bytes()
    writer = TableWriter(tmp_path, batch_rows=1)
    writer.add_rows("metrics", [_metric("z", 1), _metric("z", 2)])
    writer.abort()  # what extract_archive does when interrupted
    assert (tmp_path / "metrics.csv").read_bytes() == before
    assert not list(tmp_path.glob(".staging-*"))


def test_unknown_table_is_a_programming_error(tmp_path):
    writer = TableWriter(tmp_path)
    with pytest.raises(KeyError):
        writer.add_rows("no_such_table", [{}])
    writer.abort()
