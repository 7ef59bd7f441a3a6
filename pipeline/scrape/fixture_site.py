"""A local TRS-style government site for tests and `make scrape-demo`.

Built at start from real report texts in ../shared/corpus (no network, nothing stored in
the repository): two report columns, one UTF-8 with createPageHTML pagination, one GBK
with 下一页 links; PDF and DOCX attachments; and the troubles a real site has: a path
robots.txt forbids, a page that answers 500 twice and then 200, a page that never answers,
a redirect loop, a 50 MB attachment, a link to ../../etc/passwd, a Content-Disposition
name that climbs out of the folder, an attachment on another domain.

    python -m pipeline.scrape.fixture_site --serve --port 8765   # serve until Ctrl-C
    python -m pipeline.scrape.fixture_site --out raw              # serve and scrape it (the demo)
"""
from __future__ import annotations

import argparse
import hashlib
import html
import io
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
SAMPLE_PDF = SHARED / "fixtures" / "pdf_text_hongze_2023_zfxxgk_annual_report_tables.pdf"
BIG_SIZE = 50 * 1024 * 1024
LAST_MODIFIED = formatdate(1700000000, usegmt=True)

QZF = "/zwgk/fzzfjsndbg/qzf/"          # UTF-8 column, createPageHTML pagination
FXJD = "/jz/fxjd/zwgk/fzzfjsndbg/"     # GBK column, 下一页 links
SITE_NAME = "示例区人民政府"


@dataclass
class Resource:
    body: bytes
    content_type: str
    headers: dict = field(default_factory=dict)


@dataclass
class Article:
    path: str
    column: str
    title: str
    date: str
    text: str
    encoding: str = "utf-8"
    header_charset: bool = True
    attachments: list[tuple[str, str]] = field(default_factory=list)   # (href, link text)
    extra_html: str = ""


def corpus_reports(n: int) -> list[tuple[str, str]]:
    """(title, body) of the first n corpus texts that start with a report title and a date
    line, in file-name order (deterministic)."""
    out = []
    for path in sorted((CORPUS / "dev").glob("*.txt")) + sorted((CORPUS / "unlabeled").glob("*.txt")):
        lines = [ln.strip() for ln in path.read_text("utf-8").splitlines()]
        lines = [ln for ln in lines if ln]
        if len(lines) < 4 or "报告" not in lines[0] or len(lines[0]) > 60:
            continue
        if not lines[1].startswith(("日期", "发布日期", "发布时间")):
            continue
        body = [ln for ln in lines[2:] if not ln.startswith(("日期", "发布日期"))]
        text = "\n".join(body)
        if len(text) > 20000:
            continue
        try:
            text.encode("gbk")
            lines[0].encode("gbk")
        except UnicodeEncodeError:
            continue
        out.append((lines[0], text))
        if len(out) == n:
            break
    if len(out) < n:
        raise RuntimeError(f"only {len(out)} usable report texts in {CORPUS}")
    return out


def make_docx(title: str, text: str) -> bytes:
    from docx import Document

    doc = Document()
    doc.add_heading(title, level=1)
    for para in text.splitlines()[:40]:
        doc.add_paragraph(para)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def list_page(title: str, rows: list[Article], pager: str, encoding: str, sidebar: str = "") -> str:
    items = "\n".join(
        f'<li><a href="./{a.path.rsplit("/", 2)[-2]}/{a.path.rsplit("/", 1)[-1]}" target="_blank" '
        f'title="{html.escape(a.title)}">{html.escape(a.title)}</a><span>{a.date}</span></li>'
        for a in rows)
    return (f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset={encoding}">'
            f"<title>{title}_{SITE_NAME}</title></head><body>"
            f'<div class="crumb">首页 &gt; 政务公开 &gt; {title}</div>'
            f'<div class="side"><h3>热点</h3>{sidebar}</div>'
            f'<div class="list"><ul>{items}</ul></div><div class="page">{pager}</div></body></html>')


def article_page(a: Article) -> str:
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in a.text.splitlines())
    atts = "".join(f'<p><a href="{href}" title="{html.escape(t)}">{html.escape(t)}</a></p>'
                   for href, t in a.attachments)
    return (f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset={a.encoding}">'
            f'<meta name="ArticleTitle" content="{html.escape(a.title)}">'
            f'<meta name="PubDate" content="{a.date} 09:30"><title>{html.escape(a.title)}_{SITE_NAME}</title></head>'
            f'<body><div class="crumb">首页 &gt; 政务公开 &gt; 法治政府建设年度报告</div>'
            f'<div class="article"><h1>{html.escape(a.title)}</h1><div class="info">日期：{a.date}</div>'
            f'<div class="TRS_Editor">{paras}</div><div class="attach">{atts}</div>{a.extra_html}</div>'
            f'<div class="footer">主办：{SITE_NAME}</div></body></html>')


class FixtureSite:
    """The site's pages, built in memory, and a threaded HTTP server counting every request."""

    def __init__(self):
        self.hits: Counter = Counter()        # path (with query) -> requests
        self.bodies: Counter = Counter()      # path -> 200 answers with a body
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.server: ThreadingHTTPServer | None = None
        self.thread: threading.Thread | None = None
        texts = corpus_reports(8)
        self.articles: list[Article] = []
        dates = ["2021-03-01", "2021-02-20", "2020-04-10", "2020-03-15", "2019-03-20"]
        for i, (title, text) in enumerate(texts[:5]):
            d = dates[i]
            self.articles.append(Article(f"{QZF}{d[:4]}{d[5:7]}/t{d.replace('-', '')}_{1001 + i}.html",
                                         "qzf", title, d, text))
        self.articles[2].attachments = [(f"./P0{self.articles[2].date.replace('-', '')}_1.pdf", "附件1：政府信息公开工作年度报告.pdf"),
                                        (f"./P0{self.articles[2].date.replace('-', '')}_2.docx", "附件2：法治政府建设情况报告.docx"),
                                        ("http://files.example.invalid/P1.pdf", "附件3：外站附件.pdf")]
        b1, b2 = texts[5], texts[6]
        self.articles.append(Article(f"{FXJD}202202/t20220215_2001.html", "fxjd", b1[0], "2022-02-15", b1[1],
                                     encoding="gbk", header_charset=True))
        self.articles.append(Article(
            f"{FXJD}202202/t20220222_2002.html", "fxjd", b2[0], "2022-02-22", b2[1], encoding="gbk",
            header_charset=False,
            attachments=[("./P020220222_big.pdf", "附件：扫描件（50MB）.pdf"),
                         ("../../../../../../etc/passwd", "passwd"),
                         ("../../../../../../etc/passwd.docx", "附件：passwd.docx"),
                         ("./download.jsp?filename=report.docx", "附件：下载.docx")]))
        self.docx_text = texts[7]
        # Built once: python-docx stamps the save time, and a rebuilt site must not look changed.
        self.docx_full = make_docx(*self.docx_text)
        self.docx_short = make_docx(self.docx_text[0], self.docx_text[1][:3000])
        # Pages that misbehave, listed in the UTF-8 column like any report.
        self.special = {
            "flaky": Article(f"{QZF}202103/t20210310_9001.html", "qzf", "2020年度法治政府建设情况报告（重试）",
                             "2021-03-10", texts[0][1][:2000]),
            "slow": Article(f"{QZF}202103/t20210311_9002.html", "qzf", "永不应答的页面", "2021-03-11", ""),
            "loop": Article(f"{QZF}202103/t20210312_9003.html", "qzf", "重定向循环", "2021-03-12", ""),
            "private": Article(f"{QZF}private/t20210313_9004.html", "qzf", "robots.txt 禁止的页面", "2021-03-13",
                               "不应抓取。"),
        }
        self.resources: dict[str, Resource] = {}
        self.build()

    # -- content -------------------------------------------------------------------------
    def build(self) -> None:
        r: dict[str, Resource] = {}
        r["/robots.txt"] = Resource(f"User-agent: *\nDisallow: {QZF}private/\n".encode(), "text/plain")
        qzf = [a for a in self.articles if a.column == "qzf"]
        specials = list(self.special.values())
        page0 = qzf[:3] + specials
        page1 = qzf[3:]
        sidebar = '<a href="/xwzx/202201/t20220101_1.html">其他栏目的文章</a>'
        r[QZF + "index.html"] = Resource(list_page(
            "区政府法治政府建设年度报告", page0,
            '<script>createPageHTML(2, 0, "index", "html");</script>', "utf-8", sidebar).encode(),
            "text/html; charset=utf-8")
        r[QZF + "index_1.html"] = Resource(list_page(
            "区政府法治政府建设年度报告", page1,
            '<script>createPageHTML(2, 1, "index", "html");</script>', "utf-8", sidebar).encode(),
            "text/html; charset=utf-8")
        fx = [a for a in self.articles if a.column == "fxjd"]
        r[FXJD + "index.html"] = Resource(list_page(
            "复兴街道法治政府建设年度报告", fx[:1], '<a href="./index_1.html">下一页</a>', "gbk").encode("gbk"),
            "text/html")
        r[FXJD + "index_1.html"] = Resource(list_page(
            "复兴街道法治政府建设年度报告", fx[1:], '<a href="./index.html">上一页</a>', "gbk").encode("gbk"),
            "text/html")
        for a in self.articles + [self.special["flaky"], self.special["private"]]:
            ctype = f"text/html; charset={a.encoding}" if a.header_charset else "text/html"
            r[a.path] = Resource(article_page(a).encode(a.encoding), ctype)
        r["/xwzx/202201/t20220101_1.html"] = Resource(b"<html><body>other column</body></html>", "text/html")
        a3 = self.articles[2]
        folder = a3.path.rsplit("/", 1)[0] + "/"
        r[folder + f"P0{a3.date.replace('-', '')}_1.pdf"] = Resource(SAMPLE_PDF.read_bytes(), "application/pdf")
        r[folder + f"P0{a3.date.replace('-', '')}_2.docx"] = Resource(
            self.docx_full,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        r[FXJD + "202202/download.jsp"] = Resource(
            self.docx_short,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            {"Content-Disposition": 'attachment; filename="../../../../../tmp/evil.docx"'})
        self.resources = r

    def change_article(self, index: int, extra: str = "（本文已更新）") -> None:
        self.articles[index].text += "\n" + extra
        self.build()

    def add_article(self, title: str, text: str, date: str = "2022-03-01") -> Article:
        a = Article(f"{QZF}{date[:4]}{date[5:7]}/t{date.replace('-', '')}_{1100 + len(self.articles)}.html",
                    "qzf", title, date, text)
        self.articles.insert(0, a)
        self.build()
        return a

    def expected_documents(self) -> list[dict]:
        """What a complete crawl archives: (url path, column, kind, title, list_date, format)."""
        out = []
        for a in self.articles + [self.special["flaky"]]:
            out.append({"path": a.path, "column": a.column, "kind": "page", "title": a.title,
                        "list_date": a.date, "format": "html"})
        for a in self.articles:
            for href, _ in a.attachments:
                folder = a.path.rsplit("/", 1)[0] + "/"
                path = (folder + href[2:]).split("?")[0] if href.startswith("./") else None
                if path and path in self.resources and "big" not in path:
                    out.append({"path": path, "column": a.column, "kind": "attachment",
                                "article": a.path, "title": a.title, "list_date": a.date,
                                "format": path.rsplit(".", 1)[-1]})
        return out

    def never_fetched(self) -> list[str]:
        """Paths a correct crawler never downloads (robots, other column, off the listing)."""
        return [self.special["private"].path, "/xwzx/202201/t20220101_1.html"]

    # -- serving --------------------------------------------------------------------------
    def respond(self, handler: BaseHTTPRequestHandler) -> None:
        raw_path = handler.path
        path = urlsplit(raw_path).path
        with self.lock:
            self.hits[raw_path] += 1
            n = self.hits[raw_path]
        if path == self.special["flaky"].path and n <= 2:
            return self._send(handler, 500, b"<html><body>Internal Server Error</body></html>", "text/html")
        if path == self.special["slow"].path:
            # Accept the request and never answer: the client's timeout must end it.
            self.stopping.wait(30)
            return
        if path == self.special["loop"].path:
            return self._redirect(handler, path.replace(".html", "_b.html"))
        if path == self.special["loop"].path.replace(".html", "_b.html"):
            return self._redirect(handler, self.special["loop"].path)
        if path.endswith("_big.pdf"):
            return self._send_big(handler)
        res = self.resources.get(path)
        if res is None and path.endswith("/"):
            res = self.resources.get(path + "index.html")  # a folder URL serves its index, as web servers do
        if res is None:
            return self._send(handler, 404, b"<html><body>404</body></html>", "text/html")
        etag = '"' + hashlib.sha1(res.body).hexdigest()[:16] + '"'
        if handler.headers.get("If-None-Match") == etag:
            return self._send(handler, 304, b"", None, {"ETag": etag})
        with self.lock:
            self.bodies[path] += 1
        headers = {"ETag": etag, "Last-Modified": LAST_MODIFIED, **res.headers}
        self._send(handler, 200, res.body, res.content_type, headers)

    @staticmethod
    def _send(handler, status, body, ctype, headers=None) -> None:
        handler.send_response(status)
        if ctype:
            handler.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            handler.send_header(k, v)
        if status != 304:
            handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        if body and handler.command != "HEAD":
            handler.wfile.write(body)

    @staticmethod
    def _redirect(handler, location) -> None:
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    def _send_big(self, handler) -> None:
        """50 MB announced, streamed in small chunks, never held in memory."""
        handler.send_response(200)
        handler.send_header("Content-Type", "application/pdf")
        handler.send_header("Content-Length", str(BIG_SIZE))
        handler.end_headers()
        chunk = b"\0" * 65536
        sent = 0
        try:
            while sent < BIG_SIZE and not self.stopping.is_set():
                handler.wfile.write(chunk)
                sent += len(chunk)
        except OSError:
            pass

    def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802 - http.server API
                try:
                    site.respond(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_HEAD = do_GET

            def handle(self):
                try:
                    super().handle()
                except (ConnectionResetError, BrokenPipeError, TimeoutError):
                    pass  # the crawler hung up (size cap, timeout): nothing to report

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer((host, port), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self.base_url

    @property
    def base_url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/"

    def stop(self) -> None:
        self.stopping.set()
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()


# Settings that keep a crawl of the local site short (the troubles above would otherwise
# take minutes of polite waiting).
DEMO_SETTINGS = {
    "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_START_DELAY": 0, "AUTOTHROTTLE_MAX_DELAY": 1,
    "RETRY_BACKOFF_BASE": 0.1, "DOWNLOAD_TIMEOUT": 2, "RETRY_TIMES": 2,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 4,
}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--serve", action="store_true", help="only serve the site until Ctrl-C")
    ap.add_argument("--out", default="raw", help="archive folder for the demo scrape")
    ap.add_argument("--log-json", action="store_true")
    args = ap.parse_args(argv)
    site = FixtureSite()
    base = site.start(args.host, args.port)
    print(f"fixture site at {base}", file=sys.stderr)
    if args.serve:
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            site.stop()
            return 0
    from .profiles import load_profile
    from .runner import crawl

    try:
        code, _ = crawl(load_profile("fixture", base_url=base), args.out, overrides=DEMO_SETTINGS,
                        log_json=sys.stdout if args.log_json else None)
    finally:
        site.stop()
    return code


if __name__ == "__main__":
    sys.exit(main())
