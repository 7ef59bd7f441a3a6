"""`extract`: every file of an archive through the pipeline, on every core, into the tables."""
from __future__ import annotations

import multiprocessing as mp
import os
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path

from tqdm import tqdm

from pipeline.process import DEFAULT_MAX_BYTES, FileResult, iter_archive, process_file
from pipeline.write import TableWriter


@dataclass
class RunSummary:
    files: int = 0
    documents: int = 0
    seconds: float = 0.0
    rows: dict[str, int] = field(default_factory=dict)
    errors: list[dict] = field(default_factory=list)


def warm_up() -> None:
    """Load jieba's dictionary and the division index once. Called in the parent before the
    workers fork, so they share these (copy-on-write) instead of each loading them again."""
    from pipeline.nlp import analyse

    analyse("重庆市北碚区人民政府复兴街道办事处关于2020年法治政府建设的报告\n一、主要举措\n化解54件。")


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def extract_archive(raw: Path, out: Path, workers: int = 0, max_bytes: int = DEFAULT_MAX_BYTES,
                    progress: bool | None = None) -> RunSummary:
    raw, out = Path(raw), Path(out)
    if not raw.is_dir():
        raise FileNotFoundError(f"archive folder {raw} does not exist")
    workers = workers or default_workers()
    paths = list(iter_archive(raw))
    show = sys.stderr.isatty() if progress is None else progress
    summary = RunSummary(files=len(paths))
    started = time.perf_counter()
    writer = TableWriter(out)
    work = partial(process_file, root=raw, max_bytes=max_bytes)
    try:
        with tqdm(total=len(paths), unit="file", disable=not show, desc="extract") as bar:
            warm_up()
            if workers == 1:
                _consume(map(work, paths), writer, summary, bar)
            else:
                ctx = mp.get_context("fork" if sys.platform != "win32" else "spawn")
                # At most this many files in flight: if writing falls behind the workers, finished
                # results must not pile up in memory.
                in_flight = threading.BoundedSemaphore(workers * 16)

                def feed():
                    for path in paths:
                        in_flight.acquire()
                        yield path

                with ctx.Pool(workers, maxtasksperchild=500) as pool:
                    results = pool.imap_unordered(work, feed(), chunksize=4)
                    _consume(results, writer, summary, bar, on_result=in_flight.release)
        summary.rows = writer.close()
    except BaseException:
        writer.abort()
        raise
    summary.seconds = time.perf_counter() - started
    return summary


def _consume(results, writer: TableWriter, summary: RunSummary, bar, on_result=lambda: None) -> None:
    for result in results:
        result: FileResult
        on_result()
        for table, rows in result.rows.items():
            writer.add_rows(table, rows)
        if result.rows.get("documents"):
            summary.documents += 1
        if result.errors:
            rows = [asdict(e) for e in result.errors]
            writer.add_rows("errors", rows)
            summary.errors.extend(rows)
        bar.update(1)


def format_summary(summary: RunSummary, out: Path) -> str:
    rate = summary.files / summary.seconds if summary.seconds else 0.0
    lines = [f"read {summary.files} files in {summary.seconds:.1f} s ({rate:.1f} files/s): "
             f"{summary.documents} documents, {len(summary.errors)} errors",
             f"tables in {out}/ (CSV with BOM, Parquet, reports.duckdb):"]
    for table, n in summary.rows.items():
        lines.append(f"  {table:<12} {n:>8} rows")
    if summary.errors:
        lines.append("errors:")
        for e in summary.errors[:10]:
            lines.append(f"  {e['source_path']}: [{e['stage']}/{e['error']}] {e['message']}")
        if len(summary.errors) > 10:
            lines.append(f"  … and {len(summary.errors) - 10} more (see {out}/errors.csv)")
    return "\n".join(lines)
