"""In a browser: the matrix filter form filters and refuses what names nothing with a
message; late rows carry a worded flag. That the review list's correction form, the
matrix with a late row's flag and a refused filter have no serious accessibility
violation, in English and Arabic at both widths, is checked by the walk of every page
(tests/browser/axe_walk.py: the pages "review", "matrix" and "refused-filter")."""

from __future__ import annotations

from tests.browser.a11y_pages import make_late
from tests.browser.conftest import sign_in


def test_the_matrix_filter_form_filters_and_refuses(world, new_page):
    late = make_late(world)
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
