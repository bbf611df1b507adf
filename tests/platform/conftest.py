"""Shared personas and a small UN-OIC framework for the platform tests."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from accord.cooperation.models import Activity, Biennium, Framework, PriorityArea
from accord.registry.models import Entity, Organization


@pytest.fixture
def alice(db):
    return get_user_model().objects.create_user("alice", first_name="Alice", last_name="Martin")


@pytest.fixture
def bob(db):
    return get_user_model().objects.create_user("bob", first_name="Bob", last_name="Haddad")


@pytest.fixture
def framework(db):
    un = Organization.objects.create(
        code="un", name_en="United Nations", acronym="UN", kind="universal"
    )
    oic = Organization.objects.create(
        code="oic", name_en="Organization of Islamic Cooperation", acronym="OIC"
    )
    return Framework.objects.create(slug="un-oic", name="UN-OIC", un_organization=un, partner=oic)


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
