"""What a screen reader hears after a save (issue 8): a form sent back with errors puts
the focus on its first invalid field, marked aria-invalid and described by its error,
under a summary (role="alert") that links to it; an inline save of the matrix says
"saved" in the page's live region (role="status") and keeps the focus on the button
pressed; a refused action's message is an alert, not a status. The refused form has no
serious accessibility violation either."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.a11y_pages import serious_violations
from tests.browser.conftest import sign_in


def test_a_refused_form_focuses_its_first_invalid_field(world, new_page):
    page = new_page()
    sign_in(page, "coordinator")
    page.goto(f"/f/{world.framework.slug}/agreements/new/")
    page.get_by_label("Title").fill("MoU on statistics")
    page.get_by_label("Status").select_option("signed")  # signed needs its signature date
    page.locator("#edit-form").get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    summary = page.get_by_role("alert").filter(has_text="Not saved")
    expect(summary).to_contain_text("signature date")
    field = page.get_by_label("Signed on")
    expect(field).to_be_focused()
    expect(field).to_have_attribute("aria-invalid", "true")
    described = field.get_attribute("aria-describedby").split()
    errors = [page.locator(f"#{i}").inner_text() for i in described]
    assert any("signature date" in text for text in errors), errors
    assert page.locator("[aria-invalid=true]").count() == 1
    link = summary.get_by_role("link")
    assert link.get_attribute("href") == f"#{field.get_attribute('id')}"
    page.get_by_label("Title").focus()
    link.click()
    expect(field).to_be_focused()
    assert not serious_violations(Axe(), page, "refused agreement form")


def test_an_inline_save_says_saved_and_keeps_the_focus(world, new_page):
    activity = world.activities[0]
    page = new_page()
    sign_in(page, "coordinator")
    page.goto(f"/f/{world.framework.slug}/matrix/")
    status = page.get_by_role("status")
    expect(status).to_have_text("")
    page.get_by_label(f"Status of {activity.code}").select_option("completed")
    save = page.locator(f"#row-{activity.pk}").get_by_role("button", name="Save")
    save.focus()
    page.keyboard.press("Enter")
    expect(status).to_have_text(f"Activity {activity.code} saved.")
    expect(page.locator(f"#row-{activity.pk}").get_by_role("button", name="Save")).to_be_focused()
    activity.refresh_from_db()
    assert activity.status == "completed"
    row = page.locator(f"#row-{world.activities[1].pk}")
    row.get_by_text("Add progress").click()
    row.get_by_label(f"Progress on {world.activities[1].code}").fill("Experts met in Jeddah.")
    row.get_by_role("button", name="Add").click()
    expect(status).to_have_text(f"Activity {world.activities[1].code} saved.")
    expect(row.get_by_role("button", name="Add")).to_be_focused()
    expect(row).to_contain_text("Experts met in Jeddah.")


def test_a_refused_action_is_an_alert_and_a_done_one_a_status(world, new_page):
    page = new_page()
    sign_in(page, "coordinator")
    page.goto(f"/f/{world.framework.slug}/action-items/?tab=someday")
    expect(page.get_by_role("alert")).to_have_text("There is no list “someday” of action items.")
    expect(page.get_by_role("status")).to_have_text("")
    page.goto(f"/f/{world.framework.slug}/activities/{world.activities[2].pk}/")
    page.locator("#activity-form").get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    expect(page.get_by_role("status")).to_have_text("The activity was saved.")
    assert page.get_by_role("alert").count() == 0
