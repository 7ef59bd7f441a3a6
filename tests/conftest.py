from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
SEED = SHARED / "seed_report.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    from pipeline.normalize import normalize_text

    return normalize_text(SEED.read_text(encoding="utf-8"))
