"""``indexing_deferred``: the rows saved inside the block are indexed together when it
ends, as they would have been one by one (and as ``accord reindex`` writes them); a
block that raises leaves nothing waiting; a resolution's upload indexes in one pass."""

from __future__ import annotations

import copy

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from accord.core.services import object_update
from accord.search.index import indexing_deferred, reindex
from accord.search.models import SearchEntry
from tests.world import DEMO, World, once_per_module

indexed_world = once_per_module("indexed_world", then=lambda w: reindex(), activities=3)
CONTENT = ("kind", "object_id", "framework_id", "title", "ref", "body", "terms", "public")


@pytest.fixture
def world(indexed_world, db) -> World:
    return copy.deepcopy(indexed_world)


def entry(kind: str, pk: int) -> SearchEntry:
    return SearchEntry.objects.get(kind=kind, object_id=pk)


def everything() -> list[tuple]:
    return sorted(SearchEntry.objects.values_list(*CONTENT, "url", "dated"))


def test_a_row_saved_in_the_block_is_indexed_when_it_ends(world):
    activity = world.activities[0]
    with indexing_deferred():
        activity = object_update(
            obj=activity, by=world.admin, expected_version=activity.version, title="Waqf seminar"
        )
        activity = object_update(
            obj=activity, by=world.admin, expected_version=activity.version, code="WQ-1"
        )
        assert entry("activity", activity.pk).title != "Waqf seminar"  # not yet
    indexed = entry("activity", activity.pk)
    assert (indexed.title, indexed.ref) == ("Waqf seminar", "WQ-1")


def test_the_dependants_follow_a_parent_changed_in_the_block(world):
    decision, item = world.decision, world.items[0]
    assert not entry("decision", decision.pk).public
    with indexing_deferred():
        meeting = world.meeting
        object_update(
            obj=meeting, by=world.admin, expected_version=meeting.version, is_published=True
        )
    assert entry("meeting", meeting.pk).public
    assert entry("decision", decision.pk).public and entry("actionitem", item.pk).public


def test_a_block_inside_another_waits_for_the_outer_one(world):
    activity = world.activities[1]
    with indexing_deferred():
        with indexing_deferred():
            activity = object_update(
                obj=activity, by=world.admin, expected_version=activity.version, title="Inner"
            )
        assert entry("activity", activity.pk).title != "Inner"
    assert entry("activity", activity.pk).title == "Inner"


def test_a_block_that_raises_leaves_nothing_waiting(world):
    activity = world.activities[2]
    before = entry("activity", activity.pk).title
    with pytest.raises(RuntimeError), transaction.atomic(), indexing_deferred():
        object_update(obj=activity, by=world.admin, expected_version=activity.version, title="Lost")
        raise RuntimeError("the write fails")
    assert entry("activity", activity.pk).title == before
    activity.refresh_from_db()
    object_update(obj=activity, by=world.admin, expected_version=activity.version, title="Later")
    assert entry("activity", activity.pk).title == "Later"  # indexed at once again


@pytest.mark.django_db
def test_an_upload_and_the_demo_data_index_what_a_rebuild_would(settings, tmp_path):
    from accord.cooperation.demo import demo_data_load
    from accord.documents.services import resolution_import
    from tests.bootstrap.conftest import make_coordinator

    settings.MEDIA_ROOT = tmp_path
    user = make_coordinator()
    with CaptureQueriesContext(connection) as queries:
        resolution_import(source=DEMO, user=user, confirm_all=True)
    reads = [q for q in queries.captured_queries if 'FROM "search_searchentry"' in q["sql"]]
    demo_data_load()  # deferred too: its forty activities, meetings and agreements
    uploaded = everything()
    assert {row[0] for row in uploaded} >= {"paragraph", "mandate", "entity", "activity"}
    reindex()
    assert everything() == uploaded
    # one read of the old entries per kind, not one per row (some seventy rows)
    assert len(reads) <= 12, len(reads)
