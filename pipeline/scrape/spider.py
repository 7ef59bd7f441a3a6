"""The report spider: listing columns -> articles -> attachments, driven by a SiteProfile."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import scrapy
from scrapy.http import TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.exceptions import IgnoreRequest

from . import rules
from .archive import ArchiveIndex, safe_component, url_file_name
from .profiles import SiteProfile
from .report import Reporter


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def failure_reason(failure) -> tuple[str, str, int | None]:
    """(outcome, reason, http status) for a failed request."""
    exc = failure.value
    if isinstance(exc, HttpError):
        return "failed", f"HTTP {exc.response.status}", exc.response.status
    if isinstance(exc, IgnoreRequest):
        text = str(exc) or "ignored"
        if "robots.txt" in text or "offsite" in text.lower():
            return "skipped", text, None
        return "failed", text, None
    name = type(exc).__name__
    text = str(exc)
    if "max size" in text or "maxsize" in text:
        return "failed", "larger than the download size cap (DOWNLOAD_MAXSIZE)", None
    if "Timeout" in name or "timed out" in text.lower():
        return "failed", f"timeout ({name})", None
    return "failed", f"{name}: {text}"[:300], None


class ReportSpider(scrapy.Spider):
    name = "reports"

    def __init__(self, profile: SiteProfile, out_dir: str, reporter: Reporter,
                 refresh: str = "conditional", **kwargs):
        super().__init__(**kwargs)
        self.profile = profile
        self.out_dir = Path(out_dir)
        self.reporter = reporter
        self.refresh = refresh
        self.allowed_domains = list(profile.domains)
        self.index = ArchiveIndex.load(self.out_dir, profile.name)
        self.patterns = profile.patterns()
        self.types = tuple(profile.attachment_types)

    # -- start ---------------------------------------------------------------------
    async def start(self):
        for col in self.profile.columns:
            # dont_filter=False: on a resumed run (JOBDIR) the listings already crawled are
            # in the seen-requests file and are not fetched again.
            yield scrapy.Request(col.url, callback=self.parse_listing, errback=self.on_error,
                                 dont_filter=False,
                                 meta={"col": col.name, "col_folder": rules.column_dir(col.url),
                                       "kind": "listing", "page_no": 0, "subcolumns": col.subcolumns})

    # -- listings --------------------------------------------------------------------
    def parse_listing(self, response):
        meta = response.meta
        col, folder = meta["col"], meta["col_folder"]
        self.reporter.listing(col, response.url, response.status)
        if not isinstance(response, TextResponse):
            self.reporter.outcome(col, response.url, "failed", kind="listing",
                                  status=response.status, reason="listing is not a text page")
            return
        html = response.text
        under = folder if self.profile.items_under_column else ""
        for item in rules.list_items(html, response.url, patterns=self.patterns,
                                     selector=self.profile.item_selector, column_folder=under,
                                     attachment_types=self.types):
            if not rules.on_domains(item.url, self.profile.domains):
                continue
            self.reporter.expect(col, item.url, listed=True)
            req = self.document_request(item.url, col, referer=response.url,
                                        list_title=item.title, list_date=item.date)
            if req is not None:
                yield req
        page_no = meta.get("page_no", 0)
        if page_no < self.profile.max_pages:
            next_meta = {"col": col, "col_folder": folder, "kind": "listing", "page_no": page_no + 1}
            links = rules.pagination_links(html, response.url, folder)
            for url in links[: self.profile.max_pages]:
                yield scrapy.Request(url, callback=self.parse_listing, errback=self.on_error,
                                     meta=dict(next_meta))
            if response.request.method == "GET":
                for post in rules.hanweb_post_pages(html, response.url)[: self.profile.max_pages]:
                    yield scrapy.FormRequest(post.url, formdata=dict(post.formdata),
                                             callback=self.parse_listing, errback=self.on_error,
                                             meta=dict(next_meta))
        if meta.get("subcolumns"):
            for link in rules.subcolumn_links(html, response.url):
                name = safe_component(link.url.rstrip("/").rsplit("/", 1)[-1], "column")
                yield scrapy.Request(link.url, callback=self.parse_listing, errback=self.on_error,
                                     meta={"col": name, "col_folder": rules.column_dir(link.url),
                                           "kind": "listing", "page_no": 0, "subcolumns": False})

    # -- documents ---------------------------------------------------------------------
    def document_request(self, url: str, col: str, *, referer: str, list_title: str = "",
                         list_date: str = "", article_url: str = "", link_text: str = ""):
        kind = "attachment" if rules.attachment_ext(url, self.types) else "page"
        known = self.index.by_url.get(url)
        headers = {"Referer": referer}
        if known is not None:
            if self.refresh == "never":
                self.reporter.outcome(col, url, "unchanged", kind=kind, file=known.path,
                                      reason="already archived (--refresh never)")
                return None
            if self.refresh == "conditional":
                if known.etag:
                    headers["If-None-Match"] = known.etag
                if known.last_modified:
                    headers["If-Modified-Since"] = known.last_modified
        meta = {"col": col, "kind": kind, "referer": referer, "list_title": list_title,
                "list_date": list_date, "article_url": article_url, "link_text": link_text,
                "handle_httpstatus_list": [304]}
        return scrapy.Request(url, callback=self.parse_document, errback=self.on_error,
                              headers=headers, meta=meta)

    def parse_document(self, response):
        meta = response.meta
        col, kind, url = meta["col"], meta["kind"], response.request.meta.get("redirect_urls", [response.url])[0]
        if response.status == 304:
            known = self.index.by_url.get(url)
            self.reporter.outcome(col, url, "unchanged", kind=kind, status=304,
                                  file=known.path if known else "")
            if kind == "page":
                for att in self.index.attachments_of(url):
                    self.reporter.expect(col, att.url, listed=False)
                    req = self.document_request(att.url, col, referer=url, article_url=url)
                    if req is not None:
                        yield req
            return
        ctype = response.headers.get("Content-Type", b"").decode("latin-1")
        is_html = "html" in ctype.lower() or (isinstance(response, TextResponse) and not ctype)
        if kind == "attachment" and is_html and rules.attachment_ext(url, self.types) not in ("", "html"):
            self.reporter.outcome(col, url, "failed", kind=kind, status=response.status,
                                  reason=f"expected a .{rules.attachment_ext(url, self.types)} file, got an HTML page",
                                  referer=meta.get("referer", ""))
            return
        attachments = []
        if kind == "page" and isinstance(response, TextResponse) and is_html:
            for link in rules.attachment_links(response.text, response.url, self.types):
                if not rules.on_domains(link.url, self.profile.domains):
                    self.reporter.outcome(col, link.url, "skipped", kind="attachment",
                                          reason="attachment on another domain", referer=url)
                    continue
                attachments.append(link)
        yield {
            "url": url, "final_url": response.url, "status": response.status, "kind": kind,
            "column": col, "body": response.body, "content_type": ctype,
            "charset": rules.declared_charset(ctype, response.body)
                       or (response.encoding.lower() if isinstance(response, TextResponse) else ""),
            "etag": response.headers.get("ETag", b"").decode("latin-1"),
            "last_modified": response.headers.get("Last-Modified", b"").decode("latin-1"),
            "disposition": rules.disposition_filename(
                response.headers.get("Content-Disposition", b"").decode("utf-8", "replace")),
            "fetched_at": now_iso(), "referer": meta.get("referer", ""),
            "list_title": meta.get("list_title", ""), "list_date": meta.get("list_date", ""),
            "url_date": rules.url_date(url), "article_url": meta.get("article_url", ""),
            "link_text": meta.get("link_text", ""),
            "attachments": [{"url": a.url, "text": a.text} for a in attachments],
            "site": self.profile.name,
        }
        for link in attachments:
            self.reporter.expect(col, link.url, listed=False)
            req = self.document_request(link.url, col, referer=url, article_url=url,
                                        link_text=link.text,
                                        list_title=meta.get("list_title", ""),
                                        list_date=meta.get("list_date", ""))
            if req is not None:
                yield req

    def on_error(self, failure):
        request = failure.request
        meta = request.meta
        outcome, reason, status = failure_reason(failure)
        self.reporter.outcome(meta.get("col", ""), request.meta.get("redirect_urls", [request.url])[0],
                              outcome, kind=meta.get("kind", "page"), status=status, reason=reason,
                              referer=meta.get("referer", ""))


def article_file_for(index: ArchiveIndex, article_url: str) -> str:
    known = index.by_url.get(article_url)
    if known is not None:
        return Path(known.path).name
    return url_file_name(article_url, "text/html")
