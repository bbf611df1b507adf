"""A comparison of two resolutions as a Word file: the newer text, with what changed
from the older one as Word's own tracked changes (insertions and deletions that
Word and LibreOffice show, and can accept or reject one by one)."""

from __future__ import annotations

import io
import itertools

from django.utils import timezone
from django.utils.translation import gettext as _
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from accord.documents.compare import Comparison, Row

AUTHOR = "Accord"


class _Tracker:
    """Writes runs into paragraphs, as tracked insertions and deletions when asked."""

    def __init__(self) -> None:
        self.ids = itertools.count(1)
        self.date = timezone.now().strftime("%Y-%m-%dT%H:%M:%SZ")

    def run(self, paragraph, text: str, op: str = "equal") -> None:
        r = OxmlElement("w:r")
        t = OxmlElement("w:delText" if op == "delete" else "w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = text
        r.append(t)
        if op == "equal":
            paragraph._p.append(r)
            return
        mark = OxmlElement("w:del" if op == "delete" else "w:ins")
        mark.set(qn("w:id"), str(next(self.ids)))
        mark.set(qn("w:author"), AUTHOR)
        mark.set(qn("w:date"), self.date)
        mark.append(r)
        paragraph._p.append(mark)


def _label(row: Row) -> str:
    side = row.new or row.old
    return f"{side.number}. " if side is not None and side.number else ""


def _text(paragraph) -> str:
    """A side's text ("" when the row has no paragraph on that side)."""
    return paragraph.text if paragraph is not None else ""


def _write_row(doc, tracker: _Tracker, row: Row) -> None:
    paragraph = doc.add_paragraph()
    tracker.run(paragraph, _label(row))
    old, new = _text(row.old), _text(row.new)
    if row.status == "new":
        tracker.run(paragraph, new, "insert")
    elif row.status == "dropped":
        tracker.run(paragraph, old, "delete")
    elif row.change.words:
        for op, text in row.change.words:
            tracker.run(paragraph, text, op)
    else:
        tracker.run(paragraph, new)
    if row.status == "moved" and row.old is not None:
        note = _("Moved: this was paragraph %(pid)s of %(symbol)s.") % {
            "pid": row.old.number or row.old.pid,
            "symbol": row.old.resolution.symbol,
        }
        doc.add_comment(paragraph.runs or [paragraph.add_run("")], text=note, author=AUTHOR)


def _write_lists(doc, result: Comparison) -> None:
    doc.add_heading(_("Mandates"), level=2)
    lines = [
        _("Carried over: %(n)s") % {"n": len(result.carried)},
        _("New: %(n)s") % {"n": len(result.new_mandates)},
        _("Dropped: %(n)s") % {"n": len(result.dropped_mandates)},
    ]
    for line in lines:
        doc.add_paragraph(line, style="List Bullet")
    for m in result.new_mandates:
        doc.add_paragraph(f"{m.paragraph.pid}: {m.verb} {m.action}".strip(), style="List Number")
    doc.add_heading(_("Citations added"), level=2)
    for symbol in result.citations_added or [_("None")]:
        doc.add_paragraph(symbol, style="List Bullet")


def comparison_docx(result: Comparison) -> bytes:
    """The Word file's bytes."""
    doc = Document()
    doc.core_properties.title = _("%(new)s compared with %(old)s") % {
        "new": result.new.symbol,
        "old": result.old.symbol,
    }
    doc.add_heading(doc.core_properties.title, level=1)
    doc.add_paragraph(
        _("Changes from %(old)s to %(new)s are shown as tracked changes.")
        % {"old": result.old.symbol, "new": result.new.symbol}
    )
    tracker = _Tracker()
    for title, rows in ((_("Preamble"), result.preamble), (_("Operative part"), result.operative)):
        doc.add_heading(title, level=2)
        for row in rows:
            _write_row(doc, tracker, row)
    _write_lists(doc, result)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
