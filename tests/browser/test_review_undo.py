"""A coordinator uploads an unrelated resolution (79/90) into UN-OIC through the page,
then undoes the upload from its review list; the data is as before (corpus test)."""

from __future__ import annotations

import pytest

from tests.bootstrap.conftest import DEMO
from tests.browser.conftest import sign_in


@pytest.fixture
def un_oic(transactional_db, live_server, settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    from django.contrib.auth import get_user_model

    from accord.documents.services import resolution_import
    from tests.world import PASSWORD

    admin = get_user_model().objects.create_user("chief", password=PASSWORD, is_superuser=True)
    return resolution_import(source=DEMO, user=admin, confirm_all=True).framework


def test_upload_then_undo_from_the_pages(un_oic, new_page, corpus):
    from accord.documents.models import Mandate, Resolution
    from tests.bootstrap.test_undo import _live_counts

    pdf = corpus / "pdf" / "A_RES_79_90.pdf"
    if not pdf.exists():
        pytest.skip(f"{pdf} is absent from the corpus")
    before = _live_counts()
    page = new_page()
    sign_in(page, "chief")
    page.goto(f"/f/{un_oic.slug}/resolutions/")
    page.locator("input[type=file]").set_input_files(str(pdf))
    page.get_by_role("button", name="Upload and review").click()
    page.wait_for_load_state()
    assert Resolution.objects.filter(symbol="A/RES/79/90").exists()
    assert not Mandate.objects.filter(status=Mandate.Status.SUPERSEDED).exists()
    page.get_by_role("button", name="Undo this upload").click()
    page.wait_for_load_state()
    assert "was undone" in page.content()
    assert not Resolution.objects.filter(symbol="A/RES/79/90").exists()
    assert _live_counts() == before
    page.goto(f"/f/{un_oic.slug}/")
    assert "79/90" not in page.content()
