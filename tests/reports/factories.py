"""Moved to tests/world/reports.py (one place for the test worlds); kept so that
``from tests.reports.factories import build_framework`` goes on working."""

from tests.world.reports import World, build_framework  # noqa: F401 - re-exported
