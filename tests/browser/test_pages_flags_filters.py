"""In a browser: the matrix filter form filters and refuses what names nothing with a
message; late rows carry a worded flag; the review list's correction form, the matrix
with its flags and a refused filter have no serious accessibility violation, in English
and Arabic."""

from __future__ import annotations

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.a11y_pages import serious_violations
from tests.browser.conftest import sign_in


def _make_late(world):
    from django.utils import timezone

    from accord.core.services import object_update

    a = world.activities[0]
    a.refresh_from_db()
    object_update(
        obj=a,
        by=world.admin,
        expected_version=a.version,
        status="ongoing",
        end_on=timezone.localdate() - datetime.timedelta(days=10),
    )
    return a


def test_the_matrix_filter_form_filters_and_refuses(world, new_page):
    late = _make_late(world)
    page = new_page()
    sign_in(page, "viewer")
    page.goto(f"/f/{world.framework.slug}/matrix/")
    row = page.locator(f"#row-{late.pk}")
    assert row.locator(".flag-late").inner_text() == "Late"
    page.get_by_label("Status", exact=True).select_option("ongoing")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_load_state()
    assert "status=ongoing" in page.url
    codes = page.locator("table.matrix tbody tr td:first-child").all_inner_texts()
    expected = {a.code for a in world.activities if a.pk == late.pk or a.status == "ongoing"}
    assert set(codes) == expected
    response = page.goto(f"/f/{world.framework.slug}/matrix/?biennium=1999-2000")
    assert response.status == 400
    assert page.get_by_role("alert").filter(has_text="no biennium 1999-2000").count() >= 1
    assert page.locator("table.matrix tbody tr[id^=row-]").count() == 0


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_pages_i_changed_have_no_serious_accessibility_violation(
    world, new_page, settings, tmp_path, language
):
    from accord.documents.services import resolution_import
    from tests.world import DEMO

    settings.MEDIA_ROOT = tmp_path / "media"
    result = resolution_import(source=DEMO, user=world.admin, framework=world.framework.slug)
    _make_late(world)
    slug = world.framework.slug
    prefix = "" if language == "en" else f"/{language}"
    page = new_page()
    sign_in(page, "coordinator")
    axe, problems = Axe(), []
    for name, url in {
        "review": f"/f/{slug}/resolutions/{result.resolution.pk}/review/",
        "matrix": f"/f/{slug}/matrix/",
        "refused filter": f"/f/{slug}/matrix/?status=sleeping",
        "dashboard": f"/f/{slug}/",
        "entity": f"/f/{slug}/entities/{world.ohchr.pk}/",
        "resolution": f"/f/{slug}/resolutions/{result.resolution.pk}/",
    }.items():
        page.goto(prefix + url)
        page.wait_for_load_state()
        problems += serious_violations(axe, page, f"{language} {name}")
    assert not problems, "\n".join(problems)
