"""HTML pages (.html .htm .shtml): the article body, its title and header lines, no furniture.

Steps: decode (decode.py) -> lxml tree via BeautifulSoup -> drop scripts, hidden and
furniture elements -> find the article body (CMS containers from rules.BODY_CONTAINERS,
else text density) -> prepend the title and header lines (发布时间/来源/索引号...) found just
above the body -> render blocks (block elements are lines, tables are rows of cells) ->
strip furniture phrases line by line (furniture.py) -> normalized text.
"""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from bs4.element import CData, Declaration, Doctype, ProcessingInstruction

from pipeline.normalize import normalize_text
from pipeline.records import ParsedDocument

from . import rules
from .assemble import Block, assemble
from .decode import check_not_binary, decode_bytes
from .errors import ParseError
from .furniture import is_furniture_attr, strip_furniture

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_WS = re.compile(r"\s+")
_SKIP_STRINGS = (Comment, ProcessingInstruction, Declaration, Doctype, CData)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_BODY_NAMES = frozenset(rules.BODY_CONTAINERS)
_TITLE_NAMES = frozenset(rules.TITLE_CONTAINERS)


def parse_html(data: bytes, sidecar: dict | None = None) -> ParsedDocument:
    check_not_binary(data, "HTML")
    decoded = decode_bytes(data, sidecar, html=True)
    return parse_html_text(decoded.text, charset=decoded.charset, warnings=decoded.warnings)


def parse_html_text(markup: str, charset: str = "", warnings: list[str] | None = None) -> ParsedDocument:
    """Parse already decoded markup. Raises only ParseError."""
    warnings = list(warnings or [])
    markup = markup.replace("\x00", "")
    soup = BeautifulSoup(markup, "lxml")
    page_title = _page_title(soup)
    meta_title = _meta_content(soup, rules.META_TITLE_NAMES)
    publish_date = _meta_date(soup)

    _drop_invisible(soup)
    # Not soup.body: lxml opens <body> early on sloppy pages and leaves the rest outside it.
    root = soup
    _drop_furniture(root)

    body = _find_body(root)
    if body is None:
        raise ParseError("parse", "no_article_body", "no article text found on the page (a list, index or empty page?)")

    title_el, header_els = _find_header(body, root, meta_title or page_title)
    title = _clean_title(meta_title) or (_text_of(title_el) if title_el is not None else "") or _title_from_page_title(page_title)
    title = normalize_text(_WS.sub(" ", title)).strip()

    body_blocks = _render(body)
    for block in body_blocks:
        block.text = strip_furniture(block.text)
    body_blocks = [b for b in body_blocks if b.text]
    body_head = "".join(b.text for b in body_blocks[:6])
    title_block: Block | None = None
    for i, block in enumerate(body_blocks[:3]):
        if title and _squash(block.text) == _squash(title):
            title_block = body_blocks.pop(i)  # the body's own title line goes first
            title_block.heading_level = 0
            title_block.tight = False
            break
    if title_block is None and title_el is not None and _squash(_text_of(title_el)) not in _squash(body_head):
        title_block = Block(_text_of(title_el), heading_level=0)
    if title_block is None and title and _squash(title) not in _squash(body_head):
        title_block = Block(title, heading_level=0)
    blocks: list[Block] = [title_block] if title_block is not None else []
    header_texts: list[str] = []
    for el in header_els:
        line = strip_furniture(_text_of(el))
        taken = _squash("".join(header_texts))
        if line and _squash(line) not in _squash(body_head) and _squash(line) not in taken:
            blocks.append(Block(line, tight=bool(header_texts)))
            header_texts.append(line)
    if body_blocks:
        body_blocks[0].tight = False
    blocks.extend(body_blocks)
    text, hints = assemble(blocks)
    if not _CJK.search(text) and len(text) < 20:
        raise ParseError("parse", "no_article_body", "the page has no article text")
    if not publish_date:
        for line in header_texts:
            if m := rules.HEADER_DATE_RE.search(line):
                publish_date = _iso_date(m.group(1))
                if publish_date:
                    break
    return ParsedDocument(
        text=text,
        format="html",
        title_hint=title,
        publish_date_hint=publish_date,
        charset=charset,
        heading_hints=hints,
        warnings=warnings,
    )


# ---------------------------------------------------------------- metadata
def _page_title(soup: BeautifulSoup) -> str:
    tag = soup.find("title")
    return _WS.sub(" ", tag.get_text(" ")).strip() if tag else ""


def _meta_content(soup: BeautifulSoup, names: tuple[str, ...]) -> str:
    found: dict[str, str] = {}
    for meta in soup.find_all("meta"):
        key = meta.get("name") or meta.get("property") or meta.get("itemprop") or ""
        if isinstance(key, list):
            key = " ".join(key)
        key = key.strip().lower()
        content = meta.get("content")
        if key in names and isinstance(content, str) and content.strip() and key not in found:
            found[key] = content.strip()
    for name in names:
        if name in found:
            return found[name]
    return ""


def _meta_date(soup: BeautifulSoup) -> str:
    for name in rules.META_DATE_NAMES:
        value = _meta_content(soup, (name,))
        if value and (iso := _iso_date(value)):
            return iso
    return ""


def _iso_date(value: str) -> str:
    m = rules.DATE_RE.search(value)
    if not m:
        return ""
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}"


def _clean_title(value: str) -> str:
    value = _WS.sub(" ", value or "").strip()
    return value if _CJK.search(value) else ""


def _title_from_page_title(page_title: str) -> str:
    """The article part of '<article>_<column>_<site>'."""
    parts = [p for p in rules.TITLE_SEPARATORS.split(page_title) if p and p.strip()]
    if not parts:
        return ""
    return max(parts[:2], key=len).strip()


# ---------------------------------------------------------------- cleaning the tree
def _attr_values(el: Tag) -> list[str]:
    values = []
    el_id = el.get("id")
    if isinstance(el_id, str):
        values.append(el_id)
    classes = el.get("class")
    if isinstance(classes, list):
        values.extend(c for c in classes if isinstance(c, str))
    elif isinstance(classes, str):
        values.append(classes)
    return values


def _drop_invisible(soup: BeautifulSoup) -> None:
    for string in soup.find_all(string=lambda s: isinstance(s, _SKIP_STRINGS)):
        string.extract()
    for el in soup.find_all(list(rules.DROP_TAGS)):
        if el.name == "head" or el.parent is not None:
            el.decompose()
    for el in soup.find_all(True):
        if el.attrs is None:  # already decomposed as part of a parent
            continue
        style = el.get("style")
        if (isinstance(style, str) and _HIDDEN_STYLE.search(style)) or el.has_attr("hidden"):
            if _cjk_count(el) < rules.MAX_FURNITURE_CJK:
                el.decompose()


def _drop_furniture(root: Tag) -> None:
    for el in list(root.find_all(True)):
        if el.attrs is None or el.parent is None:
            continue
        values = _attr_values(el)
        if not values or not is_furniture_attr(values):
            continue
        if any(_is_body_name(v) for v in values):
            continue
        nonlink = _cjk_count(el) - _link_cjk_count(el)
        if nonlink < rules.MAX_FURNITURE_CJK:
            el.decompose()


# ---------------------------------------------------------------- the article body
def _is_body_name(value: str) -> bool:
    return value.lower() in _BODY_NAMES


def _cjk_count(el: Tag) -> int:
    return len(_CJK.findall(el.get_text()))


def _link_cjk_count(el: Tag) -> int:
    return sum(len(_CJK.findall(a.get_text())) for a in el.find_all("a"))


def _qualifies(el: Tag) -> bool:
    total = _cjk_count(el)
    if total < rules.MIN_BODY_CJK:
        return False
    links = _link_cjk_count(el)
    return (total - links) >= rules.MIN_BODY_CJK and links / total <= rules.MAX_BODY_LINK_SHARE


def _find_body(root: Tag) -> Tag | None:
    # 1. Known CMS containers, most specific first; the biggest of equal rank.
    best: tuple[int, int, Tag] | None = None
    for el in root.find_all(True):
        ranks = [rules.BODY_CONTAINERS.index(v.lower()) for v in _attr_values(el) if _is_body_name(v)]
        if not ranks:
            continue
        rank = min(ranks)
        if best is not None and rank > best[0]:
            continue
        if not _qualifies(el):
            continue
        size = _cjk_count(el)
        if best is None or rank < best[0] or size > best[1]:
            best = (rank, size, el)
    if best is not None:
        return best[2]
    if root.name in ("article", "main") or root.find("article") is not None:
        articles = [a for a in ([root] if root.name == "article" else root.find_all("article")) if _qualifies(a)]
        if articles:
            return max(articles, key=_cjk_count)
    # 2. Text density: paragraphs vote for their parent (full) and grandparent (half).
    body = _densest(root)
    if body is None:
        return None
    # A density winner that holds little of the page's text, or is a run of linked items,
    # is one entry of a list or search-results page, not an article.
    page_text = _cjk_count(root) - _link_cjk_count(root)
    body_text = _cjk_count(body) - _link_cjk_count(body)
    if page_text and body_text / page_text < rules.MIN_DENSITY_BODY_SHARE:
        return None
    if _looks_like_list(body):
        return None
    return body


def _looks_like_list(el: Tag) -> bool:
    items = [c for c in el.children if isinstance(c, Tag)]
    if el.name in ("ul", "ol"):
        items = [c for c in items if c.name == "li"]
    linked = [c for c in items if any(len(_CJK.findall(a.get_text())) >= 4 for a in c.find_all("a"))]
    if len(linked) >= rules.MIN_LIST_ITEMS and len(linked) >= 0.5 * len(items):
        return True
    dated = rules.HEADER_DATE_RE.findall(el.get_text(" "))
    return len(dated) >= rules.MIN_LIST_ITEMS


def _own_text_len(el: Tag) -> int:
    """CJK characters in this element's text that is not inside a link or a nested block."""
    n = 0
    for child in el.children:
        if isinstance(child, NavigableString):
            n += len(_CJK.findall(str(child)))
        elif isinstance(child, Tag) and child.name not in rules.BLOCK_TAGS and child.name not in ("a", "table", "tr", "td"):
            if child.find(["a", "table", "p", "div"]) is None:
                n += len(_CJK.findall(child.get_text()))
    return n


def _densest(root: Tag) -> Tag | None:
    scores: dict[int, float] = {}
    nodes: dict[int, Tag] = {}
    for el in root.find_all(list(rules.DENSITY_PARAGRAPH_TAGS)):
        n = _own_text_len(el)
        if n < 10:
            continue
        weight = n + 1
        parent = el.parent if el.name == "p" or el.name == "span" or el.name == "font" else el
        for factor, anc in ((1.0, parent), (0.5, parent.parent if parent is not None else None)):
            if anc is None or not isinstance(anc, Tag):
                continue
            scores[id(anc)] = scores.get(id(anc), 0.0) + weight * factor
            nodes[id(anc)] = anc
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    for key, _score in ranked[:10]:
        el = nodes[key]
        if _qualifies(el):
            return el
    return None


# ---------------------------------------------------------------- title and header lines
def _is_title_el(el: Tag, title: str) -> bool:
    if el.name in ("h1", "h2", "h3") or any(v.lower() in _TITLE_NAMES for v in _attr_values(el)):
        return _CJK.search(el.get_text()) is not None
    if title:
        text = _squash(el.get_text())
        return len(text) >= 6 and text == _squash(title)
    return False


def _find_header(body: Tag, root: Tag, title: str) -> tuple[Tag | None, list[Tag]]:
    """The title element and the header lines that precede the body, near it."""
    anc: Tag | None = body
    for _ in range(rules.HEADER_SEARCH_LEVELS):
        anc = anc.parent if anc is not None else None
        if anc is None or not isinstance(anc, Tag):
            break
        title_el: Tag | None = None
        header: list[Tag] = []
        for leaf in _leaf_blocks_before(anc, body):
            text = _squash(leaf.get_text())
            if not text:
                continue
            if title_el is None and _is_title_el(leaf, title):
                title_el = leaf
                continue
            if len(text) <= rules.MAX_HEADER_LINE_CHARS and rules.HEADER_LINE.search(text):
                header.append(leaf)
        if title_el is not None or header:
            return title_el, header[: rules.MAX_HEADER_LINES]
        if anc is root:
            break
    return None, []


def _leaf_blocks_before(anc: Tag, body: Tag) -> list[Tag]:
    """Innermost block elements inside `anc` that come before `body` in document order."""
    out: list[Tag] = []
    body_ancestors = {id(p) for p in body.parents}
    for el in anc.find_all(True):
        if el is body:
            break
        if id(el) in body_ancestors:
            continue
        if el.name not in rules.BLOCK_TAGS and el.name not in ("td", "th", "tr", "span", "font", "label"):
            continue
        if el.name in ("span", "font", "label") and el.parent is not None and el.parent.name not in ("dd", "dt", "li", "p", "div", "td", "h1", "h2", "h3"):
            continue
        if el.find(list(rules.BLOCK_TAGS | {"td", "tr", "table"})) is not None:
            continue  # not innermost
        out.append(_header_unit(el))
    # A <dd><label>索引号：</label><div>...</div></dd> row is one line: use the row.
    seen: set[int] = set()
    unique = []
    for el in out:
        if id(el) not in seen:
            seen.add(id(el))
            unique.append(el)
    return unique


def _header_unit(el: Tag) -> Tag:
    """Climb to the row a label/value pair lives in (dd, li, tr, p) when it is small."""
    node = el
    for _ in range(3):
        parent = node.parent
        if parent is None or not isinstance(parent, Tag):
            break
        if parent.name in ("dd", "li", "tr", "p", "dt") and len(_squash(parent.get_text())) <= rules.MAX_HEADER_LINE_CHARS:
            return parent
        node = parent
    return el


# ---------------------------------------------------------------- rendering
def _text_of(el: Tag | None) -> str:
    if el is None:
        return ""
    return _WS.sub(" ", el.get_text(" ")).strip()


def _squash(text: str) -> str:
    return _WS.sub("", text or "")


def _is_layout_table(table: Tag) -> bool:
    if table.find("table") is not None:
        return True
    for cell in table.find_all(["td", "th"]):
        if len(_squash(cell.get_text())) > rules.MAX_DATA_CELL_CHARS:
            return True
    return False


class _Renderer:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.buf: list[str] = []
        self.level: int | None = None

    def flush(self, tight: bool = False) -> None:
        text = "".join(self.buf).strip()
        self.buf.clear()
        if text:
            self.blocks.append(Block(text, heading_level=self.level, tight=tight))

    def walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if not isinstance(child, _SKIP_STRINGS):
                    self.buf.append(_WS.sub(" ", str(child)))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if name == "br":
                self.flush()
            elif name == "table":
                self.flush()
                self.table(child)
            elif name in rules.HEADING_TAGS:
                self.flush()
                self.level = rules.HEADING_TAGS[name]
                self.walk(child)
                self.flush()
                self.level = None
            elif name in rules.BLOCK_TAGS or name in ("tr", "td", "th"):
                self.flush()
                self.walk(child)
                self.flush()
            elif name == "img":
                continue
            else:
                self.walk(child)

    def table(self, table: Tag) -> None:
        if _is_layout_table(table):
            self.walk(table)
            self.flush()
            return
        first = True
        for row in table.find_all("tr"):
            cells = [_WS.sub(" ", c.get_text(" ")).strip() for c in row.find_all(["td", "th"], recursive=False)]
            line = " ".join(c for c in cells if c)
            if line:
                self.buf.append(line)
                self.flush(tight=not first)
                first = False
        if first:  # a table without rows: render whatever it holds
            self.walk(table)
            self.flush()


def _render(el: Tag) -> list[Block]:
    renderer = _Renderer()
    if el.name == "table":
        renderer.table(el)
    else:
        renderer.walk(el)
    renderer.flush()
    return renderer.blocks
