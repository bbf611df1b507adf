"""axe-core finds no serious or critical violation on any page of Accord, in English and
in Arabic, at 1400 px and at 390 px: the walk is tests/browser/axe_walk.py, run in parts
by test_axe_LANGUAGE_PART.py. Here: no URL pattern is forgotten by it, and every page is
in exactly one part."""

from __future__ import annotations

from pathlib import Path

from tests.browser.a11y_pages import PAGES, unlisted_patterns
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
