"""The Secretary-General's report on the state of cooperation, as plain data.

``build_sg_report(framework, start, end, lang)`` reads the framework's period once, as
of its last day (``report_data.read_report_data``), and writes the report from that
``ReportData`` alone, one function per chapter (``CHAPTERS``): it returns a
``document.Document`` in the language asked (``en``, ``fr``, ``ar``), with the two charts
drawn. Writes nothing. The renderers lay it out.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict

from django.utils import timezone, translation

from accord.cooperation.models import Activity, Framework
from accord.reports import charts
from accord.reports.document import Document, Figure, Heading, Para, Section, Table
from accord.reports.phrases import phrases
from accord.reports.report_data import (
    ActivityRow,
    ReportData,
    find_mandate,  # noqa: F401  (kept importable from here)
    read_report_data,
)

STATUSES = list(Activity.Status.values)
EXAMPLES_PER_AREA = 5
EXAMPLES_PER_ENTITY = 8


def parse_month(text: str, *, end: bool = False) -> datetime.date:
    """ "2018-09" -> 1 September 2018 (or, with ``end``, 30 September 2018); also accepts
    a full date. ValueError with a readable message otherwise."""
    try:
        if len(text) == 7:
            year, month = int(text[:4]), int(text[5:7])
            first = datetime.date(year, month, 1)
            if not end:
                return first
            nxt = datetime.date(year + (month == 12), month % 12 + 1, 1)
            return nxt - datetime.timedelta(days=1)
        return datetime.date.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(f"“{text}” is not a month: write it as YYYY-MM (e.g. 2018-09)") from exc


def title_case(text: str) -> str:
    """A name used as a heading starts with a capital ("peace and security" -> "Peace
    and security"); Arabic has no case and is left alone."""
    return text[:1].upper() + text[1:]


def short_symbol(symbol: str) -> str:
    """ "A/RES/73/135" -> "73/135"."""
    return symbol.removeprefix("A/RES/")


def _quarter(d: datetime.date) -> str:
    return f"{d.year} Q{(d.month - 1) // 3 + 1}"


def _quarters(start: datetime.date, end: datetime.date) -> list[str]:
    out, d = [], datetime.date(start.year, (start.month - 1) // 3 * 3 + 1, 1)
    while d <= end:
        out.append(_quarter(d))
        d = datetime.date(d.year + (d.month == 10), (d.month + 2) % 12 + 1, 1)
    return out


def build_sg_report(
    framework: Framework | str,
    start: datetime.date,
    end: datetime.date,
    lang: str = "en",
    *,
    on: datetime.date | None = None,
    progress=None,
    data: ReportData | None = None,
) -> Document:
    """Read the framework's data for ``start``..``end`` (once, as of ``end``) and return
    the report in ``lang``. ``progress(fraction)``, when given, is called as the stages
    finish."""
    if isinstance(framework, str):
        framework = Framework.objects.get(slug=framework)
    tick = progress or (lambda fraction: None)
    with translation.override(lang):
        data = data or read_report_data(framework, start, end)
        tick(0.3)
        return write_sg_report(data, lang, on or timezone.localdate(), tick)


def write_sg_report(data: ReportData, lang: str, on: datetime.date, tick=None) -> Document:
    """The report written from ``data`` alone: one function per chapter."""
    tick = tick or (lambda fraction: None)
    p = phrases(lang)
    doc = Document(
        lang=lang,
        title=p["title"].format(partner=data.framework.partner.name),
        subtitle=p["subtitle"],
        summary_title=p["summary"],
    )
    doc.heading = heading(data, p, on)
    doc.summary.append(summary(data, p))
    for i, chapter in enumerate(CHAPTERS, start=1):
        doc.sections.append(chapter(data, p))
        tick(0.3 + 0.7 * i / len(CHAPTERS))
    return doc


def heading(data: ReportData, p, on: datetime.date) -> Heading:
    session = p["session"].format(ordinal=p.ordinal(data.session))
    return Heading(
        symbol=f"A/{data.session}/xxx",
        distribution=p["distribution"],
        date=p.date(on),
        original=p["original"],
        session=session if p.lang == "ar" else session.capitalize(),
        agenda_item=p["agenda_item"],
        agenda_title=p["agenda_title"],
        note=p["preliminary"],
        organ={"en": "General Assembly", "fr": "Assemblée générale", "ar": "الجمعية العامة"}[
            p.lang
        ],
    )


def _resolution(data: ReportData) -> str:
    return short_symbol(data.mandate.resolution.symbol) if data.mandate else ""


def summary(data: ReportData, p) -> str:
    return p["summary_text"].format(
        res=_resolution(data) or "…",
        partner=data.framework.partner.name,
        start=p.date(data.start),
        end=p.date(data.end),
        n=len(data.activities),
        areas=data.area_count,
        done=data.status_count["completed"],
        meetings=len(data.meetings) + len(data.general_held),
        agreements=len(data.concluded),
    )


def introduction(data: ReportData, p) -> Section:
    intro = Section(p["s_intro"])
    partner, mandate = data.framework.partner.name, data.mandate
    if mandate:
        number = (
            mandate.paragraph.number if mandate.paragraph_id and mandate.paragraph.number else ""
        )
        text = p["intro_pursuant"].format(
            para=number, res=_resolution(data), ordinal=p.ordinal(data.session), partner=partner
        )
        note = p["res_footnote"].format(
            res=mandate.resolution.symbol, date=p.date(mandate.resolution.adopted_on)
        )
        intro.add(Para(text, footnotes=[note]))
    else:
        intro.add(Para(p["intro_plain"].format(partner=partner)))
    which = p["biennium_one" if len(data.bienniums) == 1 else "biennium_many"].format(
        labels=p.join(data.bienniums)
    )
    intro.add(
        Para(
            p["intro_scope"].format(start=p.date(data.start), end=p.date(data.end), bienniums=which)
        )
    )
    return intro


def _meeting_notes(p, meeting) -> list[str]:
    refs = [d.symbol or d.title for d in meeting.documents.all() if d.symbol or d.title]
    return [p["meeting_docs"].format(docs=p.join(refs))] if refs else []


def consultations(data: ReportData, p) -> Section:
    consult = Section(p["s_meetings"])
    for m in data.meetings:
        key = "meeting_held" if m.place else "meeting_held_noplace"
        text = p[key].format(title=m.title, place=m.place, dates=p.dates(m.start_on, m.end_on))
        consult.add(Para(text, footnotes=_meeting_notes(p, m)))
    if not consult.blocks:
        consult.add(Para(p["no_meetings"]))
    return consult


def general_meeting(data: ReportData, p) -> Section:
    section = Section(p["s_general"])
    previous = [data.general_previous] if data.general_previous else []
    for m in previous + data.general_held:
        key = "gm_held" if m in data.general_held else "gm_previous"
        n = len(m.decisions.all())
        key += "" if n else "_nodecisions"
        text = p[key].format(place=m.place or "…", dates=p.dates(m.start_on, m.end_on), n=n)
        section.add(Para(text, footnotes=_meeting_notes(p, m)))
    acts = data.actions
    section.add(
        Para(
            p["gm_followup"].format(
                total=acts.total,
                opened=len(acts.opened),
                closed=len(acts.closed),
                open=acts.open,
                overdue=acts.overdue,
            )
        )
    )
    quarters = _quarters(data.start, data.end)
    o, c = Counter(map(_quarter, acts.opened)), Counter(map(_quarter, acts.closed))
    png, svg = charts.paired_bars(
        quarters, [o[q] for q in quarters], [c[q] for q in quarters], p["opened"], p["closed"]
    )
    section.add(Figure(p["fig_actions"], png, svg))
    if data.next_general:
        year, host = data.next_general
        key = "gm_next" if host else "gm_next_nohost"
        section.add(Para(p[key].format(year=year, host=host.name if host else "")))
    return section


def _by_area(data: ReportData) -> dict[int, list[ActivityRow]]:
    grouped: dict[int, list[ActivityRow]] = defaultdict(list)
    for a in data.activities:
        grouped[a.priority_area_id].append(a)
    return grouped


def priority_areas(data: ReportData, p) -> Section:
    by_area = Section(p["s_areas"])
    grouped = _by_area(data)
    png, svg = charts.stacked_bars(
        [a.name for a in data.areas],
        {s: [sum(1 for x in grouped[a.pk] if x.status == s) for a in data.areas] for s in STATUSES},
        {s: p.status(s) for s in STATUSES},
    )
    by_area.add(Figure(p["fig_areas"], png, svg))
    for area in data.areas:
        by_area.add(_area(area, grouped[area.pk], p))
    return by_area


def _area(area, rows: list[ActivityRow], p) -> Section:
    sub = Section(title_case(area.name))
    if not rows:
        sub.add(Para(p["area_none"].format(area=area.name)))
        return sub
    counts = Counter(a.status for a in rows)
    statuses = p.join([f"{counts[s]} {p.status(s)}" for s in STATUSES if counts[s]])
    sub.add(Para(p["area_para"].format(area=area.name, n=len(rows), statuses=statuses)))
    shown = sorted(rows, key=lambda a: (a.status != "completed", a.code))[:EXAMPLES_PER_AREA]
    sub.add(Para(p["area_examples"].format(items=p.join([a.title for a in shown]))))
    return sub


def entities(data: ReportData, p) -> Section:
    by_entity = Section(p["s_entities"])
    for eid, rows in data.un_entities().items():
        by_entity.add(_entity(data, data.entities[eid], rows, p))
    return by_entity


def _entity(data: ReportData, entity, rows: list[ActivityRow], p) -> Section:
    name = f"{entity.name} ({entity.acronym})" if entity.acronym else entity.name
    partners = sorted(
        {str(data.entities[a.partner_lead_id].name) for a in rows if a.partner_lead_id}
    )
    sub = Section(name)
    key = "entity_para" if partners else "entity_para_alone"
    sub.add(
        Para(
            p[key].format(
                entity=entity.acronym or entity.name, n=len(rows), partners=p.join(partners)
            )
        )
    )
    items = [
        p["entity_item"].format(title=a.title, status=p.status(a.status))
        for a in rows[:EXAMPLES_PER_ENTITY]
    ]
    if len(rows) > EXAMPLES_PER_ENTITY:
        items.append(p["entity_more"].format(n=len(rows) - EXAMPLES_PER_ENTITY))
    sub.add(Para(p["area_examples"].format(items=p.join(items))))
    return sub


def agreements(data: ReportData, p) -> Section:
    section = Section(p["s_agreements"])
    for ag in data.concluded:
        notes = []
        if ag.source_paragraph_id and ag.source_paragraph.number:
            notes.append(
                f"{ag.source_paragraph.resolution.symbol}, para. {ag.source_paragraph.number}."
            )
        text = p["agreement_para"].format(
            date=p.date(ag.signed_on),
            parties=p.join([e.name for e in ag.parties.all()]),
            kind=p["kind"].get(ag.kind, ag.kind),
            title=ag.title,
        )
        section.add(Para(text, footnotes=notes))
    if not data.concluded:
        section.add(Para(p["no_agreements"]))
    if data.in_force:
        section.add(Para(p["agreements_in_force"]))
        section.add(_in_force_table(data, p))
    return section


def _in_force_table(data: ReportData, p) -> Table:
    return Table(
        [p["t_title"], p["t_kind"], p["t_parties"], p["t_signed"]],
        [
            [
                ag.title,
                p["kind"].get(ag.kind, ag.kind),
                ", ".join(e.acronym or e.name for e in ag.parties.all()),
                p.date(ag.signed_on),
            ]
            for ag in data.in_force
        ],
        widths=[4, 2, 2, 2],
    )


def conclusions(data: ReportData, p) -> Section:
    section = Section(p["s_conclusions"])
    counts = data.status_count
    section.add(
        Para(
            p["conclusion_1"].format(
                partner=data.framework.partner.name,
                done=counts["completed"],
                n=len(data.activities),
                ongoing=counts["ongoing"],
            )
        )
    )
    section.add(Para(p["conclusion_2"].format(open=data.actions.open)))
    return section


CHAPTERS = (
    introduction,
    consultations,
    general_meeting,
    priority_areas,
    entities,
    agreements,
    conclusions,
)
