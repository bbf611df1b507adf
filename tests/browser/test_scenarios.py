"""What people do in the browser: a focal point filters the matrix and updates an
activity, a coordinator turns a meeting decision into an action item, two people edit
the same activity, and the Arabic interface reads right to left."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from accord.cooperation.models import ActionItem, Activity
from tests.browser.conftest import screenshot, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_a_focal_point_filters_the_matrix_and_updates_an_activity(world, new_page):
    page = new_page()
    sign_in(page, "focal")
    page.goto(f"/f/{world.framework.slug}/matrix/")
    page.get_by_label("Status", exact=True).select_option("planned")
    page.get_by_role("button", name="Apply").click()
    rows = page.locator("table.matrix tbody tr")
    expect(rows).to_have_count(2)  # A-0000 and A-0005 are planned
    # inline status change through htmx: the row is swapped in place, no page load
    row = page.locator(f"#row-{world.activities[0].pk}")
    row.get_by_label("Status of A-0000").select_option("ongoing")
    with page.expect_response(
        lambda r: r.url.endswith("/status/") and r.request.method == "POST"
    ) as answer:
        row.get_by_role("button", name="Save").click()
    assert answer.value.ok and "<html" not in answer.value.text()  # a partial, not a page
    expect(page.locator(f"#row-{world.activities[0].pk} select")).to_have_value("ongoing")
    assert Activity.objects.get(pk=world.activities[0].pk).status == "ongoing"
    # the activity page: edit and save
    page.get_by_role("link", name="Joint activity number 0").click()
    page.get_by_label("Title").fill("Workshop on human rights mechanisms")
    page.locator("#activity-form").get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Workshop on human rights mechanisms"
    )
    expect(page.locator(".history")).to_contain_text("Workshop on human rights mechanisms")


def test_a_coordinator_records_a_decision_and_makes_it_an_action_item(world, new_page):
    page = new_page()
    sign_in(page, "coordinator")
    page.goto(f"/f/{world.framework.slug}/meetings/")
    page.get_by_role("link", name="General meeting in Rabat").click()
    form = page.locator("#decision-form")
    form.get_by_label("Text of the decision").fill("Prepare a joint report on mediation.")
    form.get_by_label("Kind").select_option("decision")
    form.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("Prepare a joint report on mediation.")).to_be_visible()
    decision = page.locator("article.decision", has_text="Prepare a joint report on mediation.")
    decision.get_by_text("Create an action item from this decision").click()
    decision.get_by_label("Action item").fill("Draft the mediation report")
    decision.get_by_label("Owner").select_option(
        label="DPPA — Department of Political and Peacebuilding Affairs"
    )
    decision.get_by_label("Due on").fill("2030-06-30")
    decision.get_by_role("button", name="Create the action item").click()
    expect(page.locator("article.decision", has_text="Draft the mediation report")).to_be_visible()
    item = ActionItem.objects.get(title="Draft the mediation report")
    assert item.owner_id == world.dppa.pk and item.due_on.isoformat() == "2030-06-30"


def test_a_second_editor_sees_who_changed_the_activity_instead_of_overwriting(world, new_page):
    url = f"/f/{world.framework.slug}/activities/{world.activities[0].pk}/"
    first, second = new_page(), new_page()
    sign_in(first, "coordinator")
    sign_in(second, "focal")
    first.goto(url)
    second.goto(url)
    first.get_by_label("Title").fill("Title set by the coordinator")
    first.locator("#activity-form").get_by_role("button", name="Save").click()
    expect(first.get_by_role("heading", level=1)).to_contain_text("Title set by the coordinator")
    second.get_by_label("Title").fill("Title set by the focal point")
    second.locator("#activity-form").get_by_role("button", name="Save").click()
    alert = second.locator(".conflict")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text("Coordinator")
    screenshot(second, "en-stale-edit")
    assert Activity.objects.get(pk=world.activities[0].pk).title == "Title set by the coordinator"


def test_the_arabic_interface_reads_right_to_left(world, new_page):
    page = new_page()
    sign_in(page, "viewer")
    page.goto(f"/f/{world.framework.slug}/")
    page.get_by_label("Language").select_option("ar")
    page.get_by_role("button", name="Go").click()
    page.wait_for_load_state()
    html = page.locator("html")
    expect(html).to_have_attribute("dir", "rtl")
    expect(html).to_have_attribute("lang", "ar")
    brand = page.locator(".brand").bounding_box()
    width = page.viewport_size["width"]
    assert brand["x"] > width / 2, (
        f"the brand should sit on the right in Arabic, it is at x={brand['x']}"
    )
    # priority areas in Arabic where known
    expect(page.locator("main")).to_contain_text("السلام والأمن")
