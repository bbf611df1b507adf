"""Browser test of the notifications: a focal point sees the unread count in the header,
opens a notification and lands on the action item, marks the rest read, and turns a
kind of mail off on the preferences page."""

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
    badge = page.locator("#notifications-link .badge")
    expect(badge).to_have_text(str(unread))
    page.locator("#notifications-link").click()
    page.get_by_role("link", name="Follow-up 0").first.click()
    expect(page.get_by_label("Title")).to_have_value("Follow-up 0")
    assert "/action-items/" in page.url
    expect(badge).to_have_text(str(unread - 1))
    page.locator("#notifications-link").click()
    page.get_by_role("button", name="Mark all as read").click()
    expect(page.locator("#notifications-link .badge")).to_have_count(0)
    assert not Notification.objects.filter(recipient=world.focal, read_at=None).exists()
    page.get_by_role("link", name="How and when you hear from Accord").click()
    page.get_by_label("An action item overdue").select_option("off")
    page.get_by_role("button", name="Save preferences").click()
    expect(page.get_by_role("status")).to_contain_text("saved")
    assert frequency_of(world.focal.pk, "overdue") == "off"
