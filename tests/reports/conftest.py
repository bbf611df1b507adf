"""Fixtures of the report tests: the reports' world (``build_world(reports=True)``, tests/world/reports.py)."""

from __future__ import annotations

import pytest

from tests.world import build_world


@pytest.fixture
def world(db):
    return build_world(reports=True, activities=12, action_items=8)
