"""Fixtures of the report tests: the reports' world (``build_world(reports=True)``,
tests/world/reports.py), written once per test module; each test gets its own copy of
the objects, and its own writes are rolled back with its savepoint."""

from __future__ import annotations

import copy

import pytest

from tests.world import World, once_per_module

reports_world = once_per_module("reports_world", reports=True, activities=12, action_items=8)


@pytest.fixture
def world(reports_world, db) -> World:
    return copy.deepcopy(reports_world)
