"""Search over the rows: ranked hits with snippets, the index kept current by every
write, the permissions module deciding what each visitor finds, and the page."""

from __future__ import annotations

import copy

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.urls import reverse

from accord.cooperation.services import activity_create
from accord.core.services import object_soft_delete, object_update
from accord.core.signals import rows_bulk_created
from accord.documents.models import Paragraph
from accord.search.finder import find
from accord.search.index import reindex
from accord.search.models import SearchEntry
from tests.world import World, once_per_module

# the scenario writes some rows in bulk, around the signals: reindexed once built
indexed_world = once_per_module("indexed_world", then=lambda w: reindex(), activities=3)


@pytest.fixture
def world(indexed_world, db) -> World:
    return copy.deepcopy(indexed_world)


def kinds(results):
    return [(h.kind, h.object_id) for h in results.hits]


def test_a_member_finds_the_meeting_its_decision_and_the_entity(world):
    hits = kinds(find("rabat", world.coordinator))
    assert ("meeting", world.meeting.pk) in hits
    human = find("human rights mechanisms", world.coordinator)
    assert [h.kind for h in human.hits][:1] == ["decision"]
    assert "<mark>human</mark> <mark>rights</mark> <mark>mechanisms.</mark>" in str(
        human.hits[0].snippet
    )
    assert ("entity", world.ohchr.pk) in kinds(find("OHCHR", world.coordinator))
    # any name of an entity, in any of its languages
    assert ("entity", world.ohchr.pk) in kinds(find("droits de l'homme", world.coordinator))
    assert ("entity", world.ohchr.pk) in kinds(find("مفوضية", world.coordinator))


def test_the_public_finds_only_what_is_published(world):
    assert ("meeting", world.meeting.pk) not in kinds(find("rabat", AnonymousUser()))
    object_update(
        obj=world.meeting, by=world.admin, expected_version=world.meeting.version, is_published=True
    )
    assert ("meeting", world.meeting.pk) in kinds(find("rabat", AnonymousUser()))


def test_rows_the_visitor_may_not_see_do_not_crowd_out_those_they_may(world, monkeypatch):
    """The index is read a batch at a time (finder.CANDIDATES); with batches of 2 and the
    published activity ranked after the unpublished ones, the public still finds it."""
    from accord.search import finder

    monkeypatch.setattr(finder, "CANDIDATES", 2)
    last = world.activities[-1]
    object_update(obj=last, by=world.admin, expected_version=last.version, is_published=True)
    public = kinds(find("joint activity", AnonymousUser()))
    assert [h for h in public if h[0] == "activity"] == [("activity", last.pk)]
    member = kinds(find("joint activity", world.coordinator))
    assert {("activity", a.pk) for a in world.activities} <= set(member)


def test_every_write_keeps_the_index_current(world):
    a = activity_create(
        user=world.coordinator,
        biennium=world.biennium,
        code="A-9999",
        title="Workshop on zakat statistics",
        priority_area=world.peace,
        un_lead=world.ohchr,
        partner_lead=world.iphrc,
    )
    assert kinds(find("zakat", world.coordinator)) == [("activity", a.pk)]
    a = object_update(obj=a, by=world.coordinator, expected_version=a.version, title="Waqf seminar")
    assert find("zakat", world.coordinator).hits == []
    assert kinds(find("waqf", world.coordinator)) == [("activity", a.pk)]
    object_soft_delete(obj=a, user=world.coordinator)
    assert find("waqf", world.coordinator).hits == []
    assert not SearchEntry.objects.filter(kind="activity", object_id=a.pk).exists()


def test_phrases_exclusions_and_either(world):
    coordinator = world.coordinator
    assert kinds(find('"joint workshop"', coordinator)) == [("decision", world.decision.pk)]
    assert find('"workshop joint"', coordinator).hits == []
    assert ("decision", world.decision.pk) not in kinds(find("workshop -rights", coordinator))
    either = kinds(find("zzz or rabat", coordinator))
    assert ("meeting", world.meeting.pk) in either


def test_filters_by_kind_and_date(world):
    only = find("rabat", world.coordinator, kinds=("decision",))
    assert {h.kind for h in only.hits} <= {"decision"}
    later = find("rabat", world.coordinator, since=world.meeting.start_on.replace(year=2100))
    assert ("meeting", world.meeting.pk) not in kinds(later)


def test_reindex_rebuilds_the_same_entries(world):
    before = set(SearchEntry.objects.values_list("kind", "object_id", "terms"))
    SearchEntry.objects.all().delete()
    counts = reindex()
    assert set(SearchEntry.objects.values_list("kind", "object_id", "terms")) == before
    assert counts["activity"] == 3 and counts["meeting"] == 1


def test_the_page_shows_the_hits_and_refuses_a_bad_date(client, world):
    client.force_login(world.coordinator)
    url = reverse("framework-search", args=["un-oic"])
    page = client.get(url, {"q": "Rabat"}).content.decode()
    assert reverse("meeting", args=["un-oic", world.meeting.pk]) in page
    assert "<mark>Rabat</mark>" in page
    bad = client.get(url, {"q": "rabat", "since": "2020-13-45"})
    assert bad.status_code == 400 and "Enter a valid date." in bad.content.decode()
    everywhere = client.get(reverse("search"), {"q": "rabat"}).content.decode()
    assert reverse("meeting", args=["un-oic", world.meeting.pk]) in everywhere
    header = client.get(reverse("dashboard", args=["un-oic"])).content.decode()
    assert f'action="{url}"' in header  # the header's box searches the framework


def _bulk_paragraphs(resolution, n: int, start: int) -> list[Paragraph]:
    rows = Paragraph.objects.bulk_create(
        Paragraph(
            resolution=resolution,
            pid=f"bulk-{start + i}",
            kind="operative",
            order=1000 + start + i,
            text=f"Requests a zanzibarian report number {start + i}",
        )
        for i in range(n)
    )
    rows_bulk_created.send(sender=Paragraph, rows=rows)
    return rows


def test_rows_written_in_bulk_are_indexed_in_one_pass(world):
    """A bulk create (the bootstrap's paragraphs) is indexed in a fixed number of queries
    whatever the number of rows, and the resolution's parse (a large JSON document) is
    not loaded for its paragraphs."""
    loaded = []

    def count(execute, sql, params, many, context):
        loaded.append(sql)
        return execute(sql, params, many, context)

    sizes = {}
    for n, start in ((3, 0), (30, 100)):
        loaded.clear()
        with connection.execute_wrapper(count):
            _bulk_paragraphs(world.resolution, n, start)
        sizes[n] = len(loaded)
        assert not any('"parsed"' in sql for sql in loaded[1:]), loaded
    assert sizes[3] == sizes[30], sizes
    assert find("zanzibarian", world.coordinator).count == 33
    assert SearchEntry.objects.filter(kind="paragraph", body__contains="zanzibarian").count() == 33


def test_an_entity_is_found_on_its_organizations_un_side_framework_first(world):
    """An organization in several frameworks: its entities' pages are in the first
    framework (by slug) where it is the UN side, else the first where it is the partner."""
    from accord.cooperation.models import Framework
    from accord.search.index import index_object

    Framework.objects.create(slug="a-first", name="A", un_organization=world.oic, partner=world.un)
    index_object(world.ohchr)
    entry = SearchEntry.objects.get(kind="entity", object_id=world.ohchr.pk)
    assert entry.url == reverse("entity", args=["un-oic", world.ohchr.pk])
    Framework.objects.filter(slug="un-oic").update(un_organization=world.oic, partner=world.oic)
    index_object(world.ohchr)
    entry = SearchEntry.objects.get(kind="entity", object_id=world.ohchr.pk)
    assert entry.url == reverse("entity", args=["a-first", world.ohchr.pk])
