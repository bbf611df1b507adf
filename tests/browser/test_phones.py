"""Phones (issue 8): at 390 px every page fits the screen: the document is no wider than
the viewport (what is wider, the matrix and other tables, scrolls inside its own
container, the matrix with its first column kept in view), and the header is compact.
Every page, signed in as the person who opens it in the axe walk, is measured there at
the phone width in English and Arabic (tests/browser/axe_walk.py); here the pages the
public also sees, as the public."""

from __future__ import annotations

import pytest

from tests.browser.a11y_pages import wider_than_screen
from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.django_db(transaction=True)
PHONE = {"width": 390, "height": 844}


def phone_pages(w) -> dict[str, str]:
    slug = w.framework.slug
    return {
        "home": "/",
        "dashboard": f"/f/{slug}/",
        "matrix": f"/f/{slug}/matrix/",
        "activity": f"/f/{slug}/activities/{w.activities[1].pk}/",
        "activity-edit": f"/f/{slug}/activities/{w.activities[1].pk}/edit/",
        "meetings": f"/f/{slug}/meetings/",
        "meeting": f"/f/{slug}/meetings/{w.meeting.pk}/",
        "action-items": f"/f/{slug}/action-items/",
        "registry": f"/f/{slug}/registry/",
        "entity": f"/f/{slug}/entities/{w.ohchr.pk}/",
        "resolutions": f"/f/{slug}/resolutions/",
        "resolution": f"/f/{slug}/resolutions/{w.resolution.pk}/",
        "review": f"/f/{slug}/resolutions/{w.resolution.pk}/review/",
        "report": f"/reports/sg/{slug}/",
        "opendata": "/reports/opendata/",
        "not-found": f"/f/{slug}/meetings/999999/",
    }


@pytest.mark.parametrize("language", ["en", "ar"])
def test_no_page_is_wider_than_a_phone_for_the_public(world, new_page, language):
    page = new_page(locale="ar" if language == "ar" else "en-GB")
    page.set_viewport_size(PHONE)
    wide = []
    for name, url in phone_pages(world).items():
        page.goto(url if language == "en" else f"/{language}{url}")
        page.wait_for_load_state()
        found = wider_than_screen(page, f"{language} {name}")
        screenshot(page, f"phone-{language}-{name}", failed=bool(found))
        wide += found
    assert not wide, "\n".join(wide)


def test_the_matrix_keeps_its_first_column_and_shows_it_scrolls(world, new_page):
    page = new_page()
    page.set_viewport_size(PHONE)
    sign_in(page, "coordinator")
    page.goto(f"/f/{world.framework.slug}/matrix/")
    box = page.locator(".table-scroll").first
    assert box.evaluate("e => e.scrollWidth > e.clientWidth"), "the matrix is wider than a phone"
    assert page.get_by_text("Scroll sideways to see every column.").first.is_visible()
    first = page.locator(".matrix tbody tr").first.locator("td, th").first
    before = first.bounding_box()["x"]
    box.evaluate("e => e.scrollBy(300, 0)")
    assert abs(first.bounding_box()["x"] - before) < 2, "the first column stays in view"
    header = page.locator(".site-header").bounding_box()
    assert header["height"] < 200, f"the header takes {header['height']} px of 844"
