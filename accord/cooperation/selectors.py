"""Reads that several pages, reports and the bench share.

``matrix_rows`` is the matrix of activities of one biennium: reads Activity with its
priority area and both leads (one JOIN each) and the latest progress update of each row
(correlated subqueries on the (activity, date, id) index, no sort), so showing the matrix
costs one query however many rows it has. Writes nothing.

The text search reads ``Activity.search_text``, a lower-cased copy of code, title and
description that the database generates: PostgreSQL has statistics for that column, so
it estimates how many rows match; with ``UPPER(col) LIKE '%word%'`` it guessed one row,
chose nested loops with a scan of the entity table per row, and took four times longer.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.expressions import Combinable
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from accord.accounts.permissions import can_view, visible_or_404
from accord.cooperation.models import Activity, Biennium, Framework, PriorityArea, ProgressUpdate
from accord.registry.models import Entity

# The orders a page may ask for (the leading "-" reverses).
MATRIX_ORDERS = {
    "code": ("code",),
    "title": ("title", "code"),
    "status": ("status", "code"),
    "priority_area": ("priority_area__order", "priority_area__code", "code"),
    "un_lead": ("un_lead__acronym", "un_lead__name_en", "code"),
    "partner_lead": ("partner_lead__acronym", "partner_lead__name_en", "code"),
    "start_on": ("start_on", "code"),
    "last_progress": ("last_progress_date", "code"),
}


def participants_by_activity(ids: Iterable[int], *, value: str = "entity_id") -> dict:
    """The other participants of each activity in ``ids``, in one query: activity id ->
    set of ``value`` (the entity's id, or a lookup such as ``"entity__acronym"``); every
    id of ``ids`` is a key, with an empty set when the activity has none."""
    ids = list(ids)
    out: dict[int, set] = {pk: set() for pk in ids}
    through = Activity.participants.through.objects.filter(activity_id__in=ids)
    for aid, item in through.values_list("activity_id", value):
        out[aid].add(item)
    return out


def _pk(value):
    return getattr(value, "pk", value)


def matrix_rows(
    *,
    biennium: Biennium | int,
    priority_area: PriorityArea | int | None = None,
    entity: Entity | int | None = None,
    status: str | Iterable[str] | None = None,
    text: str | None = None,
    order: str = "priority_area",
    include_participants: bool = True,
) -> QuerySet[Activity]:
    """The live activities of ``biennium``, filtered and ordered, each annotated with
    ``last_progress_date``, ``last_progress_text`` and ``last_progress_status``.

    - ``priority_area``: one area (object or id).
    - ``entity``: the entity leads the activity on either side (or takes part in it,
      unless ``include_participants`` is False).
    - ``status``: one status or several (``Activity.Status`` values).
    - ``text``: words that must all occur (case-insensitive; on SQLite only ASCII letters
      fold) in the code, title or description.
    - ``order``: a key of ``MATRIX_ORDERS``, optionally with a leading "-".

    Raises ``ValueError`` on an unknown order or status. Returns a lazy queryset, so the
    caller can paginate or count it.
    """
    key = order.lstrip("-")
    if key not in MATRIX_ORDERS:
        raise ValueError(f"unknown order {order!r}; expected one of {sorted(MATRIX_ORDERS)}")
    latest = ProgressUpdate.objects.filter(activity=OuterRef("pk")).order_by("-date", "-id")
    rows = (
        Activity.objects.filter(biennium=_pk(biennium))
        .select_related("priority_area", "un_lead", "partner_lead")
        .annotate(
            last_progress_date=Subquery(latest.values("date")[:1]),
            last_progress_text=Subquery(latest.values("text")[:1]),
            last_progress_status=Subquery(latest.values("status_after")[:1]),
        )
    )
    if priority_area is not None:
        rows = rows.filter(priority_area=_pk(priority_area))
    if entity is not None:
        eid = _pk(entity)
        either: Q | Combinable = Q(un_lead=eid) | Q(partner_lead=eid)
        if include_participants:
            through = Activity.participants.through
            either |= Exists(through.objects.filter(activity=OuterRef("pk"), entity=eid))
        rows = rows.filter(either)
    if status:
        statuses = [status] if isinstance(status, str) else list(status)
        unknown = set(statuses) - set(Activity.Status.values)
        if unknown:
            raise ValueError(f"unknown status {sorted(unknown)}; expected {Activity.Status.values}")
        rows = rows.filter(status__in=statuses)
    for word in (text or "").lower().split():
        rows = rows.filter(search_text__contains=word)
    fields = MATRIX_ORDERS[key]
    if order.startswith("-"):
        fields = tuple(f"-{f}" for f in fields)
    return rows.order_by(*fields)


# The columns of the matrix as plain values (what the matrix page, exports and reports show).
MATRIX_COLUMNS = (
    "id",
    "code",
    "title",
    "status",
    "start_on",
    "end_on",
    "version",
    "is_demo",
    "funding_source",
    "priority_area_id",
    "priority_area__code",
    "priority_area__name_en",
    "priority_area__name_fr",
    "priority_area__name_ar",
    "un_lead_id",
    "un_lead__acronym",
    "un_lead__name_en",
    "partner_lead_id",
    "partner_lead__acronym",
    "partner_lead__name_en",
    "last_progress_date",
    "last_progress_text",
    "last_progress_status",
)


def matrix_values(**filters) -> QuerySet:
    """``matrix_rows(**filters)`` as dicts of ``MATRIX_COLUMNS``: the same rows, one query,
    about four times cheaper to build than model instances when a whole biennium (thousands
    of rows) is shown or exported at once."""
    return matrix_rows(**filters).values(*MATRIX_COLUMNS)


def entities_of(framework: Framework) -> QuerySet:
    """Entities of the framework's two organizations, grouped by organization then name
    (the pages' pickers, the activity log's filter)."""
    return (
        Entity.objects.filter(organization__in=[framework.un_organization_id, framework.partner_id])
        .select_related("organization")
        .order_by("organization__code", "acronym", "name_en")
    )


def framework_for(request: HttpRequest, slug: str) -> Framework:
    """The framework named in the URL; a 404 when there is none or the permissions module
    says that the request's user may not read it (the pages, the search, the log)."""
    framework = get_object_or_404(
        Framework.objects.select_related("un_organization", "partner"), slug=slug
    )
    visible_or_404(can_view(request.user, framework))
    return framework
