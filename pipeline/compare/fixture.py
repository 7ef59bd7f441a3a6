"""A small archive of real corpus reports, extracted by the real pipeline into an OUT folder: for
the comparison and report tests, and for trying `report` before `make extract` has run.

The archive is built from dev pages (../shared/corpus/dev) with a few edits, so that it holds the
awkward cases on purpose: one place over two years where the later report is largely copied from
the earlier one, a correction (two reports of one place for one year, one figure changed), a report
with no figures, a report published after the 1 April deadline, and a stated rate that disagrees
with its counts. Every table then comes out of `extract_archive`, exactly as `make extract` makes it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pipeline.extract_archive import extract_archive
from pipeline.process import SIDECAR_SUFFIX

# A stated rate that disagrees with its counts (the example, with the rate mistyped).
ARITHMETIC_SENTENCE = "全年共排查矛盾纠纷57件,成功化解54件,化解率95.74%。"


@dataclass(frozen=True)
class Planned:
    """One archive file: a dev page, the edits made to its text, and what extraction should read."""

    gold_id: str
    path: str                                    # where it goes in the archive
    role: str
    replace: tuple[tuple[str, str], ...] = ()    # (old, new), every occurrence
    header: str = ""                             # a line put before the page's first line
    append: str = ""                             # a line put after the page's last line
    list_date: str = ""                          # the list page's date, in the sidecar
    # what extraction reads from the edited page (checked by the tests)
    township: str = ""
    report_year: int = 0
    publish_date: str = ""


PLAN = [
    # the only 2020 report; its page has no date, so one is put in a header line
    Planned("d093", "beijing/xicheng/guanganmennei_2020.txt", "base", header="发布时间:2021-03-20",
            township="广安门内街道", report_year=2020, publish_date="2021-03-20"),
    # one place over two years; the 2024 report is the 2025 one with the years and three figures changed
    Planned("d087", "chongqing/wanzhou/gaosuntang_2025.txt", "base", header="发布时间:2026-03-10",
            township="高笋塘街道", report_year=2025, publish_date="2026-03-10"),
    Planned("d087", "chongqing/wanzhou/gaosuntang_2024.txt", "last_year_copy", header="发布时间:2025-03-12",
            replace=(("2025", "2024"), ("326家", "300家"), ("143条", "120条"),
                     ("142条", "118条")),
            township="高笋塘街道", report_year=2024, publish_date="2025-03-12"),
    # a correction: the same report published again for the same year with one figure changed;
    # these pages carry no date, the list page's date (in the sidecar) is the publish date
    Planned("d091", "chongqing/jiulongpo/zhongliangshan_2025.txt", "base", list_date="2026-02-01",
            township="中梁山街道", report_year=2025, publish_date="2026-02-01"),
    Planned("d091", "chongqing/jiulongpo/zhongliangshan_2025_corrected.txt", "correction", list_date="2026-02-20",
            replace=(("均达100%", "均达98%"),),
            township="中梁山街道", report_year=2025, publish_date="2026-02-20"),
    # published after 1 April of the next year, and a rate that does not add up
    Planned("d043", "shenzhen/guanhu_2025.txt", "late", header="发布时间:2026-04-15", append=ARITHMETIC_SENTENCE,
            township="观湖街道", report_year=2025, publish_date="2026-04-15"),
    # no figures at all (its page has its own publish date)
    Planned("d018", "chongqing/jiangjin/siping_2025.txt", "no_figures",
            township="四屏镇", report_year=2025, publish_date="2026-01-19"),
]


def planned_text(dev: Path, p: Planned) -> str:
    text = (dev / f"{p.gold_id}.txt").read_text(encoding="utf-8").rstrip("\n")
    for old, new in p.replace:  # the page's own text only, before the added lines
        text = text.replace(old, new)
    lines = [p.header, text, p.append]
    return "\n".join(line for line in lines if line) + "\n"


def build_archive(archive: Path, corpus: Path) -> Path:
    """The planned .txt files and their .meta.json sidecars (page url, list date) under `archive`."""
    dev, archive = Path(corpus) / "dev", Path(archive)
    for p in PLAN:
        target = archive / p.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(planned_text(dev, p), encoding="utf-8")
        sidecar = json.loads((dev / f"{p.gold_id}.txt{SIDECAR_SUFFIX}").read_text(encoding="utf-8"))
        meta = {"url": sidecar.get("url", "")}
        if p.list_date:
            meta["list_date"] = p.list_date
        target.with_name(target.name + SIDECAR_SUFFIX).write_text(json.dumps(meta, ensure_ascii=False),
                                                                 encoding="utf-8")
    return archive


def build_fixture(out: Path, corpus: Path) -> Path:
    """Build the archive beside `out` (as `<out>.raw`), extract it into `out`, return `out`."""
    out = Path(out)
    archive = build_archive(out.with_name(out.name + ".raw"), corpus)
    extract_archive(archive, out, workers=1, progress=False)
    return out
