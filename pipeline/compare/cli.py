"""The `report` and `query` subcommands; `register(subparsers)` adds them to pipeline's CLI."""
from __future__ import annotations

import argparse
from pathlib import Path


def cmd_report(args: argparse.Namespace) -> int:
    from pipeline.compare.build import run_report

    return run_report(args.out)


def cmd_query(args: argparse.Namespace) -> int:
    from pipeline.compare.query import run_query

    return run_query(args.sql, db=args.db, as_csv=args.csv, max_rows=args.max_rows)


def register(subparsers) -> None:
    p = subparsers.add_parser("report", help="comparison tables in OUT/compare/ and the report OUT/report/index.html")
    p.add_argument("out", type=Path, nargs="?", default=Path("output"),
                   help="the folder `extract` wrote (default output/)")
    p.set_defaults(func=cmd_report)

    p = subparsers.add_parser("query", help="run SQL over reports.duckdb and print the result")
    p.add_argument("sql", help='e.g. "SELECT place, report_year, disputes_resolved FROM indicators_wide"')
    p.add_argument("--db", type=Path, default=Path("output") / "reports.duckdb", help="default output/reports.duckdb")
    p.add_argument("--csv", action="store_true", help="print CSV instead of a table")
    p.add_argument("--max-rows", type=int, default=200, help="rows to print as a table (CSV prints all)")
    p.set_defaults(func=cmd_query)
