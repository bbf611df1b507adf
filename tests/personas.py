"""Moved to tests/world/personas.py (one place for the test worlds); kept so that
``from tests.personas import world, world_once`` goes on working."""

from tests.world.personas import (  # noqa: F401 - re-exported, fixtures included
    PASSWORD,
    PERSONAS,
    World,
    build_world,
    world,
    world_once,
)
