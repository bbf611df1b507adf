"""A visitor opens 75/16 in the reader, follows "What changed since A/RES/73/135", sees
the word differences side by side (and stacked at 390 px), picks another resolution in
the "Compare with" form, downloads the Word file with tracked changes, and on a phone
hides the unchanged paragraphs and shows them again (corpus test)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect


@pytest.fixture
def series(transactional_db, live_server, corpus):
    from tests.compare.test_series import stored

    return stored(corpus, "73/135", "75/16", "77/18")


def test_a_visitor_compares_two_resolutions_and_downloads_the_word_file(series, new_page):
    old, new, later = series
    page = new_page()
    page.goto(f"/f/{new.framework.slug}/resolutions/{new.pk}/")
    page.get_by_role("link", name="What changed since A/RES/73/135").click()
    # the click returns once the comparison starts loading; expect waits for its rows
    expect(page.locator("del", has_text="seventy-fifth").first).to_be_visible()
    expect(page.locator("ins", has_text="seventy-seventh").first).to_be_visible()
    changed = page.locator(".compare-row[data-status=changed]").first.bounding_box()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download as Word").click()
    data = Path(download.value.path()).read_bytes()
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert "<w:ins " in xml and "<w:del " in xml
    page.get_by_label("Compare A/RES/75/16 with").select_option(label="A/RES/77/18")
    page.get_by_role("button", name="Compare").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "What changed from A/RES/75/16 to A/RES/77/18"
    )
    expect(page.locator(".citations-added li", has_text="76/254")).to_have_count(1)
    phone = new_page()
    phone.set_viewport_size({"width": 390, "height": 844})
    phone.goto(page.url)
    width = phone.evaluate("document.scrollingElement.scrollWidth")
    assert width <= 390, f"the comparison is {width} px wide at 390 px"
    old_cell = phone.locator(".compare-row[data-status=changed] .compare-old").first.bounding_box()
    new_cell = phone.locator(".compare-row[data-status=changed] .compare-new").first.bounding_box()
    assert new_cell["y"] >= old_cell["y"] + old_cell["height"] - 1  # stacked, not side by side
    # on a phone the unchanged paragraphs are hidden with one link, and shown again
    tall = phone.evaluate("document.scrollingElement.scrollHeight")
    rows = phone.locator(".compare-row[data-status]").count()
    phone.get_by_role("link", name="Hide unchanged paragraphs").click()
    expect(phone.get_by_role("link", name="Show every paragraph")).to_be_visible()
    phone.wait_for_load_state()  # the rows come after the link in the page
    assert phone.locator(".compare-row[data-status=unchanged]").count() == 0
    assert 0 < phone.locator(".compare-row[data-status]").count() < rows
    assert phone.evaluate("document.scrollingElement.scrollHeight") < tall
    phone.get_by_role("link", name="Show every paragraph").click()
    expect(phone.locator(".compare-row[data-status]")).to_have_count(rows)
    assert changed is not None
