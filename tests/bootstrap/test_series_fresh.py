"""Resolutions imported into an empty database: another partner's sets up its own
framework, and the official PDF and its text layer set up the same one (corpus tests:
they skip, with the reason printed, when ../shared/corpus is absent; the series tests
that start from the founding resolution are in test_series.py)."""

from __future__ import annotations

import pytest

from accord.cooperation.models import ActionItem, Framework
from accord.documents.models import Mandate
from accord.documents.services import resolution_import
from accord.registry.models import Entity
from tests.bootstrap.conftest import series_file
from tests.bootstrap.test_apply import _row_counts


@pytest.mark.parametrize(
    ("symbol", "slug", "partner", "partner_bodies"),
    [
        ("79/329", "un-au", "au", 3),  # the Commission, the Peace and Security Council, ...
        ("79/290", "un-asean", "asean", 0),  # names no ASEAN body the gazetteer knows
    ],
)
def test_another_partners_resolution_sets_up_its_own_framework(
    db, corpus, coordinator, symbol, slug, partner, partner_bodies
):
    result = resolution_import(
        source=series_file(corpus, symbol), user=coordinator, confirm_all=True
    )
    framework = Framework.objects.get(slug=slug)
    assert result.framework == framework and framework.partner.code == partner
    assert Entity.objects.filter(organization__code=partner).count() >= partner_bodies
    assert Entity.objects.filter(organization__code="un").count() >= 3
    assert not Entity.objects.filter(organization__code="oic").exists()
    assert ActionItem.objects.filter(framework=framework).exists()  # its report to the Assembly
    assert Mandate.objects.filter(resolution__framework=framework).count() >= 10


def test_the_official_pdf_and_its_text_layer_set_up_the_same_framework(db, corpus, coordinator):
    pdf = corpus / "pdf" / "A_RES_79_9.pdf"
    if not pdf.exists():
        pytest.skip(f"{pdf} is absent from the corpus")
    first = resolution_import(source=pdf, user=coordinator, confirm_all=True)
    assert first.resolution.source_format == "pdf"
    before = _row_counts()
    resolution_import(source=series_file(corpus, "79/9"), user=coordinator, confirm_all=True)
    assert _row_counts() == before
