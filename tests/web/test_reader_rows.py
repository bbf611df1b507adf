"""The reader renders a resolution from its rows: an edit of a paragraph's text through
the services shows in the reader, citations link from the Citation rows, and the page
costs a bounded number of queries."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accord.core.services import object_update
from accord.documents.models import Paragraph, Resolution

pytestmark = pytest.mark.django_db


def _read(client, world) -> str:
    url = reverse("resolution", args=[world.framework.slug, world.resolution.pk])
    return client.get(url).content.decode()


def test_an_edited_paragraph_shows_as_edited(client, world):
    paragraph = Paragraph.objects.get(resolution=world.resolution, pid="op-3")
    old = paragraph.text
    new = old.replace("Organization", "Organisation", 1) + " Edited by the coordinator."
    object_update(obj=paragraph, by=world.coordinator, expected_version=paragraph.version, text=new)
    client.force_login(world.viewer)
    body = _read(client, world)
    assert "Edited by the coordinator." in body
    assert world.resolution.parsed["operative"][2]["text"] == old  # the parse is untouched
    assert "Edited by the coordinator." not in str(
        Resolution.objects.get(pk=world.resolution.pk).parsed
    )


def test_a_paragraph_soft_deleted_is_not_shown(client, world):
    from accord.core.services import object_soft_delete

    paragraph = Paragraph.objects.get(resolution=world.resolution, pid="op-3")
    object_soft_delete(obj=paragraph, user=world.coordinator)
    client.force_login(world.viewer)
    assert 'id="op-3"' not in _read(client, world)


def test_a_citation_row_pointing_at_a_stored_resolution_is_a_link(client, world):
    from accord.documents.models import Citation

    cited = Resolution.objects.create(
        framework=world.framework, symbol="A/RES/38/4", session=38, number="4"
    )
    citation = Citation.objects.get(resolution=world.resolution, symbol="38/4")
    object_update(
        obj=citation, by=world.admin, expected_version=citation.version, cited_resolution=cited
    )
    client.force_login(world.viewer)
    body = _read(client, world)
    href = reverse("resolution", args=[world.framework.slug, cited.pk])
    assert f'<a class="citation" href="{href}">38/4</a>' in body
    assert body.count(f'href="{href}"') == 1


def test_the_reader_costs_a_bounded_number_of_queries(client, world, django_assert_max_num_queries):
    client.force_login(world.coordinator)
    _read(client, world)  # warm the session and the framework caches
    with django_assert_max_num_queries(15):
        _read(client, world)
