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
from functools import partial

from django.utils import timezone, translation
from django.utils.translation import gettext

from accord.cooperation.models import Activity, Framework
from accord.reports import charts, counts
from accord.reports.document import Document, Figure, Heading, Para, Section, Table
from accord.reports.names import name, place, the
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
        message = gettext("“%(text)s” is not a month: write it as YYYY-MM (e.g. 2018-09)")
        raise ValueError(message % {"text": text}) from exc


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
        title=p["title"].format(partner=the(data.framework.partner, lang)),
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
        agenda_item=p["agenda_item"].format(item=p.agenda_item(data.agenda_item))
        if data.agenda_item
        else p["agenda_item_unknown"],
        agenda_title=p["agenda_title"],
        note=p["preliminary"],
        organ={"en": "General Assembly", "fr": "Assemblée générale", "ar": "الجمعية العامة"}[
            p.lang
        ],
    )


def _resolution(data: ReportData) -> str:
    return short_symbol(data.mandate.resolution.symbol) if data.mandate else ""


def summary(data: ReportData, p) -> str:
    intro = p["summary_text"].format(
        res=_resolution(data) or "…",
        partner=the(data.framework.partner, p.lang),
        start=p.date(data.start),
        end=p.date(data.end),
    )
    if not data.activities:
        return f"{intro} {p['summary_empty']}"
    figures = p["summary_counts"].format(
        activities=counts.joint_activities(p, len(data.activities)),
        areas=counts.priority_areas(p, data.area_count),
        done=counts.completed(p, data.status_count["completed"]),
        meetings=counts.meetings_held(p, len(data.meetings) + len(data.general_held)),
        agreements=counts.agreements_concluded(p, len(data.concluded)),
    )
    return f"{intro} {figures}"


def introduction(data: ReportData, p) -> Section:
    intro = Section(p["s_intro"])
    partner, mandate = the(data.framework.partner, p.lang), data.mandate
    if mandate:
        number = (
            mandate.paragraph.number if mandate.paragraph_id and mandate.paragraph.number else ""
        )
        text = p["intro_pursuant"].format(
            para=number,
            res=_resolution(data),
            ordinal=p.ordinal(data.session, genitive=True),
            partner=partner,
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


def _meeting_held(p, m) -> str:
    """ "<title> was held in <place> on <dates>." in English; in French and Arabic the
    meeting is named by its kind (its title is recorded in English only)."""
    where = place(m.place, p.lang)
    dates = p.dates(m.start_on, m.end_on)
    if p.lang == "en" or not p.get("kind_held"):
        key = "meeting_held" if m.place else "meeting_held_noplace"
        return p[key].format(title=m.title, place=where, dates=dates)
    table = p["kind_held"] if m.place else p["kind_held_noplace"]
    return table.get(m.kind, table["other"]).format(place=where, dates=dates)


def consultations(data: ReportData, p) -> Section:
    consult = Section(p["s_meetings"])
    for m in data.meetings:
        consult.add(Para(_meeting_held(p, m), footnotes=_meeting_notes(p, m)))
    if not consult.blocks:
        consult.add(Para(p["no_meetings"]))
    return consult


def _general_held(p, m, held: bool) -> str:
    n, where = len(m.decisions.all()), place(m.place, p.lang) or "…"
    dates = p.dates(m.start_on, m.end_on)
    if not n:
        key = "gm_held_nodecisions" if held else "gm_previous_nodecisions"
        return p[key].format(place=where, dates=dates)
    write = counts.general_meeting_held if held else counts.general_meeting_previous
    return write(p, n, where, dates)


def _follow_up(data: ReportData, p) -> list[str]:
    acts, out = data.actions, []
    if acts.total:
        out.append(p["gm_items"].format(items=counts.action_items(p, acts.total)))
    changes = []
    if acts.opened:
        changes.append(counts.items_opened(p, len(acts.opened)))
    if acts.closed:
        changes.append(counts.items_closed(p, len(acts.closed)))
    if changes:
        out.append(p["gm_during"].format(changes=p.join(changes)))
    if acts.closed_titles:
        out.append(p["gm_closed"].format(items=p.join(acts.closed_titles)))
    if not acts.open:
        out.append(p["gm_end_none"])
    elif acts.overdue:
        out.append(
            p["gm_end_overdue"].format(
                open=counts.items_open(p, acts.open), overdue=counts.items_overdue(p, acts.overdue)
            )
        )
    else:
        out.append(p["gm_end_open"].format(open=counts.items_open(p, acts.open)))
    return out


def general_meeting(data: ReportData, p) -> Section:
    section = Section(p["s_general"])
    previous = [data.general_previous] if data.general_previous else []
    for m in previous + data.general_held:
        text = _general_held(p, m, m in data.general_held)
        section.add(Para(text, footnotes=_meeting_notes(p, m)))
    section.add(Para(" ".join(_follow_up(data, p))))
    quarters = _quarters(data.start, data.end)
    acts = data.actions
    o, c = Counter(map(_quarter, acts.opened)), Counter(map(_quarter, acts.closed))
    opened, closed = [o[q] for q in quarters], [c[q] for q in quarters]
    draw = partial(charts.paired_bars_image, quarters, opened, closed, p["opened"], p["closed"])
    section.add(Figure(p["fig_actions"], draw=draw))
    if data.next_general:
        year, host = data.next_general
        key = "gm_next" if host else "gm_next_nohost"
        section.add(Para(p[key].format(year=year, host=the(host, p.lang) if host else "")))
    return section


def _by_area(data: ReportData) -> dict[int, list[ActivityRow]]:
    grouped: dict[int, list[ActivityRow]] = defaultdict(list)
    for a in data.activities:
        grouped[a.priority_area_id].append(a)
    return grouped


def priority_areas(data: ReportData, p) -> Section:
    by_area = Section(p["s_areas"])
    grouped = _by_area(data)
    draw = partial(
        charts.stacked_bars_image,
        [name(a, p.lang) for a in data.areas],
        {s: [sum(1 for x in grouped[a.pk] if x.status == s) for a in data.areas] for s in STATUSES},
        {s: p.status(s) for s in STATUSES},
    )
    by_area.add(Figure(p["fig_areas"], draw=draw))
    for area in data.areas:
        by_area.add(_area(area, grouped[area.pk], p))
    return by_area


def _area(area, rows: list[ActivityRow], p) -> Section:
    area_name = name(area, p.lang)
    sub = Section(title_case(area_name))
    if not rows:
        sub.add(Para(p["area_none"].format(area=area_name)))
        return sub
    tally = Counter(a.status for a in rows)
    statuses = p.join([counts.status_count(p, s, tally[s]) for s in STATUSES if tally[s]])
    sub.add(Para(counts.area_paragraph(p, len(rows), area_name, statuses)))
    shown = sorted(rows, key=lambda a: (a.status != "completed", a.code))[:EXAMPLES_PER_AREA]
    sub.add(Para(counts.examples(p, len(shown), p.join([a.title for a in shown]))))
    return sub


def entities(data: ReportData, p) -> Section:
    by_entity = Section(p["s_entities"])
    for eid, rows in data.un_entities().items():
        by_entity.add(_entity(data, data.entities[eid], rows, p))
    return by_entity


def _entity(data: ReportData, entity, rows: list[ActivityRow], p) -> Section:
    """An entity's subsection: its accepted contribution, else paragraphs drafted from
    its activities and their progress, marked as drafted by Accord."""
    own = name(entity, p.lang)
    sub = Section(f"{own} ({entity.acronym})" if entity.acronym else own)
    accepted = data.contributions.get(entity.pk)
    if accepted is not None and accepted.paragraphs():
        for text in accepted.paragraphs():
            sub.add(Para(text))
        return sub
    drafted = _drafted(data, entity, own, rows, p)
    drafted[0].comment = p["drafted_by_accord"].format(entity=entity.acronym or own)
    for para in drafted:
        sub.add(para)
    return sub


def _drafted(data: ReportData, entity, own: str, rows: list[ActivityRow], p) -> list[Para]:
    partners = sorted(
        {name(data.entities[a.partner_lead_id], p.lang) for a in rows if a.partner_lead_id}
    )
    out = [Para(counts.entity_paragraph(p, len(rows), entity.acronym or own, p.join(partners)))]
    items = [
        p["entity_item"].format(title=a.title, status=p.status_one(a.status))
        for a in rows[:EXAMPLES_PER_ENTITY]
    ]
    if len(rows) > EXAMPLES_PER_ENTITY:
        items.append(counts.other_activities(p, len(rows) - EXAMPLES_PER_ENTITY))
    out.append(Para(counts.examples(p, len(rows), p.join(items))))
    for a in rows[:EXAMPLES_PER_ENTITY]:
        notes = " ".join(u.text.strip() for u in data.progress.get(a.id, []) if u.text.strip())
        if notes:
            out.append(Para(p["entity_progress"].format(title=a.title, notes=notes)))
    return out


def agreements(data: ReportData, p) -> Section:
    section = Section(p["s_agreements"])
    for ag in data.concluded:
        notes = []
        source = ag.source_paragraph
        if source is not None and source.number:
            notes.append(f"{source.resolution.symbol}, {p['para']} {source.number}.")
        text = p["agreement_para"].format(
            date=p.date(ag.signed_on),
            parties=p.join([name(e, p.lang) for e in ag.parties.all()]),
            kind=p["kind"].get(ag.kind, ag.kind),
            title=_agreement_title(ag, p),
        )
        section.add(Para(text, footnotes=notes))
    if not data.concluded:
        section.add(Para(p["no_agreements"]))
    if data.in_force:
        section.add(Para(p["agreements_in_force"]))
        section.add(_in_force_table(data, p))
    return section


def _agreement_title(ag, p) -> str:
    """The agreement's title (recorded in English); in French and Arabic, its kind and
    parties."""
    if p.lang == "en":
        return ag.title
    parties = p.join([e.acronym or name(e, p.lang) for e in ag.parties.all()])
    return title_case(
        p["agreement_title"].format(kind=p["kind"].get(ag.kind, ag.kind), parties=parties)
    )


def _in_force_table(data: ReportData, p) -> Table:
    return Table(
        [p["t_title"], p["t_kind"], p["t_parties"], p["t_signed"]],
        [
            [
                _agreement_title(ag, p),
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
    partner, tally = the(data.framework.partner, p.lang), data.status_count
    state = []
    if tally["completed"]:
        state.append(counts.had_been_completed(p, tally["completed"]))
    if tally["ongoing"]:
        state.append(counts.were_under_way(p, tally["ongoing"]))
    if not data.activities:
        section.add(Para(p["conclusion_none"].format(partner=partner)))
    elif state:
        activities = counts.joint_activities(p, len(data.activities))
        text = p["conclusion_state"].format(
            partner=partner, activities=activities, state=p.join(state)
        )
        section.add(Para(text))
    open_items = data.actions.open
    section.add(Para(counts.close_items(p, open_items) if open_items else p["conclusion_2_none"]))
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
