"""Run one crawl in this process: settings, JOBDIR, the closing summary."""
from __future__ import annotations

import hashlib
import json
import shutil
import sys
from pathlib import Path
from typing import IO

from .profiles import SiteProfile
from .report import Reporter
from .settings import DEFAULT_SETTINGS


def default_jobdir(profile: SiteProfile, out_dir: Path) -> Path:
    """Crawl state lives outside the archive (extract must not see it), keyed by site and
    archive folder so two archives never share a queue."""
    key = hashlib.sha1(str(out_dir.resolve()).encode()).hexdigest()[:10]
    return Path(".scrapy") / "jobs" / f"{profile.name}-{key}"


def parse_setting(value: str):
    """`--set KEY=VALUE`: numbers, true/false and JSON are typed, the rest stays text."""
    low = value.strip().lower()
    if low in ("true", "false"):
        return low == "true"
    for conv in (int, float, json.loads):
        try:
            return conv(value)
        except (ValueError, TypeError):
            continue
    return value


def crawl(profile: SiteProfile, out_dir: str | Path, *, jobdir: str | Path | None = None,
          overrides: dict | None = None, log_json: IO[str] | None = None,
          progress: bool | None = None, refresh: str = "conditional",
          max_size: int | None = None, summary_json: str | Path | None = None,
          stream: IO[str] | None = None) -> tuple[int, dict]:
    """Crawl `profile` into `out_dir`. Returns (exit code, summary): 0 when the crawl ran to
    the end, 3 when it was stopped early (its JOBDIR is kept so the next run resumes)."""
    from scrapy.crawler import CrawlerProcess

    from .spider import ReportSpider

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    job = Path(jobdir) if jobdir else default_jobdir(profile, out)
    resumed = job.exists() and any(job.iterdir())
    job.mkdir(parents=True, exist_ok=True)
    settings = dict(DEFAULT_SETTINGS)
    settings["JOBDIR"] = str(job)
    if max_size is not None:
        settings["DOWNLOAD_MAXSIZE"] = int(max_size)
        settings["DOWNLOAD_WARNSIZE"] = min(settings["DOWNLOAD_WARNSIZE"], int(max_size))
    settings.update(overrides or {})
    stream = stream or sys.stderr
    reporter = Reporter(log_json=log_json, progress=progress, stream=stream)
    if resumed:
        print(f"resuming the interrupted crawl kept in {job}", file=stream)
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(ReportSpider)
    process.crawl(crawler, profile=profile, out_dir=str(out), reporter=reporter, refresh=refresh)
    process.start()
    reporter.close()
    reason = crawler.stats.get_value("finish_reason") or "unknown"
    summary = reporter.summary()
    summary.update(site=profile.name, out=str(out), finish_reason=reason, resumed=resumed,
                   jobdir=str(job))
    print(reporter.format_summary(reason), file=stream)
    if summary_json:
        Path(summary_json).write_text(json.dumps(summary, ensure_ascii=False, indent=1), "utf-8")
    if reason == "finished":
        # A finished crawl leaves no queue behind: next week's run starts from the listings.
        shutil.rmtree(job, ignore_errors=True)
        return 0, summary
    return 3, summary
