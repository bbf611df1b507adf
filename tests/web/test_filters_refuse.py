"""Filters refuse a value that names nothing with a translated message and show no rows:
no silent fallback to another biennium, area, entity, status or tab."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _matrix(client, world, prefix="", **params):
    return client.get(f"{prefix}/f/{world.framework.slug}/matrix/", params)


@pytest.mark.parametrize(
    "params, message",
    [
        ({"biennium": "1999-2000"}, "This framework has no biennium 1999-2000."),
        ({"area": "999999"}, "This framework has no priority area 999999."),
        ({"area": "culture"}, "This framework has no priority area culture."),
        ({"entity": "999999"}, "No entity 999999 takes part in this framework."),
        ({"status": "sleeping"}, "There is no status “sleeping”."),
        ({"order": "-salary"}, "The matrix cannot be sorted by “-salary”."),
    ],
)
def test_the_matrix_refuses_an_unknown_filter(client, world, params, message):
    client.force_login(world.viewer)
    response = _matrix(client, world, **params)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert "correct it to see the matrix" in html
    assert not any(f'id="row-{a.pk}"' in html for a in world.activities)


def test_the_messages_are_translated(client, world):
    client.force_login(world.viewer)
    fr = _matrix(client, world, "/fr", biennium="1999-2000").content.decode()
    assert "Ce cadre n’a pas d’exercice biennal 1999-2000." in fr
    ar = _matrix(client, world, "/ar", status="sleeping").content.decode()
    assert "لا توجد حالة" in ar


def test_valid_filters_still_filter(client, world):
    client.force_login(world.viewer)
    response = _matrix(client, world, biennium=world.biennium.label, status="ongoing")
    html = response.content.decode()
    assert response.status_code == 200
    ongoing = [a for a in world.activities if a.status == "ongoing"]
    others = [a for a in world.activities if a.status != "ongoing"]
    assert ongoing and all(f'id="row-{a.pk}"' in html for a in ongoing)
    assert not any(f'id="row-{a.pk}"' in html for a in others)


def test_the_action_items_refuse_an_unknown_tab(client, world):
    client.force_login(world.coordinator)
    url = reverse("action-items", args=[world.framework.slug])
    response = client.get(url, {"tab": "someday"})
    assert response.status_code == 400
    assert "There is no list “someday” of action items." in response.content.decode()
    assert client.get(url, {"tab": "overdue"}).status_code == 200
