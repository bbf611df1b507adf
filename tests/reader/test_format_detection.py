"""The reader detects the format from the content, never from the file name."""

from __future__ import annotations

import shutil

import pytest

from resolutions.read import read_document
from tests.reader.documents import seed_docx, seed_html


@pytest.fixture(scope="module")
def seed(corpus) -> str:
    return (corpus / "seed" / "A_RES_73_135.md").read_text(encoding="utf-8")


def test_it_reads_a_pdf_named_txt_as_a_pdf(corpus, tmp_path):
    disguised = tmp_path / "resolution.txt"
    shutil.copyfile(corpus / "pdf" / "A_RES_79_9.pdf", disguised)
    stage = read_document(disguised)
    assert stage.source_format == "pdf"
    assert "Cooperation between the United Nations and the Organization of" in stage.text


def test_it_reads_a_word_file_named_pdf_as_word(seed, tmp_path):
    disguised = tmp_path / "resolution.pdf"
    disguised.write_bytes(seed_docx(seed))
    assert read_document(disguised).source_format == "docx"


def test_it_reads_html_named_docx_as_html(seed, tmp_path):
    disguised = tmp_path / "resolution.docx"
    disguised.write_bytes(seed_html(seed))
    assert read_document(disguised).source_format == "html"


def test_it_calls_the_seed_markdown_and_the_text_layer_text(corpus):
    assert read_document(corpus / "seed" / "A_RES_73_135.md").source_format == "markdown"
    assert read_document(corpus / "text" / "A_RES_73_135.txt").source_format == "text"


def test_it_takes_a_path_as_str_bytes_or_the_text_itself(corpus):
    path = corpus / "text" / "A_RES_79_14.txt"
    by_path = read_document(str(path))
    by_bytes = read_document(path.read_bytes())
    by_text = read_document(path.read_text(encoding="utf-8"))
    assert by_path.text == by_bytes.text == by_text.text
    assert by_path.raw == path.read_bytes()


def test_it_keeps_the_text_of_a_text_file_with_unix_line_ends():
    stage = read_document(b"The General Assembly,\r\n\r\n1.\tRequests the Secretary-General;\r\n")
    assert stage.text == "The General Assembly,\n\n1.\tRequests the Secretary-General;\n"
    assert stage.source_format == "text"


def test_it_reads_latin1_text_with_a_warning():
    stage = read_document("Reaffirming the rôle of the Assembly,".encode("cp1252"))
    assert "rôle" in stage.text
    assert any("Windows-1252" in w for w in stage.warnings)


def test_it_drops_control_characters_but_keeps_page_breaks():
    stage = read_document("The General\x01 Assembly,\x0c\n1. Requests\x1b the Secretary-General;")
    assert stage.text == "The General Assembly,\x0c\n1. Requests the Secretary-General;"
