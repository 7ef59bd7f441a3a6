"""Rules the parsers apply, kept as data apart from the code.

HTML: where gov CMSs (TRS WCM, Hanweb 大汉, 拓尔思/UCAP, Dedecms, 云网...) put the article,
which <meta> tags carry its title and date, which lines around it are the article's header.
PDF/DOC: running headers and page numbers, heading markers, sentence ends.
"""
from __future__ import annotations

import re

# ---------------------------------------------------------------- HTML: the article body
# id or class values (whole value or one class token, case-insensitive) that hold the
# article text, most specific first. The first one found with enough text wins; pages
# without any fall back to text density (html.py).
BODY_CONTAINERS: tuple[str, ...] = (
    "trs_editor", "trs_ueditor", "trs_editor_view", "ucap-content", "ucapcontent",
    "zoom", "zoomcon", "fontzoom", "pages_content", "article-content", "article_content", "articlecontent",
    "art_content", "art_con", "artcon", "arti_content", "article-body", "article_body", "articlebody",
    "detail-content", "detail_content", "details-content", "detailcontent", "content_detail", "content-detail",
    "news_content", "news-content", "newscontent", "news_txt", "newstext", "con_text", "contxt", "con-text",
    "text_content", "txt_content", "wzcon", "wz_content", "wznr", "zwnr", "xxgk_content", "info_content",
    "infocontent", "maintext", "main-txt", "main_txt", "bt_content", "article_con", "view",
)
# Tags that can be an article container in the density fallback.
# Tags whose own text counts as a paragraph in the density score.
DENSITY_PARAGRAPH_TAGS = frozenset({"p", "div", "td", "pre", "li", "section", "article", "span", "font", "center"})
# A body needs at least this many CJK characters outside links ...
MIN_BODY_CJK = 40
# ... and at most this share of its text inside links (list pages are mostly links).
MAX_BODY_LINK_SHARE = 0.5
# A density-chosen body must hold this share of the page's non-link CJK text ...
MIN_DENSITY_BODY_SHARE = 0.3
# ... and is a list page's list when it has this many linked (or dated) items.
MIN_LIST_ITEMS = 5
# A furniture element holding more CJK text than this outside links is a wrapper; keep it.
MAX_FURNITURE_CJK = 300

# ---------------------------------------------------------------- HTML: title and date
# <meta name|property=...> carrying the article title, best first.
META_TITLE_NAMES: tuple[str, ...] = ("articletitle", "og:title", "dc.title", "title", "contenttitle", "twitter:title")
# <meta> carrying the first publication date, best first.
META_DATE_NAMES: tuple[str, ...] = (
    "pubdate", "publishdate", "firstpublishedtime", "maketime", "article:published_time", "og:release_date",
    "publish_time", "publishtime", "published_time", "dc.date.issued", "dc.date", "dcterms.issued", "releasedate",
    "contentpubtime", "createtime", "date",
)
# id/class of elements that hold the page's own article title.
TITLE_CONTAINERS: tuple[str, ...] = (
    "articletitle", "article-title", "article_title", "arttitle", "art_title", "news_title", "newstitle",
    "detail-title", "detail_title", "content_title", "content-title", "con_title", "contitle", "title", "tit",
    "bt", "wztit", "biaoti", "sp_title", "xxgk_title",
)
# <title> is "article _ column _ site"; the article is the longest segment before these.
TITLE_SEPARATORS = re.compile(r"\s*(?:_|\||｜|--|——|—|-\s|\s-)\s*")

# A line in the article header that the metadata extractor needs (kept even if it sits
# outside the body container): publication time, source, document number, issuer.
HEADER_LINE = re.compile(
    r"(发布时间|发布日期|发表时间|公开日期|成文日期|生成日期|印发日期|更新时间|日期|时间|来源|信息来源|文章来源|"
    r"发布机构|发文机关|发布单位|责任部门|索引号|发文字号|文号|作者|主题分类|体裁分类|有效性)\s*[:：]"
)
MAX_HEADER_LINES = 12
MAX_HEADER_LINE_CHARS = 300
# How far up from the body to look for the title and header lines.
HEADER_SEARCH_LEVELS = 4

# Elements dropped before anything else: not text a reader sees.
DROP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "select", "option",
     "button", "input", "textarea", "nav", "map", "area", "audio", "video", "head", "link", "meta"}
)
# Block-level tags: each starts a new line.
BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "main", "aside", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
     "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "center", "form", "fieldset", "address", "figure",
     "figcaption", "hr", "caption", "legend", "details", "summary", "body", "html", "tbody", "thead", "tfoot"}
)
HEADING_TAGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# A table cell with more text than this, or holding a table, is page layout, not data.
MAX_DATA_CELL_CHARS = 200

# ---------------------------------------------------------------- dates
DATE_RE = re.compile(r"((?:19|20)\d{2})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})")
HEADER_DATE_RE = re.compile(
    r"(?:发布时间|发布日期|发表时间|公开日期|更新时间|日期|时间)\s*[:：]\s*((?:19|20)\d{2}\s*[-/年.]\s*\d{1,2}\s*[-/月.]\s*\d{1,2})"
)

# ---------------------------------------------------------------- PDF / DOC layout
# Lines that are only a page number (checked after stripping).
PAGE_NUMBER_PATTERNS: tuple[str, ...] = (
    r"[-—–－―~～·•]*\s*\d{1,4}\s*[-—–－―~～·•]*",  # 3  - 3 -  —3—
    r"第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?",  # 第3页 共10页
    r"共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页",
    r"(page|Page|PAGE)\s*\d{1,4}(\s*(of|/)\s*\d{1,4})?",
    r"\d{1,4}\s*/\s*\d{1,4}",  # 3/10
    r"[-—–－]?\s*[IVXLivxl]{1,6}\s*[-—–－]?",  # roman numerals in front matter
)
PAGE_NUMBER_RE = re.compile("|".join(f"(?:{p})" for p in PAGE_NUMBER_PATTERNS))
# A running header/footer: the same line (digits folded) at the top or bottom of at
# least this share of pages (and of at least MIN_PAGES_FOR_RUNNING pages).
RUNNING_LINE_SHARE = 0.5
MIN_PAGES_FOR_RUNNING = 3
# A page-edge line in type smaller than this share of the body's, repeating another page's
# edge line or the first page's opening lines, is a running header/footer too.
RUNNING_SIZE_RATIO = 0.8
# Lines a running header/footer may occupy at each end of a page.
RUNNING_LINE_DEPTH = 2

# Marks that end a paragraph when a line ends with them.
SENTENCE_END = "。；：！？!?;:"
# Closers that may follow the sentence end (。” 。）).
CLOSERS = "”’」』）)》】"
# A line starting with one of these starts a new paragraph (heading markers).
HEADING_MARKER_RE = re.compile(
    r"^\s*(?:"
    r"[一二三四五六七八九十百]+\s*[、．.]"  # 一、
    r"|[（(]\s*[一二三四五六七八九十百]+\s*[)）]"  # （一）
    r"|\d{1,2}\s*[、．.](?!\d)"  # 1. 1、 (not 1.5)
    r"|[（(]\s*\d{1,2}\s*[)）]"  # （1）
    r"|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]"
    r"|第[一二三四五六七八九十百\d]+[章节条部分篇]"
    r"|[一二三四五六七八九十]是"  # 一是
    r"|附件\s*\d*\s*[:：]?"
    r")"
)
# A line reaching this close to the right margin (as a share of the text width) runs on.
RIGHT_MARGIN_TOLERANCE = 0.06
# Font size this much larger than the body's makes a line a heading.
HEADING_SIZE_RATIO = 1.12
# A heading line is at most this long.
MAX_HEADING_CHARS = 60
# Share of private-use / undecodable glyphs above which a PDF's text is font garbage.
MAX_GARBAGE_SHARE = 0.05
# Fewer text characters than this per page on average means there is no text layer.
MIN_CHARS_PER_PAGE = 10
