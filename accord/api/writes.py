"""Writes through the API: edit an activity (PATCH some of the fields of its edit page, PUT
all of them) or delete it (soft, restorable from the pages, as the page's delete), add a
progress update, edit (PATCH or PUT) and close an action item. Each asks the permissions module as the page does,
validates with the page's own form, and writes through the services
(``accord.cooperation.services``); ``If-Match`` carries the version the caller read.

A write needs a read-write token (``auth.writer``); a row the caller may not read is 404,
one they read but may not change is 403.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any

from django.http import HttpResponse
from django.utils.translation import gettext as _
from ninja import Schema, Status
from ninja.schema import Field

from accord.accounts.permissions import can_close, can_delete, can_edit
from accord.api import schemas as S
from accord.api.auth import writer
from accord.api.common import WRITE_ERRORS, Id, IfMatch, Pk, if_match, if_match_given, one, tag
from accord.api.common import text as text_field
from accord.api.errors import ApiError
from accord.api.read_cooperation import (
    ActivityStatus,
    router,  # one router: a path's reads and writes
)
from accord.cooperation import services
from accord.cooperation.models import ActionItem, Activity
from accord.web.edit_forms import ActionItemEditForm, ActivityFullForm
from accord.web.forms import CloseForm, ProgressForm

WRITES = ["writes"]


def _refuse_unless(allowed: bool) -> None:
    if not allowed:
        raise ApiError(403, _("You may not change this."))


def _form_data(form, patch: dict[str, Any]) -> dict[str, Any]:
    """The values the form shows for its row, with ``patch`` (JSON values) over them."""
    data: dict[str, Any] = {}
    for name in form._meta.fields:
        value = form[name].value()
        data[name] = (
            [] if value is None and name in form.fields and _is_multiple(form, name) else value
        )
    for name, value in patch.items():
        data[name] = "" if value is None else value
    return data


def _is_multiple(form, name: str) -> bool:
    return hasattr(form.fields[name], "queryset") and getattr(
        form.fields[name].widget, "allow_multiple_selected", False
    )


def _validated(form_class, obj, patch: dict[str, Any], framework):
    """The page's form for ``obj`` filled with ``patch``; 400 with its field errors when
    a value is refused (a choice that is not of the framework, an end before the start)."""
    shown = form_class(instance=obj, framework=framework)
    return _checked(form_class(_form_data(shown, patch), instance=obj, framework=framework))


def _checked(form):
    """``form`` once valid; 400 with its errors by field otherwise."""
    if not form.is_valid():
        fields = {k: [str(m) for m in v] for k, v in form.errors.items()}
        raise ApiError(400, " ".join(m for v in fields.values() for m in v), fields)
    return form


class ActivityPatch(Schema):
    """Any of the fields of the activity's edit page; what is not sent stays as it is."""

    code: str | None = text_field(40, default=None)
    title: str | None = text_field(500, default=None)
    description: str | None = text_field(20_000, default=None)
    priority_area: Id | None = None
    un_lead: Id | None = None
    partner_lead: Id | None = None
    participants: list[Id] | None = Field(None, max_length=200)
    start_on: datetime.date | None = None
    end_on: datetime.date | None = None
    status: ActivityStatus | None = None
    sdg_targets: list[Annotated[str, text_field(8)]] | None = Field(
        None, max_length=200, description="target codes, e.g. 16.7"
    )
    funding_source: str | None = text_field(300, default=None)
    funding_entity: Id | None = None
    is_published: bool | None = None


def _writable_activity(request, pk: Pk) -> tuple[Activity, Any]:
    user = writer(request)
    activity = one(request, Activity.objects.select_related("framework"), pk=pk)
    _refuse_unless(can_edit(user, activity))
    return activity, user


def _sdg_ids(codes: list[str]) -> list[int]:
    from accord.cooperation.models import SDGTarget

    found = dict(SDGTarget.objects.filter(code__in=codes).values_list("code", "pk"))
    unknown = [c for c in codes if c not in found]
    if unknown:
        message = _("There is no SDG target %(codes)s.") % {"codes": ", ".join(unknown)[:100]}
        raise ApiError(400, message, {"sdg_targets": [message]})
    return [found[c] for c in codes]


class ActivityPut(ActivityPatch):
    """Every field of the activity's edit page: what is not sent is emptied (no
    participants, no SDG targets, no dates, not published)."""

    code: str = text_field(40)
    title: str = text_field(500)
    description: str = text_field(20_000, default="")
    participants: list[Id] = Field([], max_length=200)
    status: ActivityStatus
    sdg_targets: list[Annotated[str, text_field(8)]] = Field(
        [], max_length=200, description="target codes, e.g. 16.7"
    )
    funding_source: str = text_field(300, default="")
    is_published: bool = False


def _activity_write(request, pk: Pk, patch: dict[str, Any], response: HttpResponse):
    """PATCH and PUT: ``patch`` validated by the edit page's form over the activity's
    values, written by ``activity_update`` at the version ``If-Match`` names."""
    version = if_match(request)
    activity, user = _writable_activity(request, pk)
    if patch.get("sdg_targets") is not None:
        patch["sdg_targets"] = _sdg_ids(patch["sdg_targets"])
    copy = Activity.objects.get(pk=pk)
    form = _validated(ActivityFullForm, copy, patch, activity.framework)
    changes = {k: v for k, v in form.changes().items() if k in patch}
    saved = services.activity_update(
        activity=activity, user=user, expected_version=version, **changes
    )
    fresh = one(
        request,
        Activity.objects.prefetch_related(
            "participants", "mandates", "sdg_targets", "indicators", "progress_updates"
        ),
        pk=saved.pk,
    )
    tag(response, fresh)
    return fresh


@router.patch("/activities/{pk}", response={200: S.ActivityDetail, **WRITE_ERRORS}, tags=WRITES)
def activity_patch(
    request, pk: Pk, body: ActivityPatch, response: HttpResponse, if_match_header: IfMatch = None
):
    """Change fields of an activity (``If-Match``: its ETag)."""
    return _activity_write(request, pk, body.dict(exclude_unset=True), response)


@router.put("/activities/{pk}", response={200: S.ActivityDetail, **WRITE_ERRORS}, tags=WRITES)
def activity_put(
    request, pk: Pk, body: ActivityPut, response: HttpResponse, if_match_header: IfMatch = None
):
    """Replace every field of an activity's edit page (``If-Match``: its ETag)."""
    return _activity_write(request, pk, body.dict(), response)


@router.delete("/activities/{pk}", response={204: None, **WRITE_ERRORS}, tags=WRITES)
def activity_delete(request, pk: Pk, if_match_header: IfMatch = None):
    """Delete an activity as its page does: out of the matrix, restorable from the
    framework's deleted activities (``If-Match``: its ETag)."""
    version = if_match(request)
    user = writer(request)
    activity = one(request, Activity.objects.select_related("framework"), pk=pk)
    _refuse_unless(can_delete(user, activity))
    services.activity_soft_delete(activity=activity, user=user, expected_version=version)
    return Status(204, None)


class ProgressIn(Schema):
    text: str = text_field(5000, min_length=1)
    date: datetime.date | None = None
    status_after: ActivityStatus | None = None


@router.post(
    "/activities/{pk}/progress", response={201: S.ProgressOut, **WRITE_ERRORS}, tags=WRITES
)
def progress_add(
    request, pk: Pk, body: ProgressIn, response: HttpResponse, if_match_header: IfMatch = None
):
    """Record a progress update; with ``status_after`` the activity takes that status, so
    ``If-Match`` (the activity's ETag) is then required."""
    status = body.status_after or ""
    version = if_match(request) if status else if_match_given(request)
    activity, user = _writable_activity(request, pk)
    data = {"text": body.text, "status_after": status, "date": body.date}
    form = _checked(ProgressForm({**data, "version": version or activity.version}))
    update = services.activity_add_progress(
        activity=activity,
        user=user,
        text=form.cleaned_data["text"],
        date=form.cleaned_data["date"],
        status_after=status,
        expected_version=version,
    )
    tag(response, update)
    return Status(201, update)


class ActionItemPatch(Schema):
    """The fields of the action item's edit page; closing has its own operation."""

    title: str | None = text_field(500, default=None)
    owner: Id | None = None
    due_on: datetime.date | None = None
    status: str | None = text_field(
        12, default=None, description="open or in_progress (or the current one)"
    )


def _writable_item(request, pk: Pk, check) -> tuple[ActionItem, Any]:
    user = writer(request)
    item = one(request, ActionItem.objects.select_related("framework", "decision__meeting"), pk=pk)
    _refuse_unless(check(user, item))
    return item, user


class ActionItemPut(ActionItemPatch):
    """Every field of the action item's edit page: no owner or due date when not sent."""

    title: str = text_field(500)
    status: str = text_field(12, description="open or in_progress (or the current one)")


def _action_item_write(request, pk: Pk, patch: dict[str, Any], response: HttpResponse):
    version = if_match(request)
    item, user = _writable_item(request, pk, can_edit)
    copy = ActionItem.objects.select_related("decision__meeting").get(pk=pk)
    form = _validated(ActionItemEditForm, copy, patch, item.framework)
    changes = {k: v for k, v in form.changes().items() if k in patch}
    saved = services.action_item_update(item=item, user=user, expected_version=version, **changes)
    tag(response, saved)
    return saved


@router.patch("/action-items/{pk}", response={200: S.ActionItemOut, **WRITE_ERRORS}, tags=WRITES)
def action_item_patch(
    request, pk: Pk, body: ActionItemPatch, response: HttpResponse, if_match_header: IfMatch = None
):
    """Edit, reassign or move the due date of an action item (``If-Match``: its ETag)."""
    return _action_item_write(request, pk, body.dict(exclude_unset=True), response)


@router.put("/action-items/{pk}", response={200: S.ActionItemOut, **WRITE_ERRORS}, tags=WRITES)
def action_item_put(
    request, pk: Pk, body: ActionItemPut, response: HttpResponse, if_match_header: IfMatch = None
):
    """Replace the fields of an action item's edit page (``If-Match``: its ETag)."""
    return _action_item_write(request, pk, body.dict(), response)


class CloseIn(Schema):
    evidence: str = text_field(5000, min_length=1)
    evidence_url: str = text_field(200, default="")
    closed_on: datetime.date | None = None


@router.post(
    "/action-items/{pk}/close", response={200: S.ActionItemOut, **WRITE_ERRORS}, tags=WRITES
)
def action_item_close(
    request, pk: Pk, body: CloseIn, response: HttpResponse, if_match_header: IfMatch = None
):
    """Close an action item as done, with the evidence of closure (``If-Match`` required)."""
    version = if_match(request)
    item, user = _writable_item(request, pk, can_close)
    data = {"evidence": body.evidence, "evidence_url": body.evidence_url, "version": version}
    form = _checked(CloseForm(data))
    saved = services.action_item_close(
        item=item,
        user=user,
        evidence=form.cleaned_data["evidence"],
        evidence_url=form.cleaned_data["evidence_url"],
        closed_on=body.closed_on,
        expected_version=version,
    )
    tag(response, saved)
    return saved
