"""The notification tests use the scenario of tests/web (an OHCHR focal point with three
overdue action items, a UN coordinator, a viewer, an agreement expiring in 90 days, a
meeting in 30 days), each person with an e-mail address."""

import copy

import pytest

from tests.web.conftest import english_urls, fast_passwords  # noqa: F401 - autouse fixtures
from tests.world import World, once_per_module


def _with_addresses(w: World) -> None:
    for user in (w.admin, w.coordinator, w.focal, w.viewer):
        user.email = f"{user.username}@example.org"
        user.save()


mail_world = once_per_module("mail_world", then=_with_addresses, activities=3)


@pytest.fixture
def world(mail_world, db) -> World:
    """The scenario, written once per test module; each test its own copy of the objects."""
    return copy.deepcopy(mail_world)
