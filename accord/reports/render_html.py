"""Lay out a ``document.Document`` as one self-contained HTML page (figures inlined as
SVG data URIs), through Django templates found by a small registry: the most specific
of ``reports/<kind>/<lang>.html``, ``reports/<kind>/default.html``,
``reports/document/<lang>.html``, ``reports/document/default.html`` wins (e.g. the
Arabic template sets the font and the right-to-left layout). The same page, printed by
WeasyPrint, is the PDF (``render_pdf``). Reads the Document; returns text.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field

from django.template.loader import render_to_string, select_template

from accord.reports.document import Document, Figure, Para, Section, Table
from accord.reports.phrases import figure_label, heading_label


def template_names(kind: str, lang: str) -> list[str]:
    """The templates to try for a report of ``kind`` in ``lang``, most specific first."""
    return [
        f"reports/{kind}/{lang}.html",
        f"reports/{kind}/default.html",
        f"reports/document/{lang}.html",
        "reports/document/default.html",
    ]


def template_for(kind: str, lang: str) -> str:
    """The name of the template that will be used (the first that exists)."""
    return select_template(template_names(kind, lang)).template.name


@dataclass
class _Block:
    kind: str  # "para", "figure", "table", "section"
    text: str = ""
    number: int | None = None
    notes: list[tuple[int, str]] = field(default_factory=list)
    label: str = ""
    level: int = 1
    src: str = ""
    headers: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    blocks: list = field(default_factory=list)
    widths: list[float] = field(default_factory=list)


def prepare(doc: Document, *, image: str = "svg") -> dict:
    """Number the paragraphs, footnotes, figures and sections once, for the template.
    Charts go in as ``image`` ("svg" on screen; "png" for print: WeasyPrint draws a
    chart's SVG node by node, half a second each, a PNG at once)."""
    counters = {"para": 0, "note": 0, "figure": 0}
    notes: list[tuple[int, str]] = []

    def block(item, index, level):
        if isinstance(item, Para):
            number = None
            if item.numbered:
                counters["para"] += 1
                number = counters["para"]
            mine = []
            for text in item.footnotes:
                counters["note"] += 1
                mine.append((counters["note"], text))
            notes.extend(mine)
            text = f"{item.text} [{item.comment}]" if item.comment else item.text
            return _Block("para", text=text, number=number, notes=mine)
        if isinstance(item, Figure):
            counters["figure"] += 1
            fmt = image if item.image(image) else ("png" if image == "svg" else "svg")
            data = item.image(fmt)
            mime = "image/svg+xml" if fmt == "svg" else "image/png"
            return _Block(
                "figure",
                text=item.caption,
                label=figure_label(counters["figure"], doc.lang),
                src=f"data:{mime};base64,{base64.b64encode(data).decode()}",
            )
        if isinstance(item, Table):
            total = sum(item.widths) or 1
            return _Block(
                "table",
                headers=item.headers,
                rows=item.rows,
                widths=[round(100 * w / total, 1) for w in item.widths],
            )
        if isinstance(item, Section):
            label = heading_label(level, index, doc.lang)
            children, sub = [], 0
            for child in item.blocks:
                if isinstance(child, Section):
                    sub += 1
                children.append(block(child, sub, min(level + 1, 3)))
            return _Block("section", text=item.title, label=label, level=level, blocks=children)
        raise TypeError(f"unknown block {item!r}")

    sections = [block(s, i, 1) for i, s in enumerate(doc.sections, start=1)]
    return {"doc": doc, "sections": sections, "notes": notes}


def render_html(doc: Document, *, for_print: bool = False) -> str:
    context = prepare(doc, image="png" if for_print else "svg")
    context["for_print"] = for_print
    return render_to_string(template_names(doc.kind, doc.lang), context)
