"""In a browser, a coordinator corrects a proposal of the review list (a meeting's place
and dates) and confirms it in one step; the meeting written has the corrected values."""

from __future__ import annotations

import datetime

from tests.browser.conftest import sign_in


def test_a_coordinator_corrects_a_meeting_and_confirms_it(world, new_page, settings, tmp_path):
    from accord.cooperation.models import Meeting
    from accord.documents.review import ReviewItem
    from accord.documents.services import resolution_import
    from tests.world import DEMO

    settings.MEDIA_ROOT = tmp_path / "media"
    resolution_import(source=DEMO, user=world.admin, framework=world.framework.slug)
    item = ReviewItem.objects.get(kind="meeting", key="conference/2017-11-21")
    page = new_page()
    sign_in(page, "coordinator")
    page.goto(f"/f/{world.framework.slug}/resolutions/{item.resolution_id}/review/")
    card = page.locator(f"#item-{item.pk}")
    assert "sure" in card.inner_text().lower()  # the confidence in words
    card.get_by_label("Place").fill("Jeddah")
    card.get_by_label("Starts on").fill("2017-11-22")
    card.get_by_label("Ends on").fill("2017-11-23")
    card.get_by_role("button", name="Confirm").click()
    page.wait_for_load_state()
    assert "Confirmed as corrected" in page.content()
    meeting = Meeting.objects.get(framework=world.framework, kind="conference")
    assert meeting.place == "Jeddah"
    assert meeting.start_on == datetime.date(2017, 11, 22)
    assert meeting.end_on == datetime.date(2017, 11, 23)
    item.refresh_from_db()
    assert item.status == ReviewItem.Status.CORRECTED
    # The decided proposal now reads as values, without a form.
    assert page.locator(f"#item-{item.pk} dd", has_text="Jeddah").count() == 1
