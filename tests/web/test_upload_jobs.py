"""Uploads are read in the task worker (issue 12): a resolution's parse and a matrix
file's plan are jobs (``UploadJob``); the upload goes to the job's page, which shows
progress until the job is done and then goes on to the review list or the preview.

Shown here: a hostile file is refused by the job with the message naming the limit and
nothing is written; only the uploader and administrators open a job, and only the
uploader applies a matrix plan. A real ``accord worker`` running the queued jobs:
test_worker_jobs.py."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accord.cooperation.models import Activity
from accord.documents.models import Resolution, UploadJob
from tests.web.test_worker_jobs import _csv_with


def _docx_bomb() -> bytes:
    """A .docx whose document.xml unzips to 4 MB from a few kilobytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("word/document.xml", b"<w:document>" + b" " * (4 * 1024 * 1024))
    return out.getvalue()


@pytest.mark.django_db
def test_a_zip_bomb_is_refused_by_the_job_with_the_limit_named(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(world.coordinator)
    before = Resolution.objects.count()
    response = client.post(
        reverse("resolution-upload", args=[world.framework.slug]),
        {"file": SimpleUploadedFile("bomb.docx", _docx_bomb())},
    )
    page = client.get(response["Location"]).content.decode()
    assert "compressed more than 100 to 1, the limit" in page and "Nothing was written" in page
    job = UploadJob.objects.get()
    assert job.status == "failed" and "more than 100 to 1" in job.error
    assert Resolution.objects.count() == before
    assert not job.file and not list((tmp_path / "uploads").iterdir())  # the file is not kept


@pytest.mark.django_db
def test_a_hostile_spreadsheet_is_refused_by_the_matrix_job(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"<worksheet>" + b" " * (4 * 1024 * 1024))
    client.force_login(world.admin)
    response = client.post(
        reverse("matrix-import", args=[world.biennium.pk]),
        {"action": "preview", "file": SimpleUploadedFile("bomb.xlsx", out.getvalue())},
        follow=True,
    )
    page = response.content.decode()
    assert response.status_code == 400 and "more than 100 to 1, the limit" in page
    assert 'name="token"' not in page and not UploadJob.objects.get().file


@pytest.mark.django_db
def test_only_the_uploader_and_administrators_open_a_job(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(world.coordinator)
    response = client.post(
        reverse("resolution-upload", args=[world.framework.slug]),
        {"file": SimpleUploadedFile("notes.txt", b"Minutes of a lunch.")},
    )
    job_page = response["Location"]
    assert client.get(job_page).status_code == 200
    for other in (world.viewer, world.focal):
        client.force_login(other)
        assert client.get(job_page).status_code == 403
    client.force_login(world.admin)
    assert client.get(job_page).status_code == 200


@pytest.mark.django_db
def test_only_the_uploader_may_apply_a_matrix_plan(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    code = world.activities[0].code
    client.force_login(world.admin)
    url = reverse("matrix-import", args=[world.biennium.pk])
    response = client.post(
        url,
        {"action": "preview", "file": SimpleUploadedFile("m.csv", _csv_with(world, code, "Mine"))},
        follow=True,
    )
    token = response.context["token"]
    assert token
    preview = f"{url}?job={token}"
    client.force_login(world.coordinator)  # a coordinator of the framework: not the uploader
    assert client.get(preview).status_code == 403
    client.post(url, {"action": "apply", "token": token})
    assert Activity.objects.get(code=code).description != "Mine"
    client.force_login(world.admin)
    client.post(url, {"action": "apply", "token": token})
    assert Activity.objects.get(code=code).description == "Mine"
    client.post(url, {"action": "apply", "token": token})  # applied once: the file is gone
    assert "has expired" in client.get(url).content.decode()


@pytest.mark.django_db
def test_an_apply_refused_by_a_conflict_shows_it_and_writes_nothing(
    client, world, settings, tmp_path
):
    """Someone changes the row between the preview and the apply: the worker's apply
    finds the conflict, writes nothing, and the page shows it."""
    from accord.core.services import object_update

    settings.MEDIA_ROOT = tmp_path
    activity = world.activities[0]
    client.force_login(world.admin)
    url = reverse("matrix-import", args=[world.biennium.pk])
    edited = _csv_with(world, activity.code, "From the file")
    token = client.post(
        url, {"action": "preview", "file": SimpleUploadedFile("m.csv", edited)}, follow=True
    ).context["token"]
    object_update(
        obj=activity, by=world.coordinator, expected_version=activity.version, title="Changed"
    )
    result = client.post(url, {"action": "apply", "token": token}, follow=True)
    page = result.content.decode()
    assert result.status_code == 400 and "nothing was written" in page and "conflict" in page
    stored = Activity.objects.get(pk=activity.pk)
    assert stored.title == "Changed" and stored.description != "From the file"
    assert UploadJob.objects.get().result["refused"] and not UploadJob.objects.get().file
