"""The notification pages (list, open, mark read, preferences), the calendars (.ics
parsed back with icalendar) and the framework's activity log (filter, undo; the
public gets a 404)."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from accord.cooperation import services as cooperation
from accord.cooperation.models import ActionItem
from accord.notifications import activity_log, services
from accord.notifications.models import Notification

pytestmark = pytest.mark.django_db


def events(response):
    assert response["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(response.content)
    return {str(e["summary"]): e for e in cal.walk("VEVENT")}


def test_the_header_counts_unread_and_opening_one_lands_on_the_item(client, world):
    call_command("remind")
    client.force_login(world.focal)
    unread = Notification.objects.filter(recipient=world.focal, read_at=None).count()
    assert unread >= 3
    page = client.get(reverse("notifications")).content.decode()
    assert '<span class="badge"' in page and f">{unread}</span>" in page
    n = Notification.objects.filter(recipient=world.focal, kind="overdue").first()
    response = client.get(reverse("notification-open", args=[n.pk]))
    assert response["Location"] == reverse(
        "action-item-edit", args=[world.framework.slug, n.object_id]
    )
    n.refresh_from_db()
    assert n.read_at is not None
    client.post(reverse("notifications-read-all"))
    assert not Notification.objects.filter(recipient=world.focal, read_at=None).exists()
    assert 'class="badge"' not in client.get(reverse("notifications")).content.decode()


def test_someone_else_notification_cannot_be_opened(client, world):
    call_command("remind")
    n = Notification.objects.filter(recipient=world.focal).first()
    client.force_login(world.viewer)
    assert client.get(reverse("notification-open", args=[n.pk])).status_code == 404
    client.post(reverse("notification-read", args=[n.pk]))
    n.refresh_from_db()
    assert n.read_at is None


def test_the_preferences_page_saves_a_frequency_and_the_language(client, world):
    client.force_login(world.focal)
    data = {f"kind-{k}": "daily" for k in services.Kind.values}
    data.update({"kind-overdue": "off", "language": "fr"})
    response = client.post(reverse("notification-preferences"), data)
    assert response.status_code == 302
    assert services.frequency_of(world.focal.pk, "overdue") == "off"
    assert services.profile_of(world.focal).language == "fr"
    data["kind-overdue"] = "sometimes"
    response = client.post(reverse("notification-preferences"), data, follow=True)
    assert "Choose how often" in response.content.decode()
    assert services.frequency_of(world.focal.pk, "overdue") == "off"


def test_a_framework_calendar_holds_its_published_meetings_only(client, world):
    response = client.get(reverse("framework-calendar", args=[world.framework.slug]))
    assert events(response) == {}  # the meeting is not published
    world.meeting.is_published = True
    world.meeting.save()
    found = events(client.get(reverse("framework-calendar", args=[world.framework.slug])))
    event = found["General meeting in Rabat"]
    assert event["dtstart"].dt == world.meeting.start_on
    assert event["dtend"].dt == world.meeting.end_on + datetime.timedelta(days=1)
    assert str(event["url"]).endswith(
        reverse("meeting", args=[world.framework.slug, world.meeting.pk])
    )


def test_the_meeting_page_offers_its_ics(client, world):
    client.force_login(world.viewer)
    page = client.get(reverse("meeting", args=[world.framework.slug, world.meeting.pk]))
    link = reverse("meeting-calendar", args=[world.framework.slug, world.meeting.pk])
    assert link in page.content.decode()
    assert "General meeting in Rabat" in events(client.get(link))
    client.logout()
    assert client.get(link).status_code == 404  # unpublished: not for the public


def test_a_user_calendar_is_secret_and_renewable(client, world):
    today = timezone.localdate()
    ActionItem.objects.create(
        framework=world.framework,
        title="Send the report",
        owner=world.ohchr,
        due_on=today + datetime.timedelta(days=3),
    )
    client.force_login(world.focal)
    page = client.get(reverse("notification-preferences")).content.decode()
    old = services.profile_of(world.focal).calendar_token
    url = reverse("user-calendar", args=[old])
    assert url in page
    client.logout()
    found = events(client.get(url))
    assert "Due: Send the report" in found and "General meeting in Rabat" in found
    assert "Due: Follow-up 0" in found
    client.force_login(world.focal)
    client.post(reverse("notification-preferences"), {"renew": "1"})
    client.logout()
    assert client.get(url).status_code == 404
    new = services.profile_of(world.focal).calendar_token
    assert new != old and client.get(reverse("user-calendar", args=[new])).status_code == 200


def test_the_activity_log_filters_and_undoes_and_is_hidden_from_the_public(client, world):
    item = ActionItem.objects.create(framework=world.framework, title="Plan", owner=world.ohchr)
    cooperation.action_item_update(
        item=item, user=world.focal, expected_version=item.version, title="Plan v2"
    )
    url = reverse("activity-log", args=[world.framework.slug])
    assert client.get(url).status_code == 404
    client.force_login(world.coordinator)
    page = client.get(url, {"person": world.focal.pk}).content.decode()
    assert "Plan v2" in page and "<del>Plan</del>" in page
    assert "Follow-up 0" not in page  # not changed by the focal point
    assert "Plan v2" not in client.get(url, {"kind": "cooperation.meeting"}).content.decode()
    assert "Plan v2" in client.get(url, {"entity": world.ohchr.pk}).content.decode()
    future = (timezone.localdate() + datetime.timedelta(days=2)).isoformat()
    assert "Plan v2" not in client.get(url, {"from": future}).content.decode()
    record = item.history.order_by("-history_id").first()
    undo = reverse(
        "activity-log-undo", args=[world.framework.slug, "cooperation.actionitem", record.pk]
    )
    assert undo in page
    client.post(undo)
    assert ActionItem.objects.get(pk=item.pk).title == "Plan"
    client.force_login(world.viewer)
    assert client.get(url).status_code == 200
    assert client.post(undo).status_code == 403


def test_the_activity_log_cuts_a_long_value_and_shows_a_json_value_as_json(client, world):
    """A resolution parsed again changes its parse and its Akoma Ntoso text, tens of
    thousands of characters each: the log shows the start of each, not all of it."""
    long_title = "Plan " + "and then more " * 30
    item = ActionItem.objects.create(framework=world.framework, title=long_title, owner=world.ohchr)
    cooperation.action_item_update(
        item=item, user=world.focal, expected_version=item.version, title="Plan"
    )
    client.force_login(world.coordinator)
    page = client.get(reverse("activity-log", args=[world.framework.slug])).content.decode()
    cut = long_title[: activity_log.SHOWN - 1].rstrip() + "…"
    assert f"<del>{cut}</del> → <ins>Plan</ins>" in page
    assert f"<del>{long_title}" not in page
    assert activity_log.shown({"kind": "résolution"}) == '{"kind": "résolution"}'
    assert (
        activity_log.shown(["a" * 500]).endswith("a…")
        and len(activity_log.shown(["a" * 500])) == 200
    )
    day = datetime.date(2026, 1, 5)
    assert activity_log.shown(day) is day and activity_log.shown(None) is None


def test_every_link_of_the_activity_log_opens_for_the_person_reading_it(client, world):
    """Each change links to the page of its object; an action item's own page is its edit
    page, so a reader who may not edit it is led to where it is listed instead: under its
    decision on the meeting's page, or in the list of action items."""
    loose = ActionItem.objects.create(
        framework=world.framework, title="Loose end", owner=world.ohchr
    )
    cooperation.action_item_update(
        item=loose, user=world.coordinator, expected_version=loose.version, title="Loose end v2"
    )
    url = reverse("activity-log", args=[world.framework.slug])
    meeting = reverse("meeting", args=[world.framework.slug, world.meeting.pk])
    for reader in (world.viewer, world.coordinator):
        client.force_login(reader)
        page = client.get(url).content.decode()
        links = re.findall(r'href="([^"]+)"', page.split("<tbody>")[1].split("</tbody>")[0])
        edits = [link for link in links if link.endswith("/edit/")]
        if reader == world.viewer:
            assert not edits, edits
            assert f"{meeting}#decision-{world.decision.pk}" in links
            assert f"?tab=open#item-{loose.pk}" in " ".join(links)
        else:
            assert {
                f"/f/{world.framework.slug}/action-items/{i.pk}/edit/" for i in world.items
            } <= set(edits)
        for link in set(links):
            assert client.get(link.replace("&amp;", "&")).status_code == 200, (reader, link)


def test_the_password_page_offers_the_second_factor_to_those_who_may_set_it_up(client, world):
    setup = reverse("otp-setup")
    for person, offered in ((world.focal, False), (world.coordinator, True)):
        client.force_login(person)
        page = client.get(reverse("password_change")).content.decode()
        assert (f'href="{setup}"' in page) is offered, person
        assert client.get(setup).status_code == (200 if offered else 403)
