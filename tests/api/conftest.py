"""The API tests: the personas' world (tests/world/personas.py), a token for each persona
(read-write, and a read-only one), and a client that sends them."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client

from accord.api.tokens import token_create
from tests.world import PERSONAS, world, world_once  # noqa: F401

API = "/api/v1"


@pytest.fixture(autouse=True)
def _fresh_throttle():
    """The throttle counts in the cache: each test starts with none counted."""
    cache.clear()
    yield
    cache.clear()


class Api:
    """A test client that sends a persona's token (or none for the public)."""

    def __init__(self, key: str | None = None):
        self.client = Client()
        self.key = key

    def headers(self, extra: dict | None = None) -> dict:
        h = {"HTTP_AUTHORIZATION": f"Bearer {self.key}"} if self.key else {}
        for name, value in (extra or {}).items():
            h["HTTP_" + name.upper().replace("-", "_")] = value
        return h

    def get(self, path: str, params=None, **headers):
        return self.client.get(API + path, params or {}, **self.headers(headers))

    def send(self, method: str, path: str, body: dict, **headers):
        call = getattr(self.client, method.lower())
        return call(API + path, body, content_type="application/json", **self.headers(headers))


@pytest.fixture
def as_(world):  # noqa: F811 - the fixture imported above
    """``as_("bob")``: the API as a persona with a read-write token (``as_("eve")``: the
    public, no token); ``as_("bob", scope="read")`` with a read-only one."""
    made: dict = {}

    def make(name: str, scope: str = "read-write") -> Api:
        if name == "eve":
            return Api()
        if (name, scope) not in made:
            _token, key = token_create(user=world.users[name], name="tests", scope=scope, days=30)
            made[(name, scope)] = key
        return Api(made[(name, scope)])

    return make


__all__ = ["PERSONAS"]
