"""What a crawl did: counters by column, a progress bar, JSON log lines, the closing summary."""
from __future__ import annotations

import json
import sys
import time
from collections import Counter, defaultdict
from typing import IO

# Outcomes of one document (page or attachment) request.
OUTCOMES = ("new", "changed", "unchanged", "failed", "skipped")


class Reporter:
    def __init__(self, log_json: IO[str] | None = None, progress: bool | None = None,
                 stream: IO[str] | None = None):
        self.stream = stream or sys.stderr
        self.log_json = log_json
        self.counts: dict[str, Counter] = defaultdict(Counter)
        self.listed: dict[str, set[str]] = defaultdict(set)
        self.failures: list[dict] = []
        self._bar = None
        self._total = 0
        if progress is None:
            progress = hasattr(self.stream, "isatty") and self.stream.isatty()
        if progress:
            try:
                from tqdm import tqdm
                self._bar = tqdm(total=0, unit="file", file=self.stream, dynamic_ncols=True,
                                 desc="scrape")
            except ImportError:  # pragma: no cover - tqdm is a dependency
                self._bar = None

    # -- events ------------------------------------------------------------------
    def expect(self, column: str, url: str, *, listed: bool) -> None:
        """A document was found (on a listing, or as an attachment of an article)."""
        if listed:
            if url in self.listed[column]:
                return
            self.listed[column].add(url)
            self.counts[column]["listed"] += 1
        self._total += 1
        if self._bar is not None:
            self._bar.total = self._total
            self._bar.refresh()

    def listing(self, column: str, url: str, status: int) -> None:
        self.counts[column]["listing_pages"] += 1
        self._emit({"event": "listing", "column": column, "url": url, "status": status})

    def outcome(self, column: str, url: str, outcome: str, *, kind: str = "page",
                status: int | None = None, file: str = "", size: int | None = None,
                reason: str = "", referer: str = "") -> None:
        self.counts[column][outcome] += 1
        if kind == "attachment":
            self.counts[column]["attachments"] += 1
        record = {"event": "fetch", "column": column, "kind": kind, "url": url,
                  "outcome": outcome, "status": status}
        if file:
            record["file"] = file
        if size is not None:
            record["bytes"] = size
        if reason:
            record["reason"] = reason
        if referer:
            record["referer"] = referer
        if outcome in ("failed", "skipped"):
            self.failures.append(record)
        self._emit(record)
        if self._bar is not None:
            self._bar.update(1)
            self._bar.set_postfix_str(f"{outcome}: {url[-40:]}", refresh=False)

    def _emit(self, record: dict) -> None:
        if self.log_json is not None:
            record = {"ts": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), **record}
            self.log_json.write(json.dumps(record, ensure_ascii=False) + "\n")
            self.log_json.flush()

    # -- summary -----------------------------------------------------------------
    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def summary(self) -> dict:
        columns = {c: {k: cnt.get(k, 0) for k in ("listing_pages", "listed", *OUTCOMES, "attachments")}
                   for c, cnt in sorted(self.counts.items())}
        total = Counter()
        for c in columns.values():
            total.update(c)
        return {"columns": columns, "total": dict(total), "failures": self.failures}

    def format_summary(self, finish_reason: str = "finished") -> str:
        s = self.summary()
        head = ("column", "listed", "new", "changed", "unchanged", "failed", "skipped")
        rows = [head] + [(c, *(str(v.get(k, 0)) for k in head[1:])) for c, v in s["columns"].items()]
        rows.append(("TOTAL", *(str(s["total"].get(k, 0)) for k in head[1:])))
        widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
        lines = ["  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
                           for i, cell in enumerate(r)) for r in rows]
        t = s["total"]
        if finish_reason != "finished":
            lines.append(f"crawl stopped ({finish_reason}); run the same command again to resume")
        elif t.get("new", 0) or t.get("changed", 0):
            lines.append(f"{t.get('new', 0)} new and {t.get('changed', 0)} changed file(s) fetched; "
                         f"{t.get('unchanged', 0)} unchanged")
        else:
            lines.append(f"nothing new: {t.get('unchanged', 0)} file(s) unchanged")
        for f in self.failures[:20]:
            lines.append(f"  {f['outcome']}: {f['url']} ({f.get('reason') or f.get('status')})")
        if len(self.failures) > 20:
            lines.append(f"  … and {len(self.failures) - 20} more (see --log-json)")
        return "\n".join(lines)
