"""The notification pages: the list (open, mark read), the preferences (frequency per
kind, language, calendar secret) and the one-click unsubscribe of the mails."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from accord.accounts.permissions import can_view
from accord.notifications import services
from accord.notifications.mail import load_targets, read_unsubscribe_token
from accord.notifications.models import Frequency, Kind
from accord.notifications.selectors import notifications_of, preference_rows, rows_for


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
    for name, value in choices.items():
        services.preference_set(user=request.user, kind=name, frequency=value)
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
