"""The resolution upload's limits before parsing: a PDF past ``ACCORD_MAX_PDF_PAGES``
pages and a .docx declaring a DTD are refused with a message naming the limit, and
nothing is saved; the matrix import says the same of an .xlsx with a DTD."""

from __future__ import annotations

import io
import zipfile

import pypdfium2 as pdfium
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accord.documents.models import Resolution
from tests.reader.documents import zip_with_directory_field


def _pdf(pages: int) -> bytes:
    pdf = pdfium.PdfDocument.new()
    for _ in range(pages):
        pdf.new_page(595, 842)
    out = io.BytesIO()
    pdf.save(out)
    pdf.close()
    return out.getvalue()


def _upload(client, world, name: str, content: bytes):
    response = client.post(
        reverse("resolution-upload", args=[world.framework.slug]),
        {"file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 302
    return client.get(response["Location"]).content.decode()


def test_a_pdf_over_the_page_limit_is_refused_before_parsing(client, world, settings):
    settings.ACCORD_MAX_PDF_PAGES = 3
    client.force_login(world.coordinator)
    before = Resolution.objects.count()
    page = _upload(client, world, "long.pdf", _pdf(4))
    assert "The PDF has 4 pages; the limit is 3." in page
    assert Resolution.objects.count() == before


def test_a_docx_with_a_dtd_is_refused(client, world):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><d>&a;</d>',
        )
    client.force_login(world.coordinator)
    page = _upload(client, world, "dtd.docx", out.getvalue())
    assert "declares a DTD (word/document.xml)" in page


def test_an_upload_over_the_size_limit_names_the_limit(client, world, settings):
    settings.ACCORD_MAX_UPLOAD_BYTES = 1000
    client.force_login(world.coordinator)
    page = _upload(client, world, "big.md", b"1. Text.\n" * 500)
    assert "The file is larger than the limit of 1000" in page


def _start(client, name: str, content: bytes) -> str:
    """The home page's "Start a framework" upload (an administrator's)."""
    response = client.post(reverse("framework-start"), {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 302
    return client.get(response["Location"]).content.decode()


def test_starting_a_framework_has_the_same_limits(client, world, settings):
    settings.ACCORD_MAX_PDF_PAGES = 3
    client.force_login(world.admin)
    before = Resolution.objects.count()
    assert "The PDF has 4 pages; the limit is 3." in _start(client, "long.pdf", _pdf(4))
    settings.ACCORD_MAX_UPLOAD_BYTES = 1000
    page = _start(client, "big.md", b"1. Text.\n" * 500)
    assert "The file is larger than the limit of 1000" in page
    assert Resolution.objects.count() == before


def test_a_text_that_names_no_resolution_is_refused_with_the_reason(client, world):
    """A pasted text with a formula and a paragraph but no symbol, session or date parses,
    but cannot be filed (nor written as Akoma Ntoso): the page says why; nothing is saved."""
    client.force_login(world.coordinator)
    before = Resolution.objects.count()
    page = _upload(client, world, "pasted.txt", b"The General Assembly,\n\n1. Decides.\n")
    assert "no symbol (such as A/RES/73/135 or A/80/L.10) or session was found" in page
    assert Resolution.objects.count() == before


def test_a_zip_python_cannot_read_is_refused_by_name(client, world):
    client.force_login(world.coordinator)
    before = Resolution.objects.count()
    for offset, value in ((6, 84), (8, 1)):  # an unknown ZIP version; an encrypted member
        page = _upload(
            client,
            world,
            "odd.docx",
            zip_with_directory_field("[Content_Types].xml", offset, value),
        )
        assert "uses a ZIP feature Accord does not read" in page
    assert Resolution.objects.count() == before
