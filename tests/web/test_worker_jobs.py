"""Uploads read by a real ``accord worker`` (a subprocess on the test database): a
resolution's parse and a matrix file's plan wait in the database queue, their job's page
shows progress in the reader's language, and the worker runs them. These tests commit
(the worker is another process), so they have a module of their own: the module world of
tests/web/conftest.py is held in a transaction that a committing test must not meet."""

from __future__ import annotations

import io
import os
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from accord.cooperation.models import Activity
from accord.documents.models import Resolution, UploadJob
from accord.reports.matrix import export_matrix
from tests.conftest import accord_command
from tests.worker_fork import WORKER, forked_run
from tests.world import DEMO, build_world

DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _database_url() -> str:
    """The test database as a DATABASE_URL, for a subprocess to work on it."""
    s = connection.settings_dict
    if s["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{s['NAME']}"
    return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{s['NAME']}"


def run_worker(media_root: Path, *, script: bool = False) -> str:
    """`accord worker --batch` on the test database until the queue is empty; its output.
    A process forked from one that has Django set up (tests/worker_fork.py), or with
    ``script`` the console script started afresh, as production starts it, without
    Django's system checks (1.7 s of its 2.8 s on an empty queue: the checks load the
    URLs; tests/test_settings.py runs them)."""
    if not script:
        with tempfile.NamedTemporaryFile(prefix="accord-worker-", suffix=".log") as output:
            status = forked_run(_database_url(), media_root, Path(output.name))
            log = Path(output.name).read_text(errors="replace")
        assert status == 0, log[-2000:]
        return log
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "ACCORD_TASKS_BACKEND": "database",
        "ACCORD_MEDIA_ROOT": str(media_root),
    }
    done = subprocess.run(
        [*accord_command(), *WORKER], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout + done.stderr


def _csv_with(world, code: str, description: str) -> bytes:
    import csv

    rows = list(
        csv.reader(
            io.StringIO(export_matrix(world.biennium, "csv", user=world.admin).decode("utf-8-sig"))
        )
    )
    header = rows[0]
    for row in rows[1:]:
        if row[0] == code:
            row[header.index("Description")] = description
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


def _queue_the_demo_resolution(client, settings, tmp_path):
    """A coordinator uploads the demo resolution; its job waits in the database queue.
    Returns the world and the job's page."""
    settings.TASKS = DATABASE_BACKEND
    settings.MEDIA_ROOT = tmp_path
    world = build_world(activities=3)
    client.force_login(world.coordinator)
    response = client.post(
        reverse("resolution-upload", args=[world.framework.slug]),
        {"file": SimpleUploadedFile("A_RES_73_135.md", DEMO.read_bytes())},
    )
    return world, response["Location"]


@pytest.mark.django_db(transaction=True)
def test_a_resolution_upload_waits_for_a_real_worker_which_parses_it(client, settings, tmp_path):
    world, job_page = _queue_the_demo_resolution(client, settings, tmp_path)
    waiting = client.get(job_page)
    page = waiting.content.decode()
    assert waiting.status_code == 200 and "<progress" in page and 'role="status"' in page
    assert "Queued" in page and 'hx-trigger="load delay:2000ms"' in page
    assert UploadJob.objects.get().status == "queued"

    run_worker(tmp_path, script=True)  # the console script itself, once in the suite

    job = UploadJob.objects.get()
    assert job.status == "done" and job.progress == 1.0
    # each stage the worker reached, recorded with its percentage as it started
    assert job.result["stages"] == [["read", 0.1], ["parse", 0.2], ["store", 0.5]]
    resolution = Resolution.objects.get(symbol="A/RES/73/135")
    assert client.get(job_page)["Location"] == reverse(
        "resolution-review", args=[world.framework.slug, resolution.pk]
    )


@pytest.mark.django_db(transaction=True)
def test_a_matrix_upload_is_planned_by_a_real_worker_then_applied(client, settings, tmp_path):
    settings.TASKS = DATABASE_BACKEND
    settings.MEDIA_ROOT = tmp_path
    world = build_world(activities=3)
    code = world.activities[0].code
    client.force_login(world.admin)
    url = reverse("matrix-import", args=[world.biennium.pk])
    edited = _csv_with(world, code, "Read by the worker")
    job_page = client.post(url, {"action": "preview", "file": SimpleUploadedFile("m.csv", edited)})[
        "Location"
    ]
    assert "Queued" in client.get(job_page).content.decode()

    run_worker(tmp_path)

    preview = client.get(job_page, follow=True)
    assert preview.status_code == 200 and "Read by the worker" in preview.content.decode()
    assert Activity.objects.get(code=code).description != "Read by the worker"
    applying = client.post(url, {"action": "apply", "token": preview.context["token"]})
    assert applying["Location"] == job_page
    waiting = client.get(job_page).content.decode()
    assert "Queued: Applying the changes" in waiting and 'hx-trigger="load delay:2000ms"' in waiting
    again = client.post(url, {"action": "apply", "token": preview.context["token"]})
    assert again["Location"] == job_page  # pressed twice: the one apply queued, followed
    assert Activity.objects.get(code=code).description != "Read by the worker"

    run_worker(tmp_path)

    assert Activity.objects.get(code=code).description == "Read by the worker"
    result = client.get(job_page, follow=True)
    page = result.content.decode()
    assert "Imported: 0 to create, 1 to update" in page and "What changed" in page
    assert 'name="token"' not in page  # applied once
    job = UploadJob.objects.get()
    assert [key for key, _ in job.result["stages"]] == ["read", "apply"]


@pytest.mark.django_db(transaction=True)
def test_a_job_page_names_the_stage_in_the_readers_language(client, settings, tmp_path):
    from accord.documents.jobs import stage

    _, job_page = _queue_the_demo_resolution(client, settings, tmp_path)
    job = UploadJob.objects.get()
    job.record(status=UploadJob.Status.RUNNING)
    stage(job, "parse")  # as the worker records it when the parse starts
    english = client.get(job_page).content.decode()
    assert "Running: Parsing the resolution — 20 %" in english
    french = client.get(f"/fr{job_page}").content.decode()
    assert "Analyse de la résolution — 20 %" in french
    arabic = client.get(f"/ar{job_page}").content.decode()
    assert "تحليل القرار" in arabic


@pytest.mark.django_db(transaction=True)
def test_a_job_page_asks_again_at_the_interval_of_its_setting(client, settings, tmp_path):
    _, job_page = _queue_the_demo_resolution(client, settings, tmp_path)
    assert 'hx-trigger="load delay:2000ms"' in client.get(job_page).content.decode()
    settings.ACCORD_JOB_POLL_MS = 500
    assert 'hx-trigger="load delay:500ms"' in client.get(job_page).content.decode()
