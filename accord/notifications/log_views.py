"""The framework's activity log page and its undo."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accord.accounts.permissions import can_edit, can_see_activity_log, require
from accord.cooperation.models import Framework
from accord.cooperation.selectors import entities_of
from accord.core.errors import AccordError
from accord.core.services import history_revert, user_label
from accord.notifications import activity_log
from accord.notifications.links import object_path


def _log_filters(request: HttpRequest) -> activity_log.Filters:
    def number(name):
        value = request.GET.get(name, "")
        return int(value) if value.isdigit() else None

    def day(name):
        try:
            return datetime.date.fromisoformat(request.GET.get(name, ""))
        except ValueError:
            return None

    kind = request.GET.get("kind", "")
    return activity_log.Filters(
        person=number("person"),
        entity=number("entity"),
        kind=kind if kind in activity_log.log_kinds() else "",
        start=day("from"),
        end=day("to"),
    )


def _log_framework(request: HttpRequest, slug: str) -> Framework:
    framework = get_object_or_404(Framework, slug=slug)
    if not can_see_activity_log(request.user, framework):
        raise Http404  # the public never learns the log exists
    return framework


def framework_log(request: HttpRequest, slug: str) -> HttpResponse:
    """Who changed what and when across the framework, filtered; undo where allowed."""
    framework = _log_framework(request, slug)
    filters = _log_filters(request)
    page = request.GET.get("page", "1")
    page_number = int(page) if page.isdigit() and int(page) > 0 else 1
    rows, has_next = activity_log.records(framework, filters, page_number)
    entries = []
    for record in rows:
        current = record.instance_type.all_objects.filter(pk=record.id).first()
        may_edit = current is not None and can_edit(request.user, current)
        entries.append(
            {
                "record": record,
                "label": record.instance_type._meta.label_lower,
                "kind": record.instance_type._meta.verbose_name,
                "object": record.instance,
                "path": object_path(current or record.instance, slug, editable=may_edit),
                "who": user_label(record.history_user),
                "changes": activity_log.change_of(record),
                "may_undo": may_edit,
            }
        )
    context = {
        "framework": framework,
        "page": "activity-log",
        "entries": entries,
        "filters": filters,
        "kinds": [
            (label, m._meta.verbose_name) for label, (m, _p) in activity_log.log_kinds().items()
        ],
        "people": get_user_model()
        .objects.filter(memberships__framework=framework)
        .distinct()
        .order_by("username"),
        "entities": entities_of(framework),
        "page_number": page_number,
        "has_next": has_next,
        "query": request.GET.urlencode(),
    }
    return render(request, "notifications/activity_log.html", context)


@login_required
@require_POST
def framework_log_undo(request: HttpRequest, slug: str, label: str, history_id: int):
    """Undo one change of the log (core.services.history_revert), if the user may edit
    the row; a new history record says so."""
    framework = _log_framework(request, slug)
    record = activity_log.record_of(label, history_id, framework)
    if record is None:
        raise Http404
    current = record.instance_type.all_objects.filter(pk=record.id).first()
    require(current is not None and can_edit(request.user, current))
    try:
        history_revert(record=record, user=request.user)
    except AccordError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The change was undone."))
    back = reverse("activity-log", kwargs={"slug": slug})
    query = request.POST.get("query", "")
    return redirect(f"{back}?{query}" if query else back)
