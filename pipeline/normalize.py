"""Text normalization shared by every parser.

Keeps what matters and invents nothing: full-width digits and Latin letters become ASCII
(so numbers parse), Chinese punctuation such as 〔〕《》，。 stays as written, whitespace is
folded (runs of spaces to one, blank-line runs to one blank line, lines stripped), and
invisible characters (BOM, zero-width) are dropped.
"""
from __future__ import annotations

import functools
import re

# U+FF10..FF19 digits, U+FF21..FF3A / U+FF41..FF5A Latin letters -> ASCII.
_FULLWIDTH = {cp: cp - 0xFEE0 for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)) for cp in range(r[0], r[1] + 1)}
_FULLWIDTH.update({0xFF0E: ord(".") , 0xFF05: ord("%")})  # ． and ％ only appear inside numbers
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060\u00ad"), None)
_SPACES = dict.fromkeys(map(ord, "\t\u00a0\u3000\u2002\u2003\u2009\u202f\x0b\x0c"), " ")
_TABLE = {**_FULLWIDTH, **_INVISIBLE, **_SPACES}

_RUN_OF_SPACES = re.compile(r" {2,}")
_BLANK_LINES = re.compile(r"\n{3,}")


def normalize_text(text: str) -> str:
    """Return the normalized form of `text` (idempotent)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = text.translate(_TABLE)
    text = _RUN_OF_SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip("\n")


_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SURROGATE_SPLIT = re.compile(r"([\ud800-\udfff])")


@functools.lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Simplified-character copy of `text`, the same length, so that offsets found in the copy
    hold in the original (重慶市長壽區 -> 重庆市长寿区). Rules are written in simplified characters;
    pages in traditional ones are matched through this copy."""
    if not text or text.isascii():
        return text
    if _SURROGATE.search(text):  # OpenCC cannot encode lone surrogates: convert around them
        return "".join(p if _SURROGATE.fullmatch(p) else to_simplified(p) for p in _SURROGATE_SPLIT.split(text) if p)
    converter = _t2s()
    out = converter.convert(text)
    if len(out) == len(text):
        return out
    # a phrase conversion changed the length: convert one character at a time
    return "".join(s if len(s := converter.convert(c)) == 1 else c for c in text)
