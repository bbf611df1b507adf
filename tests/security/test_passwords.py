"""Password change, and reset by e-mail: the mail arrives, its link sets a new password."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

NEW = "a-new-long-passphrase-42"


@pytest.fixture
def alice(db, fast_hasher):
    return get_user_model().objects.create_user(
        "alice", email="alice@example.org", password="old-passphrase-17"
    )


def _link(message) -> str:
    (path,) = re.findall(r"https?://[^/\s]+(/\S+)", message.body)
    return path


def test_the_reset_mail_arrives_and_its_link_sets_a_new_password(client, alice):
    response = client.post("/accounts/password/reset/", {"email": "alice@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.org"]
    assert message.subject == "Accord: choose a new password"
    form = client.get(_link(message), follow=True)
    assert form.status_code == 200
    assert b"new_password1" in form.content
    set_url = form.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": NEW, "new_password2": NEW})
    assert done.status_code == 302 and done["Location"].endswith("/accounts/password/reset/done/")
    alice.refresh_from_db()
    assert alice.check_password(NEW)
    signed_in = client.post("/accounts/login/", {"username": "alice", "password": NEW})
    assert signed_in.status_code == 302
    assert client.session["_auth_user_id"] == str(alice.pk)


def test_a_reset_link_works_once(client, alice):
    client.post("/accounts/password/reset/", {"email": "alice@example.org"})
    link = _link(mail.outbox[0])
    set_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(set_url, {"new_password1": NEW, "new_password2": NEW})
    again = client.get(link, follow=True)
    assert b"This link is not valid" in again.content


def test_an_unknown_address_sends_nothing_and_says_the_same(client, alice):
    response = client.post("/accounts/password/reset/", {"email": "bob@example.org"}, follow=True)
    assert b"Check your e-mail" in response.content
    assert mail.outbox == []


def test_the_reset_mail_is_in_the_users_language(client, alice):
    client.post("/fr/accounts/password/reset/", {"email": "alice@example.org"})
    assert "nouveau mot de passe" in mail.outbox[0].subject


def test_a_signed_in_user_changes_their_password(client, alice):
    client.force_login(alice)
    wrong = client.post(
        "/accounts/password/",
        {"old_password": "nope", "new_password1": NEW, "new_password2": NEW},
    )
    assert wrong.status_code == 200
    alice.refresh_from_db()
    assert alice.check_password("old-passphrase-17")
    response = client.post(
        "/accounts/password/",
        {"old_password": "old-passphrase-17", "new_password1": NEW, "new_password2": NEW},
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password(NEW)
    assert client.get("/").status_code == 200  # still signed in after the change
