"""The review pack of a general meeting, as plain data: per priority area, every matrix
activity with its leads, status and last progress; and every recommendation of the
previous general meeting with the state of its action items.

``build_review_pack(meeting, lang)`` reads Meeting, Decision, ActionItem, PriorityArea
and the matrix (``accord.cooperation.selectors.matrix_rows``, which brings each
activity's last progress update); returns a ``document.Document`` (kind
"review_pack"). Writes nothing.
"""

from __future__ import annotations

from django.utils import timezone, translation

from accord.cooperation.models import ActionItem, Biennium, Meeting, PriorityArea
from accord.cooperation.selectors import matrix_rows
from accord.reports.document import Document, Para, Section, Table
from accord.reports.phrases import phrases
from accord.reports.sg_report import title_case


def meeting_year(meeting: Meeting) -> int:
    if meeting.start_on:
        return meeting.start_on.year
    return meeting.year_planned or timezone.localdate().year


def previous_general_meeting(meeting: Meeting) -> Meeting | None:
    """The general meeting of the same framework held before ``meeting``."""
    found = Meeting.objects.filter(
        framework=meeting.framework_id, kind=Meeting.Kind.GENERAL, start_on__isnull=False
    ).exclude(pk=meeting.pk)
    if meeting.start_on:
        found = found.filter(start_on__lt=meeting.start_on)
    else:
        found = found.filter(start_on__year__lte=meeting_year(meeting))
    return found.order_by("-start_on").first()


def _leads(activity) -> str:
    return " / ".join(str(e) for e in (activity.un_lead, activity.partner_lead) if e)


def build_review_pack(meeting: Meeting, lang: str = "en", *, progress=None) -> Document:
    tick = progress or (lambda fraction: None)
    with translation.override(lang):
        p = phrases(lang)
        previous = previous_general_meeting(meeting)
        doc = Document(
            lang=lang,
            kind="review_pack",
            title=p["rp_title"],
            subtitle=p["rp_subtitle"].format(meeting=meeting.title),
        )
        rows_by_area = _rows_by_area(meeting, previous)
        tick(0.4)
        doc.sections.append(_areas_section(meeting, rows_by_area, p))
        tick(0.7)
        doc.sections.append(_recommendations_section(previous, p))
        tick(1.0)
        return doc


def _rows_by_area(meeting: Meeting, previous: Meeting | None) -> dict[int, list]:
    """The matrix rows of the bienniums since the previous general meeting, by priority
    area."""
    year = meeting_year(meeting)
    since = previous.start_on.year if previous and previous.start_on else year - 2
    bienniums = Biennium.objects.filter(
        framework=meeting.framework_id, start_year__lte=year, end_year__gte=since
    ).order_by("start_year")
    rows_by_area: dict[int, list] = {}
    for biennium in bienniums:
        for activity in matrix_rows(biennium=biennium):
            rows_by_area.setdefault(activity.priority_area_id, []).append(activity)
    return rows_by_area


def _areas_section(meeting: Meeting, rows_by_area: dict[int, list], p) -> Section:
    """One subsection per priority area: a table of its activities, or "none"."""
    matrix = Section(p["rp_areas"])
    headers = [p["rp_code"], p["rp_activity"], p["rp_leads"], p["rp_status"], p["rp_progress"]]
    for area in PriorityArea.objects.filter(framework=meeting.framework_id):
        sub = matrix.add(Section(title_case(area.name)))
        rows = rows_by_area.get(area.pk, [])
        if not rows:
            sub.add(Para(p["rp_none"], numbered=False))
            continue
        sub.add(Table(headers, [_activity_row(a, p) for a in rows], widths=[1.4, 4, 2, 1.4, 4]))
    return matrix


def _activity_row(a, p) -> list[str]:
    last = f"{p.date(a.last_progress_date)}: {a.last_progress_text}" if a.last_progress_date else ""
    return [a.code, a.title, _leads(a), p.status(a.status), last]


def _recommendations_section(previous: Meeting | None, p) -> Section:
    """Each recommendation of the previous general meeting with its action items."""
    if previous is None:
        recs = Section(p["rp_recommendations"].format(meeting="…"))
        recs.add(Para(p["rp_no_previous"], numbered=False))
        return recs
    recs = Section(p["rp_recommendations"].format(meeting=previous.title))
    items_of: dict[int, list[ActionItem]] = {}
    for item in (
        ActionItem.objects.filter(decision__meeting=previous)
        .select_related("owner")
        .order_by("due_on", "id")
    ):
        if item.decision_id is not None:  # filtered on the decision's meeting: always set
            items_of.setdefault(item.decision_id, []).append(item)
    headers = [p["rp_items"], p["rp_owner"], p["rp_due"], p["rp_status"]]
    for decision in previous.decisions.all():
        recs.add(Para(f"{p['rp_recommendation']} {decision.number}: {decision.text}".strip()))
        items = items_of.get(decision.pk, [])
        if items:
            recs.add(Table(headers, [_item_row(i, p) for i in items], widths=[5, 2, 2, 2]))
        else:
            recs.add(Para(f"{p['rp_items']}: {p['rp_none']}", numbered=False))
    return recs


def _item_row(i: ActionItem, p) -> list[str]:
    closed = f" ({p.date(i.closed_on)})" if i.closed_on else ""
    return [i.title, str(i.owner or ""), p.date(i.due_on), p.status(i.status) + closed]
