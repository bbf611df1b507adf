"""The files of uploads never applied are removed after a day, but not while their job
waits for the worker (an Apply pressed just before the day ended still reads its file)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accord.documents.models import UploadJob
from accord.reports.matrix_jobs import start_matrix_job

DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def upload(world, name: str) -> UploadJob:
    file = SimpleUploadedFile(name, b"code,title\n", content_type="text/csv")
    return start_matrix_job(biennium=world.biennium, user=world.admin, file=file)


@pytest.mark.parametrize("status", ["done", "failed", "queued", "running"])
def test_an_upload_older_than_a_day_loses_its_file_unless_its_job_waits(
    world, settings, tmp_path, status
):
    settings.MEDIA_ROOT = tmp_path
    settings.TASKS = DATABASE_BACKEND  # the jobs wait in the queue: no worker runs here
    old = upload(world, "old.csv")
    path = tmp_path / old.file.name
    assert path.exists()
    UploadJob.objects.filter(pk=old.pk).update(
        status=status, created_at=timezone.now() - timedelta(hours=25)
    )
    upload(world, "new.csv")  # each upload sweeps the stale files first
    old.refresh_from_db()
    kept = status in ("queued", "running")
    assert path.exists() is kept
    assert bool(old.file) is kept


def test_an_upload_of_today_keeps_its_file(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.TASKS = DATABASE_BACKEND
    first = upload(world, "first.csv")
    UploadJob.objects.filter(pk=first.pk).update(status="done")
    upload(world, "second.csv")
    first.refresh_from_db()
    assert first.file and (tmp_path / first.file.name).exists()
