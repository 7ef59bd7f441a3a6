"""Bytes -> str, in one shared order for every text-like format.

Order: byte-order mark; the charset the server sent (sidecar `charset` or `content_type`);
the page's own <meta> charset (HTML only); strict UTF-8; GB18030; charset-normalizer last.
Declared charsets are only trusted when the bytes decode under them strictly, because gov
sites routinely declare UTF-8 on GBK pages (and the reverse). Every gb2312/gbk label is read
as GB18030, its superset, so that characters outside GB2312 (人名 like 喆 堃) survive.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from .errors import ParseError
from .sniff import KIND_NAMES, sniff

# Labels that name a GB-family encoding; all decoded as gb18030.
GB_LABELS = frozenset({"gb2312", "gbk", "gb18030", "cp936", "ms936", "windows-936", "x-gbk", "euc-cn", "csgb2312", "gb_2312-80", "chinese", "hz-gb-2312"})
# Labels browsers treat as windows-1252; Chinese pages that say so are nearly always mislabelled.
LATIN1_LABELS = frozenset({"iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "windows-1252", "cp1252"})

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
_CONTENT_TYPE_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.\-]+)", re.I)

# How much of a file to look at when deciding it is binary.
_SNIFF_BYTES = 8192
# Share of control characters (other than tab/newline/CR/FF/ESC) above which text is binary.
_MAX_CONTROL_SHARE = 0.05
# Share of U+FFFD replacement characters tolerated after a lenient GB18030 decode.
_MAX_REPLACEMENT_SHARE = 0.002


@dataclass
class Decoded:
    text: str
    charset: str  # the encoding actually used
    warnings: list[str] = field(default_factory=list)


def canonical_charset(label: str | None) -> str | None:
    """Python codec name for a charset label, GB-family folded to gb18030; None if unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in GB_LABELS or label.startswith("gb"):
        return "gb18030"
    if label in ("utf8", "utf-8", "unicode-1-1-utf-8", "x-unicode20utf8"):
        return "utf-8"
    if label in LATIN1_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except (LookupError, ValueError):
        return None


def sidecar_charset(sidecar: dict | None) -> str | None:
    """The charset the server declared, from a sidecar's `charset` or `content_type`."""
    if not isinstance(sidecar, dict):
        return None
    value = sidecar.get("charset")
    if isinstance(value, str) and value.strip():
        return value.strip()
    content_type = sidecar.get("content_type") or sidecar.get("content-type")
    if isinstance(content_type, str):
        m = _CONTENT_TYPE_CHARSET.search(content_type)
        if m:
            return m.group(1)
    return None


def meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB of <meta> tags."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def check_not_binary(data: bytes, what: str = "text") -> None:
    """Raise ParseError(binary_as_text) if the bytes are a known binary format or look binary."""
    kind = sniff(data)
    if kind is not None and kind not in ("html", "rtf"):
        raise ParseError("decode", "binary_as_text", f"the {what} file is really {KIND_NAMES.get(kind, kind)}, not text")
    head = data[:_SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    if b"\x00" in head:
        raise ParseError("decode", "binary_as_text", f"the {what} file holds NUL bytes: it is binary data, not text")
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    if head and controls / len(head) > _MAX_CONTROL_SHARE:
        raise ParseError("decode", "binary_as_text", f"the {what} file is mostly control bytes: it is binary data, not text")


def decode_bytes(data: bytes, sidecar: dict | None = None, html: bool = False) -> Decoded:
    """Decode `data` following the shared order; raise ParseError(decode, ...) if nothing works."""
    warnings: list[str] = []
    # 1. A byte-order mark is the strongest evidence there is.
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), "utf-8" if codec == "utf-8-sig" else "utf-16", warnings)
            except UnicodeDecodeError:
                warnings.append(f"the file starts with a {codec} byte-order mark but is not valid {codec}")
                break

    # 2./3. Declared charsets: the server's first, then the page's own.
    declared: list[tuple[str, str]] = []
    if label := sidecar_charset(sidecar):
        declared.append(("the server", label))
    if html and (label := meta_charset(data)):
        declared.append(("the page's meta tag", label))
    for source, label in declared:
        codec = canonical_charset(label)
        if codec is None:
            warnings.append(f"{source} declares an unknown charset {label!r}")
            continue
        if codec in ("cp1252", "utf-16", "utf-32") or codec.startswith(("utf_16", "utf_32")):
            warnings.append(f"{source} declares {label}, which cannot be right for Chinese text; ignored")
            continue
        if codec == "gb18030" and _is_multibyte_utf8(data):
            # Valid multi-byte UTF-8 is practically never GBK text: the declaration is stale.
            warnings.append(f"{source} declares {label} but the bytes are UTF-8")
            return Decoded(data.decode("utf-8"), "utf-8", warnings)
        try:
            return Decoded(data.decode(codec), codec, warnings)
        except UnicodeDecodeError:
            warnings.append(f"{source} declares {label} but the bytes are not valid {codec}")
        except LookupError:  # pragma: no cover - canonical_charset already looked it up
            continue

    # 4. Strict UTF-8.
    try:
        return Decoded(data.decode("utf-8"), "utf-8", warnings)
    except UnicodeDecodeError:
        pass
    # 5. GB18030 (covers GB2312 and GBK).
    try:
        return Decoded(data.decode("gb18030"), "gb18030", warnings)
    except UnicodeDecodeError:
        lenient = data.decode("gb18030", errors="replace")
        if lenient.count("\ufffd") <= max(1, len(lenient) * _MAX_REPLACEMENT_SHARE) and _cjk_share(lenient) > 0.2:
            warnings.append(f"{lenient.count(chr(0xFFFD))} undecodable byte(s) replaced; read as gb18030")
            return Decoded(lenient, "gb18030", warnings)
    # 6. Let charset-normalizer guess.
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # the detector must never take the run down
        best = None
    if best is not None:
        try:
            text = str(best)
            warnings.append(f"charset guessed as {best.encoding} by charset-normalizer")
            return Decoded(text, canonical_charset(best.encoding) or best.encoding, warnings)
        except Exception:
            pass
    raise ParseError("decode", "undecodable", "the bytes are not valid UTF-8 or GB18030 and no other charset fits")


def _is_multibyte_utf8(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _cjk_share(text: str) -> float:
    if not text:
        return 0.0
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff") / len(text)
