"""Site profiles: which columns of which site to crawl, as data (TOML under sites/).

A profile names the site, the domains the crawler may touch, the CMS family (which
selects the generic link and pagination rules) and the report columns. See
docs/scraping.md for the format.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from . import rules
from .archive import safe_component

SITES_DIR = Path(__file__).parent / "sites"
# The article URL patterns each CMS family uses (names from rules.ARTICLE_URL_PATTERNS).
CMS_PATTERNS = {
    "trs": ["trs"],
    "hanweb": ["hanweb"],
    "auto": list(rules.ARTICLE_URL_PATTERNS),
}


@dataclass
class Column:
    name: str                 # folder name under raw/<site>/
    url: str                  # absolute start URL of the listing
    title: str = ""
    subcolumns: bool = False  # also crawl the columns linked directly below this one


@dataclass
class SiteProfile:
    name: str
    title: str
    base_url: str
    domains: list[str]
    columns: list[Column]
    cms: str = "trs"
    attachment_types: list[str] = field(default_factory=lambda: list(rules.ATTACHMENT_TYPES))
    item_patterns: list[str] = field(default_factory=list)
    item_selector: str = ""
    items_under_column: bool = True
    max_pages: int = 200
    source: str = ""

    def patterns(self) -> list[re.Pattern]:
        return rules.compile_patterns(self.item_patterns or CMS_PATTERNS.get(self.cms, CMS_PATTERNS["auto"]))


class ProfileError(ValueError):
    pass


def available_profiles() -> list[str]:
    return sorted(p.stem for p in SITES_DIR.glob("*.toml"))


def load_profile(name_or_path: str, base_url: str | None = None) -> SiteProfile:
    """A profile by name (sites/<name>.toml) or path. `base_url` replaces the profile's own
    (the fixture site runs on a port chosen at start)."""
    path = Path(name_or_path)
    if not path.suffix:
        path = SITES_DIR / f"{name_or_path}.toml"
    if not path.is_file():
        raise ProfileError(f"no site profile {name_or_path!r}; known: {', '.join(available_profiles())}")
    data = tomllib.loads(path.read_text("utf-8"))
    return profile_from_dict(data, base_url=base_url, source=str(path))


def profile_from_dict(data: dict, base_url: str | None = None, source: str = "") -> SiteProfile:
    site = data.get("site") or {}
    rules_cfg = data.get("rules") or {}
    name = site.get("name") or ""
    if not name or safe_component(name) != name:
        raise ProfileError(f"site.name must be a plain folder name, got {name!r}")
    base = (base_url or site.get("base_url") or "").rstrip("/") + "/"
    if not urlsplit(base).hostname:
        raise ProfileError("site.base_url must be an absolute http(s) URL")
    domains = [d.lower() for d in site.get("domains") or []]
    host = urlsplit(base).hostname.lower()
    if base_url or not domains:
        domains = sorted({host, *domains}) if not base_url else [host]
    columns = []
    for col in data.get("columns") or []:
        cname = col.get("name") or ""
        if not cname or safe_component(cname) != cname:
            raise ProfileError(f"column name must be a plain folder name, got {cname!r}")
        url = urljoin(base, col.get("url", "").lstrip("/"))
        if not rules.on_domains(url, domains):
            raise ProfileError(f"column {cname}: {url} is not on the site's domains {domains}")
        columns.append(Column(name=cname, url=url, title=col.get("title", ""),
                              subcolumns=bool(col.get("subcolumns", False))))
    if not columns:
        raise ProfileError("a profile needs at least one [[columns]] entry")
    return SiteProfile(
        name=name, title=site.get("title", ""), base_url=base, domains=domains, columns=columns,
        cms=site.get("cms", "trs"),
        attachment_types=[t.lower().lstrip(".") for t in site.get("attachment_types", rules.ATTACHMENT_TYPES)],
        item_patterns=list(rules_cfg.get("item_patterns", [])),
        item_selector=rules_cfg.get("item_selector", ""),
        items_under_column=bool(rules_cfg.get("items_under_column", True)),
        max_pages=int(rules_cfg.get("max_pages", 200)), source=source)


def discovery_profile(column_url: str, name: str | None = None) -> SiteProfile:
    """A one-column profile for `scrape --url`: generic rules of every CMS family, this host only."""
    parts = urlsplit(column_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ProfileError(f"--url needs an absolute http(s) URL, got {column_url!r}")
    host = parts.hostname.lower()
    folder = [p for p in parts.path.split("/") if p and "." not in p]
    col_name = safe_component(folder[-1] if folder else "column", "column")
    return SiteProfile(
        name=safe_component(name or host, "site"), title=host,
        base_url=f"{parts.scheme}://{parts.netloc}/", domains=[host],
        columns=[Column(name=col_name, url=column_url, title="")], cms="auto", source="--url")
