"""The notification pages: the list (open, mark read), the preferences (frequency per
kind, language, calendar secret) and the one-click unsubscribe of the mails."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from accord.accounts.permissions import can_edit, can_see_activity_log, can_view, require
from accord.cooperation.models import Framework, Meeting
from accord.core.errors import AccordError
from accord.core.services import history_revert, user_label
from accord.notifications import activity_log, calendars, services
from accord.notifications.links import object_path
from accord.notifications.mail import load_targets, read_unsubscribe_token
from accord.notifications.models import Frequency, Kind, Profile
from accord.notifications.selectors import notifications_of, preference_rows, rows_for
from accord.web.common import entities_of


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    """The user's notifications, newest first, 50 a page."""
    page = Paginator(notifications_of(request.user), 50).get_page(request.GET.get("page"))
    context = {"page_obj": page, "rows": rows_for(list(page.object_list))}
    return render(request, "notifications/list.html", context)


@login_required
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Open a notification: it is read, and the user lands on its object's page."""
    n = get_object_or_404(notifications_of(request.user), pk=pk)
    services.mark_read(user=request.user, notification_id=n.pk)
    obj = load_targets([n]).get((n.content_type_id, n.object_id))
    if obj is None or getattr(obj, "deleted_at", None) is not None:
        messages.info(request, _("What this notification is about no longer exists."))
        return redirect("notifications")
    if not can_view(request.user, obj):
        messages.info(request, _("You may no longer read what this notification is about."))
        return redirect("notifications")
    row = rows_for([n])[0]
    return redirect(row["path"] or reverse("notifications"))


@login_required
@require_POST
def notification_read(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Mark one notification read, or all of them."""
    count = services.mark_read(user=request.user, notification_id=pk)
    if pk is None:
        messages.success(request, _("All notifications are marked as read."))
    elif count:
        messages.success(request, _("The notification is marked as read."))
    return redirect("notifications")


@login_required
def notification_preferences(request: HttpRequest) -> HttpResponse:
    """How and when the user hears of each kind of event; their language; the secret
    address of their calendar (renewable)."""
    profile = services.profile_of(request.user)
    if request.method == "POST":
        if "renew" in request.POST:
            services.calendar_token_renew(user=request.user)
            messages.success(
                request, _("Your calendar has a new address; the old one no longer works.")
            )
            return redirect("notification-preferences")
        errors = _save_preferences(request)
        if not errors:
            messages.success(request, _("Your preferences were saved."))
            return redirect("notification-preferences")
        for error in errors:
            messages.error(request, error)
    calendar = request.build_absolute_uri(
        reverse("user-calendar", kwargs={"token": profile.calendar_token})
    )
    context = {
        "rows": preference_rows(request.user),
        "frequencies": Frequency.choices,
        "profile": profile,
        "language_choices": settings.LANGUAGES,
        "calendar_url": calendar,
    }
    return render(request, "notifications/preferences.html", context)


def _save_preferences(request: HttpRequest) -> list[str]:
    errors = []
    language = request.POST.get("language", "")
    if language and language not in dict(settings.LANGUAGES):
        errors.append(_("Unknown language: %(value)s") % {"value": language})
    choices = {}
    for kind in Kind:
        value = request.POST.get(f"kind-{kind.value}", "")
        if value not in Frequency.values:
            errors.append(_("Choose how often for “%(kind)s”.") % {"kind": kind.label})
        choices[kind.value] = value
    if errors:
        return errors
    if language:
        services.language_set(user=request.user, language=language)
    for kind, value in choices.items():
        services.preference_set(user=request.user, kind=kind, frequency=value)
    return []


@csrf_exempt  # RFC 8058 one-click: the mail client POSTs the signed link itself
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """A mail's signed link: GET asks to confirm (mail scanners follow links), POST stops
    the kinds of that mail."""
    try:
        user_id, kinds = read_unsubscribe_token(token)
    except (signing.BadSignature, KeyError, ValueError, TypeError) as exc:
        raise Http404(_("This unsubscribe link is not valid.")) from exc
    done = request.method == "POST"
    if done:
        for kind in kinds:
            services.preference_set(user=user_id, kind=kind, frequency=Frequency.OFF)
    labels = [Kind(k).label for k in kinds]
    return render(request, "notifications/unsubscribe.html", {"kinds": labels, "done": done})


# --- calendars -------------------------------------------------------------------------


def _ics(data: bytes, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


def framework_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    """The framework's public meetings: /f/<slug>/calendar.ics (no sign-in)."""
    framework = get_object_or_404(Framework, slug=slug)
    return _ics(calendars.framework_calendar(framework), f"{slug}.ics")


def meeting_calendar(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One meeting as an .ics file ("Add to calendar"), for who may read the meeting."""
    meeting = get_object_or_404(
        Meeting.objects.select_related("framework"), framework__slug=slug, pk=pk
    )
    if not can_view(request.user, meeting):
        raise Http404
    return _ics(calendars.meeting_calendar(meeting), f"meeting-{pk}.ics")


def user_calendar(request: HttpRequest, token: str) -> HttpResponse:
    """A user's due dates and meetings at their secret address (renewable)."""
    profile = Profile.objects.filter(calendar_token=token).select_related("user").first()
    if profile is None or not profile.user.is_active:
        raise Http404
    return _ics(calendars.user_calendar(profile.user), "accord.ics")


# --- the framework's activity log ------------------------------------------------------


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
        entries.append(
            {
                "record": record,
                "label": record.instance_type._meta.label_lower,
                "kind": record.instance_type._meta.verbose_name,
                "object": record.instance,
                "path": object_path(current or record.instance, slug),
                "who": user_label(record.history_user),
                "changes": activity_log.change_of(record),
                "may_undo": current is not None and can_edit(request.user, current),
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
