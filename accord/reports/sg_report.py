"""The Secretary-General's report on the state of cooperation, as plain data.

``build_sg_report(framework, start, end, lang)`` reads, for one framework and period:
the mandate that requests the report (Mandate, Paragraph, Resolution), the meetings,
the general meetings' recommendations and their action items, the activities of the
bienniums that overlap the period (with priority areas, leads and participants) and the
agreements; it returns a ``document.Document`` in the language asked (``en``, ``fr``,
``ar``), with the two charts drawn. Writes nothing. The renderers lay it out.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict

from django.db.models import Q
from django.utils import timezone, translation

from accord.cooperation.models import ActionItem, Activity, Framework, Meeting, PriorityArea
from accord.cooperation.selectors import participants_by_activity
from accord.documents.models import Mandate
from accord.registry.models import Agreement, Entity
from accord.reports import charts
from accord.reports.document import Document, Figure, Heading, Para, Section, Table
from accord.reports.phrases import phrases
from resolutions.sessions import session_opening_in

MEETING_KINDS = (
    "high_level",
    "security_council",
    "conference",
    "sectoral",
    "working_group",
    "brainstorming",
    "other",
)
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


def find_mandate(framework: Framework, start: datetime.date, end: datetime.date) -> Mandate | None:
    """The mandate that asks the Secretary-General for this report: a mandate of the
    framework's resolutions whose action or paragraph speaks of a report, due in or just
    after the period; the latest resolution wins."""
    found = (
        Mandate.objects.filter(resolution__framework=framework)
        .filter(Q(action__icontains="report") | Q(paragraph__text__icontains="report"))
        .select_related("resolution", "paragraph")
        .order_by("-resolution__adopted_on", "-resolution__session")
    )
    for mandate in found:
        if mandate.due_year is None or start.year <= mandate.due_year <= end.year + 1:
            return mandate
    return found.first()


def _quarter(d: datetime.date) -> str:
    return f"{d.year} Q{(d.month - 1) // 3 + 1}"


def _quarters(start: datetime.date, end: datetime.date) -> list[str]:
    out, d = [], datetime.date(start.year, (start.month - 1) // 3 * 3 + 1, 1)
    while d <= end:
        out.append(_quarter(d))
        d = datetime.date(d.year + (d.month == 10), (d.month + 2) % 12 + 1, 1)
    return out


def _activities(framework, start, end):
    return list(
        Activity.objects.filter(
            framework=framework,
            biennium__start_year__lte=end.year,
            biennium__end_year__gte=start.year,
        )
        .filter(
            Q(start_on__isnull=True) | Q(start_on__lte=end),
            Q(end_on__isnull=True) | Q(end_on__gte=start),
        )
        .select_related("priority_area", "un_lead", "partner_lead", "biennium")
        .order_by("priority_area__order", "code")
    )


def build_sg_report(
    framework: Framework | str,
    start: datetime.date,
    end: datetime.date,
    lang: str = "en",
    *,
    on: datetime.date | None = None,
    progress=None,
) -> Document:
    """Read the framework's data for ``start``..``end`` and return the report in ``lang``.
    ``progress(fraction)``, when given, is called as the stages finish."""
    if isinstance(framework, str):
        framework = Framework.objects.get(slug=framework)
    tick = progress or (lambda fraction: None)
    with translation.override(lang):
        return _build(framework, start, end, lang, on or timezone.localdate(), tick)


def _build(fw: Framework, start, end, lang, on, tick) -> Document:
    p = phrases(lang)
    partner = fw.partner.name
    mandate = find_mandate(fw, start, end)
    session = (
        mandate.due_session if mandate and mandate.due_session else session_opening_in(end.year)
    )
    activities = _activities(fw, start, end)
    ids = [a.pk for a in activities]
    participants = participants_by_activity(ids)
    entities = {e.pk: e for e in Entity.objects.select_related("organization")}
    areas = list(PriorityArea.objects.filter(framework=fw))
    meetings = list(Meeting.objects.filter(framework=fw).prefetch_related("documents", "decisions"))
    tick(0.2)

    doc = Document(
        lang=lang,
        title=p["title"].format(partner=partner),
        subtitle=p["subtitle"],
        summary_title=p["summary"],
    )
    doc.heading = Heading(
        symbol=f"A/{session}/xxx",
        distribution=p["distribution"],
        date=p.date(on),
        original=p["original"],
        session=p["session"].format(ordinal=p.ordinal(session)).capitalize()
        if lang != "ar"
        else p["session"].format(ordinal=p.ordinal(session)),
        agenda_item=p["agenda_item"],
        agenda_title=p["agenda_title"],
        note=p["preliminary"],
        organ={"en": "General Assembly", "fr": "Assemblée générale", "ar": "الجمعية العامة"}[lang],
    )
    status_count = Counter(a.status for a in activities)
    in_period = [m for m in meetings if m.start_on and start <= m.start_on <= end]
    concluded = list(
        Agreement.objects.filter(framework=fw, signed_on__gte=start, signed_on__lte=end)
        .prefetch_related("parties")
        .select_related("source_paragraph__resolution")
        .order_by("signed_on")
    )
    res_symbol = short_symbol(mandate.resolution.symbol) if mandate else ""
    doc.summary.append(
        p["summary_text"].format(
            res=res_symbol or "…",
            partner=partner,
            start=p.date(start),
            end=p.date(end),
            n=len(activities),
            areas=len({a.priority_area_id for a in activities}),
            done=status_count["completed"],
            meetings=len(in_period),
            agreements=len(concluded),
        )
    )

    # I. Introduction
    intro = Section(p["s_intro"])
    if mandate:
        number = (
            mandate.paragraph.number if mandate.paragraph_id and mandate.paragraph.number else ""
        )
        intro.add(
            Para(
                p["intro_pursuant"].format(
                    para=number, res=res_symbol, ordinal=p.ordinal(session), partner=partner
                ),
                footnotes=[
                    p["res_footnote"].format(
                        res=mandate.resolution.symbol, date=p.date(mandate.resolution.adopted_on)
                    )
                ],
            )
        )
    else:
        intro.add(Para(p["intro_plain"].format(partner=partner)))
    bienniums = (
        sorted({a.biennium.label for a in activities})
        or [
            b.label
            for b in fw.bienniums.filter(
                start_year__lte=end.year, end_year__gte=start.year
            ).order_by("start_year")
        ]
        or [f"{start.year}-{end.year}"]
    )
    which = p["biennium_one" if len(bienniums) == 1 else "biennium_many"].format(
        labels=p.join(bienniums)
    )
    intro.add(Para(p["intro_scope"].format(start=p.date(start), end=p.date(end), bienniums=which)))
    doc.sections.append(intro)

    # II. Consultations and high-level meetings
    consult = Section(p["s_meetings"])
    for m in sorted((m for m in in_period if m.kind in MEETING_KINDS), key=lambda m: m.start_on):
        doc_refs = [d.symbol or d.title for d in m.documents.all() if d.symbol or d.title]
        key = "meeting_held" if m.place else "meeting_held_noplace"
        consult.add(
            Para(
                p[key].format(title=m.title, place=m.place, dates=p.dates(m.start_on, m.end_on)),
                footnotes=[p["meeting_docs"].format(docs=p.join(doc_refs))] if doc_refs else [],
            )
        )
    if not consult.blocks:
        consult.add(Para(p["no_meetings"]))
    doc.sections.append(consult)
    tick(0.35)

    # III. General meeting and follow-up
    doc.sections.append(_general_section(fw, p, meetings, start, end))
    tick(0.5)

    # IV. By priority area
    by_area = Section(p["s_areas"])
    statuses = list(Activity.Status.values)
    grouped: dict[int, list[Activity]] = defaultdict(list)
    for a in activities:
        grouped[a.priority_area_id].append(a)
    png, svg = charts.stacked_bars(
        [a.name for a in areas],
        {s: [sum(1 for x in grouped[a.pk] if x.status == s) for a in areas] for s in statuses},
        {s: p.status(s) for s in statuses},
    )
    by_area.add(Figure(p["fig_areas"], png, svg))
    for area in areas:
        rows = grouped[area.pk]
        sub = Section(title_case(area.name))
        if not rows:
            sub.add(Para(p["area_none"].format(area=area.name)))
        else:
            counts = Counter(a.status for a in rows)
            sub.add(
                Para(
                    p["area_para"].format(
                        area=area.name,
                        n=len(rows),
                        statuses=p.join(
                            [f"{counts[s]} {p.status(s)}" for s in statuses if counts[s]]
                        ),
                    )
                )
            )
            shown = sorted(rows, key=lambda a: (a.status != "completed", a.code))[
                :EXAMPLES_PER_AREA
            ]
            sub.add(Para(p["area_examples"].format(items=p.join([a.title for a in shown]))))
        by_area.add(sub)
    doc.sections.append(by_area)
    tick(0.65)

    # V. By entity (a subsection per UN entity)
    by_entity = Section(p["s_entities"])
    rows_of: dict[int, list[Activity]] = defaultdict(list)
    for a in activities:
        involved = {a.un_lead_id} | participants[a.pk]
        for eid in involved:
            if eid and entities.get(eid) and entities[eid].organization_id == fw.un_organization_id:
                rows_of[eid].append(a)
    for eid in sorted(rows_of, key=lambda e: entities[e].name.lower()):
        entity, rows = entities[eid], rows_of[eid]
        name = f"{entity.name} ({entity.acronym})" if entity.acronym else entity.name
        partners = sorted(
            {str(entities[a.partner_lead_id].name) for a in rows if a.partner_lead_id}
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
        by_entity.add(sub)
    doc.sections.append(by_entity)
    tick(0.8)

    # VI. Agreements concluded
    agreements = Section(p["s_agreements"])
    for ag in concluded:
        parties = p.join([e.name for e in ag.parties.all()])
        notes = []
        if ag.source_paragraph_id and ag.source_paragraph.number:
            notes.append(
                f"{ag.source_paragraph.resolution.symbol}, para. {ag.source_paragraph.number}."
            )
        agreements.add(
            Para(
                p["agreement_para"].format(
                    date=p.date(ag.signed_on),
                    parties=parties,
                    kind=p["kind"].get(ag.kind, ag.kind),
                    title=ag.title,
                ),
                footnotes=notes,
            )
        )
    if not concluded:
        agreements.add(Para(p["no_agreements"]))
    in_force = (
        Agreement.objects.filter(
            framework=fw, signed_on__lte=end, status__in=("signed", "in_force", "renewed")
        )
        .filter(Q(expires_on__isnull=True) | Q(expires_on__gte=end))
        .prefetch_related("parties")
    )
    if in_force:
        agreements.add(Para(p["agreements_in_force"]))
        agreements.add(
            Table(
                [p["t_title"], p["t_kind"], p["t_parties"], p["t_signed"]],
                [
                    [
                        ag.title,
                        p["kind"].get(ag.kind, ag.kind),
                        ", ".join(e.acronym or e.name for e in ag.parties.all()),
                        p.date(ag.signed_on),
                    ]
                    for ag in in_force
                ],
                widths=[4, 2, 2, 2],
            )
        )
    doc.sections.append(agreements)

    # VII. Conclusions
    open_items = ActionItem.objects.filter(framework=fw).open().count()
    conclusions = Section(p["s_conclusions"])
    conclusions.add(
        Para(
            p["conclusion_1"].format(
                partner=partner,
                done=status_count["completed"],
                n=len(activities),
                ongoing=status_count["ongoing"],
            )
        )
    )
    conclusions.add(Para(p["conclusion_2"].format(open=open_items)))
    doc.sections.append(conclusions)
    tick(1.0)
    return doc


def _general_section(fw, p, meetings, start, end) -> Section:
    section = Section(p["s_general"])
    general = sorted(
        (m for m in meetings if m.kind == "general" and m.start_on), key=lambda m: m.start_on
    )
    held = [m for m in general if start <= m.start_on <= end]
    before = [m for m in general if m.start_on < start]
    for m in ([before[-1]] if before else []) + held:
        key = "gm_held" if m in held else "gm_previous"
        n = len(m.decisions.all())
        if not n:
            key += "_nodecisions"
        refs = [d.symbol or d.title for d in m.documents.all() if d.symbol or d.title]
        section.add(
            Para(
                p[key].format(place=m.place or "…", dates=p.dates(m.start_on, m.end_on), n=n),
                footnotes=[p["meeting_docs"].format(docs=p.join(refs))] if refs else [],
            )
        )
    items = list(
        ActionItem.objects.filter(framework=fw, decision__meeting__kind="general").values(
            "created_at", "closed_on", "status", "due_on", "title"
        )
    )
    opened = [i for i in items if start <= timezone.localdate(i["created_at"]) <= end]
    closed = [i for i in items if i["closed_on"] and start <= i["closed_on"] <= end]
    still_open = [i for i in items if i["status"] in ActionItem.OPEN_STATUSES]
    overdue = [i for i in still_open if i["due_on"] and i["due_on"] < end]
    section.add(
        Para(
            p["gm_followup"].format(
                total=len(items),
                opened=len(opened),
                closed=len(closed),
                open=len(still_open),
                overdue=len(overdue),
            )
        )
    )
    if closed:
        section.add(Para(p["gm_closed"].format(items=p.join([i["title"] for i in closed]))))
    quarters = _quarters(start, end)
    o = Counter(_quarter(timezone.localdate(i["created_at"])) for i in opened)
    c = Counter(_quarter(i["closed_on"]) for i in closed)
    png, svg = charts.paired_bars(
        quarters, [o[q] for q in quarters], [c[q] for q in quarters], p["opened"], p["closed"]
    )
    section.add(Figure(p["fig_actions"], png, svg))
    planned = [m for m in meetings if m.kind == "general" and not m.start_on and m.year_planned]
    if planned:
        nxt = planned[0]
        host = nxt.host_organization.name if nxt.host_organization_id else ""
        key = "gm_next" if host else "gm_next_nohost"
        section.add(Para(p[key].format(year=nxt.year_planned, host=host)))
    return section
