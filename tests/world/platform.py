"""The platform tests' fixtures: two users (alice, bob) and a small UN-OIC framework with
one activity (tests/platform/conftest.py re-exports them)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from accord.cooperation.models import Activity, Biennium, PriorityArea
from accord.registry.models import Entity
from tests.world.base import un_and_oic, un_oic_framework


@pytest.fixture
def alice(db):
    return get_user_model().objects.create_user("alice", first_name="Alice", last_name="Martin")


@pytest.fixture
def bob(db):
    return get_user_model().objects.create_user("bob", first_name="Bob", last_name="Haddad")


@pytest.fixture
def framework(db):
    return un_oic_framework(*un_and_oic())


@pytest.fixture
def biennium(framework):
    return Biennium.objects.create(framework=framework, start_year=2018, end_year=2019)


@pytest.fixture
def area(framework):
    return PriorityArea.objects.create(
        framework=framework,
        code="peace",
        name_en="Peace and security",
        name_fr="Paix et sécurité",
        order=1,
    )


@pytest.fixture
def ohchr(framework):
    return Entity.objects.create(
        organization=framework.un_organization,
        kind="office",
        acronym="OHCHR",
        name_en="Office of the United Nations High Commissioner for Human Rights",
        gazetteer_id="un.ohchr",
    )


@pytest.fixture
def ipchr(framework):
    return Entity.objects.create(
        organization=framework.partner,
        kind="subsidiary_organ",
        acronym="IPHRC",
        name_en="Independent Permanent Human Rights Commission",
        gazetteer_id="oic.iphrc",
    )


@pytest.fixture
def activity(biennium, area, ohchr, ipchr, alice):
    a = Activity(
        biennium=biennium,
        code="PS-01",
        title="Workshop on human rights mechanisms",
        priority_area=area,
        un_lead=ohchr,
        partner_lead=ipchr,
    )
    a._history_user = alice
    a.save()
    return a
