"""A resolution uploaded on a framework's pages goes through the same bootstrap, into a
framework bootstrapped once for the module (the first upload into a framework that has
no resolution yet: test_upload_first.py)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from accord.accounts.models import Membership
from accord.core.errors import AccordError
from accord.documents.services import resolution_upload
from tests.bootstrap.shared import (  # noqa: F401 - the fixtures: bootstrapped once a module
    bootstrapped_once,
    shared_bootstrapped,
    shared_coordinator,
)
from tests.bootstrap.test_apply import _row_counts


@pytest.fixture
def oic_coordinator(bootstrapped):
    user = get_user_model().objects.create_user("bob")
    Membership.objects.create(
        user=user,
        role=Membership.Role.COORDINATOR,
        framework=bootstrapped.framework,
        organization=bootstrapped.framework.partner,
    )
    return user


def _upload(path, name=None, text=None) -> SimpleUploadedFile:
    content = text.encode("utf-8") if text is not None else path.read_bytes()
    return SimpleUploadedFile(name or path.name, content)


def test_a_coordinator_uploads_to_their_framework(bootstrapped, demo_path, oic_coordinator):
    result = resolution_upload(
        framework=bootstrapped.framework, user=oic_coordinator, file=_upload(demo_path)
    )
    assert result.resolution.symbol == "A/RES/73/135"


def test_an_outsider_may_not_upload(bootstrapped, demo_path):
    outsider = get_user_model().objects.create_user("olga")
    before = _row_counts()
    with pytest.raises(PermissionDenied):
        resolution_upload(framework=bootstrapped.framework, user=outsider, file=_upload(demo_path))
    assert _row_counts() == before


def test_another_partners_resolution_is_refused_in_this_framework(
    bootstrapped, demo_path, oic_coordinator
):
    text = demo_path.read_text(encoding="utf-8").replace(
        "Cooperation between the United Nations and the Organization of Islamic Cooperation",
        "Cooperation between the United Nations and the African Union",
    )
    before = _row_counts()
    with pytest.raises(AccordError, match="African Union, not the partner of the framework un-oic"):
        resolution_upload(
            framework=bootstrapped.framework,
            user=oic_coordinator,
            file=_upload(demo_path, "au.md", text),
        )
    assert _row_counts() == before


def test_an_uploaded_file_that_is_not_a_resolution_is_refused_with_its_name(
    bootstrapped, oic_coordinator
):
    with pytest.raises(AccordError, match="^notes.txt: "):
        resolution_upload(
            framework=bootstrapped.framework,
            user=oic_coordinator,
            file=SimpleUploadedFile("notes.txt", b"Shopping list: eggs, milk, bread.\n" * 30),
        )
