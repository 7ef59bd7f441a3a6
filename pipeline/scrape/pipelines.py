"""Item pipeline: every fetched page or attachment becomes a file and its `.meta.json`."""
from __future__ import annotations

from .archive import attachment_file_name, url_file_name
from .spider import article_file_for

# Sidecar fields copied from the item as they are (CONTRACT.md: url, fetched_at, list_title,
# list_date; the scraper adds the rest).
SIDECAR_FIELDS = ("url", "final_url", "fetched_at", "status", "content_type", "charset", "kind",
                  "site", "column", "list_title", "list_date", "url_date", "referer", "etag",
                  "last_modified", "article_url", "link_text", "attachments")


class ArchivePipeline:
    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item):
        spider = self.crawler.spider
        index, reporter = spider.index, spider.reporter
        url, kind, col = item["url"], item["kind"], item["column"]
        if kind == "attachment" and item.get("article_url"):
            article_file = article_file_for(index, item["article_url"])
            name = attachment_file_name(article_file, url, item["content_type"], item["disposition"])
        else:
            article_file = ""
            name = url_file_name(url, item["content_type"], item["disposition"] if kind == "attachment" else "")
        meta = {k: item.get(k) for k in SIDECAR_FIELDS if item.get(k) not in (None, "", [])}
        meta["url"] = url
        if article_file:
            known = index.by_url.get(item["article_url"])
            meta["article_file"] = known.path if known else article_file
        if item.get("disposition"):
            meta["server_file_name"] = item["disposition"]
        outcome, entry = index.store((spider.profile.name, col), name, url, item["body"], meta)
        reporter.outcome(col, url, outcome, kind=kind, status=item["status"], file=entry.path,
                         size=len(item["body"]), referer=item.get("referer", ""))
        return {"url": url, "outcome": outcome, "file": entry.path}
