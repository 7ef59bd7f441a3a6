"""End to end: crawl the local fixture site (served by this test on 127.0.0.1) in a
subprocess, as `python -m pipeline.scrape_cli` does, and check the archive it builds."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.scrape.fixture_site import FixtureSite

REPO = Path(__file__).resolve().parents[1]
REQUIRED = ("url", "fetched_at", "status", "content_type", "charset", "list_title", "list_date",
            "sha256", "referer")
# Short waits: the page that never answers costs DOWNLOAD_TIMEOUT x (RETRY_TIMES + 1).
FAST = ["DOWNLOAD_DELAY=0", "AUTOTHROTTLE_START_DELAY=0", "AUTOTHROTTLE_MAX_DELAY=0.5",
        "DOWNLOAD_TIMEOUT=0.6", "RETRY_TIMES=2", "RETRY_BACKOFF_BASE=0.05",
        "CONCURRENT_REQUESTS_PER_DOMAIN=4"]


def scrape(site: FixtureSite, out: Path, jobdir: Path, *extra: str) -> tuple[int, dict, list[dict]]:
    summary = out.parent / f"summary-{os.urandom(4).hex()}.json"
    cmd = [sys.executable, "-m", "pipeline.scrape_cli", "fixture", "--base-url", site.base_url,
           "--out", str(out), "--jobdir", str(jobdir), "--log-json", "--no-progress",
           "--summary-json", str(summary)]
    for s in FAST:
        cmd += ["--set", s]
    cmd += list(extra)
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=60)
    assert proc.returncode in (0, 3), proc.stderr[-3000:]
    log = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    return proc.returncode, json.loads(summary.read_text("utf-8")), log


def archived(out: Path) -> dict[str, dict]:
    """relative path -> sidecar, for every data file in the archive."""
    files = {}
    for side in out.rglob("*.meta.json"):
        data = side.with_name(side.name[: -len(".meta.json")])
        files[data.relative_to(out).as_posix()] = json.loads(side.read_text("utf-8"))
    return files


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("crawl")
    with FixtureSite() as site:
        code, summary, log = scrape(site, tmp / "raw", tmp / "job")
        yield site, tmp / "raw", code, summary, log, tmp / "job"


def test_everything_allowed_is_fetched_exactly_once(crawled):
    site, out, code, summary, log, job = crawled
    assert code == 0 and summary["finish_reason"] == "finished"
    files = archived(out)
    got = {path_of(m["url"].split("?")[0]): m for m in files.values()}
    for doc in site.expected_documents():
        assert doc["path"] in got, f"missing {doc['path']}"
        assert site.bodies[doc["path"]] == 1, (doc["path"], site.bodies[doc["path"]])
        meta = got[doc["path"]]
        assert meta["list_date"] == doc["list_date"] and meta["list_title"] == doc["title"]
    assert len(files) == len(site.expected_documents())
    for rel, meta in files.items():
        assert all(meta.get(k) not in (None, "") for k in REQUIRED if not (k == "charset" and meta["kind"] == "attachment")), (rel, meta)
        assert (out / rel).read_bytes() and len(meta["sha256"]) == 64
    assert not job.exists()          # a finished crawl leaves no queue behind


def test_forbidden_and_foreign_paths_never_fetched(crawled):
    site, out, _, summary, log, _ = crawled
    for path in site.never_fetched():
        assert site.hits[path] == 0, path
    robots = [r for r in log if r.get("reason") == "Forbidden by robots.txt"]
    assert [path_of(r["url"]) for r in robots] == [site.special["private"].path]
    assert any(r["reason"] == "attachment on another domain" for r in log if r.get("reason"))


def test_retry_succeeds_and_bad_pages_are_reported(crawled):
    site, out, _, summary, log, _ = crawled
    assert site.hits[site.special["flaky"].path] == 3               # 500, 500, 200
    failed = {path_of(r["url"]): r["reason"] for r in log if r.get("outcome") == "failed"}
    assert "timeout" in failed[site.special["slow"].path]
    assert "redirect loop" in failed[site.special["loop"].path]
    big = [p for p in failed if p.endswith("_big.pdf")]
    assert big and "size cap" in failed[big[0]]
    assert failed["/etc/passwd.docx"] == "HTTP 404"
    assert summary["total"]["failed"] == len(failed) == 4


def test_names_stay_inside_the_archive(crawled):
    site, out, *_ = crawled
    root = out.resolve()
    files = [f for f in out.rglob("*") if f.is_file()]
    assert files and all(root in f.resolve().parents for f in files)
    assert all(".." not in f.relative_to(out).parts for f in files)
    # Content-Disposition said "../../../../../tmp/evil.docx": only the last name is used.
    evil = [f.name for f in files if "evil" in f.name and not f.name.endswith(".meta.json")]
    assert len(evil) == 1 and evil[0].startswith("t20220222_2002__evil") and evil[0].endswith(".docx")
    assert not list(out.rglob("*.part"))


def test_sidecars_link_attachments_to_articles_and_keep_charsets(crawled):
    site, out, *_ = crawled
    files = archived(out)
    for rel, meta in files.items():
        if meta["kind"] == "attachment":
            assert meta["article_file"] in files and files[meta["article_file"]]["url"] == meta["article_url"]
            assert meta["referer"] == meta["article_url"]
            assert Path(rel).name.startswith(Path(meta["article_file"]).stem + "__")
    gbk = [m for m in files.values() if m["column"] == "fxjd" and m["kind"] == "page"]
    assert gbk and all(m["charset"] in ("gbk", "gb18030", "cp936") for m in gbk)
    a3 = next(m for m in files.values() if m["url"].endswith(site.articles[2].path))
    assert len(a3["attachments"]) == 2          # the foreign one is left out


def test_second_run_fetches_nothing_new_then_sees_changes(tmp_path):
    with FixtureSite() as site:
        scrape(site, tmp_path / "raw", tmp_path / "job")
        before = archived(tmp_path / "raw")
        bodies = dict(site.bodies)
        code, summary, log = scrape(site, tmp_path / "raw", tmp_path / "job")
        assert code == 0
        assert summary["total"]["new"] == 0 and summary["total"]["changed"] == 0
        assert summary["total"]["unchanged"] == len(before)
        assert archived(tmp_path / "raw") == before
        for doc in site.expected_documents():      # asked, answered 304, not downloaded again
            assert site.bodies[doc["path"]] == bodies[doc["path"]] == 1
        # A week later: one report changed, one is new.
        site.change_article(0)
        added = site.add_article("2022年度法治政府建设情况的报告", site.articles[1].text[:500])
        code, summary, log = scrape(site, tmp_path / "raw", tmp_path / "job")
        assert summary["total"]["new"] == 1 and summary["total"]["changed"] == 1
        after = archived(tmp_path / "raw")
        changed = [m for m in after.values() if m.get("version") == 2]
        assert len(changed) == 1 and changed[0]["previous_version"] in after   # old version kept
        assert any(m["url"].endswith(added.path) for m in after.values())


def test_killed_run_resumes_without_refetching(tmp_path):
    with FixtureSite() as site:
        code, summary, _ = scrape(site, tmp_path / "raw", tmp_path / "job",
                                  "--set", "CLOSESPIDER_ITEMCOUNT=3", "--set", "CONCURRENT_REQUESTS=1")
        assert code == 3 and summary["finish_reason"] == "closespider_itemcount"
        assert (tmp_path / "job").exists()
        first = len(archived(tmp_path / "raw"))
        assert 3 <= first < len(site.expected_documents())
        code, summary, _ = scrape(site, tmp_path / "raw", tmp_path / "job")
        assert code == 0 and summary["resumed"]
        assert len(archived(tmp_path / "raw")) == len(site.expected_documents())
        twice = {p: n for p, n in site.bodies.items() if n > 1 and p != "/robots.txt"}
        assert twice == {}
        assert site.hits[site.special["private"].path] == 0     # robots.txt holds on resume too
        assert not (tmp_path / "job").exists()


def test_extract_over_the_archive_gives_the_documents_table(crawled, tmp_path):
    site, out, *_ = crawled
    proc = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(out), "--out", str(tmp_path)],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    import pandas as pd

    docs = pd.read_csv(tmp_path / "documents.csv", encoding="utf-8-sig", dtype=str).fillna("")
    files = archived(out)
    parseable = {rel: m for rel, m in files.items() if Path(rel).suffix in (".html", ".pdf", ".docx")}
    assert sorted(docs["source_path"]) == sorted(parseable)
    for row in docs.itertuples():
        meta = parseable[row.source_path]
        assert row.source_url == meta["url"] and row.sha256 == meta["sha256"]
        assert row.format == Path(row.source_path).suffix[1:]
        if meta["kind"] == "page":
            assert row.publish_date == meta["list_date"]
            # The page's own title (h1) is the listed title; the body may restate it in parts.
            assert row.title and (row.title in meta["list_title"] or meta["list_title"] in row.title)


def test_discovery_crawls_one_column_without_a_profile(tmp_path):
    """`scrape --url <column>`: the generic rules find the column's pages, its pagination, its
    articles and their attachments, and nothing outside that column or host."""
    with FixtureSite() as site:
        column = "/jz/fxjd/zwgk/fzzfjsndbg/"
        out, summary = tmp_path / "raw", tmp_path / "summary.json"
        cmd = [sys.executable, "-m", "pipeline.scrape_cli", "--url", site.base_url.rstrip("/") + column,
               "--name", "fixture", "--out", str(out), "--jobdir", str(tmp_path / "job"), "--no-progress",
               "--summary-json", str(summary)]
        for s in FAST:
            cmd += ["--set", s]
        proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0, proc.stderr[-3000:]
        got = {path_of(m["url"].split("?")[0]) for m in archived(out).values()}
        want = {d["path"] for d in site.expected_documents() if d["column"] == "fxjd"}
        assert want and got == want
        assert all(p.startswith(column) for p in got)
