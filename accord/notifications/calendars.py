"""iCalendar feeds (RFC 5545, written with the icalendar library): a framework's public
meetings, one meeting, and a user's due dates and meetings. Every event links back to
its page in Accord (URL property) and has a stable UID, so calendar programs update it.

Reads: meetings and action items the permissions module lets the reader see. Writes
nothing.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from accord.accounts.permissions import editable, grants, viewable
from accord.cooperation.models import ActionItem, Meeting


def _absolute(path: str) -> str:
    return settings.ACCORD_SITE_URL.rstrip("/") + path


def _calendar(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//Accord//Notifications//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    return cal


def _meeting_event(meeting: Meeting, slug: str) -> Event | None:
    start = meeting.start_on or meeting.end_on
    if start is None:
        return None
    end = (meeting.end_on or start) + datetime.timedelta(days=1)  # DTEND is exclusive
    url = _absolute(reverse("meeting", kwargs={"slug": slug, "pk": meeting.pk}))
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@accord")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", meeting.title)
    if meeting.place:
        event.add("location", meeting.place)
    event.add("url", url)
    event.add("description", url)
    return event


def _item_event(item: ActionItem, due: datetime.date, slug: str) -> Event:
    url = _absolute(reverse("action-item-edit", kwargs={"slug": slug, "pk": item.pk}))
    event = Event()
    event.add("uid", f"action-item-{item.pk}@accord")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", due)
    event.add("dtend", due + datetime.timedelta(days=1))
    event.add("summary", _("Due: %(title)s") % {"title": item.title})
    event.add("url", url)
    event.add("description", url)
    return event


def _meetings(queryset) -> list[Meeting]:
    return list(queryset.select_related("framework").order_by("start_on", "id"))


def framework_calendar(framework) -> bytes:
    """The framework's public (published) meetings, whoever asks."""
    cal = _calendar(framework.name)
    rows = viewable(AnonymousUser(), Meeting.objects.filter(framework=framework))
    for meeting in _meetings(rows):
        event = _meeting_event(meeting, framework.slug)
        if event is not None:
            cal.add_component(event)
    return cal.to_ical()


def meeting_calendar(meeting) -> bytes:
    """One meeting, for "Add to calendar"."""
    cal = _calendar(meeting.title)
    event = _meeting_event(meeting, meeting.framework.slug)
    if event is not None:
        cal.add_component(event)
    return cal.to_ical()


def user_calendar(user) -> bytes:
    """The meetings of the user's frameworks and the due dates of the open action items
    they may act on (their entity's, or their framework's for a coordinator)."""
    cal = _calendar(_("Accord: %(name)s") % {"name": user.get_full_name() or user.username})
    frameworks = grants(user).frameworks
    meetings = viewable(user, Meeting.objects.all())
    if not grants(user).is_admin:
        meetings = meetings.filter(framework__in=frameworks)
    for meeting in _meetings(meetings):
        event = _meeting_event(meeting, meeting.framework.slug)
        if event is not None:
            cal.add_component(event)
    items = editable(user, ActionItem.objects.open().filter(due_on__isnull=False))
    for item in items.select_related("framework").order_by("due_on", "id"):
        if item.due_on is not None:  # the query asks for a due date; for the type checker
            cal.add_component(_item_event(item, item.due_on, item.framework.slug))
    return cal.to_ical()
