"""Typed records that flow between the stages.

Every extracted record carries `start`/`end` character offsets into the document's
normalized text, and `raw == text[start:end]`. `doc_id` and `section_id` are filled in
when a document's rows are assembled (see `pipeline.process`), so extractors never
need to know them.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ParsedDocument:
    """What a parser returns: normalized text plus what the page itself says about it."""

    text: str
    format: str  # txt, html, pdf, docx, doc
    title_hint: str = ""  # <title>/og:title/PDF metadata/first DOCX heading
    publish_date_hint: str = ""  # YYYY-MM-DD from page metadata, if the format has it
    charset: str = ""  # the encoding the bytes were decoded with
    n_pages: int = 0
    # (start, end, level) of lines the format marks as headings (DOCX styles, PDF font size)
    heading_hints: list[tuple[int, int, int]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sha256: str = ""  # of the file's bytes, set by parse_file


@dataclass
class Sentence:
    start: int
    end: int


@dataclass
class Section:
    section_id: int
    parent_section_id: int | None
    level: int
    marker: str
    heading: str
    category: str
    start: int  # start of the marker
    end: int  # end of the section's body (start of the next sibling-or-higher heading)
    heading_end: int = 0  # end of the heading text itself


@dataclass
class DocNumber:
    raw: str
    number: str
    issuer_code: str
    year: int | None
    serial: int | None
    cited_title: str
    start: int
    end: int


@dataclass
class Reference:
    title: str
    kind: str  # law, regulation, normative_document, plan, other
    number: str
    start: int  # offset of the opening 《
    end: int  # offset after the closing 》


@dataclass
class DateMention:
    raw: str
    date_start: str  # ISO
    date_end: str
    granularity: str  # day, month, year, range
    role: str  # publish_date, report_period, deadline, mention
    start: int
    end: int


@dataclass
class Metric:
    raw: str
    value: float
    unit: str
    qualifier: str  # approx, more_than, at_least, at_most, ""
    subject: str
    indicator: str
    sentence: str
    start: int
    end: int


@dataclass
class Entity:
    text: str
    label: str  # ORG, ROLE
    start: int
    end: int


@dataclass
class DocumentMeta:
    title: str = ""
    issuer: str = ""
    province: str = ""
    city: str = ""
    county: str = ""
    township: str = ""
    unit_level: str = "other"
    report_type: str = "other"
    report_year: int | None = None
    publish_date: str = ""
    # where the page states its publish date (offsets into the text), when it does; not a column
    publish_span: tuple[int, int] | None = None


@dataclass
class ErrorRecord:
    source_path: str
    stage: str  # size, decode, parse, extract, unsupported, ...
    error: str  # short machine-readable kind: empty_file, encrypted_pdf, ...
    message: str  # a sentence a person understands
