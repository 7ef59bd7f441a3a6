"""The commands: extract, eval, bench (and scrape, report, query where installed)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _size(text: str) -> int:
    """'50MB', '200k', '1048576' -> bytes."""
    units = {"k": 2**10, "kb": 2**10, "m": 2**20, "mb": 2**20, "g": 2**30, "gb": 2**30}
    t = text.strip().lower()
    for suffix in sorted(units, key=len, reverse=True):
        if t.endswith(suffix):
            return int(float(t[: -len(suffix)]) * units[suffix])
    return int(t)


def cmd_extract(args: argparse.Namespace) -> int:
    from pipeline.extract_archive import extract_archive, format_summary

    summary = extract_archive(args.raw, args.out, workers=args.workers, max_bytes=args.max_size,
                              progress=False if args.no_progress else None)
    print(format_summary(summary, args.out))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from pipeline.evaluate import predictions, run_eval

    if args.predict:
        import json

        for record in predictions(args.predict):
            print(json.dumps(record, ensure_ascii=False))
        return 0

    return run_eval(args.corpus, worst=args.worst)


def cmd_bench(args: argparse.Namespace) -> int:
    from pipeline.bench import run_bench

    return run_bench(args.corpus, n_docs=args.docs, n_pdfs=args.pdfs, workers=args.workers)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pipeline", description="baogao: annual reports in, tables out")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="read an archive folder and write the tables")
    p.add_argument("raw", type=Path, nargs="?", default=Path("raw"), help="archive folder (default raw/)")
    p.add_argument("--out", type=Path, default=Path("output"), help="output folder (default output/)")
    p.add_argument("--workers", type=int, default=0, help="processes (default: all cores)")
    p.add_argument("--max-size", type=_size, default=50 * 2**20, help="size cap per file, e.g. 50MB (default)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("eval", help="score the extractors against the annotated corpus")
    p.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    p.add_argument("--worst", type=int, default=8, help="misses to print per field")
    p.add_argument("--predict", type=Path, metavar="FOLDER",
                   help="instead of scoring, print the pipeline's output for FOLDER as gold-format JSON lines")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("bench", help="documents/s and peak memory on an archive built from the corpus")
    p.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    p.add_argument("--docs", type=int, default=3000, help="text/HTML documents to build")
    p.add_argument("--pdfs", type=int, default=60, help="PDF documents to build")
    p.add_argument("--workers", type=int, default=0)
    p.set_defaults(func=cmd_bench)

    from pipeline.compare.cli import register as register_compare
    from pipeline.scrape_cli import add_scrape_parser

    add_scrape_parser(sub)

    register_compare(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
