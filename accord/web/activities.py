"""An activity's page and its writes: the edit form, the inline status change and the
progress update of the matrix (htmx partials with a plain-form fallback).

Reads: the activity with its leads, participants, mandates (and their paragraphs),
indicators, progress updates and history records; a GET keeps the rendered page in the
cache (accord/web/cache.py) until the activity or what it shows changes. Writes through
``accord.cooperation.services`` only; a stale edit is shown, never overwritten.
"""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Field
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accord.accounts.permissions import (
    can_edit,
    can_view,
    grants_key,
    public_read,
    require,
    visible_or_404,
)
from accord.cooperation import services
from accord.cooperation.models import Activity
from accord.cooperation.selectors import matrix_rows
from accord.core.errors import AccordError, StaleEdit, add_form_errors, error_text
from accord.core.text import errors_by_field
from accord.documents.models import Mandate
from accord.notifications.services import notify_stale_edit
from accord.web.cache import CSRF_MARK, cached, csrf_field, with_csrf
from accord.web.common import framework_for, heavy, safe_next
from accord.web.forms import ActivityForm, ProgressForm, StatusForm
from accord.web.rows import render_row, row_context

HISTORY_LIMIT = 30


def activity_for(request: HttpRequest, framework, pk: int) -> Activity:
    activity = get_object_or_404(
        Activity.objects.select_related(
            "priority_area",
            "un_lead",
            "partner_lead",
            "biennium",
            "funding_entity",
            "carried_over_from",
        ),
        pk=pk,
        framework=framework,
    )
    activity.framework = framework  # the same row, already read
    visible_or_404(can_view(request.user, activity))
    return activity


def history_rows(activity: Activity) -> list[dict]:
    """The activity's last changes, each with its field differences (old -> new), newest
    first; many-to-many fields are left out so the diff costs no query per record."""
    fields = [f.name for f in Activity._meta.concrete_fields if f.editable and f.name != "id"]
    records = list(
        activity.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : HISTORY_LIMIT + 1
        ]
    )
    rows: list[dict] = []
    for newer, older in zip(records, records[1:] + [None], strict=False):
        if len(rows) == HISTORY_LIMIT:
            break
        changes = []
        if older is not None:
            delta = newer.diff_against(older, included_fields=fields)
            for change in delta.changes:
                field = cast(Field, Activity._meta.get_field(change.field))  # one of ``fields``
                old, new = change.old, change.new
                if field.choices:
                    labels = dict(field.choices)
                    old, new = labels.get(old, old), labels.get(new, new)
                changes.append({"field": field.verbose_name, "old": old, "new": new})
        rows.append({"record": newer, "changes": changes})
    return rows


def _form_initial(activity: Activity) -> dict:
    return {
        "title": activity.title,
        "description": activity.description,
        "status": activity.status,
        "start_on": activity.start_on,
        "end_on": activity.end_on,
        "version": activity.version,
    }


@public_read
def activity_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Show the activity; on POST, save the edit form (refused without the right)."""
    framework = framework_for(request, slug)
    activity = activity_for(request, framework, pk)
    may_edit = can_edit(request.user, activity)
    form = ActivityForm(initial=_form_initial(activity))
    conflict = None
    if request.method == "POST":
        require(may_edit)
        form = ActivityForm(request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            version = data.pop("version")
            try:
                services.activity_update(
                    activity=activity, user=request.user, expected_version=version, **data
                )
            except StaleEdit as error:
                conflict = error
                notify_stale_edit(request.user, error)
                activity.refresh_from_db()
                form = ActivityForm(initial={**form.cleaned_data, "version": activity.version})
            except AccordError as error:
                add_form_errors(form, error)
            else:
                messages.success(request, _("The activity was saved."))
                return redirect("activity", slug=slug, pk=pk)
    base = {"framework": framework, "page": "matrix", "activity": activity, "may_edit": may_edit}
    body: str
    if request.method == "POST":  # the form as posted, with its errors or the conflict
        extra = {"form": form, "conflict": conflict, "csrf_field": csrf_field(request)}
        context = {**base, **body_context(activity), **extra}
        body = render_to_string("web/activity_body.html", context, request)
    else:
        body = with_csrf(kept_body(request, activity, {**base, "form": form}), request)
    return render(request, "web/activity.html", {**base, "body": mark_safe(body)})


# What an activity's page shows besides the activity's own row (keyed by its version and
# last save): a write of any of these replaces its token (accord/web/cache.py).
# tests/web/test_cache_reads.py fails naming a table the page reads that is not here.
READS = (
    "accounts.membership",
    "auth.user",
    "cooperation.activity_mandates",
    "cooperation.activity_participants",
    "cooperation.activity_sdg_targets",
    "cooperation.biennium",
    "cooperation.indicator",
    "cooperation.priorityarea",
    "cooperation.progressupdate",
    "cooperation.sdggoal",
    "cooperation.sdgtarget",
    "documents.mandate",
    "documents.paragraph",
    "documents.resolution",
    "registry.entity",
    "registry.focalpoint",
    "registry.organization",
)


def body_context(activity: Activity) -> dict:
    """What the page shows of the activity besides its own fields (read when rendered)."""
    mandates = (
        Mandate.objects.filter(activities=activity)
        .select_related("paragraph", "resolution")
        .defer(*heavy("resolution"))
        .order_by("resolution__session", "paragraph__order")
    )
    return {
        "participants": activity.participants.all(),
        "mandates": mandates,
        "sdg_targets": activity.sdg_targets.all(),
        "indicators": activity.indicators.all(),
        "progress": activity.progress_updates.select_related("author"),
        "progress_form": ProgressForm(initial={"version": activity.version}),
        "history": history_rows(activity),
    }


def kept_body(request: HttpRequest, activity: Activity, base: dict) -> str:
    """The page's content for a GET, from the cache when this version of the activity was
    shown before to a reader with the same grants, language, time zone and address."""
    vary = (
        activity.pk,
        activity.version,
        activity.updated_at.isoformat(),
        base["framework"].version,
        base["may_edit"],
        grants_key(request.user),
        timezone.get_current_timezone_name(),
        request.get_full_path(),
    )

    def render_body() -> str:
        context = {**base, **body_context(activity), "csrf_field": CSRF_MARK}
        return render_to_string("web/activity_body.html", context, request)

    return cached("activity", READS, vary, render_body)


def _row_response(
    request, framework, activity: Activity, error: str | None = None, progress: bool = False
) -> HttpResponse:
    """The matrix row of one activity, freshly read (htmx swaps it in place), and, when
    the write went through, "saved" for the page's live region (an out-of-band swap into
    base.html's role="status"; an error is in the row, as role="alert"). The biennium is
    the one ``activity`` was read with: a status or progress write does not move it."""
    activity_pk = activity.pk
    row = matrix_rows(biennium=activity.biennium_id).get(pk=activity_pk)
    ctx = row_context(request, framework, safe_next(request, ""))
    late = Activity.objects.late(timezone.localdate()).filter(pk=activity_pk).exists()
    html = render_row(
        row,
        ctx,
        editable=can_edit(request.user, row),
        show_area=True,
        error=error,
        late=late,
        progress_open=progress,
    )
    if error is None:
        html += format_html(
            '<div id="messages" hx-swap-oob="innerHTML"><ul class="messages">'
            '<li class="message success">{}</li></ul></div>',
            _("Activity %(code)s saved.") % {"code": row.code},
        )
    return HttpResponse(html)


def _after_write(request, framework, activity, error: str | None, progress: bool = False):
    if request.htmx:
        return _row_response(request, framework, activity, error, progress)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("Saved."))
    return redirect(
        safe_next(request, reverse("activity", kwargs={"slug": framework.slug, "pk": activity.pk}))
    )


@require_POST
@login_required
def activity_status(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Change the status from the matrix; a stale version is refused with who changed what."""
    framework = framework_for(request, slug)
    activity = activity_for(request, framework, pk)
    require(can_edit(request.user, activity))
    form = StatusForm(request.POST)
    error = None
    if not form.is_valid():
        error = _("Choose a known status.")
    else:
        try:
            services.activity_update(
                activity=activity,
                user=request.user,
                expected_version=form.cleaned_data["version"],
                status=form.cleaned_data["status"],
            )
        except AccordError as exc:
            notify_stale_edit(request.user, exc)
            error = str(exc)
    return _after_write(request, framework, activity, error)


@require_POST
@login_required
def activity_progress(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Record a progress update (and optionally the status after it)."""
    framework = framework_for(request, slug)
    activity = activity_for(request, framework, pk)
    require(can_edit(request.user, activity))
    form = ProgressForm(request.POST)
    error = None
    if not form.is_valid():
        error = errors_by_field(form)  # names the field: the text, the date, ...
    else:
        data = form.cleaned_data
        try:
            services.activity_add_progress(
                activity=activity,
                user=request.user,
                text=data["text"],
                date=data.get("date"),
                status_after=data.get("status_after") or "",
                expected_version=data["version"] if data.get("status_after") else None,
            )
        except AccordError as exc:
            error = error_text(exc)
    return _after_write(request, framework, activity, error, progress=True)
