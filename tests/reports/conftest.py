"""Fixtures of the report tests: a small UN-OIC framework built by ``factories``."""

from __future__ import annotations

import pytest

from tests.reports.factories import build_framework


@pytest.fixture
def world(db):
    return build_framework(activities=12, action_items=8)
