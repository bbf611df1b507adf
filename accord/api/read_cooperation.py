"""Reads of the cooperation: frameworks, bienniums, priority areas, the matrix of
activities (the matrix page's filters, through the same selector), meetings, decisions
and action items. Public where the pages are public; every row asked of the permissions
module (``viewable``), a row the caller may not read is 404."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router

from accord.api import schemas as S
from accord.api.common import (
    READ_ERRORS,
    Id,
    PageQuery,
    Pk,
    Slug,
    detail,
    framework_of,
    one,
    page,
    seen,
    tag,
    text,
)
from accord.api.errors import ApiError
from accord.cooperation.models import (
    ActionItem,
    Activity,
    Biennium,
    Decision,
    Framework,
    Meeting,
    PriorityArea,
)
from accord.cooperation.selectors import MATRIX_ORDERS, matrix_rows

router = Router(tags=["cooperation"])
# Enumerations in the OpenAPI document, made from the models' own choices.
if TYPE_CHECKING:
    MatrixOrder = str
    ActivityStatus = str
else:
    MatrixOrder = Literal[tuple(k for o in MATRIX_ORDERS for k in (o, f"-{o}"))]
    ActivityStatus = Literal[tuple(Activity.Status.values)]


@router.get("/frameworks", response={200: S.FrameworkPage, **READ_ERRORS})
def frameworks(request, q: Query[PageQuery]):
    rows = Framework.objects.select_related("un_organization", "partner").order_by("slug")
    return page(seen(request, rows), q)


@router.get("/frameworks/{slug}", response={200: S.FrameworkOut, **READ_ERRORS})
def framework(request, slug: Slug, response: HttpResponse):
    fw = framework_of(request, slug)
    tag(response, fw)
    return fw


@router.get("/frameworks/{slug}/bienniums", response={200: S.BienniumPage, **READ_ERRORS})
def bienniums(request, slug: Slug, q: Query[PageQuery]):
    fw = framework_of(request, slug)
    return page(seen(request, Biennium.objects.filter(framework=fw).order_by("-start_year")), q)


@router.get("/frameworks/{slug}/priority-areas", response={200: S.PriorityAreaPage, **READ_ERRORS})
def priority_areas(request, slug: Slug, q: Query[PageQuery]):
    fw = framework_of(request, slug)
    return page(seen(request, PriorityArea.objects.filter(framework=fw)), q)


class MatrixQuery(PageQuery):
    """The matrix page's filters (docs/api.md): a biennium label (default: the latest),
    a priority area id, an entity id (either lead, or a participant), a status, words."""

    biennium: str | None = Field(None, pattern=r"^[0-9]{4}-[0-9]{4}$", examples=["2018-2019"])
    area: Id | None = None
    entity: Id | None = None
    status: ActivityStatus | None = None
    q: str | None = text(200, default=None)
    order: MatrixOrder = "priority_area"


def _biennium(fw: Framework, label: str | None) -> Biennium:
    rows = Biennium.objects.filter(framework=fw).order_by("-start_year")
    found = next((b for b in rows if label in (None, b.label)), None)
    if found is None:
        message = _("This framework has no biennium %(value)s.") % {"value": label}
        raise ApiError(400, message, {"biennium": [message]})
    return found


def _matrix_filters(fw: Framework, q: MatrixQuery) -> dict:
    if q.area is not None and not PriorityArea.objects.filter(pk=q.area, framework=fw).exists():
        message = _("This framework has no priority area %(value)s.") % {"value": q.area}
        raise ApiError(400, message, {"area": [message]})
    return {
        "biennium": _biennium(fw, q.biennium),
        "priority_area": q.area,
        "entity": q.entity,
        "status": q.status or None,
        "text": (q.q or "")[:200],
        "order": q.order,
    }


@router.get("/frameworks/{slug}/activities", response={200: S.ActivityPage, **READ_ERRORS})
def activities(request, slug: Slug, q: Query[MatrixQuery]):
    """The matrix of a biennium, filtered and sorted as on the matrix page."""
    fw = framework_of(request, slug)
    return page(seen(request, matrix_rows(**_matrix_filters(fw, q))), q)


@router.get("/activities/{pk}", response={200: S.ActivityDetail, **READ_ERRORS})
def activity(request, pk: Pk, response: HttpResponse):
    rows = Activity.objects.prefetch_related(
        "participants", "mandates", "sdg_targets", "indicators", "progress_updates"
    )
    return detail(request, response, rows, pk)


@router.get("/frameworks/{slug}/meetings", response={200: S.MeetingPage, **READ_ERRORS})
def meetings(request, slug: Slug, q: Query[PageQuery]):
    fw = framework_of(request, slug)
    return page(seen(request, Meeting.objects.filter(framework=fw)), q)


@router.get("/meetings/{pk}", response={200: S.MeetingDetail, **READ_ERRORS})
def meeting(request, pk: Pk, response: HttpResponse):
    rows = Meeting.objects.prefetch_related("participants", "decisions", "documents")
    return detail(request, response, rows, pk)


@router.get("/meetings/{pk}/decisions", response={200: S.DecisionPage, **READ_ERRORS})
def decisions(request, pk: Pk, q: Query[PageQuery]):
    row = one(request, Meeting.objects.all(), pk=pk)
    return page(seen(request, Decision.objects.filter(meeting=row)), q)


@router.get("/decisions/{pk}", response={200: S.DecisionOut, **READ_ERRORS})
def decision(request, pk: Pk, response: HttpResponse):
    return detail(request, response, Decision.objects.all(), pk)


class ActionItemQuery(PageQuery):
    """``state``: open, closed or overdue (open and due before today); ``owner``: an entity id."""

    state: Literal["open", "closed", "overdue"] | None = None
    owner: Id | None = None


STATES = {
    "open": lambda rows: rows.open(),
    "closed": lambda rows: rows.closed(),
    "overdue": lambda rows: rows.overdue(timezone.localdate()),
}


@router.get("/frameworks/{slug}/action-items", response={200: S.ActionItemPage, **READ_ERRORS})
def action_items(request, slug: Slug, q: Query[ActionItemQuery]):
    fw = framework_of(request, slug)
    rows = ActionItem.objects.filter(framework=fw)
    if q.state:
        rows = STATES[q.state](rows)
    if q.owner is not None:
        rows = rows.filter(owner=q.owner)
    return page(seen(request, rows), q)


@router.get("/action-items/{pk}", response={200: S.ActionItemOut, **READ_ERRORS})
def action_item(request, pk: Pk, response: HttpResponse):
    return detail(request, response, ActionItem.objects.all(), pk)
