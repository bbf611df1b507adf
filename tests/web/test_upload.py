"""Uploading a resolution from the reader hands it to the bootstrap service and opens
its review list; a refused file saves nothing; only coordinators may upload."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accord.documents.models import Resolution
from accord.documents.review import ReviewItem
from tests.world import DEMO

pytestmark = pytest.mark.django_db


def upload(client, world, name, content):
    return client.post(
        reverse("resolution-upload", args=[world.framework.slug]),
        {"file": SimpleUploadedFile(name, content)},
    )


def test_a_coordinator_uploads_a_resolution_and_lands_on_its_review_list(client, world):
    client.force_login(world.coordinator)
    response = upload(client, world, "A_RES_73_135.md", DEMO.read_bytes())
    resolution = Resolution.objects.get(symbol="A/RES/73/135")
    assert response.status_code == 302 and "/uploads/" in response["Location"]
    response = client.get(response["Location"])  # the job's page: done, goes on to the review
    assert response["Location"] == reverse(
        "resolution-review", args=[world.framework.slug, resolution.pk]
    )
    page = client.get(response["Location"])
    assert page.status_code == 200 and "A/RES/73/135" in page.content.decode()


def test_a_file_that_is_no_resolution_is_refused_and_nothing_is_saved(client, world):
    client.force_login(world.coordinator)
    before = Resolution.objects.count()
    response = upload(client, world, "notes.txt", b"Minutes of a lunch. Nothing was decided.")
    assert response.status_code == 302 and "/uploads/" in response["Location"]
    assert Resolution.objects.count() == before
    page = client.get(response["Location"]).content.decode()  # the job's page: its refusal
    assert "not imported" in page and "Nothing was written" in page


def test_a_focal_point_may_not_upload(client, world):
    client.force_login(world.focal)
    assert upload(client, world, "A_RES_73_135.md", DEMO.read_bytes()).status_code == 403


def test_a_coordinator_confirms_a_proposal_and_a_viewer_may_not(client, world):
    item = ReviewItem.objects.create(
        framework=world.framework,
        resolution=world.resolution,
        kind="priority_area",
        key="culture",
        label="Culture",
        confidence=0.4,
        reason="guessed",
        data={"code": "culture", "name_en": "Culture"},
    )
    url = reverse(
        "resolution-review-decide", args=[world.framework.slug, world.resolution.pk, item.pk]
    )
    client.force_login(world.viewer)
    assert client.post(url, {"decision": "reject"}).status_code == 403
    client.force_login(world.coordinator)
    client.post(url, {"decision": "reject"})
    item.refresh_from_db()
    assert item.status == "rejected" and item.decided_by == world.coordinator
