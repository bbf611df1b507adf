"""Fixtures of the report tests: a small UN-OIC framework built by ``factories``."""

from __future__ import annotations

import pytest

from tests.world import build_world


@pytest.fixture
def world(db):
    return build_world(reports=True, activities=12, action_items=8)
