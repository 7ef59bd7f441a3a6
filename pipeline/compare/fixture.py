"""A small OUT folder built from real corpus reports, for the tests and for trying `report`
before `make extract` has run: the tables are written by the pipeline's own TableWriter,
in exactly the contract's schema.

It holds the awkward cases on purpose: one place over two years where the later report is
largely copied from the earlier one, a correction (two reports of one place for one year, one
figure changed), a report with no figures, a report published after the deadline, and a
stated rate that disagrees with its counts.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from pipeline.compare.indicators import classify_indicator
from pipeline.normalize import normalize_text
from pipeline.write import TableWriter

_HEADING = re.compile(r"^([一二三四五六七八九十]+、)(.+)$", re.M)
_CATEGORY = [("shortcomings", re.compile(r"不足|问题|差距")), ("leadership_duty", re.compile(r"第一责任人|主要负责人")),
             ("next_year_plan", re.compile(r"下一?(步|年)|安排|打算|计划|思路")),
             ("achievements", re.compile(r"举措|成效|情况|工作|推进|强化|加强|提升|坚持"))]
_SENT_END = "。！？\n"

# (gold id, township, report_year, publish_date, edits applied to the text, role)
PLAN = [
    ("d093", "广安门内街道", 2020, "2021-03-20", [], "base"),
    ("d087", "高笋塘街道", 2025, "2026-03-10", [], "base"),
    ("d087", "高笋塘街道", 2024, "2025-03-12", [("326家", "300家"), ("143条", "120条"), ("142条", "118条")], "last_year_copy"),
    ("d091", "中梁山街道", 2025, "2026-02-01", [], "base"),
    ("d091", "中梁山街道", 2025, "2026-02-20", [("31次", "32次")], "correction"),
    ("d043", "观湖街道", 2025, "2026-04-15", [], "late"),
    ("d018", "四屏镇", 2025, "2026-03-01", [], "no_figures"),
]
# A stated rate that disagrees with its counts (the example, with the rate mistyped).
ARITHMETIC_SENTENCE = "全年共排查矛盾纠纷57件,成功化解54件,化解率95.74%。"


def _sections(text: str) -> list[dict]:
    heads = list(_HEADING.finditer(text))
    rows = []
    for k, m in enumerate(heads):
        heading = m.group(2).strip()
        category = next((c for c, p in _CATEGORY if p.search(heading)), "other")
        end = heads[k + 1].start() if k + 1 < len(heads) else len(text)
        rows.append({"section_id": k + 1, "parent_section_id": None, "level": 1, "marker": m.group(1),
                     "heading": heading, "category": category, "start": m.start(), "end": end})
    return rows


def _sentence(text: str, start: int, end: int) -> str:
    s = max(text.rfind(c, 0, start) for c in _SENT_END) + 1
    e = min([x for x in (text.find(c, end) for c in _SENT_END) if x >= 0] or [len(text) - 1])
    return text[s:e + 1].strip()


def _section_at(sections: list[dict], offset: int):
    for s in sections:
        if s["start"] <= offset < s["end"]:
            return s["section_id"]
    return None


def build_fixture(out: Path, corpus: Path) -> Path:
    """Write documents, sections, metrics and texts (and the other tables, empty) into `out`."""
    dev = Path(corpus) / "dev"
    gold = {}
    for line in (dev / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        gold[d["id"]] = d
    writer = TableWriter(Path(out))
    for gid, township, year, published, edits, role in PLAN:
        g = gold[gid]
        text = normalize_text((dev / f"{gid}.txt").read_text(encoding="utf-8"))
        for old, new in edits:
            text = text.replace(old, new)
        if role == "late":
            text = text + "\n" + ARITHMETIC_SENTENCE + "\n"
        if role == "last_year_copy":
            text = text.replace(str(year + 1), str(year))
        doc_id = hashlib.sha256(f"{gid}:{role}:{text}".encode()).hexdigest()[:16]
        url = json.loads((dev / f"{gid}.txt.meta.json").read_text(encoding="utf-8")).get("url", "")
        sections = _sections(text)
        writer.add_rows("documents", [{
            "doc_id": doc_id, "source_path": f"{gid}-{role}.txt", "source_url": url, "format": "txt",
            "title": f"{township}{year}年法治政府建设年度报告", "issuer": township, "province": "", "city": "",
            "county": g.get("county") or "", "township": township, "unit_level": g["unit_level"],
            "report_type": "rule_of_law", "report_year": year, "publish_date": published, "n_chars": len(text),
            "sha256": doc_id * 4, "charset": "utf-8", "n_pages": None, "list_title": "", "list_date": ""}])
        writer.add_rows("texts", [{"doc_id": doc_id, "text": text}])
        writer.add_rows("sections", [{"doc_id": doc_id, **s} for s in sections])
        metrics, pos = [], 0
        golds = list(g["metrics"])
        if role == "late":
            golds += [{"raw": "57件", "value": 57, "unit": "件", "qualifier": "", "subject": "排查矛盾纠纷"},
                      {"raw": "54件", "value": 54, "unit": "件", "qualifier": "", "subject": "成功化解"},
                      {"raw": "95.74%", "value": 95.74, "unit": "%", "qualifier": "", "subject": "化解率"}]
        for m in golds:
            raw = m["raw"]
            for old, new in edits:
                if raw == old:
                    raw = new
            i = text.find(raw, pos)
            if i < 0:
                continue
            pos = i + len(raw)
            value = float(re.match(r"\D*([\d.]+)", raw).group(1)) if re.match(r"\D*[\d.]+", raw) else float(m["value"])
            value = value if raw != m["raw"] else float(m["value"])
            sentence = _sentence(text, i, pos)
            metrics.append({"doc_id": doc_id, "section_id": _section_at(sections, i), "raw": raw, "value": value,
                            "unit": m["unit"], "qualifier": m["qualifier"], "subject": m["subject"],
                            "indicator": classify_indicator(m["subject"], sentence, m["unit"]),
                            "sentence": sentence, "start": i, "end": pos})
        writer.add_rows("metrics", metrics)
    writer.close()
    return Path(out)
