"""The pages work from the keyboard (a visible skip link first, a visible focus) and
without JavaScript (the inline forms post as plain forms and come back to the matrix)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from accord.cooperation.models import Activity
from tests.browser.conftest import sign_in, sign_in_by_form

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_the_first_tab_reaches_a_visible_skip_link_that_jumps_to_the_content(world, new_page):
    page = new_page()
    sign_in(page, "viewer")
    page.goto(f"/f/{world.framework.slug}/matrix/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0, "the focused skip link must be on screen"
    outline = skip.evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline != "none", "the focus must be visible"
    page.keyboard.press("Enter")
    # the jump to the fragment is a navigation of its own: wait for it (read at once, the
    # URL was still the page's under a loaded machine)
    expect(page).to_have_url(re.compile(r"#main$"))


def test_a_status_change_works_without_javascript(world, new_page):
    page = new_page(javascript=False)
    sign_in_by_form(page, "focal")  # the login form works without JavaScript too
    page.goto(f"/f/{world.framework.slug}/matrix/?status=planned")
    target = world.activities[0]
    row = page.locator(f"#row-{target.pk}")
    row.get_by_label(f"Status of {target.code}").select_option("postponed")
    row.get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    assert page.url.endswith("/matrix/?status=planned")  # back where the person was
    expect(page.locator(".message.success")).to_be_visible()
    assert Activity.objects.get(pk=target.pk).status == "postponed"
