"""What the index knows of who may read a row: its ``public`` column follows the
permissions module (and a parent's publication), the database filters on it and on the
visitor's frameworks before ranking, and the permissions module stays the final guard."""

from __future__ import annotations

import copy
import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from accord.accounts.models import Membership
from accord.cooperation.models import Framework, Meeting
from accord.core.services import object_update
from accord.registry.models import Organization
from accord.search import backends
from accord.search.finder import find
from accord.search.index import dependants, reindex
from accord.search.models import SearchEntry
from accord.search.sources import BY_LABEL
from tests.world import World, once_per_module

# the scenario writes some rows in bulk, around the signals: reindexed once built
indexed_world = once_per_module("indexed_world", then=lambda w: reindex(), activities=3)


@pytest.fixture
def world(indexed_world, db) -> World:
    return copy.deepcopy(indexed_world)


def public(kind: str, pk: int) -> bool:
    return SearchEntry.objects.get(kind=kind, object_id=pk).public


def kinds(results):
    return [(h.kind, h.object_id) for h in results.hits]


def publish(obj, by, value: bool):
    return object_update(obj=obj, by=by, expected_version=obj.version, is_published=value)


def test_publishing_an_activity_makes_its_progress_public_and_unpublishing_takes_it_back(world):
    activity = world.activities[0]
    update = activity.progress_updates.get()
    assert not public("activity", activity.pk) and not public("progress", update.pk)
    assert ("progress", update.pk) not in kinds(find("progress", AnonymousUser()))

    activity = publish(activity, world.admin, True)
    assert public("activity", activity.pk) and public("progress", update.pk)
    assert ("progress", update.pk) in kinds(find("progress", AnonymousUser()))
    other = world.activities[1].progress_updates.get()
    assert not public("progress", other.pk)  # only the dependants of that activity

    publish(activity, world.admin, False)
    assert not public("activity", activity.pk) and not public("progress", update.pk)
    assert ("progress", update.pk) not in kinds(find("progress", AnonymousUser()))


def test_publishing_a_meeting_makes_its_decisions_and_their_action_items_public(world):
    decision, item = world.decision, world.items[0]
    assert not public("decision", decision.pk) and not public("actionitem", item.pk)
    meeting = publish(world.meeting, world.admin, True)
    assert public("meeting", meeting.pk)
    assert public("decision", decision.pk) and public("actionitem", item.pk)
    assert ("decision", decision.pk) in kinds(find("joint workshop", AnonymousUser()))
    publish(meeting, world.admin, False)
    assert not public("decision", decision.pk) and not public("actionitem", item.pk)


def test_a_renamed_activity_renames_the_entries_of_its_progress(world):
    activity = world.activities[0]
    update = activity.progress_updates.get()
    object_update(
        obj=activity, by=world.admin, expected_version=activity.version, title="Waqf seminar"
    )
    assert SearchEntry.objects.get(kind="progress", object_id=update.pk).title == "Waqf seminar"


def test_public_rows_and_reference_data_are_public_in_the_index(world):
    assert public("entity", world.ohchr.pk)
    paragraph = world.resolution.paragraphs.first()
    assert public("paragraph", paragraph.pk)  # resolutions are public documents
    assert not public("agreement", world.agreement.pk)


def test_every_parent_whose_publication_counts_is_indexed_so_its_writes_are_seen():
    """The dependants are re-indexed from the parent's own index signal: each parent
    named by the permissions module's ``published`` lookups must be a source."""
    found = {
        label: {(s.kind, lookup) for s, lookup in pairs} for label, pairs in dependants().items()
    }
    assert found["cooperation.activity"] == {("progress", "activity")}
    assert found["cooperation.meeting"] == {
        ("decision", "meeting"),
        ("actionitem", "decision__meeting"),
    }
    assert found["cooperation.decision"] == {("actionitem", "decision")}
    assert set(found) <= set(BY_LABEL)


def test_a_member_finds_the_unpublished_rows_of_their_frameworks_only(world):
    au = Organization.objects.create(code="au", name_en="African Union", acronym="AU")
    other = Framework.objects.create(
        slug="un-au", name="UN-AU", un_organization=world.un, partner=au
    )
    theirs = Meeting.objects.create(
        framework=other,
        kind="general",
        title="Meeting of the desk officers in Rabat",
        start_on=datetime.date(2026, 5, 4),
    )
    user = type(world.admin).objects.create_user("au-viewer")
    Membership.objects.create(user=user, role="viewer", framework=other)
    found = kinds(find("rabat", user))
    assert ("meeting", theirs.pk) in found
    assert ("meeting", world.meeting.pk) not in found  # un-oic's, not published
    assert ("meeting", theirs.pk) not in kinds(find("rabat", world.coordinator))
    assert ("meeting", world.meeting.pk) in kinds(find("rabat", world.coordinator))


def test_an_entry_wrongly_marked_public_is_still_refused_by_the_permissions(world, monkeypatch):
    """The index can be stale (rows written around Accord): the permissions module is
    the last word, and the rows it refuses do not crowd out the next ones."""
    from accord.search import finder

    monkeypatch.setattr(finder, "CANDIDATES", 2)
    last = world.activities[-1]
    publish(last, world.admin, True)
    stale = SearchEntry.objects.filter(
        kind="activity", object_id__in=[a.pk for a in world.activities[:-1]]
    )
    assert stale.update(public=True)
    backends.write(stale)  # SQLite: the FTS5 table's scope says public too
    public_hits = kinds(find("joint activity", AnonymousUser()))
    assert [h for h in public_hits if h[0] == "activity"] == [("activity", last.pk)]
