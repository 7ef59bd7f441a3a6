"""`extract` end to end: good files give rows, every bad file gives one clear error row."""
from __future__ import annotations

import json
import shutil

import duckdb
import pandas as pd
import pytest

from conftest import CORPUS, SEED
from pipeline.extract_archive import extract_archive


@pytest.fixture()
def mixed_archive(tmp_path):
    raw = tmp_path / "raw"
    (raw / "good").mkdir(parents=True)
    (raw / "bad").mkdir()
    shutil.copyfile(SEED, raw / "good" / "seed.txt")
    (raw / "good" / "seed.txt.meta.json").write_text(json.dumps({"url": "http://www.beibei.gov.cn/a.html"}))
    for name in ("d002", "d010"):
        shutil.copyfile(CORPUS / "dev" / f"{name}.txt", raw / "good" / f"{name}.txt")
    gbk = SEED.read_text(encoding="utf-8")[:600].encode("gb18030")
    (raw / "good" / "seed_gbk.txt").write_bytes(gbk)
    (raw / "bad" / "empty.txt").write_bytes(b"")
    (raw / "bad" / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (raw / "bad" / "truncated.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog")
    (raw / "bad" / "fake.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (raw / "bad" / "sheet.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    (raw / "bad" / "huge.txt").write_bytes("法治".encode() * 3000)
    return raw


@pytest.mark.parametrize("workers", [1, 2])
def test_bad_files_become_error_rows_and_good_files_are_kept(mixed_archive, tmp_path, workers):
    out = tmp_path / f"out{workers}"
    summary = extract_archive(mixed_archive, out, workers=workers, max_bytes=12_000, progress=False)
    docs = pd.read_parquet(out / "documents.parquet")
    assert sorted(docs.source_path) == ["good/d002.txt", "good/d010.txt", "good/seed.txt", "good/seed_gbk.txt"]
    errors = pd.read_csv(out / "errors.csv", encoding="utf-8-sig")
    by_file = dict(zip(errors.source_path, errors.error))
    assert set(by_file) == {"bad/empty.txt", "bad/binary.txt", "bad/truncated.pdf", "bad/fake.docx",
                            "bad/sheet.xls", "bad/huge.txt"}
    assert len(errors) == 6  # one row each
    assert all(len(m) > 20 for m in errors.message)  # a sentence, not a code
    assert summary.documents == 4 and summary.files == 10
    seed = docs[docs.source_path == "good/seed.txt"].iloc[0]
    assert seed.source_url == "http://www.beibei.gov.cn/a.html"
    assert seed.report_year == 2020 and seed.township == "复兴街道"
    gbk = docs[docs.source_path == "good/seed_gbk.txt"].iloc[0]
    assert gbk.charset.lower() in {"gb18030", "gbk", "gb2312"}
    assert gbk.title == seed.title


def test_offsets_slice_raw_out_of_the_text_in_every_table(mixed_archive, tmp_path):
    out = tmp_path / "out"
    extract_archive(mixed_archive, out, workers=1, progress=False)
    con = duckdb.connect(str(out / "reports.duckdb"), read_only=True)
    for table, column in [("doc_numbers", "raw"), ("metrics", "raw"), ("dates", "raw"), ("entities", "text")]:
        bad = con.execute(f"""select count(*) from {table} t join texts using (doc_id)
                              where substr(texts.text, t.start + 1, t."end" - t.start) <> t.{column}""").fetchone()[0]
        total = con.execute(f"select count(*) from {table}").fetchone()[0]
        assert total > 0 and bad == 0, table
    bad_refs = con.execute("""select count(*) from "references" r join texts using (doc_id)
                              where substr(texts.text, r.start + 1, r."end" - r.start) <> '《' || r.title || '》'""").fetchone()[0]
    assert bad_refs == 0


def test_rerun_is_byte_identical(mixed_archive, tmp_path):
    extract_archive(mixed_archive, tmp_path / "a", workers=2, progress=False)
    extract_archive(mixed_archive, tmp_path / "b", workers=1, progress=False)
    for csv in sorted((tmp_path / "a").glob("*.csv")):
        assert csv.read_bytes() == (tmp_path / "b" / csv.name).read_bytes(), csv.name
