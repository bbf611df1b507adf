"""A framework whose entities were entered by hand, then bootstrapped from its resolution:
the resolution's bodies are linked to the rows already there, not written a second time."""

from __future__ import annotations

from accord.core.services import object_create
from accord.documents.services import resolution_import
from accord.registry.models import Entity, Organization

from .conftest import DEMO


def hand_made(coordinator) -> tuple[Entity, Entity]:
    un = object_create(model=Organization, by=coordinator, code="un", name_en="United Nations")
    oic = object_create(
        model=Organization,
        by=coordinator,
        code="oic",
        name_en="Organization of Islamic Cooperation",
    )
    undp = object_create(
        model=Entity,
        by=coordinator,
        organization=un,
        name_en="World Health Org.",
        acronym="who",
        kind=Entity.Kind.OTHER,
    )
    unesco_at_oic = object_create(
        model=Entity, by=coordinator, organization=oic, name_en="Someone", acronym="UNESCO"
    )
    return undp, unesco_at_oic


def test_an_entity_entered_by_hand_is_linked_to_the_resolutions_body(db, coordinator):
    undp, other_side = hand_made(coordinator)
    resolution_import(source=DEMO, user=coordinator, confirm_all=True)
    undp.refresh_from_db()
    assert undp.gazetteer_id == "un.who"
    assert Entity.objects.filter(acronym__iexact="who").count() == 1
    assert undp.name_en == "World Health Org."  # what the user typed is kept
    # The same acronym in the other organization is another body: left as it was.
    other_side.refresh_from_db()
    assert other_side.gazetteer_id is None
    assert Entity.objects.filter(gazetteer_id="un.unesco").count() == 1


def test_a_second_import_links_nothing_twice(db, coordinator):
    hand_made(coordinator)
    resolution_import(source=DEMO, user=coordinator, confirm_all=True)
    before = Entity.all_objects.count()
    resolution_import(source=DEMO, user=coordinator, confirm_all=True)
    assert Entity.all_objects.count() == before
