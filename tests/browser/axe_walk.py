"""The walk of the axe-core test of every page (issue 8): axe-core finds no serious or
critical violation on any page of Accord, in English and in Arabic, at 1400 px and at
390 px, and at 390 px no page is wider than the screen (tests/browser/test_phones.py). The pages come from the URL patterns (tests/browser/a11y_pages.py; the test that
none is forgotten is in test_accessibility.py). A page with a violation is saved as a
screenshot in test-artifacts/screenshots/ (every page with ACCORD_SCREENSHOTS=1; the
pages of issue 8 in docs/screenshots/ with ACCORD_DOCS_SCREENSHOTS=1).

The walk is cut into ``PARTS`` parts per language, each run by its own test file
(test_axe_LANGUAGE_PART.py), so that the xdist workers (one file each, --dist loadfile)
share it: one language's walk in one test took a worker a minute."""

from __future__ import annotations

import os
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe

from tests.browser.a11y_pages import PAGES, STATUS, furnish, serious_violations, wider_than_screen
from tests.browser.conftest import screenshot, sign_in

PARTS = 2
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


def part(index: int) -> list[str]:
    """The names of the pages of part ``index`` (every PARTS-th page of PAGES)."""
    return list(PAGES)[index::PARTS]


def walk(world, new_page, settings, tmp_path, language: str, index: int) -> None:
    """Open the pages of part ``index`` in ``language``, each at both widths, and fail
    naming every serious or critical violation axe-core finds."""
    settings.MEDIA_ROOT = tmp_path / "media"
    furnish(world)
    names = part(index)
    axe, pages = Axe(), {}
    for who in {PAGES[name][1] for name in names}:
        pages[who] = new_page(locale="ar" if language == "ar" else "en-GB")
        # axe-core (570 kB) given to the browser once, which runs it in every page the
        # context opens, rather than sent through Playwright for each page
        pages[who].context.add_init_script(script=axe.axe_script)
        if who:
            sign_in(pages[who], who)
    problems = []
    for name in names:
        _pattern, who, url = PAGES[name]
        problems += _check(axe, pages[who], language, name, url(world))
    assert not problems, "\n".join(problems)


def _check(axe, page, language: str, name: str, url: str) -> list[str]:
    prefix = "" if language == "en" else f"/{language}"
    response = page.goto(prefix + url)
    page.wait_for_load_state()
    assert response.status == STATUS.get(name, 200), f"{name}: {response.status}"
    lang_dir = page.evaluate("[document.documentElement.lang, document.documentElement.dir]")
    assert lang_dir == [language, "rtl" if language == "ar" else "ltr"], name
    problems = []
    for width, size in WIDTHS.items():
        page.set_viewport_size(size)
        if os.environ.get(DOCS_ENV) and f"{width}-{name}" in DOCS_PAGES:
            page.screenshot(path=str(DOCS / f"{name}-{width}-{language}.png"))
        found = serious_violations(axe, page, f"{language} {width} {name}")
        if width == "phone":
            found += wider_than_screen(page, f"{language} {name}")
        screenshot(page, f"{language}-{width}-{name}", failed=bool(found))
        problems += found
    return problems
