"""Scrapy settings for the report crawler: polite by default.

Everything here can be overridden per run (`scrape --set KEY=VALUE`); the tests use that
to shorten timeouts and delays.
"""
from __future__ import annotations

USER_AGENT = ("baogao-scraper/0.1 (+archive of published government annual reports; "
              "polite crawler: robots.txt obeyed, one request at a time per site)")

DEFAULT_SETTINGS: dict = {
    "BOT_NAME": "baogao",
    "USER_AGENT": USER_AGENT,
    "ROBOTSTXT_OBEY": True,
    # Politeness: AutoThrottle adapts the delay to the server's latency; never more than
    # two requests in flight per site.
    "AUTOTHROTTLE_ENABLED": True,
    "AUTOTHROTTLE_START_DELAY": 2.0,
    "AUTOTHROTTLE_MAX_DELAY": 30.0,
    "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
    "DOWNLOAD_DELAY": 1.0,
    "DOWNLOAD_DELAY_JITTER": 0.5,      # ±50 %: requests do not arrive like a clock
    "CONCURRENT_REQUESTS": 8,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 2,
    # Retries with exponential backoff (BackoffMiddleware): 500/502/503/504/408/429, timeouts.
    "RETRY_ENABLED": True,
    "RETRY_TIMES": 3,
    "RETRY_BACKOFF_BASE": 2.0,      # seconds before the first retry, doubled each time
    "RETRY_BACKOFF_MAX": 60.0,
    "DOWNLOAD_TIMEOUT": 60,
    # Download size cap: a report or attachment is rarely above a few MB.
    "DOWNLOAD_MAXSIZE": 40 * 1024 * 1024,
    "DOWNLOAD_WARNSIZE": 10 * 1024 * 1024,
    "REDIRECT_MAX_TIMES": 5,
    "COOKIES_ENABLED": False,
    "TELNETCONSOLE_ENABLED": False,
    "LOG_LEVEL": "WARNING",
    # Re-runs send conditional requests built from the archive's sidecars (ETag /
    # Last-Modified), so no separate HTTP cache is kept.
    "HTTPCACHE_ENABLED": False,
    "DOWNLOADER_MIDDLEWARES": {
        "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
        "pipeline.scrape.middlewares.SharedRobotsTxtMiddleware": 100,
        "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
        "pipeline.scrape.middlewares.LoopSafeRedirectMiddleware": 600,
        "pipeline.scrape.middlewares.BackoffMiddleware": 560,
    },
    "ITEM_PIPELINES": {"pipeline.scrape.pipelines.ArchivePipeline": 300},
    "SCHEDULER_DEBUG": False,
}
