"""Contributions in a real browser: the coordinator opens a call for contributions from
the report page, OHCHR's focal point writes and submits its paragraphs, the coordinator
accepts them, and the Word report generated from the page has them as OHCHR's section."""

from __future__ import annotations

import pytest
from django.utils import timezone
from docx import Document as WordDocument

from tests.browser.conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

TEXT = (
    "On 12 March, OHCHR and IPHRC held a workshop in Jeddah on the rights of the child.\n\n"
    "OHCHR trained twenty staff of the Commission in Geneva."
)


def test_a_submitted_and_accepted_contribution_is_in_the_report(world, new_page):
    year = timezone.localdate().year
    period = f"?start={year}-01&end={year + 1}-12"

    coordinator = new_page()
    sign_in(coordinator, "coordinator")
    coordinator.goto(f"/reports/sg/un-oic/{period}")
    coordinator.locator("#id_due_on").fill(f"{year + 1}-06-30")
    coordinator.get_by_role("button", name="Open a call for contributions").click()
    coordinator.wait_for_load_state()
    call_url = coordinator.url
    assert coordinator.get_by_role("link", name="(OHCHR)").count() == 1

    focal = new_page()
    sign_in(focal, "focal")
    focal.goto(call_url)
    focal.get_by_role("link", name="(OHCHR)").click()
    focal.wait_for_load_state()  # the click returns when the page starts loading
    assert focal.get_by_role("button", name="Accept").count() == 0
    prefilled = focal.locator("#id_text").input_value()
    assert any(a.title in prefilled for a in world.activities)
    focal.locator("#id_text").fill(TEXT)
    focal.get_by_role("button", name="Submit").click()
    focal.wait_for_load_state()
    assert focal.locator("#contribution-status").inner_text() == "submitted"

    coordinator.goto(call_url)
    row = coordinator.get_by_role("row").filter(has_text="OHCHR")
    assert "submitted" in row.inner_text()
    row.get_by_role("link").click()
    coordinator.get_by_role("button", name="Accept").click()
    coordinator.wait_for_load_state()
    assert coordinator.locator("#contribution-status").inner_text() == "accepted"

    coordinator.goto(f"/reports/sg/un-oic/{period}")
    coordinator.locator("#id_start").fill(f"{year}-01")
    coordinator.locator("#id_end").fill(f"{year + 1}-12")
    coordinator.locator("#id_format").select_option("docx")
    coordinator.locator("#id_lang").select_option("en")
    coordinator.get_by_role("button", name="Generate").click()
    coordinator.wait_for_load_state()
    with coordinator.expect_download() as info:
        coordinator.locator("a[download]").click()
    word = WordDocument(str(info.value.path()))
    paragraphs = [p.text for p in word.paragraphs]
    heading = next(i for i, t in enumerate(paragraphs) if t.endswith("(OHCHR)"))
    assert paragraphs[heading + 1 : heading + 3] == TEXT.split("\n\n")
