"""The error pages (issue 8): 403, 404 and 500 in the site's layout and the reader's
language, with the reason; the public gets 404, not 403, for a row it may not see."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation


def test_an_unpublished_activity_is_not_found_for_the_public_in_the_layout(client, world):
    url = reverse("activity", args=[world.framework.slug, world.activities[0].pk])
    response = client.get(url)
    assert response.status_code == 404
    body = response.content.decode()
    assert 'class="skip-link"' in body and "<h1>Page not found</h1>" in body
    assert "There is no such page, or it is not public." in body
    assert f'href="/accounts/login/?next={url}"' in body.replace("%2F", "/")


def test_the_404_page_speaks_french(client, world):
    url = "/fr" + reverse("meeting", args=[world.framework.slug, world.meeting.pk])
    body = client.get(url).content.decode()
    assert 'lang="fr"' in body
    with translation.override("fr"):
        assert translation.gettext("Page not found") != "Page not found"
        assert f"<h1>{translation.gettext('Page not found')}</h1>" in body


def test_a_refused_write_says_why_in_the_layout(client, world):
    client.force_login(world.viewer)
    a = world.activities[0]
    response = client.post(
        reverse("activity-status", args=[world.framework.slug, a.pk]),
        {"status": "completed", "version": a.version},
    )
    assert response.status_code == 403
    body = response.content.decode()
    assert "<h1>You may not do this</h1>" in body and 'class="site-header"' in body
    assert "Your role does not allow it." in body


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_500_page_needs_neither_the_database_nor_a_context(language):
    """Rendered by Django's server_error with no database access allowed (no db mark)."""
    from django.views.defaults import server_error

    with translation.override(language):
        response = server_error(RequestFactory().get("/"))
    body = response.content.decode()
    assert response.status_code == 500
    assert f'lang="{language}"' in body and 'class="site-header"' in body
    if language == "ar":
        assert 'dir="rtl"' in body and "Something went wrong" not in body
