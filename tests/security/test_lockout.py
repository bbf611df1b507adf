"""Too many wrong passwords lock sign-in (django-axes); `accord unlock` lifts the lock."""

import pytest
from django.core.management import call_command

from tests.world import PASSWORD

LOGIN = "/accounts/login/"


def _sign_in(client, password, username="viewer"):
    return client.post(LOGIN, {"username": username, "password": password})


@pytest.mark.django_db
def test_wrong_passwords_lock_then_the_right_one_is_refused(client, world, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = _sign_in(client, "wrong")
        assert response.status_code == 200  # the form again, with its error
        assert b"did not match" in response.content
    locked = _sign_in(client, "wrong")
    assert locked.status_code == 429
    assert b"Sign-in is locked after 5 wrong passwords" in locked.content
    refused = _sign_in(client, PASSWORD)
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session
    assert b"Sign out" not in client.get("/").content  # still signed out


@pytest.mark.django_db
def test_the_lockout_page_is_translated(client, world, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post("/fr" + LOGIN, {"username": "viewer", "password": "x"})
    assert response.status_code == 429
    assert "Connexion bloquée".encode() in response.content


@pytest.mark.django_db
def test_unlock_lets_the_right_password_in_again(client, world, settings, capsys):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, "wrong")
    assert _sign_in(client, PASSWORD).status_code == 429
    call_command("unlock", "viewer")
    assert "removed" in capsys.readouterr().out
    response = _sign_in(client, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(world.viewer.pk)


@pytest.mark.django_db
def test_a_success_clears_the_count_of_failures(client, world, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _sign_in(client, "wrong")
    assert _sign_in(client, PASSWORD).status_code == 302
    client.post("/accounts/logout/")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _sign_in(client, "wrong")
    assert _sign_in(client, PASSWORD).status_code == 302


def test_unlock_asks_for_names_or_all():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--all"):
        call_command("unlock")
