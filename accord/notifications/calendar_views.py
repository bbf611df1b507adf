"""The calendar feeds (.ics): a framework's public meetings, one meeting, a user's secret feed."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from accord.accounts.permissions import can_view
from accord.cooperation.models import Framework, Meeting
from accord.notifications import calendars
from accord.notifications.models import Profile


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
