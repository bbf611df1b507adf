"""The notification tests use the scenario of tests/web (an OHCHR focal point with three
overdue action items, a UN coordinator, a viewer, an agreement expiring in 90 days, a
meeting in 30 days), each person with an e-mail address."""

import pytest

from tests.web.conftest import english_urls, fast_passwords  # noqa: F401 - autouse fixtures
from tests.world import build_world


@pytest.fixture
def world(db):
    w = build_world(activities=3)
    for user in (w.admin, w.coordinator, w.focal, w.viewer):
        user.email = f"{user.username}@example.org"
        user.save()
    return w
