"""Downloader middlewares: retry backoff, redirect-loop detection, robots.txt for every request."""
from __future__ import annotations

from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.defer import deferred_to_future
from twisted.internet import reactor, task


class BackoffMiddleware:
    """Waits before a retried request goes out: RETRY_BACKOFF_BASE * 2**(n-1) seconds,
    at most RETRY_BACKOFF_MAX (Scrapy's RetryMiddleware retries at once)."""

    def __init__(self, base: float, cap: float):
        self.base, self.cap = base, cap

    @classmethod
    def from_crawler(cls, crawler):
        s = crawler.settings
        return cls(s.getfloat("RETRY_BACKOFF_BASE", 2.0), s.getfloat("RETRY_BACKOFF_MAX", 60.0))

    async def process_request(self, request, spider=None):
        attempt = request.meta.get("retry_times", 0)
        if attempt and self.base > 0:
            delay = min(self.cap, self.base * 2 ** (attempt - 1))
            await deferred_to_future(task.deferLater(reactor, delay, lambda: None))
        return None


class LoopSafeRedirectMiddleware(RedirectMiddleware):
    """A redirect back to a URL already visited in the same chain is a loop: the request
    fails at once with a clear reason instead of bouncing until REDIRECT_MAX_TIMES."""

    def _redirect(self, redirected, request, reason):
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if redirected.url in chain:
            raise IgnoreRequest(f"redirect loop: {' -> '.join(chain + [redirected.url])}")
        return super()._redirect(redirected, request, reason)


class SharedRobotsTxtMiddleware(RobotsTxtMiddleware):
    """Scrapy's RobotsTxtMiddleware lets every request that arrives while robots.txt is
    still downloading await one shared Deferred, whose result only the first waiter gets:
    the others see None and are let through ("no robots.txt"). That happens whenever
    several requests start at once, e.g. a resumed crawl. Here later waiters poll until
    the parser is there, so the rules apply to every request."""

    async def robot_parser(self, request):
        netloc = urlparse_cached(request).netloc
        if isinstance(self._parsers.get(netloc), Deferred):
            while isinstance(self._parsers.get(netloc), Deferred):
                await deferred_to_future(task.deferLater(reactor, 0.02, lambda: None))
            return self._parsers.get(netloc)
        return await super().robot_parser(request)
