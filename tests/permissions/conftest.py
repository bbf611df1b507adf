"""The permission tests share the personas of tests/personas.py."""

from tests.personas import world, world_once  # noqa: F401 - the fixture
