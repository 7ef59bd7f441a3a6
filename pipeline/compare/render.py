"""The report page: one self-contained HTML file (inline CSS and SVG charts, no network).

Sections: which place has a report for which year; the compliance table; one pair of charts per
common indicator (places side by side for a year, each place over the years); the text-reuse
pairs with their passages; the arithmetic issues; and every figure with its sentence and source
link. Every bar and dot in a chart links to its figure row (#f-<doc_id>-<start>).
"""
from __future__ import annotations

import html
import math
from pathlib import Path

import pandas as pd

from pipeline.compare.indicators import load_catalog
from pipeline.compare.compliance import load_outline

MAX_CHARTS = 12          # indicators charted (the most widely reported first)
MAX_PLACES_PER_CHART = 30
PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
           "#bcbd22", "#17becf"]
TYPE_NAMES = {"rule_of_law": "法治政府建设", "info_disclosure": "政府信息公开", "work_summary": "工作总结", "other": "其他"}

CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:0 auto;max-width:1200px;padding:0 16px 40px;color:#222}
h1{font-size:1.6em;margin:.6em 0 .2em}h2{border-bottom:2px solid #ddd;padding-bottom:4px;margin-top:2em}
nav a{margin-right:1em}table{border-collapse:collapse;font-size:13px;margin:.5em 0;width:100%}
th,td{border:1px solid #ddd;padding:3px 6px;vertical-align:top;text-align:left}th{background:#f4f4f4;position:sticky;top:0}
td.num{text-align:right;white-space:nowrap}.ok{color:#1a7f37}.bad{color:#c62828;font-weight:bold}.unk{color:#8a6d00}
.cell-yes{background:#e6f4ea}.cell-many{background:#fff4d6}.charts{display:flex;flex-wrap:wrap;gap:16px}
.chart{border:1px solid #eee;padding:8px;flex:1 1 520px}.chart h3{font-size:15px;margin:0 0 6px}
mark{background:#ffe082}.small{color:#666;font-size:12px}details{margin:4px 0}
.passage{background:#fafafa;border-left:3px solid #ccc;padding:4px 8px;margin:4px 0;white-space:pre-wrap}
input[type=search]{width:100%;padding:6px;font-size:14px;margin:6px 0}
"""

# Filters the figures table as one types; plain DOM, no library.
SCRIPT = """
(function(){
  var box=document.getElementById('figure-filter');
  var rows=document.querySelectorAll('#figures tbody tr');
  if(!box){return;}
  box.addEventListener('input',function(){
    var q=box.value.trim().toLowerCase();
    for(var i=0;i<rows.length;i++){
      rows[i].style.display=(!q||rows[i].textContent.toLowerCase().indexOf(q)>=0)?'':'none';
    }
  });
})();
"""


def esc(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    return html.escape(str(value))


def fig_id(doc_id: str, start) -> str:
    return f"f-{doc_id}-{int(start)}"


def fmt(value) -> str:
    if value is None or pd.isna(value):
        return ""
    v = float(value)
    return f"{int(v)}" if v == int(v) else f"{v:.2f}".rstrip("0").rstrip(".")


def _year(value) -> str:
    return "" if value is None or pd.isna(value) else str(int(value))


# ---- charts ----------------------------------------------------------------
def bar_chart(items: list[tuple[str, float, str]], unit: str, title: str) -> str:
    """Horizontal bars: (label, value, link) per place."""
    items = items[:MAX_PLACES_PER_CHART]
    if not items:
        return ""
    row_h, label_w, bar_w = 22, 150, 330
    height = row_h * len(items) + 30
    top = max(v for _, v, _ in items) or 1.0
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + bar_w + 90}" height="{height}" '
             f'role="img" aria-label="{esc(title)}">']
    for i, (label, value, link) in enumerate(items):
        y = 10 + i * row_h
        w = max(1.0, bar_w * value / top)
        parts.append(f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end" font-size="12">{esc(label[:14])}</text>')
        parts.append(f'<a href="#{esc(link)}"><rect x="{label_w}" y="{y + 2}" width="{w:.1f}" height="{row_h - 6}" '
                     f'fill="{PALETTE[0]}"><title>{esc(label)}: {fmt(value)} {esc(unit)}</title></rect></a>')
        parts.append(f'<text x="{label_w + w + 4:.1f}" y="{y + 14}" font-size="12">{fmt(value)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def line_chart(series: dict[str, list[tuple[int, float, str]]], unit: str, title: str) -> str:
    """Each place over the years: one line (or a lone dot) per place."""
    series = dict(list(series.items())[:len(PALETTE)])
    points = [p for s in series.values() for p in s]
    if not points:
        return ""
    years = sorted({y for y, _, _ in points})
    top = max(v for _, v, _ in points) or 1.0
    w, h, left, bottom = 520, 220, 50, 30
    plot_w, plot_h = w - left - 130, h - bottom - 20

    def x(year):
        return left + (plot_w * (years.index(year) + 0.5) / len(years))

    def y(value):
        return 10 + plot_h * (1 - value / top)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" role="img" aria-label="{esc(title)}">',
             f'<line x1="{left}" y1="{10 + plot_h}" x2="{left + plot_w}" y2="{10 + plot_h}" stroke="#999"/>',
             f'<text x="{left - 4}" y="14" text-anchor="end" font-size="11">{fmt(top)}</text>',
             f'<text x="{left - 4}" y="{10 + plot_h}" text-anchor="end" font-size="11">0</text>']
    for yr in years:
        parts.append(f'<text x="{x(yr):.1f}" y="{h - 10}" text-anchor="middle" font-size="11">{yr}</text>')
    for k, (place, pts) in enumerate(series.items()):
        color = PALETTE[k % len(PALETTE)]
        pts = sorted(pts)
        if len(pts) > 1:
            d = " ".join(f"{x(yr):.1f},{y(v):.1f}" for yr, v, _ in pts)
            parts.append(f'<polyline points="{d}" fill="none" stroke="{color}" stroke-width="2"/>')
        for yr, v, link in pts:
            parts.append(f'<a href="#{esc(link)}"><circle cx="{x(yr):.1f}" cy="{y(v):.1f}" r="4" fill="{color}">'
                         f'<title>{esc(place)} {yr}: {fmt(v)} {esc(unit)}</title></circle></a>')
        parts.append(f'<text x="{left + plot_w + 8}" y="{20 + 14 * k}" font-size="11" fill="{color}">{esc(place[:12])}</text>')
    parts.append("</svg>")
    return "".join(parts)


# ---- sections ----------------------------------------------------------------
def overview(docs: pd.DataFrame) -> str:
    years = sorted({int(y) for y in docs["report_year"].dropna()})
    has_unknown = docs["report_year"].isna().any()
    cols = [str(y) for y in years] + (["年份不明"] if has_unknown else [])
    out = ["<table><thead><tr><th>地方</th><th>区县</th>" + "".join(f"<th>{c}</th>" for c in cols) + "</tr></thead><tbody>"]
    for place, g in docs.groupby("place", sort=True):
        cells = []
        for c in cols:
            sel = g[g["report_year"].isna()] if c == "年份不明" else g[g["report_year"] == int(c)]
            if sel.empty:
                cells.append("<td></td>")
                continue
            links = "<br>".join(f'<a href="#d-{esc(d.doc_id)}" title="{esc(d.title)}">{esc(TYPE_NAMES.get(d.report_type, d.report_type))}</a>'
                                for d in sel.sort_values("doc_id").itertuples())
            cls = "cell-many" if len(sel) > 1 else "cell-yes"
            cells.append(f'<td class="{cls}">{links}</td>')
        out.append(f"<tr><td>{esc(place)}</td><td>{esc(g['county'].iloc[0])}</td>{''.join(cells)}</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def compliance_section(comp: pd.DataFrame) -> str:
    parts = load_outline()["required_part"]
    head = "".join(f"<th>{esc(p['name'])}</th>" for p in parts)
    out = [f"<table><thead><tr><th>地方</th><th>年度</th><th>类型</th><th>发布日期</th><th>4月1日前发布</th>{head}"
           f"<th>比率核算</th><th>问题</th></tr></thead><tbody>"]
    mark = {"yes": '<span class="ok">是</span>', "no": '<span class="bad">否</span>', "unknown": '<span class="unk">不明</span>'}
    for r in comp.sort_values(["place", "report_year", "doc_id"], na_position="last").itertuples():
        cells = "".join(('<td class="ok">✓</td>' if getattr(r, f"has_{p['code']}") else
                         ('<td class="unk">–</td>' if p.get("optional") else '<td class="bad">✗</td>')) for p in parts)
        arith = f'<span class="bad">{r.arithmetic_issues}</span>' if r.arithmetic_issues else '<span class="ok">0</span>'
        note = esc(r.issues) if r.applies else f'<span class="small">非法治政府建设报告，仅列出</span> {esc(r.issues)}'
        out.append(f'<tr id="d-{esc(r.doc_id)}"><td>{esc(r.place)}</td><td>{_year(r.report_year)}</td>'
                   f'<td>{esc(TYPE_NAMES.get(r.report_type, r.report_type))}</td><td>{esc(r.publish_date)}</td>'
                   f'<td>{mark.get(r.published_on_time, "")}</td>{cells}<td>{arith}</td><td>{note}</td></tr>')
    out.append("</tbody></table>")
    return "".join(out)


def charts_section(long: pd.DataFrame, wide: pd.DataFrame) -> str:
    if long.empty:
        return "<p>没有可比较的指标数字。</p>"
    catalog = load_catalog()
    usable = long[~long["conflict"]].dropna(subset=["value_std"])
    spread = usable.groupby("indicator")["place"].nunique().sort_values(ascending=False, kind="stable")
    out = ['<div class="charts">']
    for code in list(spread.index)[:MAX_CHARTS]:
        ind = catalog.by_code[code]
        f = usable[usable["indicator"] == code]
        # places side by side for the year most places report it
        by_year = f.dropna(subset=["report_year"]).groupby("report_year")["place"].nunique()
        year = int(by_year.sort_values(ascending=False, kind="stable").index[0]) if len(by_year) else None
        items = []
        if year is not None:
            fy = f[f["report_year"] == year].sort_values(["place", "doc_id", "start"])
            for place, g in fy.groupby("place", sort=True):
                r = g.iloc[-1]
                items.append((place, float(r["value_std"]), fig_id(r["doc_id"], r["start"])))
            items.sort(key=lambda t: -t[1])
        series: dict[str, list] = {}
        for (place, yr), g in f.dropna(subset=["report_year"]).groupby(["place", "report_year"], sort=True):
            r = g.sort_values(["publish_date", "doc_id"]).iloc[-1]
            series.setdefault(place, []).append((int(yr), float(r["value_std"]), fig_id(r["doc_id"], r["start"])))
        series = dict(sorted(series.items(), key=lambda kv: (-len(kv[1]), kv[0])))
        out.append(f'<div class="chart"><h3>{esc(ind.name)} <span class="small">{esc(code)} · {esc(ind.unit)}</span></h3>')
        if items:
            out.append(f'<div class="small">{year} 年各地对比</div>' + bar_chart(items, ind.unit, f"{ind.name} {year}"))
        out.append('<div class="small">各地历年变化</div>' + line_chart(series, ind.unit, f"{ind.name} 历年"))
        out.append("</div>")
    out.append("</div>")
    return "".join(out)


def reuse_section(pairs: pd.DataFrame, passages: pd.DataFrame) -> str:
    if pairs.empty:
        return "<p>没有发现报告之间成段相同的文字。</p>"
    out = ["<table><thead><tr><th>报告 A</th><th>报告 B</th><th>相同句子</th><th>A 中重复比例</th><th>B 中重复比例</th>"
           "<th>最长段落（字）</th><th>相同段落</th></tr></thead><tbody>"]
    for p in pairs.itertuples():
        ps = passages[(passages["doc_a"] == p.doc_a) & (passages["doc_b"] == p.doc_b)].sort_values("chars", ascending=False)
        items = "".join(f'<div class="passage">{esc(t.text_a)}</div>' for t in ps.head(5).itertuples())
        out.append(f'<tr><td><a href="#d-{esc(p.doc_a)}">{esc(p.place_a)} {_year(p.year_a)}</a></td>'
                   f'<td><a href="#d-{esc(p.doc_b)}">{esc(p.place_b)} {_year(p.year_b)}</a></td>'
                   f'<td class="num">{p.shared_sentences}</td><td class="num">{p.share_a:.0%}</td>'
                   f'<td class="num">{p.share_b:.0%}</td><td class="num">{p.longest_passage}</td>'
                   f'<td><details><summary>{p.n_passages} 段</summary>{items}</details></td></tr>')
    out.append("</tbody></table>")
    return "".join(out)


def arithmetic_section(arith: pd.DataFrame, docs: pd.DataFrame) -> str:
    if arith.empty:
        return "<p>所有可核算的比率都与其数字相符。</p>"
    place = dict(zip(docs["doc_id"], docs["place"]))
    out = ["<table><thead><tr><th>报告</th><th>比率</th><th>报告所写</th><th>按数字重算</th><th>数字</th><th>句子</th></tr></thead><tbody>"]
    for a in arith.itertuples():
        out.append(f'<tr><td><a href="#d-{esc(a.doc_id)}">{esc(place.get(a.doc_id, a.doc_id))}</a></td><td>{esc(a.rate)}</td>'
                   f'<td class="num bad">{fmt(a.stated)}%</td><td class="num">{fmt(a.recomputed)}%</td>'
                   f'<td class="num">{fmt(a.part)} / {fmt(a.whole)}</td><td>{esc(a.sentence)}</td></tr>')
    out.append("</tbody></table>")
    return "".join(out)


def _highlight(sentence: str, raw: str) -> str:
    i = sentence.find(raw) if raw else -1
    if i < 0:
        return esc(sentence)
    return esc(sentence[:i]) + "<mark>" + esc(raw) + "</mark>" + esc(sentence[i + len(raw):])


def figures_section(long: pd.DataFrame) -> str:
    if long.empty:
        return "<p>没有指标数字。</p>"
    out = ['<input type="search" id="figure-filter" placeholder="筛选：地方、指标、年份……">',
           '<table id="figures"><thead><tr><th>地方</th><th>年度</th><th>指标</th><th>数值</th><th>原文</th><th>出处</th></tr></thead><tbody>']
    for r in long.itertuples():
        flag = ' <span class="bad" title="同一报告中该指标有不同数字">冲突</span>' if r.conflict else ""
        link = (f'<a href="{esc(r.source_url)}" rel="noreferrer">原文链接</a>' if str(r.source_url).startswith(("http://", "https://"))
                else '<span class="small">无链接</span>')
        out.append(f'<tr id="{fig_id(r.doc_id, r.start)}"><td>{esc(r.place)}</td><td>{_year(r.report_year)}</td>'
                   f'<td>{esc(r.indicator_name)}{flag}</td><td class="num">{esc(r.raw)}</td>'
                   f'<td>{_highlight(str(r.sentence), str(r.raw))}</td>'
                   f'<td>{link}<br><span class="small">{esc(r.doc_id)} @{int(r.start)}</span></td></tr>')
    out.append("</tbody></table>")
    return "".join(out)


def render_report(cmp, path: Path) -> Path:
    f, docs = cmp.frames, cmp.docs
    catalog = load_catalog()
    n_places = docs["place"].nunique()
    years = sorted({int(y) for y in docs["report_year"].dropna()})
    span = f"{years[0]}–{years[-1]}" if years else "年份不明"
    body = [
        "<h1>街道（乡镇）法治政府建设年度报告对比</h1>",
        f'<p class="small">{len(docs)} 份报告 · {n_places} 个地方 · {span} · 指标目录版本 {esc(catalog.version)} · '
        f'表格见 compare/ 文件夹与 reports.duckdb</p>',
        '<nav><a href="#overview">报告一览</a><a href="#compliance">合规检查</a><a href="#charts">指标对比</a>'
        '<a href="#reuse">文字重复</a><a href="#arithmetic">比率核算</a><a href="#figures">全部数字</a></nav>',
        '<h2 id="overview">报告一览：哪个地方有哪一年的报告</h2>',
        '<p class="small">黄色：同一地方同一年有两份以上报告（如更正稿），均列出，不合并计算。</p>', overview(docs),
        '<h2 id="compliance">合规检查</h2>',
        f'<p class="small">依据{esc(load_outline()["rules"]["source"])}：年度报告应包括主要举措和成效、不足和原因、'
        '党政主要负责人履行第一责任人职责情况、下一年度主要安排和其他需要报告的事项，并于次年4月1日前向社会公开。</p>',
        compliance_section(f["compliance"]),
        '<h2 id="charts">常见指标对比</h2>', charts_section(f["indicators"], f["indicators_wide"]),
        '<h2 id="reuse">报告之间的文字重复</h2>', reuse_section(f["reuse_pairs"], f["reuse_passages"]),
        '<h2 id="arithmetic">比率与数字不符</h2>', arithmetic_section(f["arithmetic"], docs),
        '<h2 id="figures">全部指标数字及其原文</h2>', figures_section(f["indicators"]),
    ]
    page = ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<title>年度报告对比</title><link rel=\"icon\" href=\"data:,\">"
            f"<style>{CSS}</style></head><body>{''.join(body)}<script>{SCRIPT}</script></body></html>\n")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path
