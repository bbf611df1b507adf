"""The platform tests' world: the base every test world is built on (``build_world(bare=True)``,
tests/world/base.py: the UN-OIC framework, its entities, areas and biennium 2018-2019), two
users without a role (alice, bob) and ``activity``, one activity led by OHCHR and IPHRC,
saved by alice. The tests read the rows from ``world`` (``world.ohchr``, ``world.peace``)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from accord.cooperation.services import activity_create
from tests.world import World, build_world


@pytest.fixture
def world(db) -> World:
    return build_world(bare=True)


@pytest.fixture
def alice(db):
    return get_user_model().objects.create_user("alice", first_name="Alice", last_name="Martin")


@pytest.fixture
def bob(db):
    return get_user_model().objects.create_user("bob", first_name="Bob", last_name="Haddad")


@pytest.fixture
def activity(world, alice):
    return activity_create(
        user=alice,
        biennium=world.biennium,
        code="PS-01",
        title="Workshop on human rights mechanisms",
        priority_area=world.peace,
        un_lead=world.ohchr,
        partner_lead=world.iphrc,
    )
