"""What the Secretary-General's report says, read once, as of the last day of its period.

``read_report_data(framework, start, end)`` returns a ``ReportData``: the activities of
the period with their titles, statuses, priority areas, leads and participants as they
stood on ``end`` (from the history records every model keeps), the meetings held and
the agreements signed within the period, the action items as they stood on ``end``,
the next general meeting as known then, the progress written in the period, and the
mandate that asks for the report. Every figure of the report is taken from it, so no two
counts of the same thing can differ. Writes nothing.

"As of the end" reads, for each row, its latest history record dated on or before the
end of the last day. A row first recorded after that day (a matrix typed in later, about
the past) is read as first recorded; a row with no history at all (bulk-loaded) as it is.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from accord.cooperation.models import (
    ActionItem,
    Activity,
    Biennium,
    Framework,
    Meeting,
    PriorityArea,
    ProgressUpdate,
)
from accord.documents.models import Mandate
from accord.registry.models import Agreement, Entity, Organization
from accord.reports.models import Contribution, ContributionCall
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
IN_FORCE = ("signed", "in_force", "renewed")
ACTIVITY_FIELDS = (
    "id",
    "code",
    "title",
    "status",
    "priority_area_id",
    "un_lead_id",
    "partner_lead_id",
    "biennium_id",
    "start_on",
    "end_on",
    "deleted_at",
)


@dataclass(frozen=True)
class ActivityRow:
    """One activity as it stood on the last day of the period."""

    id: int
    code: str
    title: str
    status: str
    priority_area_id: int
    un_lead_id: int | None
    partner_lead_id: int | None
    biennium_id: int
    start_on: datetime.date | None
    end_on: datetime.date | None


@dataclass
class ActionCounts:
    """The general meetings' action items: all of them, opened and closed in the period,
    open on the last day and, of those, past their due date; opened/closed by day."""

    total: int = 0
    opened: list[datetime.date] = field(default_factory=list)
    closed: list[datetime.date] = field(default_factory=list)
    closed_titles: list[str] = field(default_factory=list)
    open: int = 0
    overdue: int = 0


@dataclass
class ReportData:
    framework: Framework
    start: datetime.date
    end: datetime.date
    mandate: Mandate | None
    session: int
    agenda_item: str  # e.g. "128 (o)", from the resolution; "" when none is recorded
    activities: list[ActivityRow]
    participants: dict[int, set[int]]
    areas: list[PriorityArea]
    entities: dict[int, Entity]
    bienniums: list[str]
    meetings: list[Meeting]  # consultations and high-level meetings held in the period
    general_held: list[Meeting]
    general_previous: Meeting | None
    actions: ActionCounts
    next_general: tuple[int, Organization | None] | None  # (year, host) as known on the last day
    concluded: list[Agreement]
    in_force: list[Agreement]
    progress: dict[int, list[ProgressUpdate]]
    contributions: dict[int, Contribution] = field(default_factory=dict)  # accepted, by entity

    @property
    def status_count(self) -> Counter:
        return Counter(a.status for a in self.activities)

    @property
    def area_count(self) -> int:
        return len({a.priority_area_id for a in self.activities})

    def un_entities(self) -> dict[int, list[ActivityRow]]:
        """UN entity id -> the activities it leads or takes part in, by entity name."""
        un = self.framework.un_organization_id
        rows: dict[int, list[ActivityRow]] = {}
        for a in self.activities:
            for eid in sorted({a.un_lead_id} | self.participants.get(a.id, set()), key=str):
                entity = self.entities.get(eid) if eid else None
                if eid and entity is not None and entity.organization_id == un:
                    rows.setdefault(eid, []).append(a)
        return dict(sorted(rows.items(), key=lambda kv: self.entities[kv[0]].name.lower()))


def end_of_day(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.max))


def rows_as_of(model, filters: Q, moment: datetime.datetime, fields) -> dict[int, dict]:
    """``model``'s rows matching ``filters`` as they stood at ``moment``: id -> the
    ``fields`` values (and ``history_id``). Rows deleted by then are left out."""
    history = model.history.model
    chosen: dict[int, dict] = {}
    records = history.objects.filter(filters).order_by("id", "history_date", "history_id")
    for rec in records.values(*fields, "history_id", "history_date", "history_type"):
        known = chosen.get(rec["id"])
        if known is None or rec["history_date"] <= moment:
            chosen[rec["id"]] = rec
    for rec in model.all_objects.filter(filters).exclude(pk__in=list(chosen)).values(*fields):
        chosen[rec["id"]] = rec | {"history_id": None, "history_type": "~"}
    return {
        pk: rec
        for pk, rec in chosen.items()
        if rec["history_type"] != "-" and (rec["deleted_at"] is None or rec["deleted_at"] > moment)
    }


def _activities(fw: Framework, start, end, moment) -> tuple[list[ActivityRow], dict]:
    years = set(
        Biennium.all_objects.filter(
            framework=fw, start_year__lte=end.year, end_year__gte=start.year
        ).values_list("pk", flat=True)
    )
    found = rows_as_of(Activity, Q(framework_id=fw.pk), moment, ACTIVITY_FIELDS)
    rows, history_ids = [], {}
    for rec in found.values():
        if rec["biennium_id"] not in years:
            continue
        if (rec["start_on"] and rec["start_on"] > end) or (rec["end_on"] and rec["end_on"] < start):
            continue
        rows.append(ActivityRow(**{k: rec[k] for k in ACTIVITY_FIELDS if k != "deleted_at"}))
        history_ids[rec["id"]] = rec["history_id"]
    return rows, history_ids


def _participants(history_ids: dict[int, int | None]) -> dict[int, set[int]]:
    """Each activity's other participants as its chosen history record lists them (the
    current ones for a row without history)."""
    out: dict[int, set[int]] = {pk: set() for pk in history_ids}
    through = Activity.history.model._meta.get_field(
        "historicalactivity_participants"
    ).related_model
    recorded = [h for h in history_ids.values() if h is not None]
    for aid, eid in through.objects.filter(history_id__in=recorded).values_list(
        "activity_id", "entity_id"
    ):
        out[aid].add(eid)
    current = [pk for pk, h in history_ids.items() if h is None]
    for aid, eid in Activity.participants.through.objects.filter(
        activity_id__in=current
    ).values_list("activity_id", "entity_id"):
        out[aid].add(eid)
    return out


def find_mandate(fw: Framework, start: datetime.date, end: datetime.date) -> Mandate | None:
    """The mandate that asks the Secretary-General for this report: a mandate of the
    framework's resolutions adopted by the end of the period whose action or paragraph
    speaks of a report, due in or just after the period; the latest resolution wins."""
    found = (
        Mandate.objects.filter(resolution__framework=fw)
        .filter(Q(resolution__adopted_on__isnull=True) | Q(resolution__adopted_on__lte=end))
        .filter(Q(action__icontains="report") | Q(paragraph__text__icontains="report"))
        .select_related("resolution", "paragraph")
        .order_by("-resolution__adopted_on", "-resolution__session")
    )
    for mandate in found:
        if mandate.due_year is None or start.year <= mandate.due_year <= end.year + 1:
            return mandate
    return found.first()


def _action_counts(fw: Framework, start, end, moment) -> ActionCounts:
    fields = (
        "id",
        "title",
        "status",
        "closed_on",
        "due_on",
        "created_at",
        "deleted_at",
        "decision_id",
    )
    general = set(
        ActionItem.all_objects.filter(framework=fw, decision__meeting__kind="general").values_list(
            "pk", flat=True
        )
    )
    items = [
        rec
        for rec in rows_as_of(ActionItem, Q(framework_id=fw.pk), moment, fields).values()
        if rec["id"] in general and timezone.localdate(rec["created_at"]) <= end
    ]
    counts = ActionCounts(total=len(items))
    for rec in items:
        created = timezone.localdate(rec["created_at"])
        if start <= created:
            counts.opened.append(created)
        if rec["closed_on"] and start <= rec["closed_on"] <= end:
            counts.closed.append(rec["closed_on"])
            counts.closed_titles.append(rec["title"])
        if rec["status"] in ActionItem.OPEN_STATUSES:
            counts.open += 1
            counts.overdue += bool(rec["due_on"] and rec["due_on"] < end)
    return counts


def _next_general(fw: Framework, end, moment) -> tuple[int, Organization | None] | None:
    """The next general meeting as the records stood on the last day: one not yet held
    then, by the year it was planned for (or held in)."""
    fields = ("id", "kind", "start_on", "year_planned", "host_organization_id", "deleted_at")
    later = []
    for rec in rows_as_of(Meeting, Q(framework_id=fw.pk), moment, fields).values():
        if rec["kind"] != "general" or (rec["start_on"] and rec["start_on"] <= end):
            continue
        year = rec["start_on"].year if rec["start_on"] else rec["year_planned"]
        if year:
            later.append((year, rec["host_organization_id"]))
    if not later:
        return None
    year, host = min(later, key=lambda t: t[0])
    return year, Organization.objects.filter(pk=host).first() if host else None


def _meetings(fw: Framework, start, end):
    meetings = list(
        Meeting.objects.filter(framework=fw, start_on__isnull=False)
        .prefetch_related("documents", "decisions")
        .order_by("start_on", "pk")
    )
    held = [m for m in meetings if start <= m.start_on <= end]
    general_before = [m for m in meetings if m.kind == "general" and m.start_on < start]
    return (
        [m for m in held if m.kind in MEETING_KINDS],
        [m for m in held if m.kind == "general"],
        general_before[-1] if general_before else None,
    )


def _agreements(fw: Framework, start, end, moment):
    concluded = list(
        Agreement.objects.filter(framework=fw, signed_on__gte=start, signed_on__lte=end)
        .prefetch_related("parties")
        .select_related("source_paragraph__resolution")
        .order_by("signed_on")
    )
    fields = ("id", "status", "signed_on", "expires_on", "deleted_at")
    standing = [
        pk
        for pk, rec in rows_as_of(Agreement, Q(framework_id=fw.pk), moment, fields).items()
        if rec["status"] in IN_FORCE
        and rec["signed_on"]
        and rec["signed_on"] <= end
        and (rec["expires_on"] is None or rec["expires_on"] >= end)
    ]
    in_force = list(
        Agreement.objects.filter(pk__in=standing).prefetch_related("parties").order_by("signed_on")
    )
    return concluded, in_force


def _progress(ids, start, end) -> dict[int, list[ProgressUpdate]]:
    out: dict[int, list[ProgressUpdate]] = {pk: [] for pk in ids}
    for update in (
        ProgressUpdate.objects.filter(activity_id__in=list(ids), date__gte=start, date__lte=end)
        .only("activity_id", "date", "text")  # what the report writes of an update
        .order_by("date", "pk")
    ):
        out[update.activity_id].append(update)
    return out


def read_report_data(fw: Framework, start: datetime.date, end: datetime.date) -> ReportData:
    moment = end_of_day(end)
    activities, history_ids = _activities(fw, start, end, moment)
    activities.sort(key=lambda a: a.code)
    areas = list(PriorityArea.objects.filter(framework=fw).order_by("order", "code"))
    order = {area.pk: i for i, area in enumerate(areas)}
    activities.sort(key=lambda a: order.get(a.priority_area_id, len(order)))
    mandate = find_mandate(fw, start, end)
    meetings, general_held, general_previous = _meetings(fw, start, end)
    concluded, in_force = _agreements(fw, start, end, moment)
    return ReportData(
        framework=fw,
        start=start,
        end=end,
        mandate=mandate,
        session=(mandate.due_session if mandate and mandate.due_session else None)
        or session_opening_in(end.year),
        agenda_item=(mandate.resolution.agenda_items or [""])[0] if mandate else "",
        activities=activities,
        participants=_participants(history_ids),
        areas=areas,
        entities={e.pk: e for e in Entity.all_objects.select_related("organization")},
        bienniums=_bienniums(fw, activities, start, end),
        meetings=meetings,
        general_held=general_held,
        general_previous=general_previous,
        actions=_action_counts(fw, start, end, moment),
        next_general=_next_general(fw, end, moment),
        concluded=concluded,
        in_force=in_force,
        progress=_progress(history_ids, start, end),
        contributions=accepted_contributions(fw, start, end),
    )


def accepted_contributions(fw: Framework, start, end) -> dict[int, Contribution]:
    """Entity id -> its accepted contribution to the latest call on exactly this
    framework and period (none when no call was opened for it)."""
    call = ContributionCall.objects.filter(framework=fw, start=start, end=end).first()
    if call is None:
        return {}
    accepted = call.contributions.filter(status=Contribution.Status.ACCEPTED)
    return {c.entity_id: c for c in accepted.select_related("entity")}


def _bienniums(fw, activities, start, end) -> list[str]:
    wanted = {a.biennium_id for a in activities}
    found = Biennium.all_objects.filter(framework=fw, start_year__lte=end.year).filter(
        end_year__gte=start.year
    )
    labels = [b.label for b in found.order_by("start_year") if not wanted or b.pk in wanted]
    return labels or [f"{start.year}-{end.year}"]
