"""The forms no other browser test pressed (found by tests/browser/test_post_coverage.py):
a coordinator edits an activity, adds an indicator, carries it over, deletes and restores
it; edits a meeting, attaches a document, edits a decision and an action item and
reopens a closed one; edits an agreement; adds and edits a priority area; renames an
entity and ends a focal point's term. A user signs out, changes and resets their
password, and sets up a second factor. Each checks the row that changed."""

from __future__ import annotations

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from accord.cooperation.models import ActionItem, Activity, Biennium, Meeting, PriorityArea
from accord.registry.models import Agreement, Entity, FocalPoint
from tests.browser.conftest import sign_in, sign_in_by_form


def _save(page) -> None:
    page.locator("#edit-form").get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    errors = page.locator(".errorlist")
    assert errors.count() == 0, errors.all_inner_texts()


def _section(page, title):
    return page.locator("section", has=page.get_by_role("heading", name=title, exact=True))


def test_a_coordinator_edits_an_activity_through_its_whole_life(world, new_page):
    page = new_page()
    sign_in(page, "coordinator")
    slug, activity = world.framework.slug, world.activities[0]
    year = world.biennium.start_year
    page.goto(f"/f/{slug}/bienniums/new/")
    page.get_by_label("Start year", exact=True).fill(str(year + 2))
    page.get_by_label("End year", exact=True).fill(str(year + 3))
    _save(page)
    assert Biennium.objects.filter(framework=world.framework, start_year=year + 2).exists()

    page.goto(f"/f/{slug}/activities/{activity.pk}/edit/")
    page.get_by_label("Title", exact=True).fill("Joint activity, renamed")
    _save(page)
    assert Activity.objects.get(pk=activity.pk).title == "Joint activity, renamed"

    page.goto(f"/f/{slug}/activities/{activity.pk}/edit/")
    add = _section(page, "Add an indicator")
    add.get_by_label("Name", exact=True).fill("Workshops held")
    add.get_by_role("button", name="Add the indicator").click()
    page.wait_for_load_state()
    assert activity.indicators.filter(name="Workshops held").exists()

    page.goto(f"/f/{slug}/activities/{activity.pk}/edit/")
    carry = _section(page, "Carry over to a later biennium")
    carry.get_by_label("Later biennium", exact=True).select_option(label=f"{year + 2}-{year + 3}")
    carry.get_by_role("button", name="Carry over").click()
    page.wait_for_load_state()
    assert Activity.objects.filter(biennium__start_year=year + 2, title=activity.title).count() <= 1
    assert Activity.objects.filter(biennium__start_year=year + 2).count() == 1

    page.goto(f"/f/{slug}/activities/{activity.pk}/edit/")
    _section(page, "Delete the activity").get_by_role("button", name="Delete").click()
    page.wait_for_load_state()
    assert not Activity.objects.filter(pk=activity.pk).exists()
    page.goto(f"/f/{slug}/activities/deleted/")
    page.get_by_role("button", name=f"Restore {activity.code}").click()
    page.wait_for_load_state()
    assert Activity.objects.filter(pk=activity.pk).exists()


def test_a_coordinator_edits_a_meeting_its_decision_and_action_items(world, new_page):
    page = new_page()
    sign_in(page, "coordinator")
    slug, meeting = world.framework.slug, world.meeting
    page.goto(f"/f/{slug}/meetings/{meeting.pk}/edit/")
    page.get_by_label("Place", exact=True).fill("Casablanca")
    _save(page)
    assert Meeting.objects.get(pk=meeting.pk).place == "Casablanca"

    page.goto(f"/f/{slug}/meetings/{meeting.pk}/edit/")
    attach = _section(page, "Attach a document")
    attach.get_by_label("Symbol", exact=True).fill("UN-OIC/GM/2026/1")
    attach.get_by_label("Title", exact=True).fill("Report of the general meeting")
    attach.get_by_role("button", name="Attach").click()
    page.wait_for_load_state()
    assert meeting.documents.filter(symbol="UN-OIC/GM/2026/1").exists()

    page.goto(f"/f/{slug}/meetings/{meeting.pk}/")
    page.get_by_role("link", name="Edit the decision").click()
    page.get_by_label("Number", exact=True).fill("1 (rev.)")
    _save(page)
    assert meeting.decisions.get().number == "1 (rev.)"

    item = world.items[0]
    later = timezone.localdate() + datetime.timedelta(days=60)
    page.goto(f"/f/{slug}/action-items/{item.pk}/edit/")
    page.get_by_label("Due on", exact=True).fill(later.isoformat())
    page.get_by_label("Status", exact=True).select_option("in_progress")
    _save(page)
    assert ActionItem.objects.get(pk=item.pk).due_on == later
    row = page.locator("tr", has_text=item.title)
    row.get_by_text("Close with evidence").click()
    row.get_by_label("Evidence of closure", exact=True).fill("Done at the meeting.")
    row.get_by_role("button", name="Close").click()
    page.wait_for_load_state()
    assert not ActionItem.objects.get(pk=item.pk).is_open
    page.goto(f"/f/{slug}/action-items/{item.pk}/edit/")
    _section(page, "Reopen the action item").get_by_role("button", name="Reopen").click()
    page.wait_for_load_state()
    assert ActionItem.objects.get(pk=item.pk).is_open


def test_a_coordinator_keeps_the_registry(world, new_page):
    page = new_page()
    sign_in(page, "coordinator")
    slug = world.framework.slug
    page.goto(f"/f/{slug}/agreements/{world.agreement.pk}/edit/")
    page.get_by_label("Title", exact=True).fill("MoU OHCHR-IPHRC (renewed)")
    page.get_by_label("In force from", exact=True).fill("2018-10-01")
    _save(page)
    assert Agreement.objects.get(pk=world.agreement.pk).title == "MoU OHCHR-IPHRC (renewed)"

    page.goto(f"/f/{slug}/registry/")
    page.get_by_role("link", name="New priority area").click()
    page.get_by_label("Code", exact=True).fill("youth")
    page.get_by_label(re.compile(r"English")).fill("youth")
    page.get_by_label(re.compile(r"French")).fill("jeunesse")
    page.get_by_label(re.compile(r"Arabic")).fill("الشباب")
    _save(page)
    area = PriorityArea.objects.get(framework=world.framework, code="youth")
    page.goto(f"/f/{slug}/priority-areas/{area.pk}/edit/")
    page.get_by_label(re.compile(r"English")).fill("youth and sport")
    _save(page)
    assert PriorityArea.objects.get(pk=area.pk).name_en == "youth and sport"

    page.goto(f"/f/{slug}/entities/{world.ohchr.pk}/")
    page.get_by_role("link", name="Rename this entity").click()
    page.get_by_label("New name (English)", exact=True).fill("Office of the High Commissioner")
    page.get_by_label("Named so from", exact=True).fill(timezone.localdate().isoformat())
    page.locator("#edit-form").get_by_role("button").click()
    page.wait_for_load_state()
    assert Entity.objects.get(pk=world.ohchr.pk).name_en == "Office of the High Commissioner"

    page.goto(f"/f/{slug}/entities/{world.ohchr.pk}/")
    page.get_by_label("Last day").first.fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="End Amina Diallo").click()
    page.wait_for_load_state()
    assert FocalPoint.objects.get(person_name="Amina Diallo").end_on == timezone.localdate()


def _totp_code(user, ahead: int = 0) -> str:
    """The code an authenticator app shows now (``ahead`` steps later: the device
    refuses a code it has accepted, and accepts the next step's)."""
    import time

    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user).latest("pk")
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def test_a_user_keeps_their_account(world, new_page, mailoutbox):
    from django.contrib.auth import get_user_model

    from tests.world import PASSWORD

    page = new_page()
    sign_in(page, "viewer")
    page.goto("/accounts/password/")
    page.get_by_label("Old password").fill(PASSWORD)
    page.get_by_label(re.compile(r"^New password:?$")).fill("a-new-long-password-1")
    page.get_by_label("New password confirmation").fill("a-new-long-password-1")
    page.get_by_role("button", name="Change password").click()
    page.wait_for_load_state()
    assert get_user_model().objects.get(username="viewer").check_password("a-new-long-password-1")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()

    get_user_model().objects.filter(username="viewer").update(email="viewer@example.org")
    page.goto("/accounts/password/reset/")
    page.get_by_label("Email").fill("viewer@example.org")
    page.get_by_role("button", name="Send the link").click()
    page.wait_for_load_state()
    link = re.search(r"https?://\S+/accounts/password/reset/\S+/", mailoutbox[-1].body).group(0)
    page.goto(link)
    page.get_by_label(re.compile(r"^New password:?$")).fill("a-reset-long-password-2")
    page.get_by_label("New password confirmation").fill("a-reset-long-password-2")
    page.get_by_role("button", name="Set the password").click()
    page.wait_for_load_state()
    assert get_user_model().objects.get(username="viewer").check_password("a-reset-long-password-2")

    coordinator = new_page()
    sign_in(coordinator, "coordinator")
    coordinator.goto("/accounts/second-factor/")
    coordinator.get_by_label("Code from your authenticator app").fill(_totp_code(world.coordinator))
    coordinator.get_by_role("button", name="Turn on").click()
    coordinator.wait_for_load_state()
    expect(coordinator.locator(".message.success")).to_contain_text("The second factor is on")
    coordinator.get_by_role("button", name="Sign out").click()
    coordinator.wait_for_load_state()
    sign_in_by_form(coordinator, "coordinator")  # the form leads to the code page
    coordinator.get_by_label("Code from your authenticator app").fill(
        _totp_code(world.coordinator, ahead=1)
    )
    coordinator.get_by_role("button", name="Continue").click()
    coordinator.wait_for_load_state()
    coordinator.goto(f"/f/{world.framework.slug}/")
    assert "/second-factor/" not in coordinator.url
