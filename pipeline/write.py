"""Streams rows into the output tables and publishes them atomically.

Rows arrive in batches (per file, from any worker, in any order). They are appended to
Parquet part files in a staging folder inside OUT, so memory stays flat however large
the archive. `close()` then lets DuckDB sort each table out of core into its contract
order, writes `NAME.parquet`, `NAME.csv` (UTF-8 with BOM) and `reports.duckdb`, and only
then moves the finished files over the old ones: an interrupted run leaves the previous
tables intact and never half a table.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.tables import TABLES, Table

BOM = "\ufeff".encode()
DATABASE = "reports.duckdb"


def _q(name: str) -> str:
    """Quote an SQL identifier (`references` is an SQL keyword)."""
    return '"' + name.replace('"', '""') + '"'


class TableWriter:
    def __init__(self, out_dir: Path, batch_rows: int = 2_000):
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=self.out_dir))
        self.batch_rows = batch_rows
        self._buffers: dict[str, list[dict]] = {name: [] for name in TABLES}
        self._parts: dict[str, int] = {name: 0 for name in TABLES}
        self.counts: dict[str, int] = {name: 0 for name in TABLES}

    def add_rows(self, table: str, rows: list[dict]) -> None:
        self._buffers[table].extend(rows)
        self.counts[table] += len(rows)
        if len(self._buffers[table]) >= self.batch_rows:
            self._flush(table)

    def _flush(self, name: str) -> None:
        table = TABLES[name]
        rows = self._buffers[name]
        folder = self.staging / name
        folder.mkdir(exist_ok=True)
        columns = {col: [r.get(col) for r in rows] for col in table.column_names}
        pq.write_table(pa.table(columns, schema=table.schema), folder / f"part-{self._parts[name]:05d}.parquet")
        self._parts[name] += 1
        rows.clear()

    def close(self) -> dict[str, int]:
        """Sort, write every format, publish; returns the row count per table."""
        for name in TABLES:
            if self._buffers[name] or self._parts[name] == 0:
                self._flush(name)  # an empty table still gets its schema
        done = self.staging / "done"
        done.mkdir()
        con = duckdb.connect(str(done / DATABASE))
        try:
            con.execute(f"SET temp_directory='{self.staging / 'duckdb_tmp'}'")
            con.execute("SET preserve_insertion_order=true")
            # sort out of core: the writer's memory must not grow with the archive
            con.execute("SET memory_limit='128MB'")
            con.execute("SET threads=2")
            for table in TABLES.values():
                self._materialize(con, table, done)
        finally:
            con.close()
        self._publish(done)
        return dict(self.counts)

    def _materialize(self, con: duckdb.DuckDBPyConnection, table: Table, done: Path) -> None:
        parts = (self.staging / table.name / "*.parquet").as_posix()
        order = ", ".join(_q(c) for c in table.order_by + tuple(c for c in table.column_names if c not in table.order_by))
        con.execute(f"CREATE TABLE {_q(table.name)} AS SELECT * FROM read_parquet('{parts}') ORDER BY {order}")
        con.execute(f"COPY {_q(table.name)} TO '{(done / table.name).as_posix()}.parquet' (FORMAT parquet)")
        if table.csv:
            body = done / f"{table.name}.csv.body"
            # the table was created in order and DuckDB keeps insertion order: no second sort
            con.execute(f"COPY {_q(table.name)} TO '{body.as_posix()}' (HEADER, DELIMITER ',')")
            with open(done / f"{table.name}.csv", "wb") as out, open(body, "rb") as src:
                out.write(BOM)
                shutil.copyfileobj(src, out, 1 << 20)
            body.unlink()

    def _publish(self, done: Path) -> None:
        for path in sorted(done.iterdir()):
            if path.is_file():
                os.replace(path, self.out_dir / path.name)
        shutil.rmtree(self.staging, ignore_errors=True)

    def abort(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
