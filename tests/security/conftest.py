"""The security tests reuse the browser fixtures (Chromium, live server, fresh contexts)."""

import pytest

from tests.browser.conftest import browser, new_page  # noqa: F401 - fixtures


@pytest.fixture
def fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db, fast_hasher):
    """The web tests' scenario: admin, coordinator, focal, viewer (password PASSWORD)."""
    from tests.world import build_world

    return build_world(activities=2)
