"""Fixtures of the web page tests: the scenario of ``scenario.py``, written once per test
module; each test gets its own copy of the objects, and what it writes is rolled back
with its savepoint (the query-count tests add their 55 more activities themselves)."""

import copy

import pytest

from tests.world import World, once_per_module

pages_world = once_per_module("pages_world", activities=5)


@pytest.fixture
def world(pages_world, db) -> World:
    return copy.deepcopy(pages_world)


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Hashing with PBKDF2 is slow on purpose; tests need no protection."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def english_urls():
    """Requests for /fr/ or /ar/ pages leave that language active in the test thread,
    and reverse() would then prefix every URL with it: start each test in English."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()
