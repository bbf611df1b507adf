"""Property: damaged PDFs and Word files are read or refused with a ResolutionError, nothing else."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resolutions.errors import ResolutionError
from resolutions.read import read_document
from tests.conftest import CORPUS
from tests.reader.documents import docx_with_footnotes

SMALL_PDF = CORPUS / "pdf" / "A_RES_79_132.pdf"
needs_corpus = pytest.mark.skipif(
    not SMALL_PDF.exists(), reason=f"the corpus is absent: {SMALL_PDF}"
)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _mutate(data, raw: bytes, keep_eof: bool) -> bytes:
    buffer = bytearray(raw)
    for _ in range(data.draw(st.integers(1, 8), label="mutations")):
        kind = data.draw(st.sampled_from(["flip", "cut", "insert", "zero"]))
        at = data.draw(st.integers(0, max(0, len(buffer) - 1)), label="offset")
        if kind == "flip" and buffer:
            buffer[at] ^= data.draw(st.integers(1, 255), label="mask")
        elif kind == "cut":
            del buffer[at : at + data.draw(st.integers(1, 4096), label="length")]
        elif kind == "insert":
            buffer[at:at] = data.draw(st.binary(min_size=1, max_size=64), label="noise")
        else:
            buffer[at : at + 64] = bytes(min(64, len(buffer) - at))
    out = bytes(buffer)
    return out + b"\n%%EOF\n" if keep_eof and not out.rstrip().endswith(b"%%EOF") else out


def reads_or_refuses(raw: bytes) -> None:
    with contextlib.suppress(ResolutionError):
        stage = read_document(raw)
        assert isinstance(stage.text, str) and stage.text.strip()


@needs_corpus
@SETTINGS
@given(st.data(), st.booleans())
def test_a_damaged_pdf_is_read_or_refused(data, keep_eof):
    reads_or_refuses(_mutate(data, SMALL_PDF.read_bytes(), keep_eof))


@SETTINGS
@given(st.data())
def test_a_damaged_word_file_is_read_or_refused(data):
    reads_or_refuses(_mutate(data, docx_with_footnotes(), keep_eof=False))


@SETTINGS
@given(st.binary(max_size=2000).map(lambda b: b"<html><body><p>" + b))
def test_broken_html_is_read_or_refused(raw):
    reads_or_refuses(raw)
