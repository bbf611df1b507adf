"""What a status write from the matrix costs, and that the cheaper write records the same
things: the history keeps the many-to-many links, the search index follows what changed
and only that, the model's rules still refuse what they refused (issue 12, the load
bench's writes)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accord.cooperation.services import activity_update
from accord.core.errors import Invalid
from accord.search.models import SearchEntry

pytestmark = pytest.mark.django_db

# Queries of one status POST answered with its row (htmx), the session and the user
# included (36 before the history, the index and the clean() were made cheaper).
STATUS_WRITE_QUERIES = 23


def _post_status(client, world, activity, status):
    return client.post(
        reverse("activity-status", args=[world.framework.slug, activity.pk]),
        {"status": status, "version": activity.version},
        HTTP_HX_REQUEST="true",
    )


def test_a_status_write_keeps_the_links_in_its_history_record(client, world):
    a = world.activities[0]
    a = activity_update(
        activity=a,
        user=world.admin,
        expected_version=a.version,
        participants=[world.isdb, world.ohchr],
        mandates=[world.mandate],
    )
    client.force_login(world.admin)
    assert _post_status(client, world, a, "completed").status_code == 200
    latest = a.history.order_by("-history_date", "-history_id").first()
    assert latest.status == "completed" and latest.history_user == world.admin
    assert sorted(r.entity_id for r in latest.participants.all()) == sorted(
        [world.isdb.pk, world.ohchr.pk]
    )
    assert [r.mandate_id for r in latest.mandates.all()] == [world.mandate.pk]


def test_a_status_write_leaves_the_search_entry_and_a_title_change_replaces_it(client, world):
    a = world.activities[0]
    before = SearchEntry.objects.get(kind="activity", object_id=a.pk)
    client.force_login(world.admin)
    assert _post_status(client, world, a, "completed").status_code == 200
    assert SearchEntry.objects.get(kind="activity", object_id=a.pk).pk == before.pk
    a.refresh_from_db()
    activity_update(activity=a, user=world.admin, expected_version=a.version, title="Quokka census")
    after = SearchEntry.objects.get(kind="activity", object_id=a.pk)
    assert after.title == "Quokka census" and "quokka" in after.terms
    progress = SearchEntry.objects.filter(kind="progress", ref=a.code)
    assert progress.exists() and all(e.title == "Quokka census" for e in progress)


def test_the_rules_of_the_model_still_refuse_with_the_rows_already_loaded(world):
    a = world.activities[0]
    with pytest.raises(Invalid):
        activity_update(
            activity=a, user=world.admin, expected_version=a.version, un_lead=world.isdb
        )
    a.refresh_from_db()
    assert a.un_lead != world.isdb


def test_a_status_write_costs_a_bounded_number_of_queries(client, world):
    a = world.activities[0]
    client.force_login(world.admin)
    client.get(reverse("activity", args=[world.framework.slug, a.pk]))
    with CaptureQueriesContext(connection) as queries:
        response = _post_status(client, world, a, "ongoing")
    assert response.status_code == 200 and f'id="row-{a.pk}"' in response.content.decode()
    assert len(queries) <= STATUS_WRITE_QUERIES, "\n".join(q["sql"][:120] for q in queries)
