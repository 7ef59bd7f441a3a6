"""Reading listing and article pages: item links, list titles and dates, pagination,
attachments. Pure functions over (html text, page url): the spider calls them, the tests
call them directly.

The patterns are data (module-level tables); a site profile can add to them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup

# Article URLs of the CMSs Chinese local governments run.
ARTICLE_URL_PATTERNS = {
    "trs": r"/t\d{8}_\d+(?:_\w+)?\.s?html?$",                 # TRS WCM: 202202/t20220221_10417822.html
    "hanweb": r"/art/\d{4}/\d{1,2}/\d{1,2}/art_\d+_\d+\.html$",  # Hanweb: /art/2022/3/14/art_1229462860_59017979.html
    "gkmlpt": r"/content/(?:\d+/\d+/)?post_\d+\.html$",         # Guangdong gkmlpt / post_12548353.html
    "uuid": r"/\d{6}/[0-9a-f]{32}\.s?html$",                    # Jiangxi-style 202305/7215…b.shtml
}
ATTACHMENT_TYPES = ("pdf", "doc", "docx", "wps", "xls", "xlsx", "et", "ofd", "txt", "zip", "rar")
DATE_RE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
URL_DATE_RE = re.compile(r"/t((?:19|20)\d{2})(\d{2})(\d{2})_\d+")
NEXT_PAGE_TEXTS = ("下一页", "下页", "后一页", "next", "Next", ">")
PAGE_LINK_RE = re.compile(r"(?:^|/)(?:index|default|list)_\d+\.s?html?$")
CREATE_PAGE_RE = re.compile(r"createPageHTML\s*\(([^)]*)\)")
JS_VAR_RE = r"(?:var\s+|\b){name}\s*=\s*['\"]?(\d+)"
HANWEB_TOTAL_RE = re.compile(r"totalRecord\s*[:=]\s*['\"]?(\d+)")
HANWEB_PERPAGE_RE = re.compile(r"perPage\s*[:=]\s*['\"]?(\d+)")
XML_SCRIPT_RE = re.compile(r"<script[^>]*type=['\"]?text/xml['\"]?[^>]*>(.*?)</script>", re.S | re.I)
CDATA_RE = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)
RECORD_RE = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.S | re.I)
NEXTGROUP_RE = re.compile(r"<nextgroup>\s*<!\[CDATA\[(.*?)\]\]>", re.S | re.I)


@dataclass(frozen=True)
class ListItem:
    url: str
    title: str
    date: str          # YYYY-MM-DD as shown on the listing, "" when none is shown


@dataclass(frozen=True)
class Link:
    url: str
    text: str


@dataclass(frozen=True)
class PostPage:
    """A page of a listing that is fetched by POST (Hanweb jpage data proxy)."""
    url: str
    formdata: tuple[tuple[str, str], ...]


def soup_of(html: str) -> BeautifulSoup:
    return BeautifulSoup(html or "", "lxml")


def clean_text(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def iso_date(text: str) -> str:
    m = DATE_RE.search(text or "")
    if not m:
        return ""
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return ""
    return f"{y:04d}-{mo:02d}-{d:02d}"


def url_date(url: str) -> str:
    m = URL_DATE_RE.search(urlsplit(url).path)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else ""


def absolute(base: str, href: str) -> str:
    """Resolve a link; '' for javascript:, mailto:, anchors and non-http results."""
    href = (href or "").strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
        return ""
    url = urljoin(base, href)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return ""
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def on_domains(url: str, domains: list[str] | tuple[str, ...]) -> bool:
    host = host_of(url)
    return any(host == d or host.endswith("." + d) for d in domains)


def column_dir(url: str) -> str:
    """The folder of a column URL: https://h/a/b/index.html -> https://h/a/b/"""
    parts = urlsplit(url)
    path = parts.path if parts.path.endswith("/") else parts.path.rsplit("/", 1)[0] + "/"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def under(url: str, folder: str) -> bool:
    return url.split("?", 1)[0].startswith(folder)


def attachment_ext(url: str, types: tuple[str, ...] | list[str] = ATTACHMENT_TYPES) -> str:
    """The attachment type of a link: from the path, else from a file-name query value
    (download.jsp?filename=x.pdf); '' when it is not an attachment."""
    parts = urlsplit(url)
    candidates = [unquote(parts.path)] + [v for _, v in parse_qsl(parts.query)]
    for cand in candidates:
        m = re.search(r"\.([A-Za-z0-9]{2,5})$", cand.strip())
        if m and m.group(1).lower() in types:
            return m.group(1).lower()
    return ""


def compile_patterns(names_or_regexes: list[str] | tuple[str, ...]) -> list[re.Pattern]:
    out = []
    for p in names_or_regexes:
        out.append(re.compile(ARTICLE_URL_PATTERNS.get(p, p)))
    return out


def _row_of(anchor, max_up: int = 3):
    node = anchor
    for _ in range(max_up):
        if node.parent is None:
            break
        node = node.parent
        if node.name in ("li", "tr", "dd", "dl", "p") or len(node.find_all("a")) > 1:
            break
    return node


def _row_date(anchor, title: str) -> str:
    row = _row_of(anchor)
    if row is None:
        return ""
    text = clean_text(row.get_text(" "))
    # A date inside the title (…2021年3月1日…) is not the list date: look outside it first.
    outside = text.replace(title, " ") if title else text
    return iso_date(outside)


def _anchor_title(a) -> str:
    return clean_text(a.get("title") or "") or clean_text(a.get_text(" "))


def xml_records(html: str) -> list[str]:
    """HTML fragments of the records a Hanweb page or data-proxy answer carries in XML."""
    records = RECORD_RE.findall(html or "")
    if not records:
        for block in XML_SCRIPT_RE.findall(html or ""):
            records.extend(CDATA_RE.findall(block))
    return records


def list_items(html: str, page_url: str, *, patterns: list[re.Pattern], selector: str = "",
               column_folder: str = "", attachment_types=ATTACHMENT_TYPES) -> list[ListItem]:
    """The report links on a listing page, in page order, without duplicates.

    A link counts when it matches an article pattern (or is an attachment: some columns
    list PDFs directly) and, for links in the page body, lies under the column's folder:
    the sidebars of TRS pages link articles of other columns too. Links from a Hanweb
    record set are list entries by construction."""
    items: list[ListItem] = []
    seen: set[str] = set()

    def consider(a, trusted: bool) -> None:
        url = absolute(page_url, a.get("href", ""))
        if not url or url in seen:
            return
        path = urlsplit(url).path
        is_article = any(p.search(path) for p in patterns)
        is_file = bool(attachment_ext(url, attachment_types))
        if not (is_article or is_file):
            return
        if not trusted and column_folder and not under(url, column_folder):
            return
        title = _anchor_title(a)
        seen.add(url)
        items.append(ListItem(url=url, title=title, date=_row_date(a, title)))

    soup = soup_of(html)
    anchors = soup.select(selector) if selector else soup.find_all("a")
    for a in anchors:
        if a.name != "a":
            a = a.find("a")
            if a is None:
                continue
        consider(a, trusted=False)
    for fragment in xml_records(html):
        for a in soup_of(fragment).find_all("a"):
            consider(a, trusted=True)
    return items


def _js_int(arg: str, html: str) -> int | None:
    arg = arg.strip().strip("'\"")
    if re.fullmatch(r"\d+", arg):
        return int(arg)
    if re.fullmatch(r"[A-Za-z_$][\w$]*", arg):
        m = re.search(JS_VAR_RE.format(name=re.escape(arg)), html)
        if m:
            return int(m.group(1))
    return None


def create_page_html_pages(html: str, page_url: str) -> list[str]:
    """All pages of a TRS listing from its `createPageHTML(total, current, "index", "html")`
    call: index.html, index_1.html … index_{total-1}.html. Also reads the newer form
    `createPageHTML('page_div', total, current, 'index', 'html', count)` and totals held
    in a variable (`var countPage = 5`)."""
    urls: list[str] = []
    for m in CREATE_PAGE_RE.finditer(html or ""):
        args = [a.strip() for a in m.group(1).split(",")]
        if len(args) < 2 or "function" in html[max(0, m.start() - 9):m.start()]:
            continue
        strings = [a.strip("'\"") for a in args if re.fullmatch(r"(['\"]).*\1", a)]
        numbers = [a for a in args if not re.fullmatch(r"(['\"]).*\1", a)]
        if args and re.fullmatch(r"(['\"]).*\1", args[0]) and len(strings) >= 3:
            strings = strings[1:]               # leading element id: 'page_div'
        total = _js_int(numbers[0], html) if numbers else None
        if not total or total < 2:
            continue
        name, ext = (strings + ["index", "html"])[:2] if len(strings) >= 2 else ("index", "html")
        if not re.fullmatch(r"[\w.-]+", name) or not re.fullmatch(r"\w+", ext):
            continue
        folder = column_dir(page_url)
        urls.append(urljoin(folder, f"{name}.{ext}"))
        urls.extend(urljoin(folder, f"{name}_{i}.{ext}") for i in range(1, min(total, 1000)))
    return list(dict.fromkeys(urls))


def pagination_links(html: str, page_url: str, column_folder: str = "") -> list[str]:
    """Every other page of this listing the page points to: createPageHTML pages,
    index_N.html links and 下一页 links (staying inside the column's folder)."""
    found = create_page_html_pages(html, page_url)
    soup = soup_of(html)
    for a in soup.find_all("a"):
        url = absolute(page_url, a.get("href", ""))
        if not url:
            continue
        text = clean_text(a.get_text(" "))
        path = urlsplit(url).path
        if PAGE_LINK_RE.search(path) or (text in NEXT_PAGE_TEXTS and not attachment_ext(url)):
            found.append(url)
    folder = column_folder or column_dir(page_url)
    return [u for u in dict.fromkeys(found) if under(u, folder) and u != page_url]


def hanweb_post_pages(html: str, page_url: str) -> list[PostPage]:
    """The further pages of a Hanweb (大汉) jpage column, fetched by POST from its data proxy
    (`/module/jpage/dataproxy.jsp?startrecord=46&endrecord=90&perpage=15`, form fields from
    the page's <nextgroup> link). Written from saved pages: not verified against a live site."""
    nextgroup = NEXTGROUP_RE.search(html or "")
    total = HANWEB_TOTAL_RE.search(html or "")
    if not nextgroup or not total:
        return []
    a = soup_of(nextgroup.group(1)).find("a")
    href = a.get("href", "") if a else ""
    proxy = absolute(page_url, href)
    if not proxy:
        return []
    parts = urlsplit(proxy)
    form = [(k, v) for k, v in parse_qsl(parts.query) if k not in ("page", "startrecord", "endrecord", "perpage")]
    form = [("col", "1"), *form] if not any(k == "col" for k, _ in form) else form
    if not any(k == "sourceContentType" for k, _ in form):
        form.append(("sourceContentType", "1"))
    per_page = int(HANWEB_PERPAGE_RE.search(html).group(1)) if HANWEB_PERPAGE_RE.search(html) else 15
    group = len(xml_records(html)) or per_page * 3
    base = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    pages = []
    for start in range(group + 1, int(total.group(1)) + 1, group):
        end = min(start + group - 1, int(total.group(1)))
        pages.append(PostPage(url=f"{base}?startrecord={start}&endrecord={end}&perpage={per_page}",
                              formdata=tuple(form)))
    return pages


def subcolumn_links(html: str, page_url: str) -> list[Link]:
    """Links to the columns directly below this one (./qzffzjsnb/, ./bmfzjsnb/index.html)."""
    folder = column_dir(page_url)
    out: dict[str, Link] = {}
    for a in soup_of(html).find_all("a"):
        url = absolute(page_url, a.get("href", ""))
        if not url or not under(url, folder) or url.split("?")[0] == folder:
            continue
        rest = url[len(folder):].split("?")[0]
        if re.fullmatch(r"[\w-]+/(?:index\.s?html?)?", rest):
            col = column_dir(url if url.endswith("/") else url)
            out.setdefault(col, Link(url=col, text=_anchor_title(a)))
    return list(out.values())


def attachment_links(html: str, page_url: str,
                     types: tuple[str, ...] | list[str] = ATTACHMENT_TYPES) -> list[Link]:
    """Attachment links inside an article: <a href> and embedded PDFs (<iframe>, <embed>,
    <object>) whose target is one of `types`."""
    soup = soup_of(html)
    out: dict[str, Link] = {}
    for tag, attr in (("a", "href"), ("iframe", "src"), ("embed", "src"), ("object", "data")):
        for el in soup.find_all(tag):
            url = absolute(page_url, el.get(attr, ""))
            if url and attachment_ext(url, types):
                text = clean_text(el.get("title") or "") or clean_text(el.get_text(" "))
                out.setdefault(url, Link(url=url, text=text))
    return list(out.values())


def disposition_filename(header: str) -> str:
    """The file name of a Content-Disposition header (RFC 6266 filename*= first), reduced to
    its last component: a server's "../../etc/x" names the file x, never a folder."""
    return re.split(r"[\\/]", _disposition_filename(header))[-1].strip()


def _disposition_filename(header: str) -> str:
    if not header:
        return ""
    m = re.search(r"filename\*\s*=\s*([\w-]+)''([^;]+)", header, re.I)
    if m:
        try:
            return unquote(m.group(2).strip().strip('"'), encoding=m.group(1) or "utf-8")
        except LookupError:
            return unquote(m.group(2).strip().strip('"'))
    m = re.search(r'filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)', header, re.I)
    if not m:
        return ""
    return unquote((m.group(1) if m.group(1) is not None else m.group(2)).strip())


def declared_charset(content_type: str, body: bytes) -> str:
    """The charset the server or the page declares: the HTTP header first, then <meta>."""
    m = re.search(r"charset\s*=\s*['\"]?([\w.:-]+)", content_type or "", re.I)
    if m:
        return m.group(1).lower()
    head = (body or b"")[:4096].decode("ascii", "ignore")
    m = re.search(r"<meta[^>]+charset\s*=\s*['\"]?([\w.:-]+)", head, re.I)
    return m.group(1).lower() if m else ""
