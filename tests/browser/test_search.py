"""Search in the browser: a coordinator types in the header's box and presses Search,
lands on the results with the word marked, follows a result to the activity; inside a
framework the same box searches that framework; the public finds only what is published."""

from __future__ import annotations

from playwright.sync_api import expect

from accord.cooperation.models import Activity
from accord.core.services import object_update
from tests.browser.conftest import sign_in


def _search_from_header(page, words: str) -> None:
    box = page.get_by_role("search").get_by_role("searchbox").first
    box.fill(words)
    page.get_by_role("search").get_by_role("button", name="Search").first.click()


def test_a_coordinator_searches_from_the_header_and_opens_a_result(world, new_page):
    page = new_page()
    sign_in(page, "coordinator")
    page.goto("/")
    _search_from_header(page, "joint activity number 3")
    assert "/search/?" in page.url
    hit = page.locator(".search-hit", has_text="Joint activity number 3").first
    expect(hit).to_be_visible()
    expect(hit.locator("mark").first).to_be_visible()
    marked = {t.lower() for t in hit.locator("mark").all_inner_texts()}
    assert {"joint", "activity"} & marked, marked
    hit.get_by_role("link").first.click()
    code = Activity.objects.get(title="Joint activity number 3").code
    expect(page.locator("main")).to_contain_text(code)


def test_the_header_box_searches_the_framework_it_is_in(world, new_page):
    page = new_page()
    sign_in(page, "coordinator")
    page.goto(f"/f/{world.framework.slug}/matrix/")
    _search_from_header(page, "training experts")
    assert f"/f/{world.framework.slug}/search/" in page.url
    expect(page.locator("h1")).to_contain_text(world.framework.name)
    assert page.locator(".search-hit").count() >= len(world.activities)


def test_the_public_finds_only_what_is_published(world, new_page):
    shown = Activity.objects.get(pk=world.activities[2].pk)
    # published as the edit page does it (through the service, which keeps the index current)
    object_update(
        obj=shown, by=world.coordinator, expected_version=shown.version, is_published=True
    )
    page = new_page()
    page.goto("/")
    _search_from_header(page, "joint activity number")
    titles = page.locator(".search-hit a").all_inner_texts()
    assert any(shown.title in t for t in titles), titles
    hidden = [a.title for a in world.activities if a.pk != shown.pk]
    assert not [t for t in titles if any(h in t for h in hidden)], titles
