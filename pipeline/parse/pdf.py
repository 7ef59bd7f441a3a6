"""PDF files: the text layer via pypdfium2, laid out into paragraphs from character geometry.

Per character pdfium gives the code point, its box, font size and font name (a few µs
each), which is all the layout needs, so pdfplumber is not used at run time (it is the
cross-check in the tests). Steps:

1. open (encrypted -> encrypted_pdf, unreadable/truncated -> corrupt_pdf);
2. characters -> lines: pdfium's own line breaks, spaces decided from the gap between
   glyphs (no space between CJK glyphs, a space for wide gaps and between Latin words),
   fake-bold duplicates (the same glyph drawn twice at a small offset) dropped;
3. lines on the same baseline merged (digits in another font often come out as a line of
   their own); running headers/footers and page numbers dropped;
4. lines -> paragraphs: a line continues when it reaches the right margin and does not end
   with 。；：！？; a heading marker (一、 （一） 1.) always starts a new paragraph;
5. headings: lines in a larger font than the body, or a heading font (黑体/楷体 in the
   GB/T 9704 layout of official documents), become heading hints.
"""
from __future__ import annotations

import ctypes
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from pipeline.records import ParsedDocument

from . import rules
from .assemble import Block, assemble
from .errors import ParseError
from .sniff import KIND_NAMES

_CJK_RANGES = ((0x3400, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFF))
_CJK_PUNCT = ((0x3000, 0x303F), (0xFF00, 0xFFEF), (0x2018, 0x201F), (0x2014, 0x2026))


def _is_cjk(ch: str) -> bool:
    cp = ord(ch)
    return any(a <= cp <= b for a, b in _CJK_RANGES) or any(a <= cp <= b for a, b in _CJK_PUNCT)


def _is_garbage(cp: int) -> bool:
    """Glyphs with no real Unicode: private use, replacement, non-characters, controls."""
    return 0xE000 <= cp <= 0xF8FF or cp in (0xFFFD, 0xFFFE, 0xFFFF, 0) or (cp < 0x20 and cp not in (9, 10, 13))


@dataclass
class _Char:
    ch: str
    left: float
    right: float
    bottom: float
    top: float
    size: float
    font: str


@dataclass
class _Line:
    text: str
    left: float
    right: float
    bottom: float
    top: float
    size: float  # median font size of its glyphs
    font: str  # font of its first CJK glyph (subset prefix removed)
    n_glyphs: int
    tabular: bool = False  # has cell-sized gaps: a table row
    page: int = 0
    vertical: bool = False  # glyphs stacked one per printed line (vertical table headers)


@dataclass
class _Page:
    lines: list[_Line] = field(default_factory=list)
    left: float = 0.0
    right: float = 0.0


# ---------------------------------------------------------------- entry point
def parse_pdf(data: bytes, kind: str | None = None) -> ParsedDocument:
    import pypdfium2 as pdfium

    if kind != "pdf":
        what = KIND_NAMES.get(kind or "", "not a PDF (no %PDF header)")
        raise ParseError("parse", "corrupt_pdf", f"the .pdf file is {what}; it cannot be read as a PDF")
    if b"%%EOF" not in data[-4096:]:
        raise ParseError("parse", "corrupt_pdf", "the PDF is truncated (no %%EOF marker at its end): probably an interrupted download")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower() or getattr(exc, "err_code", None) == 4:
            raise ParseError("parse", "encrypted_pdf", "the PDF is encrypted with a password and cannot be read") from None
        raise ParseError("parse", "corrupt_pdf", f"the PDF is damaged and cannot be opened ({exc})") from None
    try:
        return _parse_document(pdf)
    finally:
        pdf.close()


def _parse_document(pdf) -> ParsedDocument:
    n_pages = len(pdf)
    if n_pages == 0:
        raise ParseError("parse", "corrupt_pdf", "the PDF has no pages")
    warnings: list[str] = []
    pages: list[_Page] = []
    n_glyphs = 0
    n_garbage = 0
    for index in range(n_pages):
        page = pdf[index]
        try:
            textpage = page.get_textpage()
            try:
                lines, glyphs, garbage = _page_lines(textpage, index)
            finally:
                textpage.close()
        finally:
            page.close()
        n_glyphs += glyphs
        n_garbage += garbage
        pages.append(_make_page(lines))
    if n_glyphs + n_garbage < rules.MIN_CHARS_PER_PAGE * n_pages:
        raise ParseError("parse", "scanned_pdf", "no text layer: probably a scanned image; OCR is not supported")
    if n_garbage > rules.MAX_GARBAGE_SHARE * (n_glyphs + n_garbage):
        raise ParseError(
            "parse",
            "cid_font",
            f"{n_garbage} of {n_glyphs + n_garbage} glyphs have no Unicode mapping (fonts without ToUnicode): the text layer is unreadable",
        )
    if n_garbage:
        warnings.append(f"{n_garbage} glyph(s) without a Unicode mapping dropped")

    body_size, body_font = _body_style(pages)
    _drop_running_lines(pages, body_size)
    _settle_margins(pages)
    paragraphs = _paragraphs(pages, body_size, body_font)
    blocks = [Block(_tidy(text), heading_level=level, tight=tight) for text, level, tight in paragraphs]
    text, hints = assemble(blocks)
    title = _title(pdf, blocks)
    return ParsedDocument(
        text=text,
        format="pdf",
        title_hint=title,
        n_pages=n_pages,
        heading_hints=hints,
        warnings=warnings,
    )


# ---------------------------------------------------------------- characters -> lines
def _page_lines(textpage, page_index: int) -> tuple[list[_Line], int, int]:
    import pypdfium2.raw as pdfium_c

    raw = textpage.raw
    n = pdfium_c.FPDFText_CountChars(raw)
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    font_buf = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    lines: list[_Line] = []
    current: list[_Char] = []
    spaced: set[int] = set()  # positions in `current` preceded by a space in the text layer
    glyphs = garbage = 0
    last_font_size: float | None = None
    last_font = ""
    for i in range(n):
        cp = pdfium_c.FPDFText_GetUnicode(raw, i)
        if cp in (10, 13):
            if current:
                lines.append(_make_line(current, spaced, page_index))
                current, spaced = [], set()
            continue
        if cp in (32, 9, 0xA0, 0x3000):
            spaced.add(len(current))
            continue
        if _is_garbage(cp) or 0xD800 <= cp <= 0xDFFF:
            if cp != 0 or not pdfium_c.FPDFText_IsGenerated(raw, i):
                garbage += 1
            continue
        pdfium_c.FPDFText_GetCharBox(raw, i, left, right, bottom, top)
        size = pdfium_c.FPDFText_GetFontSize(raw, i)
        if size != last_font_size:  # font names only change with the text object
            k = pdfium_c.FPDFText_GetFontInfo(raw, i, font_buf, len(font_buf), flags)
            last_font = font_buf.raw[: max(0, k - 1)].decode("utf-8", "replace").split("+", 1)[-1]
            last_font_size = size
        ch = _Char(chr(cp), left.value, right.value, bottom.value, top.value, size, last_font)
        if current and _is_fake_bold(current, ch):
            continue
        glyphs += 1
        current.append(ch)
    if current:
        lines.append(_make_line(current, spaced, page_index))
    return lines, glyphs, garbage


def _is_fake_bold(line: list[_Char], ch: _Char) -> bool:
    """The same glyph drawn again over itself (offset < half its width): fake bold."""
    for prev in line[-2:]:
        if prev.ch == ch.ch:
            width = max(prev.right - prev.left, 0.1)
            if abs(ch.left - prev.left) < 0.5 * width and abs(ch.bottom - prev.bottom) < 0.5 * width:
                return True
    return False


def _make_line(chars: list[_Char], spaced: set[int], page_index: int) -> _Line:
    sizes = [c.top - c.bottom for c in chars if c.top > c.bottom and _is_cjk(c.ch)] or [
        c.top - c.bottom for c in chars if c.top > c.bottom
    ] or [1.0]
    em = max(statistics.median(sizes), 1.0)
    parts = [chars[0].ch]
    tabular = False
    for j in range(1, len(chars)):
        prev, cur = chars[j - 1], chars[j]
        gap = cur.left - prev.right
        if gap > TABLE_GAP_EM * em:
            tabular = True
        wide = gap > 0.9 * em
        latin_pair = not _is_cjk(prev.ch) and not _is_cjk(cur.ch)
        if wide or (j in spaced and latin_pair):
            parts.append(" ")
        parts.append(cur.ch)
    cjk_font = next((c.font for c in chars if _is_cjk(c.ch)), chars[0].font)
    return _Line(
        text="".join(parts),
        left=min(c.left for c in chars),
        right=max(c.right for c in chars),
        bottom=statistics.median(c.bottom for c in chars),
        top=statistics.median(c.top for c in chars),
        size=statistics.median(c.size for c in chars),
        font=cjk_font,
        n_glyphs=len(chars),
        tabular=tabular,
        page=page_index,
    )


# A gap of this many ems between two glyphs of a line is a table-cell boundary.
TABLE_GAP_EM = 2.0


def _make_page(lines: list[_Line]) -> _Page:
    lines = _merge_vertical(lines)
    merged: list[_Line] = []
    for line in lines:
        prev = merged[-1] if merged else None
        if prev is not None and _same_baseline(prev, line) and line.left >= prev.right - 1:
            em = max(prev.top - prev.bottom, 1.0)
            gap = line.left - prev.right
            sep = " " if gap > 0.9 * em or (not _is_cjk(prev.text[-1]) and not _is_cjk(line.text[0]) and gap > 0.15 * em) else ""
            merged[-1] = _Line(
                text=prev.text + sep + line.text,
                left=prev.left,
                right=line.right,
                bottom=prev.bottom,
                top=max(prev.top, line.top),
                size=prev.size if prev.n_glyphs >= line.n_glyphs else line.size,
                font=prev.font,
                n_glyphs=prev.n_glyphs + line.n_glyphs,
                tabular=prev.tabular or line.tabular or gap > TABLE_GAP_EM * em,
                page=prev.page,
            )
        else:
            merged.append(line)
    page = _Page(merged)
    full = [ln for ln in merged if ln.n_glyphs >= 8 and not ln.tabular] or merged
    if full:
        page.left = min(ln.left for ln in full)
        page.right = max(ln.right for ln in full)
    return page


def _merge_vertical(lines: list[_Line]) -> list[_Line]:
    """Text set vertically (table cells one glyph per line) read as one line."""
    out: list[_Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if (
            prev is not None and line.n_glyphs <= 2 and prev.n_glyphs <= 40
            and (prev.n_glyphs <= 2 or prev.vertical)
            and abs(line.left - prev.left) < max(prev.top - prev.bottom, 1.0)
            and line.top <= prev.bottom + 1.5 * max(prev.top - prev.bottom, 1.0)
            and line.top < prev.top
        ):
            out[-1] = _Line(prev.text + line.text, min(prev.left, line.left), max(prev.right, line.right), line.bottom,
                            prev.top, prev.size, prev.font, prev.n_glyphs + line.n_glyphs, False, prev.page, vertical=True)
        else:
            out.append(line)
    return out


def _settle_margins(pages: list[_Page]) -> None:
    """Pages with few full lines (covers, table pages) take the document's usual margins."""
    full = [p for p in pages if sum(1 for ln in p.lines if ln.n_glyphs >= 8 and not ln.tabular) >= 5]
    if not full:
        return
    right = statistics.median(p.right for p in full)
    left = statistics.median(p.left for p in full)
    for page in pages:
        if page not in full:
            page.left, page.right = left, right


def _same_baseline(a: _Line, b: _Line) -> bool:
    height = max(min(a.top - a.bottom, b.top - b.bottom), 1.0)
    overlap = min(a.top, b.top) - max(a.bottom, b.bottom)
    return overlap > 0.5 * height


# ---------------------------------------------------------------- running headers, page numbers
def _fold(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _drop_running_lines(pages: list[_Page], body_size: float) -> None:
    depth = rules.RUNNING_LINE_DEPTH
    counts: Counter[str] = Counter()
    for page in pages:
        edge = {_fold(ln.text) for ln in page.lines[:depth] + page.lines[-depth:]}
        counts.update(edge)
    # The opening lines of the first page (the title, the issuer): a small-type line at a
    # page edge repeating them is a running header even in a two-page document.
    opening = _fold("".join(ln.text for ln in pages[0].lines[:4])) if pages else ""
    n = len(pages)
    running = {
        key
        for key, c in counts.items()
        if n >= rules.MIN_PAGES_FOR_RUNNING and c >= rules.RUNNING_LINE_SHARE * n and len(key) <= 80
    }
    for page in pages:
        keep = []
        last = len(page.lines) - 1
        for i, ln in enumerate(page.lines):
            at_edge = i < depth or i > last - depth
            stripped = re.sub(r"\s+", "", ln.text)
            folded = _fold(ln.text)
            small = body_size and ln.size < rules.RUNNING_SIZE_RATIO * body_size
            if at_edge and (
                rules.PAGE_NUMBER_RE.fullmatch(stripped)
                or folded in running
                or (small and len(folded) >= 4 and (counts[folded] >= 2 or folded in opening) and page is not pages[0])
            ):
                continue
            keep.append(ln)
        page.lines = keep


# ---------------------------------------------------------------- lines -> paragraphs
def _body_style(pages: list[_Page]) -> tuple[float, str]:
    sizes: Counter[float] = Counter()
    fonts: Counter[str] = Counter()
    for page in pages:
        for ln in page.lines:
            sizes[round(ln.size, 1)] += ln.n_glyphs
            fonts[ln.font] += ln.n_glyphs
    size = sizes.most_common(1)[0][0] if sizes else 0.0
    font = fonts.most_common(1)[0][0] if fonts else ""
    return size, font


def _heading_level(line: _Line, body_size: float, body_font: str, big_sizes: list[float], margin: float) -> int | None:
    text = line.text.strip()
    if not text or len(text) > rules.MAX_HEADING_CHARS or line.tabular:
        return None
    if text.rstrip(rules.CLOSERS)[-1:] in "。；，,;":
        return None
    if body_size and line.size >= body_size * rules.HEADING_SIZE_RATIO:
        rank = big_sizes.index(round(line.size, 1)) if round(line.size, 1) in big_sizes else 0
        return rank  # the biggest type is the title (level 0)
    # A heading in the body's type size is a short line of its own (body text set in 黑体
    # fills the measure).
    if line.right >= margin:
        return None
    if body_font and line.font != body_font:
        family = _font_family(line.font)
        if family in HEADING_FONT_LEVELS and family != _font_family(body_font):
            return len(big_sizes) - 1 + HEADING_FONT_LEVELS[family] if big_sizes else HEADING_FONT_LEVELS[family]
    return None


# GB/T 9704 official-document layout: first-level headings in 黑体, second-level in 楷体,
# body in 仿宋. Font-name fragments (lower case) -> heading level below the title.
HEADING_FONT_FRAGMENTS: tuple[tuple[str, str], ...] = (
    ("hei", "hei"), ("黑体", "hei"), ("simhei", "hei"), ("kai", "kai"), ("楷", "kai"), ("xbs", "xbs"), ("小标宋", "xbs"),
    ("fangsong", "fs"), ("仿宋", "fs"), ("fs", "fs"), ("song", "song"), ("宋", "song"),
)
HEADING_FONT_LEVELS = {"hei": 1, "kai": 2}


def _font_family(font: str) -> str:
    low = font.lower()
    for fragment, family in HEADING_FONT_FRAGMENTS:
        if fragment in low:
            return family
    return low


def _ends_paragraph(text: str) -> bool:
    stripped = text.rstrip().rstrip(rules.CLOSERS)
    return bool(stripped) and stripped[-1] in rules.SENTENCE_END


def _paragraphs(pages: list[_Page], body_size: float, body_font: str) -> list[tuple[str, int | None, bool]]:
    """(text, heading level, tight) per paragraph, in reading order."""
    big_sizes = sorted(
        {round(ln.size, 1) for p in pages for ln in p.lines if body_size and ln.size >= body_size * rules.HEADING_SIZE_RATIO},
        reverse=True,
    )
    out: list[tuple[str, int | None, bool]] = []
    buf: list[str] = []
    buf_level: int | None = None
    buf_tight = False
    prev: _Line | None = None
    prev_page: _Page | None = None

    def flush() -> None:
        if buf:
            out.append(("".join(buf), buf_level, buf_tight))

    for page in pages:
        page_margin = page.right - rules.RIGHT_MARGIN_TOLERANCE * max(page.right - page.left, 1.0)
        for ln in page.lines:
            level = _heading_level(ln, body_size, body_font, big_sizes, page_margin)
            runs_on = False
            if prev is not None and prev_page is not None and buf:
                margin = prev_page.right - rules.RIGHT_MARGIN_TOLERANCE * max(prev_page.right - prev_page.left, 1.0)
                starts_new = bool(rules.HEADING_MARKER_RE.match(ln.text))
                # Body text: the previous line filled the measure and did not end a sentence.
                runs_on = (
                    level is None and buf_level is None and not ln.tabular and not prev.tabular and not starts_new
                    and not _ends_paragraph(prev.text) and prev.right >= margin
                    and abs(ln.size - prev.size) <= 0.1 * max(prev.size, 1.0)
                )
                # A title or heading set over two lines in the same type is one heading.
                runs_on = runs_on or (
                    level is not None and level == buf_level and ln.page == prev.page and not starts_new
                    and not _ends_paragraph(prev.text)
                )
            if runs_on:
                sep = "" if (_is_cjk(buf[-1][-1]) or _is_cjk(ln.text[0])) else " "
                buf.append(sep + ln.text)
            else:
                flush()
                buf = [ln.text]
                buf_level = level
                # rows of one table stay together, one line each
                buf_tight = bool(ln.tabular and prev is not None and prev.tabular)
            prev, prev_page = ln, page
    flush()
    return out


# Spaces next to full-width punctuation are justification gaps (the glyph box of ，or 》
# is narrower than its advance), never real spaces.
_SPACE_AT_CJK_PUNCT = re.compile(r" +(?=[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20“”‘’])|(?<=[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20“”‘’]) +")


def _tidy(text: str) -> str:
    return _SPACE_AT_CJK_PUNCT.sub("", text)


def _title(pdf, blocks: list[Block]) -> str:
    try:
        meta_title = (pdf.get_metadata_dict() or {}).get("Title", "") or ""
    except Exception:
        meta_title = ""
    meta_title = re.sub(r"^Microsoft (Word|PowerPoint) - ", "", meta_title.strip())
    meta_title = re.sub(r"\.(docx?|wps|pdf)$", "", meta_title, flags=re.I).strip()
    if re.search(r"[\u4e00-\u9fff]{4,}", meta_title):
        return meta_title
    for block in blocks[:8]:
        if block.heading_level == 0:
            return re.sub(r"\s+", "", block.text) if _is_cjk(block.text[:1] or "a") else block.text.strip()
    return ""
