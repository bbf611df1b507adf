"""A kept piece (accord/web/cache.py) is keyed by the tokens of the models it names
(``READS`` in activities.py and dashboard.py; the names' tokens of the matrix's rows): a
write of a model left out of that list would leave the piece stale for up to ten minutes.
These tests compute each piece afresh, catch the SQL it runs, and fail naming every table
it reads whose model's writes would not replace the piece's key."""

from __future__ import annotations

import re

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accord.core.services import object_update
from accord.web import activities, cache, dashboard, matrix

pytestmark = pytest.mark.django_db
TABLE = re.compile(r'\b(?:FROM|JOIN)\s+"([^"]+)"', re.IGNORECASE)


def read_labels(queries) -> set[str]:
    """The models (app_label.model, many-to-many tables included) the ``queries`` read."""
    tables = {
        model._meta.db_table: model._meta.label_lower
        for model in apps.get_models(include_auto_created=True)
    }
    found = {t for query in queries for t in TABLE.findall(query["sql"])}
    unknown = found - tables.keys()
    assert not unknown, f"tables of no model: {unknown}"
    return {tables[t] for t in found}


def uncovered(labels: set[str], keyed: set[str]) -> set[str]:
    """The models read but not keyed: neither named, nor always keyed, nor written only
    with a row whose own version is in the key (simple_history's records)."""
    keyed = keyed | set(cache.ALWAYS)
    return {
        label
        for label in labels - keyed
        if not label.split(".", 1)[1].startswith("historical")
        and label.split(".", 1)[0] not in cache.IGNORED_APPS
    }


@pytest.fixture
def spied(monkeypatch):
    """Each kept piece computed under a capture of its SQL, the cache bypassed: the
    labels it is keyed by and the models it read, by piece name."""
    seen: dict[str, tuple[set[str], set[str]]] = {}

    def capture(name, labels, vary, compute):
        with CaptureQueriesContext(connection) as queries:
            value = compute()
        seen[name] = (set(labels), read_labels(queries.captured_queries))
        return value

    monkeypatch.setattr(activities, "cached", capture)
    monkeypatch.setattr(dashboard, "cached", capture)
    return seen


@pytest.mark.parametrize("who", ["admin", "focal", None])
def test_the_activity_page_and_dashboard_read_only_what_keys_them(client, world, spied, who):
    if who:
        client.force_login(getattr(world, who))
    slug, activity = world.framework.slug, world.activities[0]
    if who is None:  # the public reads a published activity
        activity = object_update(
            obj=activity, by=world.admin, expected_version=activity.version, is_published=True
        )
    for url in (reverse("activity", args=[slug, activity.pk]), reverse("dashboard", args=[slug])):
        assert client.get(url).status_code == 200
    assert set(spied) == {"activity", "dashboard"}
    spied["activity"][0].add("cooperation.activity")  # its own row: its version keys it
    for name, (keyed, read) in spied.items():
        assert read, f"{name}: no query caught"
        assert not uncovered(read, keyed), f"{name} reads {uncovered(read, keyed)} unkeyed"


def test_a_matrix_row_reads_nothing_its_key_does_not_hold(client, world, monkeypatch):
    """A row is keyed by its activity's version and last save, its last progress note
    and the tokens of the area and entity names: rendering it may read nothing else."""
    calls = []
    real = matrix.render_row

    def capture(*args, **kwargs):
        with CaptureQueriesContext(connection) as queries:
            row = real(*args, **kwargs)
        calls.append(read_labels(queries.captured_queries))
        return row

    monkeypatch.setattr(matrix, "render_row", capture)
    cache.pages().clear()
    client.force_login(world.admin)
    assert client.get(reverse("matrix", args=[world.framework.slug])).status_code == 200
    assert calls, "no row rendered"
    names = {"cooperation.priorityarea", "registry.entity"}
    assert all(not uncovered(read, names) for read in calls), calls
