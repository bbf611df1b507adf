"""Print the report's HTML page (``render_html``) to PDF with WeasyPrint: A4 pages,
page numbers, footnotes at the foot of the page (CSS ``float: footnote``), Arabic right
to left (``<html dir="rtl">`` and logical CSS properties). Reads the Document; returns
the PDF bytes. Fonts come from the system (Liberation Serif, DejaVu Sans). Charts go in as
PNG (150 dpi), which WeasyPrint places at once; their SVG took it half a second each.
"""

from __future__ import annotations

from accord.reports.document import Document
from accord.reports.render_html import render_html


def render_pdf(doc: Document) -> bytes:
    from weasyprint import HTML  # imported late: it loads Pango and fonts

    return HTML(string=render_html(doc, for_print=True), base_url=".").write_pdf()
