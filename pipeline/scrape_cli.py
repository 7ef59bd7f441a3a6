"""`scrape` subcommand: build an archive (raw/<site>/<column>/…) from a government site.

    python -m pipeline scrape beibei --out raw
    python -m pipeline scrape --url https://www.example.gov.cn/zwgk/fzzfjsndbg/ --out raw
    python -m pipeline.scrape_cli fixture --base-url http://127.0.0.1:8000/ --out raw
"""
from __future__ import annotations

import argparse
import sys

from pipeline.scrape.profiles import ProfileError, available_profiles, discovery_profile, load_profile


def add_scrape_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "scrape", help="fetch a site's annual reports into an archive folder",
        description="Fetch every report listed in a site's report columns, with its "
                    "attachments, into OUT/<site>/<column>/ with a .meta.json sidecar per file.")
    add_scrape_arguments(p)
    p.set_defaults(func=run_scrape)
    return p


def add_scrape_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("site", nargs="?", help=f"site profile name or path to a .toml "
                   f"(known: {', '.join(available_profiles())})")
    p.add_argument("--url", help="crawl one listing column with the generic rules instead of a profile")
    p.add_argument("--name", help="folder name of the site for --url (default: the host name)")
    p.add_argument("--out", default="raw", help="archive folder (default: raw)")
    p.add_argument("--base-url", help="replace the profile's base URL (e.g. the local fixture site)")
    p.add_argument("--jobdir", help="crawl state for resuming (default: .scrapy/jobs/<site>-<hash>)")
    p.add_argument("--refresh", choices=("conditional", "always", "never"), default="conditional",
                   help="already archived files: ask the server whether they changed (default), "
                        "fetch them again, or skip them")
    p.add_argument("--max-size", type=float, metavar="MB",
                   help="download size cap in MB (default 40)")
    p.add_argument("--log-json", nargs="?", const="-", metavar="FILE",
                   help="one JSON line per fetch, to FILE or stdout")
    p.add_argument("--summary-json", metavar="FILE", help="write the closing summary as JSON")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                   help="override a Scrapy setting (DOWNLOAD_DELAY=0, CLOSESPIDER_ITEMCOUNT=10, …)")
    p.add_argument("-v", "--verbose", action="store_true", help="Scrapy's INFO log")


def run_scrape(args) -> int:
    from pipeline.scrape.runner import crawl, parse_setting

    try:
        if args.url:
            profile = discovery_profile(args.url, args.name)
        elif args.site:
            profile = load_profile(args.site, base_url=args.base_url)
        else:
            print("scrape: give a site profile name or --url", file=sys.stderr)
            return 2
    except ProfileError as exc:
        print(f"scrape: {exc}", file=sys.stderr)
        return 2
    overrides = {}
    for item in args.set:
        key, sep, value = item.partition("=")
        if not sep:
            print(f"scrape: --set needs KEY=VALUE, got {item!r}", file=sys.stderr)
            return 2
        overrides[key.strip()] = parse_setting(value)
    if args.verbose:
        overrides.setdefault("LOG_LEVEL", "INFO")
    log = None
    if args.log_json:
        log = sys.stdout if args.log_json == "-" else open(args.log_json, "a", encoding="utf-8")
    try:
        code, _ = crawl(profile, args.out, jobdir=args.jobdir, overrides=overrides, log_json=log,
                        progress=False if args.no_progress else None, refresh=args.refresh,
                        max_size=int(args.max_size * 1024 * 1024) if args.max_size else None,
                        summary_json=args.summary_json)
    finally:
        if log is not None and log is not sys.stdout:
            log.close()
    return code


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.scrape_cli")
    add_scrape_arguments(parser)
    return run_scrape(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
