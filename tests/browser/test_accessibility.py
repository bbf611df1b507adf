"""axe-core finds no serious or critical violation on any page of Accord, in English and
in Arabic, at 1400 px and at 390 px: the walk is tests/browser/axe_walk.py, run in parts
by test_axe_LANGUAGE_PART.py. Here: no URL pattern is forgotten by it, and every page is
in exactly one part."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.a11y_pages import PAGES, serious_violations, unlisted_patterns
from tests.browser.axe_walk import PARTS, part

HERE = Path(__file__).resolve().parent


def test_every_url_pattern_is_checked_or_excluded_with_a_reason():
    assert not unlisted_patterns(), (
        "URL patterns neither in tests/browser/a11y_pages.py PAGES nor in NOT_PAGES "
        f"(with the reason) nor POST only: {unlisted_patterns()}"
    )


def test_every_page_is_walked_once_in_each_language():
    walked = [name for index in range(PARTS) for name in part(index)]
    assert sorted(walked) == sorted(PAGES)
    files = {p.name for p in HERE.glob("test_axe_*.py")}
    expected = {
        f"test_axe_{lang}_{index + 1}.py" for lang in ("en", "ar") for index in range(PARTS)
    }
    assert files == expected, "one test file per language and part (tests/browser/axe_walk.py)"


@pytest.mark.browser
def test_the_check_names_serious_violations_and_only_those(browser):
    """The walk's check itself: a page with an image without a text alternative
    (critical), a field without a label (critical) and a second main landmark (moderate)
    gives the two serious ones, each with its element, and not the moderate one."""
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_content(
            '<html lang="en"><head><title>t</title></head><body><main><h1>t</h1>'
            '<img src="data:," id="picture"><input type="text" id="field"></main>'
            "<main><p>second</p></main></body></html>"
        )
        found = serious_violations(Axe(), page, "made-up page")
    finally:
        context.close()
    assert len(found) == 2, found
    assert any("image-alt (critical)" in line and "#picture" in line for line in found), found
    assert any("label (critical)" in line and "#field" in line for line in found), found
    assert all(line.startswith("made-up page: ") for line in found)


@pytest.mark.browser
def test_the_pages_are_watched_for_refused_styles_and_script_errors(browser):
    """What fails every browser test at its end (tests/browser/conftest.py ``watch``): a
    style the page's policy refuses and an error a script raises."""
    from tests.browser.conftest import watch

    context = browser.new_context()
    refused: list[str] = []
    watch(context, refused)
    try:
        page = context.new_page()
        with context.expect_event("weberror"):
            page.set_content(
                '<html><head><meta http-equiv="Content-Security-Policy" content="style-src \'self\'">'
                "<style>p { color: red }</style></head><body><p>t</p>"
                "<script>setTimeout(() => { throw new Error('not caught') }, 0)</script></body></html>"
            )
    finally:
        context.close()
    assert any("Content Security Policy" in line for line in refused), refused
    assert any("script error" in line and "not caught" in line for line in refused), refused
