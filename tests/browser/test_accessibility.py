"""axe-core (bundled by axe-playwright-python) finds no serious or critical violation on
any page of Accord, in English and in Arabic, at 1400 px and at 390 px. The pages come
from the URL patterns (tests/browser/a11y_pages.py): a pattern that is not a page there,
not POST only and not excluded with its reason makes the first test fail. Every page is
saved as a screenshot in test-artifacts/screenshots/ (and the pages of issue 8 in
docs/screenshots/ when ACCORD_DOCS_SCREENSHOTS=1)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.a11y_pages import (
    PAGES,
    STATUS,
    furnish,
    serious_violations,
    unlisted_patterns,
)
from tests.browser.conftest import screenshot, sign_in

WIDTHS = {"wide": {"width": 1400, "height": 900}, "phone": {"width": 390, "height": 844}}
# The pages of issue 8 shown in docs/screenshots/ (README.md there lists them), written
# when the test runs with ACCORD_DOCS_SCREENSHOTS=1.
DOCS_ENV = "ACCORD_DOCS_SCREENSHOTS"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
DOCS_PAGES = {
    "wide-landing",
    "wide-my-work",
    "wide-entity",
    "wide-review",
    "wide-activity-edit",
    "wide-report",
    "wide-activity-log",
    "wide-404",
    "phone-my-work",
    "phone-matrix",
}


def test_every_url_pattern_is_checked_or_excluded_with_a_reason():
    assert not unlisted_patterns(), (
        "URL patterns neither in tests/browser/a11y_pages.py PAGES nor in NOT_PAGES "
        f"(with the reason) nor POST only: {unlisted_patterns()}"
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_no_page_has_a_serious_accessibility_violation(
    world, new_page, settings, tmp_path, language
):
    settings.MEDIA_ROOT = tmp_path / "media"
    furnish(world)
    pages = {}
    for who in {who for _pattern, who, _url in PAGES.values()}:
        pages[who] = new_page(locale="ar" if language == "ar" else "en-GB")
        if who:
            sign_in(pages[who], who)
    axe, problems = Axe(), []
    prefix = "" if language == "en" else f"/{language}"
    for name, (_pattern, who, url) in PAGES.items():
        page = pages[who]
        response = page.goto(prefix + url(world))
        page.wait_for_load_state()
        assert response.status == STATUS.get(name, 200), f"{name}: {response.status}"
        assert page.locator("html").get_attribute("lang") == language, name
        assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
        for width, size in WIDTHS.items():
            page.set_viewport_size(size)
            screenshot(page, f"{language}-{width}-{name}")
            if os.environ.get(DOCS_ENV) and f"{width}-{name}" in DOCS_PAGES:
                page.screenshot(path=str(DOCS / f"{name}-{width}-{language}.png"))
            problems += serious_violations(axe, page, f"{language} {width} {name}")
    assert not problems, "\n".join(problems)
