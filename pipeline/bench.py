"""`make bench`: documents per second and peak memory, on archives built from the real corpus.

Text/HTML: the corpus pages, each written as .txt and as a furnished .html page, repeated
(each copy made unique) until the archive holds `n_docs` documents. PDF: the sample and
fixture PDFs, copied until `n_pdfs` files. Two sizes of the text archive are run, so
that a growing peak memory would show.
"""
from __future__ import annotations

import html
import multiprocessing as mp
import resource
import shutil
import tempfile
import time
from pathlib import Path

from pipeline.extract_archive import default_workers, extract_archive, warm_up

HTML_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a></div>
<div class="position">您当前的位置：首页 &gt; 政务公开 &gt; 法治政府建设年度报告</div>
<div class="article"><h1>{title}</h1><div class="info">发布时间：2022-03-01 字号：大 中 小 打印本页</div>
<div class="TRS_Editor">{body}</div></div>
<div class="footer">扫一扫在手机打开当前页 版权所有 网站标识码</div></body></html>"""


def _corpus_pages(corpus: Path) -> list[str]:
    pages = []
    for folder in ("dev", "unlabeled", "docnums"):
        pages += [p.read_text(encoding="utf-8") for p in sorted((corpus / folder).glob("*.txt"))]
    return pages


def build_text_archive(corpus: Path, dest: Path, n_docs: int) -> None:
    pages = _corpus_pages(corpus)
    for i in range(n_docs):
        text = pages[i % len(pages)] + f"\n（副本{i}）"
        if i % 2:
            title, _, body = text.partition("\n")
            paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in body.splitlines())
            (dest / f"page{i:05d}.html").write_text(HTML_PAGE.format(title=html.escape(title), body=paragraphs),
                                                     encoding="utf-8")
        else:
            (dest / f"page{i:05d}.txt").write_text(text, encoding="utf-8")


def build_pdf_archive(sources: list[Path], dest: Path, n_pdfs: int) -> int:
    """Copies of the PDFs; returns the total number of pages."""
    import pypdfium2

    pages = 0
    for i in range(n_pdfs):
        src = sources[i % len(sources)]
        shutil.copyfile(src, dest / f"doc{i:04d}.pdf")
        pdf = pypdfium2.PdfDocument(src)
        pages += len(pdf)
        pdf.close()
    return pages


def _measure(archive: Path, out: Path, workers: int, queue) -> None:
    """In a fresh process: start-up, then the extraction alone, and this run's own peak memory."""
    started = time.perf_counter()
    warm_up()
    warmed = time.perf_counter()
    summary = extract_archive(archive, out, workers=workers, progress=False)
    queue.put({"startup": warmed - started, "seconds": time.perf_counter() - warmed,
               "documents": summary.documents, "errors": len(summary.errors),
               "parent_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
               "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024})


def measure(archive: Path, out: Path, workers: int) -> dict:
    ctx = mp.get_context("spawn")  # a clean process per run, so each peak is that run's own
    queue = ctx.Queue()
    proc = ctx.Process(target=_measure, args=(archive, out, workers, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def _line(label: str, r: dict, extra: str = "") -> str:
    return (f"{label:<10} {r['documents']:>6} documents in {r['seconds']:6.1f} s: "
            f"{r['documents'] / r['seconds']:7.1f} documents/s{extra}; peak RSS main {r['parent_mb']:.0f} MB, "
            f"worker {r['worker_mb']:.0f} MB; start-up {r['startup']:.1f} s; errors {r['errors']}")


def run_bench(corpus: Path, n_docs: int = 3000, n_pdfs: int = 60, workers: int = 0) -> int:
    corpus = Path(corpus)
    repo = Path(__file__).resolve().parents[1]
    pdf_sources = sorted((repo / "raw").rglob("*.pdf")) + sorted((corpus.parent / "fixtures").glob("pdf_text_*.pdf"))
    print(f"workers: {workers or default_workers()}; each run in a fresh process (start-up timed apart)")
    with tempfile.TemporaryDirectory(prefix="baogao-bench-") as tmp:
        tmp = Path(tmp)
        for n in (max(1, n_docs // 4), n_docs):
            archive = tmp / f"text{n}"
            archive.mkdir()
            build_text_archive(corpus, archive, n)
            print(_line("text/HTML", measure(archive, tmp / f"out{n}", workers)), flush=True)
        if pdf_sources:
            archive = tmp / "pdf"
            archive.mkdir()
            n_pages = build_pdf_archive(pdf_sources, archive, n_pdfs)
            r = measure(archive, tmp / "outpdf", workers)
            print(_line("PDF", r, f", {n_pages} pages: {n_pages / r['seconds']:.1f} pages/s"))
        else:
            print("PDF: no sample PDFs found (raw/**/*.pdf, ../shared/fixtures/pdf_text_*.pdf)")
    return 0
