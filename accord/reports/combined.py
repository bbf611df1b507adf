"""The combined report of the Secretary-General on cooperation between the United
Nations and regional and other organizations: one chapter per framework, in the order
of the agenda sub-items ("128 (a)", "128 (b)", ...) of the resolutions that request the
reports, each chapter the per-framework report (its chapters become its subsections).

``build_combined_report(start, end, lang)`` reads each framework once (as of the end of
the period, ``report_data``) and writes the whole as one ``Document``. Writes nothing.
"""

from __future__ import annotations

import datetime
import re

from django.utils import timezone, translation

from accord.cooperation.models import Framework
from accord.reports.document import Document, Heading, Section
from accord.reports.names import name
from accord.reports.phrases import phrases
from accord.reports.report_data import ReportData, read_report_data
from accord.reports.sg_report import heading, write_sg_report

AGENDA = re.compile(r"^\s*(\d+)\s*(?:\((\w+)\))?")


def agenda_key(data: ReportData) -> tuple:
    """ "128 (o)" -> (128, "o"); a framework without an agenda item comes last."""
    found = AGENDA.match(data.agenda_item or "")
    if not found:
        return (10**6, "", data.framework.slug)
    return (int(found.group(1)), found.group(2) or "", data.framework.slug)


def build_combined_report(
    start: datetime.date,
    end: datetime.date,
    lang: str = "en",
    *,
    frameworks=None,
    on: datetime.date | None = None,
    progress=None,
) -> Document:
    tick = progress or (lambda fraction: None)
    on = on or timezone.localdate()
    with translation.override(lang):
        chosen = list(frameworks if frameworks is not None else Framework.objects.all())
        reads = []
        for i, fw in enumerate(chosen, start=1):
            reads.append(read_report_data(fw, start, end))
            tick(0.4 * i / len(chosen))
        reads.sort(key=agenda_key)
        return _write(reads, lang, on, tick)


def _write(reads: list[ReportData], lang: str, on, tick) -> Document:
    p = phrases(lang)
    doc = Document(lang=lang, title=p["agenda_title"], subtitle=p["subtitle"])
    doc.summary_title = p["summary"]
    if reads:
        doc.heading = _heading(reads, p, on)
    for i, data in enumerate(reads, start=1):
        part = write_sg_report(data, lang, on)
        chapter = Section(name(data.framework.partner, lang))
        chapter.blocks.extend(part.sections)
        doc.sections.append(chapter)
        doc.summary.extend(part.summary)
        tick(0.4 + 0.6 * i / len(reads))
    return doc


def _heading(reads: list[ReportData], p, on) -> Heading:
    block = heading(reads[0], p, on)
    items = sorted({agenda_key(d)[0] for d in reads if d.agenda_item})
    block.agenda_item = (
        p["agenda_item"].format(item=", ".join(str(i) for i in items))
        if items
        else p["agenda_item_unknown"]
    )
    return block
