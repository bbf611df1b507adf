"""Each kind of bad input ends in its typed error with a one-line message."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from resolutions.errors import (
    DamagedDocument,
    DocumentTooLarge,
    EmptyDocument,
    NoTextLayer,
    ResolutionError,
    UnsupportedFormat,
)
from resolutions.read import read_document
from tests.reader.documents import scanned_pdf, seed_docx, zip_with_directory_field


def _one_line(error: pytest.ExceptionInfo) -> str:
    message = str(error.value)
    assert message and "\n" not in message
    assert isinstance(error.value, ResolutionError)
    return message


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", "  \n  "])
def test_it_rejects_an_empty_document(content):
    with pytest.raises(EmptyDocument) as error:
        read_document(content)
    _one_line(error)


def test_it_rejects_an_empty_file(tmp_path):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(EmptyDocument):
        read_document(empty)


def test_it_rejects_a_file_over_the_limit_before_reading_it(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:  # a sparse file: 60 MB announced, nothing written
        fh.truncate(60_000_000)
    with pytest.raises(DocumentTooLarge) as error:
        read_document(huge)
    assert "60.0 MB" in _one_line(error)


def test_it_rejects_bytes_over_a_smaller_limit():
    with pytest.raises(DocumentTooLarge):
        read_document(b"Recalling " * 200, max_bytes=1000)


def test_it_rejects_binary_noise():
    noise = random.Random(3).randbytes(20_000)
    with pytest.raises(UnsupportedFormat) as error:
        read_document(noise)
    _one_line(error)


def test_it_rejects_an_image():
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 40), "white").save(out, format="PNG")
    with pytest.raises(UnsupportedFormat) as error:
        read_document(out.getvalue())
    assert "PNG" in _one_line(error)


def test_it_rejects_a_zip_that_is_not_a_word_document():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "Requests the Secretary-General")
    with pytest.raises(UnsupportedFormat) as error:
        read_document(out.getvalue())
    _one_line(error)


def test_it_rejects_a_truncated_pdf(corpus):
    whole = (corpus / "pdf" / "A_RES_79_9.pdf").read_bytes()
    with pytest.raises(DamagedDocument) as error:
        read_document(whole[: len(whole) // 2])
    assert "truncated" in _one_line(error)


def test_it_rejects_a_pdf_of_garbage():
    garbage = b"%PDF-1.7\n" + random.Random(5).randbytes(3000).replace(b"%%EOF", b"") + b"\n%%EOF\n"
    with pytest.raises(DamagedDocument) as error:
        read_document(garbage)
    _one_line(error)


def test_it_rejects_a_scanned_pdf():
    with pytest.raises(NoTextLayer) as error:
        read_document(scanned_pdf())
    assert "OCR" in _one_line(error)


def test_it_rejects_a_truncated_word_document(corpus):
    whole = seed_docx((corpus / "seed" / "A_RES_73_135.md").read_text(encoding="utf-8"))
    with pytest.raises(DamagedDocument) as error:
        read_document(whole[: len(whole) // 2])
    _one_line(error)


def test_it_rejects_html_with_no_text():
    with pytest.raises(EmptyDocument):
        read_document(
            b"<!DOCTYPE html><html><head><title>x</title></head><body><p> </p></body></html>"
        )


def test_it_rejects_a_folder(tmp_path):
    for source in (tmp_path, str(tmp_path)):
        with pytest.raises(UnsupportedFormat) as error:
            read_document(source)
        assert "folder" in _one_line(error)


def test_a_missing_file_is_a_file_not_found_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_document(tmp_path / "missing.pdf")


def test_it_rejects_a_zip_of_a_version_python_cannot_read():
    with pytest.raises(DamagedDocument) as error:
        read_document(
            zip_with_directory_field("word/document.xml", 6, 84)
        )  # "zip file version 8.4"
    assert "ZIP" in _one_line(error)
