"""Browser test of the notifications: a focal point sees the unread count in the header,
opens a notification and lands on the action item, marks one read and then the rest,
and turns a kind of mail off on the preferences page; a mail's unsubscribe link is
followed and confirmed; a coordinator undoes a change from the framework's activity log."""

import re

from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from accord.notifications.models import Notification
from accord.notifications.services import frequency_of
from tests.browser.conftest import sign_in


def test_a_focal_point_reads_a_notification_and_changes_a_preference(world, new_page):
    call_command("remind")
    unread = Notification.objects.filter(recipient=world.focal, read_at=None).count()
    assert unread >= 3
    page = new_page()
    sign_in(page, "focal")
    page.goto("/")
    badge = page.locator("#notifications-link .badge")
    expect(badge).to_have_text(str(unread))
    page.locator("#notifications-link").click()
    page.get_by_role("link", name="Follow-up 0").first.click()
    expect(page.get_by_label("Title")).to_have_value("Follow-up 0")
    assert "/action-items/" in page.url
    expect(badge).to_have_text(str(unread - 1))
    page.locator("#notifications-link").click()
    page.get_by_role("button", name="Mark as read").first.click()
    expect(page.get_by_role("status")).to_contain_text("marked as read")
    expect(badge).to_have_text(str(unread - 2))
    page.get_by_role("button", name="Mark all as read").click()
    expect(page.locator("#notifications-link .badge")).to_have_count(0)
    assert not Notification.objects.filter(recipient=world.focal, read_at=None).exists()
    page.get_by_role("link", name="How and when you hear from Accord").click()
    page.get_by_label("An action item overdue").select_option("off")
    page.get_by_role("button", name="Save preferences").click()
    expect(page.get_by_role("status")).to_contain_text("saved")
    assert frequency_of(world.focal.pk, "overdue") == "off"


def test_the_unsubscribe_link_of_a_mail_is_followed_and_confirmed(world, new_page):
    world.focal.email = "focal@example.org"
    world.focal.save(update_fields=["email"])
    call_command("remind")
    [digest] = [m for m in mail.outbox if m.to == ["focal@example.org"]]
    link = re.search(r"https?://\S+?(/notifications/unsubscribe/\S+/)", digest.body)
    assert link, digest.body
    page = new_page()
    page.goto(link.group(1))  # from the mail, signed out
    assert frequency_of(world.focal.pk, "overdue") == "daily"  # opening changes nothing
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("button", name="Unsubscribe")).to_have_count(0)
    assert frequency_of(world.focal.pk, "overdue") == "off"


def test_a_coordinator_undoes_a_change_from_the_activity_log(world, new_page):
    from accord.cooperation.models import Activity
    from accord.cooperation.services import activity_update

    activity = world.activities[1]
    before = activity.title
    activity_update(
        activity=activity,
        user=world.coordinator,
        expected_version=activity.version,
        title="Renamed by mistake",
    )
    page = new_page()
    sign_in(page, "coordinator")
    page.goto(f"/f/{world.framework.slug}/activity-log/")
    row = page.locator("tr", has_text="Renamed by mistake").first
    row.get_by_role("button", name="Undo this change").click()
    expect(page.get_by_role("status")).to_contain_text("undone")
    assert Activity.objects.get(pk=activity.pk).title == before
