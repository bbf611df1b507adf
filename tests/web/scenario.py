"""Moved to tests/world/scenario.py (one place for the test worlds); kept so that
``from tests.web.scenario import build`` goes on working."""

from tests.world.scenario import (  # noqa: F401 - re-exported
    DEMO,
    PASSWORD,
    add_activities,
    build,
    store_resolution,
)
