"""Build the sample archive raw/ from real report text (run from the repository root).

    .venv/bin/python scripts/make_samples.py [--shared ../shared] [--out raw]

- raw/seed/: the seed report as .txt and as the GBK page a TRS gov site would serve
  (meta charset gb2312, nav, breadcrumb, 扫一扫, 字号 大中小, 打印本页, footer).
- raw/samples/: reports from shared/corpus/dev/, each in one input format: .txt, .html
  (UTF-8), .pdf (fpdf2, a CJK TTF subset, running header and "- N -" page numbers) and
  .docx (python-docx, Title / Heading 1 / 标题 2 styles on the heading lines).
Every file gets a .meta.json sidecar with the page's url. Output is deterministic apart
from nothing: PDF/DOCX dates are pinned.
"""
from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
)
SEED_URL = "http://www.beibei.gov.cn/jz/bbqfxjd/zwgk_55939/zfxxgkml_jz/fzzfjsndbg/202103/t20210315_8945123.html"
FETCHED_AT = "2026-01-20T08:00:00+08:00"
FIXED_DATE = dt.datetime(2026, 1, 20, 8, 0, 0, tzinfo=dt.timezone.utc)

# (corpus file, output format). One format each, so no report is counted twice.
SAMPLES: tuple[tuple[str, str], ...] = (
    ("d001", "txt"),
    ("d009", "txt"),
    ("d013", "html"),
    ("d015", "pdf"),
    ("d016", "pdf"),
    ("d006", "docx"),
    ("d014", "docx"),
)

LEVEL1 = re.compile(r"^[一二三四五六七八九十]+、")
LEVEL2 = re.compile(r"^[（(][一二三四五六七八九十]+[)）]")


def heading_level(line: str) -> int | None:
    if LEVEL1.match(line):
        return 1
    if LEVEL2.match(line) and len(line) <= 40:
        return 2
    return None


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n") if p.strip()]


def without_web_furniture(lines: list[str]) -> list[str]:
    """The corpus copies web pages, furniture and all; a printed PDF or DOCX has none."""
    import sys

    sys.path.insert(0, str(REPO))
    from pipeline.parse.furniture import strip_furniture

    return [kept for line in lines if (kept := strip_furniture(line))]


def write_sidecar(path: Path, url: str, list_title: str = "", list_date: str = "") -> None:
    meta = {"url": url, "fetched_at": FETCHED_AT}
    if list_title:
        meta["list_title"] = list_title
    if list_date:
        meta["list_date"] = list_date
    path.with_name(path.name + ".meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- HTML
TRS_PAGE = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<title>{title}_{site}</title>
<meta name="SiteName" content="{site}" />
<meta name="ColumnName" content="法治政府建设年度报告" />
<meta name="ArticleTitle" content="{title}" />
<meta name="PubDate" content="{date} 09:30" />
<meta name="ContentSource" content="{source}" />
<link rel="stylesheet" href="../../images/style.css" />
<script type="text/javascript" src="../../images/jquery.min.js"></script>
<script type="text/javascript">function doZoom(size){{document.getElementById('zoom').style.fontSize=size+'px';}}</script>
</head>
<body>
<div class="top-bar"><a href="../../">网站首页</a> | <a href="javascript:void(0)">无障碍浏览</a> | <a href="javascript:void(0)">长者模式</a></div>
<div class="header"><div class="logo"><img src="../../images/logo.png" alt="{site}" /></div>
<div class="search"><input type="text" name="searchword" /><button>搜索</button></div></div>
<div class="nav"><ul><li><a href="../../">首页</a></li><li><a href="../../zwgk/">政务公开</a></li><li><a href="../../zwdt/">政务动态</a></li><li><a href="../../hdjl/">互动交流</a></li><li><a href="../../bsfw/">办事服务</a></li></ul></div>
<div class="main">
 <div class="position">您当前的位置：<a href="../../">首页</a> &gt; <a href="../">政府信息公开</a> &gt; <a href="./">法治政府建设年度报告</a></div>
 <div class="article">
  <h1 class="article-title">{title}</h1>
  <div class="article-info">发布时间：{date}&nbsp;&nbsp;&nbsp;来源：{source}&nbsp;&nbsp;&nbsp;
   <span class="fontsize">字号：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a></span>
   <span class="tts">语音播报</span></div>
  <div class="ewm"><img src="../../images/qrcode.png" /><p>扫一扫在手机打开当前页</p></div>
  <div id="zoom"><div class="TRS_Editor">
{body}
  </div></div>
  <div class="article-tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a>
   <div class="bdshare">分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a></div></div>
  <div class="prevnext"><p>上一篇：<a href="./t20210301_8900001.html">关于2020年度政府信息公开工作的报告</a></p><p>下一篇：<a href="./t20210320_8950002.html">2021年第一季度政务公开工作情况</a></p></div>
 </div>
</div>
<div class="footer"><p>主办单位：{source} 版权所有 <a href="#">网站地图</a> <a href="#">联系我们</a></p>
<p>渝ICP备05003300号-1 网站标识码：5001090038 <img src="../../images/jgbs.png" /> 渝公网安备 50010902000123号</p></div>
</body>
</html>
"""


def render_html(title: str, date: str, source: str, site: str, body_lines: list[str], charset: str) -> str:
    body = []
    for line in body_lines:
        level = heading_level(line)
        esc = html.escape(line, quote=False)
        if level == 1:
            body.append(f'<p style="text-indent:2em;"><strong>{esc}</strong></p>')
        else:
            body.append(f'<p style="text-indent:2em;">{esc}</p>')
    return TRS_PAGE.format(
        charset=charset, title=html.escape(title), site=site, date=date, source=source, body="\n".join(body)
    )


# ---------------------------------------------------------------- PDF
def render_pdf(title: str, body_lines: list[str], running_header: str, out: Path, font_path: str) -> None:
    from fpdf import FPDF
    from fpdf.enums import WrapMode

    class Report(FPDF):
        def header(self) -> None:
            if self.page_no() > 1:
                self.set_font("cjk", size=9)
                self.set_y(20)
                self.cell(0, 6, running_header, align="C", new_x="LMARGIN", new_y="NEXT")
                self.ln(2)

        def footer(self) -> None:
            self.set_y(-25)
            self.set_font("cjk", size=10)
            self.cell(0, 8, f"- {self.page_no()} -", align="C")

    pdf = Report(format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_title(title)
    pdf.set_creator("baogao scripts/make_samples.py")
    pdf.add_font("cjk", fname=font_path)
    # GB/T 9704 official-document page: margins 37/28/26/35 mm, title 22 pt, body 16 pt.
    pdf.set_margins(28, 37, 26)
    pdf.set_auto_page_break(True, margin=35)
    pdf.add_page()
    pdf.set_font("cjk", size=22)
    pdf.multi_cell(0, 12, title, align="C", wrapmode=WrapMode.CHAR, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for line in body_lines:
        level = heading_level(line)
        size = 18 if level == 1 else 16
        pdf.set_font("cjk", size=size)
        text = line if level else "\u3000\u3000" + line  # first-line indent, as printed reports have
        pdf.multi_cell(0, 10, text, align="L", wrapmode=WrapMode.CHAR, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    pdf.output(str(out))


# ---------------------------------------------------------------- DOCX
def render_docx(title: str, body_lines: list[str], out: Path) -> None:
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    props = document.core_properties
    props.title = title
    props.author = "baogao"
    props.created = FIXED_DATE.replace(tzinfo=None)
    props.modified = FIXED_DATE.replace(tzinfo=None)
    props.last_modified_by = "baogao"
    props.revision = 1
    styles = document.styles
    # Chinese Word names its heading styles 标题 1, 标题 2; use one of each kind.
    zh2 = styles.add_style("标题 2", WD_STYLE_TYPE.PARAGRAPH)
    zh2.base_style = styles["Heading 2"]
    document.add_paragraph(title, style="Title")
    for line in body_lines:
        level = heading_level(line)
        if level == 1:
            document.add_paragraph(line, style="Heading 1")
        elif level == 2:
            document.add_paragraph(line, style="标题 2")
        else:
            document.add_paragraph(line)
    document.save(str(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=REPO / "raw")
    args = parser.parse_args()
    font_path = next((f for f in FONT_CANDIDATES if Path(f).exists()), None)
    if font_path is None:
        raise SystemExit("no CJK font: apt-get install fonts-wqy-microhei")

    seed_dir = args.out / "seed"
    seed_dir.mkdir(parents=True, exist_ok=True)
    seed_text = (args.shared / "seed_report.txt").read_text(encoding="utf-8")
    seed_txt = seed_dir / "fuxing_2020.txt"
    seed_txt.write_text(seed_text, encoding="utf-8")
    lines = paragraphs(seed_text)
    title = lines[0]
    m = re.search(r"(\d{4}-\d{2}-\d{2})", lines[1])
    date = m.group(1) if m else "2021-03-15"
    body = [ln for ln in lines[1:] if not ln.startswith("日期")]
    page = render_html(title, date, "北碚区复兴街道办事处", "重庆市北碚区人民政府", body, "gb2312")
    seed_html = seed_dir / "fuxing_2020.html"
    seed_html.write_bytes(page.encode("gb18030"))
    for path in (seed_txt, seed_html):
        write_sidecar(path, SEED_URL, list_title=title, list_date=date)

    sample_dir = args.out / "samples"
    if sample_dir.exists():
        shutil.rmtree(sample_dir)
    sample_dir.mkdir(parents=True)
    dev = args.shared / "corpus" / "dev"
    for doc_id, fmt in SAMPLES:
        text = (dev / f"{doc_id}.txt").read_text(encoding="utf-8")
        url = json.loads((dev / f"{doc_id}.txt.meta.json").read_text(encoding="utf-8"))["url"]
        lines = paragraphs(text)
        if fmt in ("pdf", "docx"):
            lines = without_web_furniture(lines)
        out = sample_dir / f"{doc_id}.{fmt}"
        if fmt == "txt":
            out.write_text(text, encoding="utf-8")
        elif fmt == "html":
            date_m = re.search(r"(20\d{2})[-/年](\d{1,2})[-/月](\d{1,2})", url + " " + text)
            date = f"{date_m.group(1)}-{int(date_m.group(2)):02d}-{int(date_m.group(3)):02d}" if date_m else ""
            site = "政府网站"
            out.write_bytes(render_html(lines[0], date, lines[0][:6], site, lines[1:], "utf-8").encode("utf-8"))
        elif fmt == "pdf":
            render_pdf(lines[0], lines[1:], lines[0], out, font_path)
        elif fmt == "docx":
            render_docx(lines[0], lines[1:], out)
        write_sidecar(out, url, list_title=lines[0])
    total = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(f"wrote {args.out} ({total / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
