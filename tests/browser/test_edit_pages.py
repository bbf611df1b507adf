"""Browser tests of the edit pages (issue 8): a coordinator fills in the forms."""

from playwright.sync_api import expect

from accord.cooperation.models import Meeting
from accord.registry.models import Agreement
from tests.browser.conftest import sign_in


def test_a_coordinator_records_a_meeting_and_an_agreement(world, new_page):
    page = new_page()
    sign_in(page, "coordinator")
    slug = world.framework.slug
    page.goto(f"/f/{slug}/meetings/")
    page.get_by_role("link", name="New meeting").click()
    page.get_by_label("Title").fill("Zeta coordination meeting")
    page.get_by_label("Start").fill("2027-05-10")
    page.get_by_label("Place").fill("Rabat")
    page.locator("#edit-form").get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Zeta coordination meeting")
    assert Meeting.objects.get(title="Zeta coordination meeting").place == "Rabat"
    page.goto(f"/f/{slug}/registry/")
    page.get_by_role("link", name="New agreement").click()
    page.get_by_label("Title").fill("MoU Zeta on statistics")
    page.get_by_label("Status").select_option("signed")
    page.locator("#edit-form").get_by_role("button", name="Save").click()
    expect(page.locator(".errorlist")).to_contain_text("signature date")
    page.get_by_label("Signed on").fill("2026-03-01")
    page.locator("#edit-form").get_by_role("button", name="Save").click()
    expect(page.locator("#h-agreements")).to_be_visible()
    assert str(Agreement.objects.get(title="MoU Zeta on statistics").signed_on) == "2026-03-01"
