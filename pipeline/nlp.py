"""The spaCy pipeline: one `Doc` per report, each extractor a component.

`spacy.blank("zh")` with the jieba segmenter gives tokens and sentence boundaries; each
extractor is a pure function wrapped as a component that reads what earlier components
found (document numbers and cited titles are exclusions for dates and metrics; the report
year from the metadata resolves 今年/全年). Results are typed records with character
offsets, kept in `doc._.records[kind]`; the same records are mirrored as `doc.spans[kind]`
(token-expanded) for anyone who wants spaCy spans. A component that fails records the
error and leaves its kind empty, so one bad extractor never loses a document.
"""
from __future__ import annotations

import functools
import logging
import traceback
from dataclasses import dataclass, field
from typing import Any, Callable

import jieba
import numpy
import spacy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline import segment
from pipeline.compare.indicators import classify_indicator
from pipeline.extract import dates, docnums, entities, metadata, metrics, references
from pipeline.records import DocumentMeta, ParsedDocument

jieba.setLogLevel(logging.WARNING)  # its dictionary-loading chatter is not the user's business

if not Doc.has_extension("records"):
    Doc.set_extension("records", default=None)
    Doc.set_extension("context", default=None)
    Doc.set_extension("failures", default=None)


@dataclass
class DocContext:
    """What the pipeline knows about a document besides its text."""

    parsed: ParsedDocument | None = None
    sidecar: dict = field(default_factory=dict)
    text: str | None = None  # the Doc's text


# Each component: (name, kind, function(doc, records_so_far, ctx) -> list or record).
def _sentences(text, found, ctx):
    return segment.split_sentences(text)


def _sections(text, found, ctx):
    hints = ctx.parsed.heading_hints if ctx.parsed else ()
    return segment.segment(text, hints)


def _doc_numbers(text, found, ctx):
    return docnums.extract_doc_numbers(text)


def _references(text, found, ctx):
    return references.extract_references(text, found["doc_numbers"])


def _metadata(text, found, ctx):
    parsed = ctx.parsed
    return metadata.extract_metadata(
        text,
        title_hint=parsed.title_hint if parsed else "",
        publish_date_hint=parsed.publish_date_hint if parsed else "",
        sidecar=ctx.sidecar,
    )


def _exclusions(found) -> list[tuple[int, int]]:
    return [(r.start, r.end) for r in (*found["doc_numbers"], *found["references"])]


def _dates(text, found, ctx):
    document = found["document"]
    return dates.extract_dates(text, document.report_year, _exclusions(found), document.publish_span or (-1, -1))


def _metrics(text, found, ctx):
    found_metrics = metrics.extract_metrics(text, _exclusions(found), found["sentences"])
    for m in found_metrics:
        m.indicator = classify_indicator(m.subject, m.sentence, m.unit)
    return found_metrics


def _entities(text, found, ctx):
    return entities.extract_entities(text)


COMPONENTS: list[tuple[str, str, Callable, Any]] = [
    # component name,           kind,           function,      value if it fails
    ("baogao_sentences", "sentences", _sentences, list),
    ("baogao_sections", "sections", _sections, list),
    ("baogao_doc_numbers", "doc_numbers", _doc_numbers, list),
    ("baogao_references", "references", _references, list),
    ("baogao_metadata", "document", _metadata, DocumentMeta),
    ("baogao_dates", "dates", _dates, list),
    ("baogao_metrics", "metrics", _metrics, list),
    ("baogao_entities", "entities", _entities, list),
]


class ExtractorComponent:
    """Runs one extractor over the Doc and stores its typed records (and spans)."""

    def __init__(self, kind: str, func: Callable, empty: Any):
        self.kind, self.func, self.empty = kind, func, empty

    def __call__(self, doc: Doc) -> Doc:
        if doc._.records is None:
            doc._.records, doc._.failures = {}, []
        if doc._.context is None:
            doc._.context = DocContext()
        ctx = doc._.context
        if ctx.text is None:
            ctx.text = doc.text  # Doc.text joins every token: build it once, not per component
        try:
            result = self.func(ctx.text, doc._.records, ctx)
        except Exception as exc:  # noqa: BLE001 - one extractor must not lose the document
            doc._.failures.append((self.kind, f"{type(exc).__name__}: {exc}", traceback.format_exc(limit=3)))
            result = self.empty()
        doc._.records[self.kind] = result
        if isinstance(result, list) and result and hasattr(result[0], "start"):
            doc.spans[self.kind] = _token_spans(doc, result, self.kind)
        if self.kind == "sentences":
            _set_sentence_starts(doc, result)
        return doc


def _token_starts(doc: Doc) -> numpy.ndarray:
    return doc.to_array([IDX]).astype(numpy.int64).reshape(-1)


def _token_spans(doc: Doc, records: list, label: str) -> list[Span]:
    """The records as spaCy spans, widened to token boundaries (records keep exact offsets).
    Found by binary search over token offsets: `Doc.char_span(alignment_mode="expand")` walks
    every token for every span."""
    starts = _token_starts(doc)
    first = numpy.searchsorted(starts, [r.start for r in records], side="right") - 1
    last = numpy.searchsorted(starts, [r.end for r in records], side="left")
    return [Span(doc, max(int(i), 0), max(int(j), int(i) + 1), label=label)
            for i, j in zip(first, last) if len(doc)]


def _set_sentence_starts(doc: Doc, sentences) -> None:
    """Mark the tokens that open a sentence, in one array write (a Python loop over tokens
    costs more than the segmenter)."""
    if not len(doc):
        return
    starts = numpy.fromiter((s.start for s in sentences), dtype=numpy.int64)
    idx = _token_starts(doc)
    flags = numpy.where(numpy.isin(idx, starts), 1, -1)
    flags[0] = 1
    doc.from_array([SENT_START], flags.astype(numpy.uint64).reshape(-1, 1))


def _register(name: str, kind: str, func: Callable, empty: Any) -> None:
    def make_component(nlp: Language, name: str) -> ExtractorComponent:
        return ExtractorComponent(kind, func, empty)

    Language.factory(name, func=make_component)


for _component in COMPONENTS:
    _register(*_component)


@functools.lru_cache(maxsize=1)
def build_nlp() -> Language:
    """The blank Chinese pipeline (jieba segmenter, offline) with every extractor in order."""
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    for name, *_ in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def analyse(text: str, ctx: DocContext | None = None) -> Doc:
    """Run the whole pipeline over one normalized text."""
    nlp = build_nlp()
    doc = nlp.make_doc(text)
    doc._.context = ctx or DocContext()
    doc._.context.text = text
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
