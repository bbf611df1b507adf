"""axe-core over the first part of the pages, in Arabic, at both widths
(tests/browser/axe_walk.py)."""

from __future__ import annotations

import pytest

from tests.browser.axe_walk import walk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_no_page_has_a_serious_accessibility_violation(world, new_page, settings, tmp_path):
    walk(world, new_page, settings, tmp_path, "ar", 0)
