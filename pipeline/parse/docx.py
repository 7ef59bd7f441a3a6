"""Word 2007+ files (.docx) via python-docx: paragraphs and tables in document order.

Heading hints come from paragraph styles (Heading N, 标题 N, Title/标题) and from outline
levels (w:outlineLvl, which WPS uses instead of heading styles).
"""
from __future__ import annotations

import io
import re
import zipfile

from pipeline.records import ParsedDocument

from .assemble import Block, assemble
from .errors import ParseError
from .sniff import KIND_NAMES

# Style names (lower case) -> heading level; 0 is the document title.
TITLE_STYLES = frozenset({"title", "标题", "subject"})
HEADING_STYLE_RE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def parse_docx(data: bytes, kind: str | None = None) -> ParsedDocument:
    if kind != "zip" or not zipfile.is_zipfile(io.BytesIO(data)):
        what = KIND_NAMES.get(kind or "", "not a zip archive")
        raise ParseError("parse", "not_a_docx", f"the .docx file is {what}, not a Word document")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ParseError("parse", "not_a_docx", f"the .docx file is a damaged zip archive ({exc})") from None
    if "word/document.xml" not in names:
        sample = ", ".join(sorted(names)[:3]) or "nothing"
        raise ParseError("parse", "not_a_docx", f"the .docx file is a zip archive but not a Word document (it holds {sample})")
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        # WPS writes relationships to missing parts ("NULL"); python-docx refuses the whole
        # package, but word/document.xml itself is fine: read it directly.
        return _parse_raw(data, f"python-docx could not open the package ({exc}); read word/document.xml directly")
    except Exception as exc:  # lxml XMLSyntaxError and friends: a damaged document part
        raise ParseError("parse", "corrupt_docx", f"the Word document is damaged ({type(exc).__name__})") from None

    blocks: list[Block] = []
    title = ""
    for block in _iter_blocks(document):
        blocks.append(block)
        if not title and block.heading_level == 0:
            title = block.text.strip()
    if not title:
        for block in blocks[:5]:
            if block.heading_level is not None and block.text.strip():
                title = block.text.strip()
                break
    if not title:
        core_title = (document.core_properties.title or "").strip()
        if re.search(r"[\u4e00-\u9fff]{4,}", core_title):
            title = core_title
    text, hints = assemble(blocks)
    return ParsedDocument(text=text, format="docx", title_hint=re.sub(r"\s+", " ", title), heading_hints=hints)


def _iter_blocks(document):
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    style_levels: dict[str, int | None] = {}

    def level_of(paragraph) -> int | None:
        level = _outline_level(paragraph._p.pPr)
        if level is not None:
            return level
        try:
            style = paragraph.style
        except Exception:
            return None
        if style is None:
            return None
        key = style.style_id or style.name or ""
        if key not in style_levels:
            style_levels[key] = _style_level(style)
        return style_levels[key]

    def walk(container):
        for child in container.iterchildren():
            tag = child.tag
            if tag == f"{_W}p":
                paragraph = Paragraph(child, document._body)
                text = paragraph.text
                if text.strip():
                    yield Block(text, heading_level=level_of(paragraph))
            elif tag == f"{_W}tbl":
                yield from _table_blocks(Table(child, document._body))
            elif tag == f"{_W}sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    yield from walk(content)

    yield from walk(document.element.body)


def _outline_level(ppr) -> int | None:
    """The heading level of a paragraph-properties element's outline level (WPS marks headings
    this way instead of with styles); None for body text (level 9) or none given."""
    if ppr is None:
        return None
    outline = ppr.find(f"{_W}outlineLvl")
    val = outline.get(f"{_W}val") if outline is not None else None
    return int(val) + 1 if val is not None and val.isdigit() and int(val) < 9 else None


def _style_level(style) -> int | None:
    seen = 0
    while style is not None and seen < 10:
        name = (style.name or "").strip().lower()
        if name in TITLE_STYLES:
            return 0
        m = HEADING_STYLE_RE.match(name)
        if m:
            return int(m.group(1))
        level = _outline_level(style.element.pPr)
        if level is not None:
            return level
        style = style.base_style
        seen += 1
    return None


def _table_blocks(table):
    """One line per row, cells separated by a space; merged cells counted once."""
    first = True
    for tr in table._tbl.tr_lst:
        cells = []
        for tc in tr.tc_lst:
            texts = ["".join(t.text or "" for t in p.iter(f"{_W}t")) for p in tc.iter(f"{_W}p")]
            cell = " ".join(t.strip() for t in texts if t.strip())
            if cell:
                cells.append(cell)
        line = " ".join(cells)
        if line:
            yield Block(line, tight=not first)
            first = False


def _parse_raw(data: bytes, warning: str) -> ParsedDocument:
    """Paragraphs, tables and styles straight from the XML parts, without python-docx."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            body_xml = etree.fromstring(zf.read("word/document.xml"), parser)
            styles_xml = etree.fromstring(zf.read("word/styles.xml"), parser) if "word/styles.xml" in zf.namelist() else None
    except (etree.XMLSyntaxError, KeyError, zipfile.BadZipFile, OSError) as exc:
        raise ParseError("parse", "corrupt_docx", f"the Word document is damaged ({type(exc).__name__})") from None
    styles: dict[str, tuple[str, int | None, str | None]] = {}
    if styles_xml is not None:
        for st in styles_xml.iter(f"{_W}style"):
            sid = st.get(f"{_W}styleId") or ""
            name_el = st.find(f"{_W}name")
            based = st.find(f"{_W}basedOn")
            outline = st.find(f"{_W}pPr/{_W}outlineLvl")
            lvl = outline.get(f"{_W}val") if outline is not None else None
            styles[sid] = (
                (name_el.get(f"{_W}val") if name_el is not None else sid or "").lower(),
                int(lvl) + 1 if lvl is not None and lvl.isdigit() and int(lvl) < 9 else None,
                based.get(f"{_W}val") if based is not None else None,
            )

    def style_level(sid: str | None) -> int | None:
        for _ in range(10):
            if not sid or sid not in styles:
                return None
            name, outline, based = styles[sid]
            if name in TITLE_STYLES:
                return 0
            if m := HEADING_STYLE_RE.match(name):
                return int(m.group(1))
            if outline is not None:
                return outline
            sid = based
        return None

    def paragraph_text(p) -> str:
        out = []
        for el in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
            out.append(el.text or "" if el.tag == f"{_W}t" else ("\t" if el.tag == f"{_W}tab" else "\n"))
        return "".join(out)

    def walk(container):
        for child in container:
            if child.tag == f"{_W}p":
                text = paragraph_text(child)
                if text.strip():
                    outline = child.find(f"{_W}pPr/{_W}outlineLvl")
                    level = None
                    if outline is not None and (v := outline.get(f"{_W}val")) and v.isdigit() and int(v) < 9:
                        level = int(v) + 1
                    else:
                        pstyle = child.find(f"{_W}pPr/{_W}pStyle")
                        level = style_level(pstyle.get(f"{_W}val") if pstyle is not None else None)
                    yield Block(text, heading_level=level)
            elif child.tag == f"{_W}tbl":
                yield from _raw_table_blocks(child)
            elif child.tag == f"{_W}sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    yield from walk(content)

    body = body_xml.find(f"{_W}body")
    blocks = list(walk(body)) if body is not None else []
    title = next((b.text.strip() for b in blocks if b.heading_level == 0), "")
    text, hints = assemble(blocks)
    return ParsedDocument(text=text, format="docx", title_hint=title, heading_hints=hints, warnings=[warning])


def _raw_table_blocks(tbl):
    first = True
    for tr in tbl.findall(f"{_W}tr"):
        cells = []
        for tc in tr.findall(f"{_W}tc"):
            texts = ["".join(t.text or "" for t in p.iter(f"{_W}t")) for p in tc.iter(f"{_W}p")]
            cell = " ".join(t.strip() for t in texts if t.strip())
            if cell:
                cells.append(cell)
        if cells:
            yield Block(" ".join(cells), tight=not first)
            first = False
