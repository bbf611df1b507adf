"""The permission tests share the personas of tests/world/personas.py."""

from tests.world import world, world_once  # noqa: F401 - the fixture
