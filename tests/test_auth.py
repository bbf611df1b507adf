"""Every non-public page asks for a sign-in."""

import pytest
from django.contrib.auth import get_user_model


@pytest.mark.django_db
def test_home_is_a_public_landing_page_offering_sign_in(client):
    """No sign-in wall (issue 8): the frameworks are listed, and Sign in offered."""
    response = client.get("/")
    assert response.status_code == 200
    assert b'href="/accounts/login/"' in response.content


@pytest.mark.django_db
def test_a_signed_in_user_sees_home(client):
    user = get_user_model().objects.create_user("alice", password="pw-alice-123")
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 200
    assert b"alice" in response.content


@pytest.mark.django_db
def test_the_health_probe_is_public(client):
    assert client.get("/healthz").content == b"ok"
