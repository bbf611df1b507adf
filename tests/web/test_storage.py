"""Files go through Django's storage: on disk in MEDIA_ROOT by default, or an
S3-compatible bucket (django-storages) when ACCORD_STORAGE_BACKEND names it. The bucket
here is moto's S3 server on loopback: a real HTTP endpoint that boto3 talks to, as it
would to MinIO or a cloud bucket. Files are handed out by pages that ask the permissions
module first, never from an open /media/ address."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid

import boto3
import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from moto.server import ThreadedMotoServer

from accord.cooperation import services
from accord.core.services import object_update
from accord.reports.tasks import start_report

KEYS = {"access_key": "accord-test", "secret_key": "accord-test-secret", "region_name": "us-east-1"}


@pytest.fixture(scope="module")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint, settings):
    """A new bucket, made the default storage for the test."""
    name = f"accord-{uuid.uuid4().hex[:12]}"
    s3 = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        aws_access_key_id=KEYS["access_key"],
        aws_secret_access_key=KEYS["secret_key"],
        region_name=KEYS["region_name"],
    )
    s3.create_bucket(Bucket=name)
    options = {"bucket_name": name, "endpoint_url": s3_endpoint, **KEYS}
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
    }
    return s3, name


def keys(s3, name: str) -> list[str]:
    return [o["Key"] for o in s3.list_objects_v2(Bucket=name).get("Contents", [])]


def attach(world, data: bytes, filename: str):
    return services.meeting_document_add(
        meeting=world.meeting,
        user=world.coordinator,
        title="Agenda",
        file=ContentFile(data, name=filename),
    )


def downloaded(client, world, document) -> bytes:
    """Follow the meeting page's link to the document, as a reader would."""
    page = client.get(reverse("meeting", args=[world.framework.slug, world.meeting.pk]))
    href = reverse("meeting-document", args=[world.framework.slug, world.meeting.pk, document.pk])
    assert f'href="{href}"' in page.content.decode()
    response = client.get(href)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    return b"".join(response.streaming_content)


def test_a_meeting_document_is_stored_in_the_bucket_and_downloaded_from_the_page(
    client, world, bucket
):
    s3, name = bucket
    document = attach(world, b"%PDF-1.7 agenda of the general meeting", "agenda.pdf")
    assert keys(s3, name) == [document.file.name] and document.file.name.startswith("meetings/")
    client.force_login(world.viewer)
    assert downloaded(client, world, document) == b"%PDF-1.7 agenda of the general meeting"


def test_a_report_is_generated_into_the_bucket_and_downloaded_from_its_job(client, world, bucket):
    s3, name = bucket
    job = start_report(
        kind="sg_report",
        params={"framework": world.framework.slug, "start": "2018-09-01", "end": "2020-08-31"},
        fmt="docx",
        lang="en",
        user=world.admin,
    )
    assert job.status == "done", job.error
    assert keys(s3, name) == [job.file.name]
    client.force_login(world.admin)
    response = client.get(reverse("report-job", args=[job.pk]) + "?download=1")
    body = b"".join(response.streaming_content)
    stored = s3.get_object(Bucket=name, Key=job.file.name)["Body"].read()
    assert body == stored and body.startswith(b"PK")  # a .docx is a zip


def test_a_meeting_document_is_refused_to_who_may_not_see_the_meeting(client, world):
    document = attach(world, b"internal notes", "notes.txt")
    href = reverse("meeting-document", args=[world.framework.slug, world.meeting.pk, document.pk])
    world.meeting.refresh_from_db()
    assert not world.meeting.is_published
    assert client.get(href).status_code == 404  # the public: the meeting is not published
    object_update(
        obj=world.meeting,
        by=world.coordinator,
        expected_version=world.meeting.version,
        is_published=True,
    )
    assert downloaded(client, world, document) == b"internal notes"


def test_a_document_without_a_file_has_no_download(client, world):
    document = services.meeting_document_add(
        meeting=world.meeting, user=world.coordinator, symbol="A/79/1"
    )
    client.force_login(world.viewer)
    href = reverse("meeting-document", args=[world.framework.slug, world.meeting.pk, document.pk])
    assert client.get(href).status_code == 404


def test_the_environment_names_the_storage_backend_and_its_options():
    env = dict(
        os.environ,
        ACCORD_STORAGE_BACKEND="storages.backends.s3.S3Storage",
        ACCORD_STORAGE_OPTIONS=json.dumps({"bucket_name": "accord-media", **KEYS}),
    )
    code = (
        "import django; django.setup();"
        "from django.core.files.storage import storages; s = storages['default'];"
        "print(type(s).__name__, s.bucket_name)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=env | {"DJANGO_SETTINGS_MODULE": "accord.settings"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.split() == ["S3Storage", "accord-media"]
