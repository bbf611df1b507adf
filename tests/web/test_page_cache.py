"""The dashboard, the matrix's rows and the activity page are kept in the cache
(accord/web/cache.py): a write shows at once on each, and a kept piece is never shown to
a reader with other rights or in another language."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from accord.cooperation.models import Activity

pytestmark = pytest.mark.django_db


def get(client, name, *args, **extra) -> str:
    response = client.get(reverse(name, args=args), **extra)
    assert response.status_code == 200
    return response.content.decode()


def completed_count(dashboard: str, area: str) -> int:
    """The "Completed" cell of ``area``'s row in the dashboard's table."""
    row = re.search(rf">{re.escape(area)}</a></th>(.*?)</tr>", dashboard)
    assert row, area
    cells = re.findall(r'<td class="num">(\d+)</td>', row.group(1))
    return int(cells[2])  # planned, ongoing, completed, ...


def test_a_status_change_shows_at_once_on_the_dashboard_matrix_and_activity(client, world):
    a = world.activities[1]
    assert a.status != "completed"
    slug = world.framework.slug
    client.force_login(world.admin)
    area = a.priority_area.name
    before = completed_count(get(client, "dashboard", slug), area)
    get(client, "matrix", slug)
    get(client, "activity", slug, a.pk)
    response = client.post(
        reverse("activity-status", args=[slug, a.pk]),
        {"status": "completed", "version": a.version},
    )
    assert response.status_code == 302
    assert completed_count(get(client, "dashboard", slug), area) == before + 1
    matrix = get(client, "matrix", slug)
    row = re.search(rf'<tr id="row-{a.pk}">.*?</tr>', matrix).group(0)
    assert '<option value="completed" selected>' in row
    page = get(client, "activity", slug, a.pk)
    assert '<span class="status status-completed">' in page


def test_a_new_title_shows_at_once_in_the_latest_changes_and_on_the_page(client, world):
    a = world.activities[0]
    slug = world.framework.slug
    client.force_login(world.focal)
    assert "Renamed workshop" not in get(client, "dashboard", slug)
    assert "Renamed workshop" not in get(client, "activity", slug, a.pk)
    response = client.post(
        reverse("activity", args=[slug, a.pk]),
        {
            "title": "Renamed workshop",
            "description": a.description,
            "status": a.status,
            "version": a.version,
        },
    )
    assert response.status_code == 302
    assert "Renamed workshop" in get(client, "dashboard", slug)
    assert "<h1>A-0000 · Renamed workshop</h1>" in get(client, "activity", slug, a.pk)


def test_a_progress_update_shows_at_once_in_the_matrix_row(client, world):
    a = world.activities[0]
    slug = world.framework.slug
    client.force_login(world.focal)
    get(client, "matrix", slug)
    response = client.post(
        reverse("activity-progress", args=[slug, a.pk]),
        {"text": "Experts met in Jeddah", "version": a.version},
    )
    assert response.status_code == 302
    row = re.search(rf'<tr id="row-{a.pk}">.*?</tr>', get(client, "matrix", slug)).group(0)
    assert "Experts met in Jeddah" in row


def test_a_kept_row_or_page_is_not_shown_to_a_reader_with_other_rights(client, world):
    a = world.activities[0]  # the focal point's entity leads it
    slug = world.framework.slug
    client.force_login(world.focal)
    assert f'id="status-{a.pk}"' in get(client, "matrix", slug)
    assert 'id="activity-form"' in get(client, "activity", slug, a.pk)
    client.force_login(world.viewer)
    matrix = get(client, "matrix", slug)
    assert f'<tr id="row-{a.pk}">' in matrix and f'id="status-{a.pk}"' not in matrix
    page = get(client, "activity", slug, a.pk)
    assert "Joint activity number 0" in page and 'id="activity-form"' not in page


def test_each_page_has_its_own_csrf_token_and_language(client, world):
    a = world.activities[0]
    slug = world.framework.slug
    client.force_login(world.focal)
    tokens = set()
    for _ in range(2):
        client.cookies.pop("csrftoken", None)
        page = get(client, "activity", slug, a.pk)
        tokens.update(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page))
        assert "\x00" not in page
    assert len(tokens) >= 2
    with translation.override("fr"):
        french = client.get(reverse("dashboard", args=[slug])).content.decode()
    assert "Activités par domaine prioritaire" in french
    english = get(client, "dashboard", slug)
    assert "Activities by priority area" in english and "Activités" not in english


def test_rows_published_by_a_queryset_update_show_at_once(client, world):
    slug = world.framework.slug
    a = world.activities[2]
    assert a.title not in get(client, "matrix", slug)  # anonymous: nothing is published
    Activity.objects.filter(pk=a.pk).update(is_published=True)
    assert a.title in get(client, "matrix", slug)
