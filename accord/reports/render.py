"""One entry point for every report format: ``render(doc, fmt)`` returns the bytes of
a Document as ``docx``, ``pdf`` or ``html``, with the file's content type and suffix."""

from __future__ import annotations

from accord.reports.document import Document

FORMATS = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
}


def render(doc: Document, fmt: str) -> bytes:
    if fmt == "docx":
        from accord.reports.render_docx import render_docx

        return render_docx(doc)
    if fmt == "pdf":
        from accord.reports.render_pdf import render_pdf

        return render_pdf(doc)
    if fmt == "html":
        from accord.reports.render_html import render_html

        return render_html(doc).encode("utf-8")
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
