"""Site furniture of Chinese government pages, as data (in the spirit of trafilatura's lists).

Three kinds, applied by html.py:
- FURNITURE_ATTR_PARTS: id/class name parts (split on - _ and spaces, case-insensitive) of
  elements that are navigation, share bars, print/close buttons, QR codes, footers...
  Such an element is dropped unless it holds the article (see html.py's guard).
- INLINE_PATTERNS: phrases removed wherever they appear in a line (the header line
  "发布时间：2021-03-15 字号：大 中 小 打印本页" keeps its date).
- LINE_PATTERNS: lines dropped whole (breadcrumbs, 上一篇/下一篇, share-button rows).
"""
from __future__ import annotations

import re

FURNITURE_ATTR_PARTS: frozenset[str] = frozenset(
    {
        # navigation and breadcrumbs
        "nav", "navbar", "navigation", "menu", "menus", "submenu", "breadcrumb", "breadcrumbs", "crumb", "crumbs",
        "bread", "position", "location", "weizhi", "dqwz", "curpos", "currentpos", "sitemap", "skip",
        # share, print, close, font size, read aloud
        "share", "bdshare", "fenxiang", "jiathis", "social", "print", "dayin", "close", "guanbi", "fontsize",
        "zihao", "font", "zoomfont", "tts", "voice", "yuyin", "speak", "speech", "listen", "wza", "barrier",
        "accessibility", "qrcode", "ewm", "erweima", "code2d", "wechat", "weixin", "weibo",
        # page chrome
        "footer", "foot", "copyright", "banquan", "topbar", "toolbar", "sidebar", "login", "search", "searchbox",
        "banner", "logo", "ad", "ads", "advert", "popup", "modal", "cookie", "gotop", "backtop", "totop",
        # around the article
        "related", "relevant", "xgwz", "xgxx", "xglj", "recommend", "comment", "comments", "pinglun", "pager",
        "pagination", "prevnext", "prev", "next", "tags", "keywords",
    }
)

# Phrases removed inside a line. Brackets 【】[] around them go too.
_B = r"[【\[（(]?\s*"  # optional opening bracket
_E = r"\s*[】\]）)]?"  # optional closing bracket
INLINE_PATTERNS: tuple[str, ...] = (
    _B + r"(字体|字号|文字)\s*[:：]?\s*[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中\s*[】\]]?\s*[【\[]?\s*小\s*[】\]]?" + _E,
    _B + r"(字体|字号)\s*[:：]?\s*[【\[]?\s*(默认|标准|放大|缩小|特大)(\s*[|｜/]?\s*(默认|标准|放大|缩小|特大))*\s*[】\]]?" + _E,
    _B + r"扫一扫在手机(上)?(打开|查看|浏览)(当前|本)?页(面)?" + _E,
    _B + r"(用)?手机扫(一扫|描二维码)(\S{0,8}(打开|查看|浏览|分享)\S{0,4})?" + _E,
    _B + r"(打印|关闭|收藏)(本页|此页|本文|文章|窗口|页面)" + _E,
    r"[【\[]\s*(打印|关闭|收藏|返回|顶部|分享|纠错)\s*[】\]]",
    _B + r"(语音合成中[,，]?请耐心等待\.*|进入播报模式|退出播报模式|退出播报|智能播报|语音播报|语音朗读|朗读全文|全文朗读|听全文|开始朗读|停止朗读|无障碍(阅读|浏览)?)" + _E,
    _B + r"(加入收藏|设为首页|返回顶部|返回首页|返回列表|我要纠错|纠错)" + _E,
    _B + r"分享到\s*[:：]?(\s*(微信|微博|新浪微博|腾讯微博|QQ空间|QQ|朋友圈|人人网|豆瓣))*" + _E,
    r"(浏览次数|浏览量|阅读次数|阅读量|访问次数|访问量|点击(次)?数|点击量|次数)\s*[:：]\s*(\d+|\[\s*\]|\{\s*\}|<\s*>)?\s*(次)?",
    r"\[\s*(打印|关闭)\s*\]",
    r"<!--.*?-->",  # markup comments that leaked into a saved page's text
)
INLINE_RE = re.compile("|".join(f"(?:{p})" for p in INLINE_PATTERNS))

# Lines dropped whole (matched against the stripped line with `fullmatch`).
LINE_PATTERNS: tuple[str, ...] = (
    r"[【\[]?\s*(字号|字体)\s*[:：]?\s*[】\]]?",
    r"(您|你)?(当前|现在)?(所在)?(的)?(位置|所在位置)\s*[:：].{0,200}",
    r"当前位置\s*[:：]?.{0,200}",
    r"首页\s*(>|＞|»|›|/|→|>>)\s*.{0,200}",
    r"(上一篇|下一篇|上一条|下一条|上篇|下篇)\s*[:：].{0,200}",
    r"(相关链接|相关文章|相关阅读|相关新闻|相关稿件|相关文件|友情链接|推荐阅读)\s*[:：]?.{0,10}",
    r"[\s|｜/·•、,，]*((微信|微博|新浪微博|腾讯微博|QQ空间|QQ|朋友圈|分享|打印|关闭|收藏|字号|字体|大|中|小|T|A\+?|A-)[\s|｜/·•、,，]*)+",
    r"(主办单位|承办单位|主办|承办|网站标识码|网站识别码|ICP备案号|京ICP备|公网安备|技术支持|联系我们|网站地图|版权所有)\s*[:：]?.{0,200}",
    r".{0,40}(ICP备|公网安备|网站标识码)\s*.{0,100}",
)
LINE_RE = re.compile("|".join(f"(?:{p})" for p in LINE_PATTERNS))

# Separators and brackets left behind once the phrases above are gone.
LEFTOVER_RE = re.compile(r"^[\s|｜/·•、,，:：【】\[\]()（）]*$")


def strip_furniture(line: str) -> str:
    """Return `line` without furniture phrases; '' when the whole line is furniture."""
    stripped = line.strip()
    if not stripped:
        return ""
    if LINE_RE.fullmatch(stripped):
        return ""
    cleaned = strip_furniture_phrases(stripped)
    if not cleaned:
        return ""
    if cleaned != stripped and LINE_RE.fullmatch(cleaned):
        return ""
    return cleaned


def strip_furniture_phrases(line: str) -> str:
    """Return `line` without furniture phrases (INLINE_PATTERNS only); '' when nothing else is left."""
    cleaned = INLINE_RE.sub(" ", line).strip()
    return "" if LEFTOVER_RE.match(cleaned) else cleaned


def is_furniture_attr(values: list[str]) -> bool:
    """True when an element's id/class values name it as furniture."""
    for value in values:
        for part in re.split(r"[-_\s]+", value.lower()):
            if part in FURNITURE_ATTR_PARTS:
                return True
    return False
