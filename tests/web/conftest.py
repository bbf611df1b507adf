"""Fixtures of the web page tests: the scenario of ``scenario.py`` in a small and a
large size (the query counts of both must be the same)."""

import pytest

from tests.world import build_world


@pytest.fixture
def world(db):
    return build_world(activities=5)


@pytest.fixture
def big_world(db):
    return build_world(activities=60)


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
