"""The security tests reuse the browser fixtures (Chromium, live server, fresh contexts)."""

import copy

import pytest

from tests.browser.conftest import browser, new_page  # noqa: F401 - fixtures
from tests.world import World, once_per_module


@pytest.fixture
def fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


small_world = once_per_module("small_world", activities=2)


@pytest.fixture
def world(small_world, db, fast_hasher) -> World:
    """The web tests' scenario: admin, coordinator, focal, viewer (password PASSWORD),
    written once per test module; each test its own copy of the objects."""
    return copy.deepcopy(small_world)
