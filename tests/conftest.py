"""Shared fixtures: the corpus folder, and skipping with a printed reason when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the corpus is absent: {CORPUS} (clone beside ../shared to run this test)")
    return CORPUS
