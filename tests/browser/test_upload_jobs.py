"""Uploads read in the task worker, in a real browser (issue 12): the coordinator uploads
a matrix file and a resolution, sees each job's progress page (a <progress> and a
status line, checked by axe-core) while the job waits in the database queue, a real `accord worker` runs it,
and the page, polling the job, goes on to the preview, whose Apply button queues the
apply for the worker (the page polls again and ends on the rows changed), and to the
resolution's review list."""

from __future__ import annotations

import csv
import io
import time
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from accord.cooperation.models import Activity
from accord.reports.matrix import export_matrix
from tests.browser.a11y_pages import serious_violations
from tests.browser.conftest import sign_in
from tests.web.test_worker_jobs import DATABASE_BACKEND, run_worker
from tests.world import DEMO

pytestmark = pytest.mark.django_db(transaction=True)
# The pages ask again every 2 s; here every 0.2 s, so that the test does not wait for the
# next poll after each run of the worker (the interval: tests/web/test_worker_jobs.py).
POLL_MS = 200


def _edited_csv(world, code: str, description: str, path) -> str:
    data = export_matrix(world.biennium, "csv", user=world.admin).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(data)))
    for row in rows[1:]:
        if row[0] == code:
            row[rows[0].index("Description")] = description
    with open(path, "w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows(rows)
    return str(path)


def _sees_progress(page, name: str = "upload-job") -> None:
    status = page.get_by_role("status").filter(has_text="%")
    assert "Queued" in status.inner_text()
    assert page.locator("progress").count() == 1
    assert serious_violations(Axe(), page, name) == []


def test_uploads_show_progress_until_the_worker_has_read_them(world, new_page, settings, tmp_path):
    settings.TASKS = DATABASE_BACKEND
    settings.MEDIA_ROOT = tmp_path
    settings.ACCORD_JOB_POLL_MS = POLL_MS
    code = world.activities[0].code
    page = new_page()
    sign_in(page, "coordinator")

    page.goto(f"/reports/matrix/{world.biennium.pk}/import/")
    page.get_by_label("File (.xlsx or .csv)").set_input_files(
        _edited_csv(world, code, "Read in the worker", tmp_path / "matrix.csv")
    )
    page.get_by_role("button", name="Preview the changes").click()
    page.wait_for_url("**/uploads/*/")
    _sees_progress(page)
    run_worker(tmp_path)
    page.wait_for_url("**/import/?job=*")  # the page's poll moved it on: the preview
    assert "Read in the worker" in page.locator("table.changes").inner_text()
    page.get_by_role("button", name="Apply these changes").click()
    page.wait_for_url("**/uploads/*/")  # the apply waits for the worker too
    _sees_progress(page, "upload-job-apply")
    assert "Applying the changes" in page.get_by_role("status").filter(has_text="%").inner_text()
    assert Activity.objects.get(code=code).description != "Read in the worker"
    run_worker(tmp_path)
    page.wait_for_url("**/import/?job=*")  # the poll brought it back: what was written
    assert "Imported:" in page.content()
    changed = page.locator("table.changes")
    assert "What changed" in changed.inner_text() and "Read in the worker" in changed.inner_text()
    assert page.get_by_role("button", name="Apply these changes").count() == 0
    assert Activity.objects.get(code=code).description == "Read in the worker"

    page.goto("/f/un-oic/resolutions/")
    page.get_by_label("Resolution file").set_input_files(str(DEMO))
    page.get_by_role("button", name="Upload and review").click()
    page.wait_for_url("**/uploads/*/")
    _sees_progress(page)
    sent_on = _answers_sending_the_page_on(page)
    page.route("**/review/", _slowly)
    run_worker(tmp_path)
    page.wait_for_url("**/review/")
    assert "The resolution was read" in page.content()
    # the poll stopped once it had sent the page on: the slow review page was left to load
    assert len(sent_on) == 1, sent_on


def _answers_sending_the_page_on(page) -> list[str]:
    sent_on: list[str] = []
    page.on("response", lambda r: r.headers.get("hx-redirect") and sent_on.append(r.url))
    return sent_on


def _slowly(route) -> None:
    """A slow link: the page arrives after four of the job page's poll intervals (the
    browser goes on meanwhile; only this test's side waits)."""
    time.sleep(4 * POLL_MS / 1000)
    route.continue_()


def test_a_queued_report_shows_progress_until_the_worker_has_made_it(
    world, new_page, settings, tmp_path
):
    settings.TASKS = DATABASE_BACKEND
    settings.MEDIA_ROOT = tmp_path
    settings.ACCORD_JOB_POLL_MS = POLL_MS
    page = new_page()
    sign_in(page, "coordinator")
    page.goto("/reports/sg/")
    page.locator("#id_format").select_option("docx")
    page.get_by_role("button", name="Generate").click()
    page.wait_for_url("**/reports/jobs/*/")
    _sees_progress(page, "report-job")
    assert page.locator("a[download]").count() == 0
    run_worker(tmp_path)
    link = page.locator("a[download]")
    link.wait_for(timeout=15_000)  # the page's poll brought the finished job in, no reload
    assert "100 %" in page.get_by_role("status").filter(has_text="%").inner_text()
    with page.expect_download() as info:
        link.click()
    assert Path(info.value.path()).read_bytes()[:2] == b"PK"  # a Word file
