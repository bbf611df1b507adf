"""Series membership, superseding as a review proposal, and undoing an upload (corpus
tests: they skip, with the reason printed, when ../shared/corpus is absent)."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile

from accord.cooperation.models import ActionItem
from accord.documents.models import Mandate, Resolution, Upload, UploadJob
from accord.documents.review import ReviewItem
from accord.documents.services import (
    bootstrap_confirm,
    resolution_import,
    resolution_upload,
    upload_undo,
)
from tests.bootstrap.conftest import series_file
from tests.bootstrap.shared import (  # noqa: F401 - the fixtures: bootstrapped once a module
    bootstrapped_once,
    shared_bootstrapped,
    shared_coordinator,
)
from tests.bootstrap.test_apply import ACCORD_APPS


def _live_counts() -> dict[str, int]:
    return {
        m._meta.label: m._default_manager.count()
        for label in ACCORD_APPS
        for m in apps.get_app_config(label).get_models()
        # the records of the run (the upload, the job that read its file) stay after an undo
        if not m._meta.label.split(".")[1].startswith("Historical") and m not in (Upload, UploadJob)
    }


@pytest.fixture
def golan(corpus):
    path = corpus / "pdf" / "A_RES_79_90.pdf"
    if not path.exists():
        pytest.skip(f"{path} is absent from the corpus")
    return SimpleUploadedFile(path.name, path.read_bytes())


@pytest.fixture
def admin_user(coordinator):
    coordinator.is_superuser = True
    coordinator.save()
    return coordinator


def test_an_unrelated_upload_is_a_related_resolution_and_supersedes_nothing(
    bootstrapped, golan, admin_user, client
):
    before = _live_counts()
    result = resolution_upload(framework=bootstrapped.framework, user=admin_user, file=golan)
    assert result.related and result.queued == []
    golan_res = Resolution.objects.get(symbol="A/RES/79/90")
    assert golan_res.framework == bootstrapped.framework and golan_res.predecessor is None
    assert not Mandate.objects.filter(status=Mandate.Status.SUPERSEDED).exists()
    assert not ActionItem.objects.filter(mandate__resolution=golan_res).exists()
    assert Mandate.objects.filter(resolution=golan_res).exists()
    client.force_login(admin_user)
    listing = client.get(f"/f/{bootstrapped.framework.slug}/resolutions/").content.decode()
    assert "related resolution (not of the series)" in listing
    reader = client.get(f"/f/{bootstrapped.framework.slug}/resolutions/{golan_res.pk}/")
    assert "supersedes nothing" in reader.content.decode()
    touched = upload_undo(upload=result.upload, user=admin_user)
    assert touched > 0
    assert _live_counts() == before
    assert Upload.objects.get(pk=result.upload.pk).undone_at is not None


def test_a_series_resolution_proposes_superseding_and_confirming_closes_the_report(
    bootstrapped, corpus, admin_user
):
    result = resolution_import(source=series_file(corpus, "75/16"), user=admin_user)
    assert not result.related
    old25 = Mandate.objects.get(resolution__symbol="A/RES/73/135", paragraph__pid="op-25")
    assert old25.status == Mandate.Status.NOT_STARTED  # never automatic
    items = ReviewItem.objects.filter(resolution=result.resolution, kind="supersede")
    assert items.count() >= 1
    for item in items:
        bootstrap_confirm(item=item, user=admin_user)
    old25.refresh_from_db()
    assert old25.status == Mandate.Status.SUPERSEDED
    assert old25.superseded_by.resolution.symbol == "A/RES/75/16"
    report = ActionItem.objects.get(mandate=old25)
    assert report.status == ActionItem.Status.NO_LONGER_APPLICABLE
    # undoing the upload takes the confirmed superseding back too
    upload_undo(upload=result.upload, user=admin_user)
    old25.refresh_from_db()
    report.refresh_from_db()
    assert old25.status == Mandate.Status.NOT_STARTED and report.status == ActionItem.Status.OPEN
    assert not Resolution.objects.filter(symbol="A/RES/75/16").exists()


def test_the_review_page_says_kind_and_reason_in_arabic_and_confirms_a_superseding(
    bootstrapped, corpus, admin_user, client
):
    result = resolution_import(source=series_file(corpus, "75/16"), user=admin_user)
    client.force_login(admin_user)
    url = f"/ar/f/{result.framework.slug}/resolutions/{result.resolution.pk}/review/"
    page = client.get(url).content.decode()
    assert "الاستعاضة عن ولاية سابقة" in page  # the kind "supersede", in Arabic
    assert "يكرر القرار الأحدث هذا الطلب" in page  # its reason, in Arabic
    item = ReviewItem.objects.filter(kind="supersede", data__superseded_by__isnull=False).first()
    client.post(f"{url}{item.pk}/", {"decision": "confirm"})
    old = Mandate.objects.get(pk=item.data["mandate"])
    assert old.status == Mandate.Status.SUPERSEDED


def test_re_uploading_79_9_proposes_no_row_that_exists(bootstrapped, corpus, admin_user):
    first = resolution_import(source=series_file(corpus, "79/9"), user=admin_user)
    for item in first.queued:
        if item.kind == "meeting":
            bootstrap_confirm(item=item, user=admin_user)
    ReviewItem.objects.filter(kind="meeting").delete()  # as if never queued
    again = resolution_import(source=series_file(corpus, "79/9"), user=admin_user)
    assert [i for i in again.queued if i.kind == "meeting"] == []
