"""The first resolution uploaded on a framework's pages, into a framework that has none
yet, goes through the same bootstrap (an empty database: the other upload tests share
one bootstrapped framework, test_upload.py)."""

from __future__ import annotations

from accord.documents.models import Resolution
from accord.documents.review import ReviewItem
from accord.documents.services import resolution_upload
from tests.bootstrap.test_upload import _upload


def test_an_uploaded_resolution_is_bootstrapped_into_the_framework_and_leaves_a_review_list(
    db, demo_path, coordinator
):
    from accord.cooperation.models import Framework
    from accord.registry.models import Organization

    un = Organization.objects.create(code="un", name_en="United Nations", acronym="UN")
    oic = Organization.objects.create(
        code="oic", name_en="Organization of Islamic Cooperation", acronym="OIC"
    )
    framework = Framework.objects.create(
        slug="un-oic", name="UN-OIC", un_organization=un, partner=oic
    )
    coordinator.is_superuser = True
    coordinator.save()
    result = resolution_upload(framework=framework, user=coordinator, file=_upload(demo_path))
    assert result.framework == framework
    assert Resolution.objects.get().source_file.name.endswith(".md")
    assert ReviewItem.objects.filter(
        status=ReviewItem.Status.PENDING
    ).exists()  # no --yes from the pages
