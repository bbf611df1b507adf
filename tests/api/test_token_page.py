"""The token page: sign-in required; a new token's key is shown once; a user revokes only
their own tokens; a bad rate setting fails when Accord starts."""

from __future__ import annotations

import os
import subprocess

import pytest
from django.test import Client

from accord.api.models import ApiToken
from accord.api.tokens import key_hash, token_create
from tests.conftest import accord_command

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_page_asks_for_a_sign_in(world):
    answer = Client().get("/accounts/tokens/")
    assert answer.status_code == 302 and "/accounts/login/" in answer["Location"]


def test_a_new_key_is_shown_once_and_works(world):
    dan = signed_in(world.users["dan"])
    made = dan.post("/accounts/tokens/", {"name": "Dashboard", "scope": "read", "days": 90})
    assert made.status_code == 302
    page = dan.get("/accounts/tokens/").content.decode()
    token = ApiToken.objects.get(user=world.users["dan"], name="Dashboard")
    start = page.index('id="new-token-key">') + len('id="new-token-key">')
    key = page[start : page.index("<", start)]
    assert key_hash(key) == token.key_hash and token.scope == "read"
    assert 'id="new-token-key"' not in dan.get("/accounts/tokens/").content.decode()
    refused = dan.post("/accounts/tokens/", {"name": "", "scope": "root", "days": 5})
    assert refused.status_code == 400
    assert ApiToken.objects.filter(user=world.users["dan"]).count() == 1


def test_a_user_revokes_their_own_tokens_only(world):
    token, _key = token_create(user=world.users["dan"], name="mine", scope="read", days=30)
    other = signed_in(world.users["olga"])
    assert other.post(f"/accounts/tokens/{token.pk}/revoke/").status_code == 404
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None
    dan = signed_in(world.users["dan"])
    assert dan.post(f"/accounts/tokens/{token.pk}/revoke/").status_code == 302
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None
    assert "revoked" in dan.get("/accounts/tokens/").content.decode()


def test_a_rate_that_names_no_rate_stops_accord_from_starting():
    env = {**os.environ, "ACCORD_API_RATE": "plenty"}
    result = subprocess.run(
        [*accord_command(), "check"], env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode != 0
    assert "ACCORD_API_RATE='plenty'" in result.stderr
