"""The report page in a real browser: the coordinator presses Generate, downloads the
file and the test opens it (python-docx, pypdfium2) to find the framework's data in it
(every format in every language: the whole cycle, test_whole_cycle.py). Also the review
pack from the meeting page, the combined report, and the links that lead to them."""

from __future__ import annotations

import io

import pypdfium2
import pytest
from django.utils import timezone
from docx import Document as WordDocument
from playwright.sync_api import expect

from tests.browser.conftest import sign_in
from tests.reports.test_combined_report import african_union

pytestmark = pytest.mark.django_db(transaction=True)


def _word_text(data: bytes) -> str:
    word = WordDocument(io.BytesIO(data))
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in word.paragraphs] + cells)


def _pdf_text(data: bytes) -> str:
    pdf = pypdfium2.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def _check_language_list(page) -> None:
    """The page's own list, not the switcher's dictionaries of base.html. A link's click
    returns once the new page is committed, which may be before its form is parsed: the
    count is awaited, then read."""
    options = page.locator("#id_lang option")
    expect(options).to_have_count(3)
    values = [options.nth(i).get_attribute("value") for i in range(options.count())]
    assert values == ["en", "fr", "ar"]
    names = options.all_inner_texts()
    assert names[:2] == ["English", "français"] and names[2].startswith("العرب"), names


def _generate(page, fmt: str, lang: str) -> bytes:
    page.locator("#id_format").select_option(fmt)
    page.locator("#id_lang").select_option(lang)
    page.get_by_role("button", name="Generate").click()
    page.wait_for_load_state()
    link = page.locator("a[download]")
    with page.expect_download() as info:
        link.click()
    return open(info.value.path(), "rb").read()


def test_the_report_page_offers_three_languages_and_generates_in_one(world, new_page):
    """Every format in every language is generated through this page, and read, by the
    whole cycle (tests/browser/test_whole_cycle.py); here the page reached from the
    matrix, its list of languages, and a French PDF naming the entity in French."""
    page = new_page()
    sign_in(page, "coordinator")
    page.goto("/f/un-oic/matrix/")
    page.get_by_role("link", name="Draft the report of the Secretary-General").click()
    _check_language_list(page)
    year = timezone.localdate().year
    page.locator("#id_start").fill(f"{year}-01")
    page.locator("#id_end").fill(f"{year + 1}-12")
    text = " ".join(_pdf_text(_generate(page, "pdf", "fr")).split())
    assert "Haut-Commissariat des Nations Unies aux droits de l'homme" in text
    assert any(a.title in text for a in world.activities)


def test_the_review_pack_is_reached_from_the_meeting_page(world, new_page):
    page = new_page()
    sign_in(page, "coordinator")
    meeting = world.meeting
    page.goto(f"/f/un-oic/meetings/{meeting.pk}/")
    page.get_by_role("link", name="Review pack").click()
    _check_language_list(page)
    text = _word_text(_generate(page, "docx", "en"))
    assert world.activities[0].title in text


def test_the_public_pages_link_the_open_data(world, new_page):
    page = new_page()
    page.goto("/f/un-oic/")
    page.get_by_role("link", name="Open data").click()
    page.wait_for_url("**/reports/opendata/")


def test_the_combined_report_is_generated_from_the_page(world, new_page):
    year = timezone.localdate().year
    african_union(world, un_lead=world.dppa, year=year - 1)
    page = new_page()
    sign_in(page, "admin")
    page.goto("/reports/sg/")
    page.locator("#id_start").fill(f"{year - 1}-01")
    page.locator("#id_end").fill(f"{year + 1}-12")
    page.get_by_label("All frameworks: the combined report").check()
    data = _generate(page, "docx", "en")
    assert "100 %" in page.locator("p[role=status]").inner_text()
    assert "sg-combined-" in page.locator("a[download]").inner_text()
    word = WordDocument(io.BytesIO(data))
    chapters = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    # in the order of the agenda sub-items: the AU's 128 (b) before the OIC's
    assert chapters == ["I. African Union", "II. Organization of Islamic Cooperation"], chapters
    text = _word_text(data)
    assert "Joint mediation training" in text
    assert any(a.title in text for a in world.activities)


def test_a_coordinator_of_one_framework_is_not_offered_the_combined_report(world, new_page):
    african_union(world, un_lead=world.dppa)
    page = new_page()
    sign_in(page, "coordinator")
    page.goto("/reports/sg/")
    assert page.locator("#id_all_frameworks").count() == 0
    assert page.locator("#id_framework option").all_inner_texts() == [world.framework.name]
