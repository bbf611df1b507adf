"""A broad query (more matches than backends.RANKED) ranks only a bounded set of
candidates: the first the index reads and those whose title matches. The obviously best
match still comes first, the count says "more than", pages follow one order, and the
public still finds only what is published. RANKED is made small here so that a handful
of rows is "broad"."""

from __future__ import annotations

import copy

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from accord.cooperation.services import activity_create
from accord.core.services import object_update
from accord.search import backends
from accord.search.finder import find
from accord.search.index import reindex
from tests.world import World, once_per_module

LONG = " ".join(["The partners met again and reviewed the plan of work for the year."] * 6)


indexed_world = once_per_module("indexed_world", then=lambda w: reindex(), activities=1)


@pytest.fixture
def world(indexed_world, db, monkeypatch) -> World:
    monkeypatch.setattr(backends, "RANKED", 3)
    return copy.deepcopy(indexed_world)


def activity(w, n: int, title: str, description: str, published: bool = False):
    a = activity_create(
        user=w.coordinator,
        biennium=w.biennium,
        code=f"M-{n:03}",
        title=title,
        description=description,
        priority_area=w.peace,
        un_lead=w.ohchr,
        partner_lead=w.iphrc,
    )
    if published:
        a = object_update(obj=a, by=w.admin, expected_version=a.version, is_published=True)
    return a


def weak(w, count: int, start: int = 100, published: bool = False):
    """Activities that mention conciliation once, in a long description."""
    return [
        activity(w, start + i, f"Joint workshop {i}", f"{LONG} Conciliation was noted.", published)
        for i in range(count)
    ]


def test_the_obvious_best_match_comes_first_though_not_among_the_first_candidates(
    world, monkeypatch
):
    """Weak matches written before and after it. SQLite reads the newest first, so its
    first three candidates are weak ones and the best is a candidate by its title only.
    PostgreSQL reads in the table's physical order, which after other tests' deletes may
    put the new row anywhere: there the hits are checked against the candidates read."""
    rankings = []
    real = backends.ranking
    monkeypatch.setattr(backends, "ranking", lambda *a: rankings.append(real(*a)) or rankings[-1])
    weak(world, 4)
    best = activity(world, 1, "Conciliation", "Conciliation training for conciliation envoys.")
    weak(world, 4, start=200)
    results = find("conciliation", world.coordinator)
    assert results.capped and results.count == 3
    assert (results.hits[0].kind, results.hits[0].object_id) == ("activity", best.pk)
    (ranking,) = rankings
    assert {h.pk for h in results.hits} == set(ranking.first) | set(ranking.titled)
    if backends.is_sqlite():
        assert results.hits[0].pk in ranking.titled  # not among the first three read
        assert len(results.hits) == 4  # the first three candidates and the titled one


def test_a_query_that_matches_few_rows_is_counted_exactly_and_not_capped(world):
    weak(world, 2)
    results = find("conciliation", world.coordinator)
    assert (results.capped, results.count, len(results.hits)) == (False, 2, 2)


def test_pages_follow_one_order_without_repeats_or_gaps(world):
    weak(world, 9)
    everything = [(h.kind, h.object_id) for h in find("conciliation", world.coordinator).hits]
    paged = []
    for offset in range(0, len(everything) + 2, 2):
        page = find("conciliation", world.coordinator, limit=2, offset=offset)
        paged += [(h.kind, h.object_id) for h in page.hits]
        assert page.more == (offset + 2 < len(everything))
    assert paged == everything


def test_the_public_never_finds_an_unpublished_row_when_capped(world):
    hidden = weak(world, 6)
    shown = weak(world, 4, start=200, published=True)
    hidden.append(activity(world, 2, "Conciliation", "Conciliation, unpublished."))
    results = find("conciliation", AnonymousUser())
    found = {h.object_id for h in results.hits if h.kind == "activity"}
    assert results.capped and found and found <= {a.pk for a in shown}
    assert not found & {a.pk for a in hidden}


def test_the_page_says_more_than_and_pages_the_results(client, world, monkeypatch):
    from django.utils import translation

    from accord.search import views

    monkeypatch.setattr(views, "PER_PAGE", 2)
    weak(world, 8)
    client.force_login(world.coordinator)
    url = reverse("framework-search", args=["un-oic"])
    first = client.get(url, {"q": "conciliation"}).content.decode()
    assert "More than 3 results" in first and "results 1 to 2" in first
    assert 'href="?q=conciliation&amp;page=2" rel="next"' in first
    second = client.get(url, {"q": "conciliation", "page": 2}).content.decode()
    # three candidates (none has the word in its title): the second page is the last
    assert "results 3 to 3" in second and 'rel="prev"' in second and 'rel="next"' not in second
    with translation.override("fr"):
        french_url = reverse("framework-search", args=["un-oic"])
    french = client.get(french_url, {"q": "conciliation"}).content.decode()
    assert "Plus de 3 résultats" in french
