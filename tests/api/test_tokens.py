"""Personal API tokens: only the key's hash is stored; an expired, revoked or unknown key
is 401; the last use is recorded; the throttle answers 429 per token."""

from __future__ import annotations

import datetime
import hashlib

import pytest
from django.utils import timezone

from accord.api.models import ApiToken
from accord.api.tokens import token_create, token_revoke
from accord.core.errors import AccordError
from tests.api.conftest import Api

pytestmark = pytest.mark.django_db


def test_the_key_is_shown_once_and_only_its_hash_is_stored(world):
    token, key = token_create(user=world.users["dan"], name="dashboard", scope="read", days=30)
    stored = ApiToken.objects.filter(pk=token.pk).values()[0]
    assert key not in {str(v) for v in stored.values()}
    assert stored["key_hash"] == hashlib.sha256(key.encode()).hexdigest()
    assert key.startswith(stored["prefix"]) and len(stored["prefix"]) < len(key) // 3
    assert Api(key).get(f"/activities/{world.act_other.pk}").status_code == 200
    assert ApiToken.objects.get(pk=token.pk).last_used_at is not None


def test_an_unknown_expired_or_revoked_token_is_401(world):
    token, key = token_create(user=world.users["dan"], name="old", scope="read", days=30)
    assert Api("acc_not-a-key").get("/frameworks").status_code == 401
    bad_scheme = Api().client.get("/api/v1/frameworks", HTTP_AUTHORIZATION=f"Basic {key}")
    assert bad_scheme.status_code == 401
    assert bad_scheme.json()["error"]["code"] == "unauthorized"
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - datetime.timedelta(1))
    assert Api(key).get("/frameworks").status_code == 401
    token2, key2 = token_create(user=world.users["dan"], name="new", scope="read", days=30)
    assert Api(key2).get("/frameworks").status_code == 200
    token_revoke(token=token2, user=world.users["dan"])
    answer = Api(key2).get("/frameworks")
    assert answer.status_code == 401
    assert "revoked" in answer.json()["error"]["message"]


def test_a_token_of_an_inactive_user_is_401(world):
    _token, key = token_create(user=world.users["olga"], name="x", scope="read", days=30)
    type(world.users["olga"]).objects.filter(pk=world.users["olga"].pk).update(is_active=False)
    assert Api(key).get("/frameworks").status_code == 401


def test_tokens_are_refused_bad_names_scopes_durations_and_other_owners(world):
    dan = world.users["dan"]
    for bad in ({"name": " "}, {"scope": "admin"}, {"days": 0}, {"days": 1000}):
        args = {"name": "ok", "scope": "read", "days": 30, **bad}
        with pytest.raises(AccordError):
            token_create(user=dan, **args)
    token, _key = token_create(user=dan, name="mine", scope="read", days=30)
    with pytest.raises(AccordError):
        token_revoke(token=token, user=world.users["olga"])


def test_the_throttle_answers_429_per_token(world, settings):
    settings.ACCORD_API_RATE = "3/m"
    _t, dan = token_create(user=world.users["dan"], name="a", scope="read", days=30)
    _t, bob = token_create(user=world.users["bob"], name="b", scope="read", days=30)
    answers = [Api(dan).get("/frameworks").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    refused = Api(dan).get("/frameworks")
    assert refused.json()["error"]["code"] == "throttled"
    assert int(refused["Retry-After"]) >= 1
    assert Api(bob).get("/frameworks").status_code == 200  # another token has its own count


def test_the_public_is_throttled_per_address(world, settings):
    settings.ACCORD_API_PUBLIC_RATE = "2/m"
    answers = [Api().get("/frameworks").status_code for _ in range(3)]
    assert answers == [200, 200, 429]
