"""axe-core (bundled by axe-playwright-python) finds no serious or critical violation on
the main pages, in English and in Arabic; the pages are saved as screenshots."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import screenshot, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def main_pages(w):
    slug = w.framework.slug
    return {
        "dashboard": f"/f/{slug}/",
        "matrix": f"/f/{slug}/matrix/",
        "activity": f"/f/{slug}/activities/{w.activities[0].pk}/",
        "meeting": f"/f/{slug}/meetings/{w.meeting.pk}/",
        "action-items": f"/f/{slug}/action-items/",
        "registry": f"/f/{slug}/registry/",
        "resolution": f"/f/{slug}/resolutions/{w.resolution.pk}/",
    }


@pytest.mark.parametrize("language", ["en", "ar"])
def test_main_pages_have_no_serious_accessibility_violation(world, new_page, language):
    page = new_page()
    sign_in(page, "focal")
    axe = Axe()
    problems = []
    for name, url in main_pages(world).items():
        page.goto(url if language == "en" else f"/{language}{url}")
        page.wait_for_load_state()
        assert page.locator("html").get_attribute("lang") == language
        screenshot(page, f"{language}-{name}")
        results = axe.run(page)
        for violation in results.response["violations"]:
            if violation.get("impact") in ("serious", "critical"):
                targets = [n["target"] for n in violation["nodes"]][:3]
                problems.append(
                    f"{language} {name}: {violation['id']} ({violation['impact']}) {targets}"
                )
    assert not problems, "\n".join(problems)
