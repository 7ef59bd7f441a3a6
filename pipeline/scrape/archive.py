"""The archive on disk: safe names, atomic writes, versions and `.meta.json` sidecars.

Nothing a server sends (URL path, Content-Disposition name, link text) becomes a path
component before `safe_component` has cleaned it, and every path is checked to lie inside
the archive root before a byte is written.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

SIDECAR_SUFFIX = ".meta.json"
MAX_NAME_BYTES = 150          # well under the 255-byte limit of common file systems
MAX_EXT_CHARS = 8
# Characters that are unsafe on some file system or shell: replaced by "_".
UNSAFE_CHARS = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|\u2028\u2029]')
WINDOWS_RESERVED = {
    "con", "prn", "aux", "nul",
    *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10)),
}
# Last path segments that say nothing about the document: a hash of the URL is added.
GENERIC_STEMS = {"index", "content", "detail", "details", "show", "view", "article", "default",
                 "main", "page", "info", "download", "downfile", "file", "getfile", "attach"}
HTML_EXTS = {".html", ".htm", ".shtml"}
# Content types -> the extension the extract step recognises.
CONTENT_TYPE_EXT = {
    "text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt",
    "application/pdf": ".pdf", "application/msword": ".doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.ms-excel": ".xls",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/kswps": ".wps", "application/vnd.ms-works": ".wps",
}


class UnsafePath(ValueError):
    """A computed path would leave the archive root."""


def safe_component(name: str, default: str = "file") -> str:
    """One file or folder name made safe: no separators, no `..`, no control characters,
    no reserved device names, at most MAX_NAME_BYTES bytes of UTF-8 (extension kept)."""
    name = unicodedata.normalize("NFC", unquote(str(name or "")))
    name = UNSAFE_CHARS.sub("_", name)
    name = re.sub(r"\s+", " ", name).strip(" .")
    name = re.sub(r"_{2,}", "_", name) if name.count("_") > 8 else name
    if not name or set(name) <= {".", "_", " "}:
        name = default
    stem, ext = os.path.splitext(name)
    if len(ext) > MAX_EXT_CHARS or not re.fullmatch(r"\.[A-Za-z0-9]*", ext or "."):
        stem, ext = name, ""
    if stem.lower() in WINDOWS_RESERVED:
        stem = "_" + stem
    while len((stem + ext).encode("utf-8")) > MAX_NAME_BYTES and stem:
        stem = stem[:-1]
    return (stem or default) + ext


def inside(root: Path, *parts: str) -> Path:
    """`root/parts…`, refusing any result that is not inside root."""
    root_resolved = root.resolve()
    path = root_resolved.joinpath(*parts)
    resolved = path.resolve()
    if resolved != root_resolved and root_resolved not in resolved.parents:
        raise UnsafePath(f"{path} is outside {root_resolved}")
    return resolved


def url_hash(url: str, n: int = 8) -> str:
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:n]


def url_file_name(url: str, content_type: str = "", disposition_name: str = "") -> str:
    """A file name for what `url` returned: the server's own name where it is specific
    (t20220221_10417822.html, P020240627596367566427.pdf), plus a short URL hash where
    it is generic (content.html, download.jsp?id=3) so that two URLs never collide."""
    parts = urlsplit(url)
    last = PurePosixPath(unquote(parts.path)).name
    base = disposition_name or last
    stem, ext = os.path.splitext(base)
    ext = ext.lower()
    ctype = (content_type or "").split(";")[0].strip().lower()
    type_ext = CONTENT_TYPE_EXT.get(ctype, "")
    if type_ext == ".html" and ext not in HTML_EXTS:
        # .jsp, .jhtml, .cshtml, extensionless pages: the extract step reads them as HTML.
        stem, ext = base, ".html"
    elif not ext or len(ext) > MAX_EXT_CHARS:
        stem, ext = base, type_ext
    generic = (stem.lower() in GENERIC_STEMS or not re.search(r"\d{3}", stem)
               or bool(parts.query and not disposition_name))
    if generic:
        stem = f"{stem or 'page'}_{url_hash(url)}"
    return safe_component(stem + ext)


def attachment_file_name(article_file: str, url: str, content_type: str = "",
                         disposition_name: str = "") -> str:
    """`<article stem>__<attachment name>`: sorted beside its article, link kept in the name."""
    article_stem = os.path.splitext(article_file)[0] if article_file else "attachment"
    name = url_file_name(url, content_type, disposition_name)
    return safe_component(f"{article_stem}__{name}")


def versioned_name(name: str, version: int) -> str:
    if version <= 1:
        return name
    stem, ext = os.path.splitext(name)
    return safe_component(f"{stem}.v{version}{ext}")


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, fsync, then rename over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_sidecar(path: Path, meta: dict) -> None:
    data = json.dumps(meta, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    atomic_write(path.with_name(path.name + SIDECAR_SUFFIX), data + b"\n")


@dataclass
class ArchivedFile:
    url: str
    path: str                 # relative to the archive root
    sha256: str
    version: int = 1
    etag: str = ""
    last_modified: str = ""
    article_url: str = ""
    kind: str = "page"


@dataclass
class ArchiveIndex:
    """What the archive already holds, read back from its sidecars (the sidecars are the
    only state: a re-run needs no other database)."""
    root: Path
    by_url: dict[str, ArchivedFile] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, root: Path, site_dir: str) -> "ArchiveIndex":
        index = cls(root=root)
        base = root / site_dir
        if not base.is_dir():
            return index
        for sidecar in base.rglob("*" + SIDECAR_SUFFIX):
            try:
                meta = json.loads(sidecar.read_text("utf-8"))
            except (OSError, ValueError):
                continue
            data_file = sidecar.with_name(sidecar.name[: -len(SIDECAR_SUFFIX)])
            if not isinstance(meta, dict) or not meta.get("url") or not data_file.exists():
                continue
            rel = data_file.relative_to(root).as_posix()
            index.taken.add(rel)
            entry = ArchivedFile(
                url=meta["url"], path=rel, sha256=meta.get("sha256", ""),
                version=int(meta.get("version") or 1), etag=meta.get("etag") or "",
                last_modified=meta.get("last_modified") or "",
                article_url=meta.get("article_url") or "", kind=meta.get("kind") or "page")
            old = index.by_url.get(entry.url)
            if old is None or entry.version > old.version:
                index.by_url[entry.url] = entry
        return index

    def attachments_of(self, article_url: str) -> list[ArchivedFile]:
        return [e for e in self.by_url.values() if e.article_url == article_url]

    def store(self, folder: tuple[str, ...], name: str, url: str, data: bytes,
              meta: dict) -> tuple[str, ArchivedFile]:
        """Save `data` for `url`: 'unchanged' (same bytes as the latest version), 'new', or
        'changed' (kept as `<stem>.vN<ext>` beside the old version, which stays)."""
        digest = sha256_bytes(data)
        previous = self.by_url.get(url)
        if previous is not None and previous.sha256 == digest:
            return "unchanged", previous
        version = previous.version + 1 if previous else 1
        rel_folder = "/".join(safe_component(p, "_") for p in folder)
        while True:
            candidate = versioned_name(name, version)
            rel = f"{rel_folder}/{candidate}" if rel_folder else candidate
            target = inside(self.root, *rel.split("/"))
            # Never overwrite: a name held by another URL or an unknown file gets a hash.
            if rel in self.taken or target.exists():
                stem, ext = os.path.splitext(name)
                if not stem.endswith(url_hash(url)):
                    name = safe_component(f"{stem}_{url_hash(url)}{ext}")
                    continue
                version += 1
                continue
            break
        meta = dict(meta, sha256=digest, version=version, size=len(data))
        if previous is not None:
            meta["previous_version"] = previous.path
        atomic_write(target, data)
        write_sidecar(target, meta)
        entry = ArchivedFile(url=url, path=rel, sha256=digest, version=version,
                             etag=meta.get("etag") or "", last_modified=meta.get("last_modified") or "",
                             article_url=meta.get("article_url") or "", kind=meta.get("kind") or "page")
        self.taken.add(rel)
        self.by_url[url] = entry
        return ("changed" if previous else "new"), entry
