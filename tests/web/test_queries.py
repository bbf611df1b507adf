"""Every page costs a bounded number of queries: 60 activities cost what 5 cost."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.web.test_pages import pages
from tests.world import add_activities

pytestmark = pytest.mark.django_db


def query_counts(client, w, role) -> dict[str, int]:
    client.force_login(getattr(w, role))
    counts = {}
    for url in pages(w):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200, url
        counts[url] = len(ctx.captured_queries)
    return counts


@pytest.mark.parametrize("role", ["focal", "coordinator", "viewer"])
def test_pages_cost_the_same_queries_with_60_activities_as_with_5(client, world, role):
    before = query_counts(client, world, role)
    add_activities(world, 55)
    assert query_counts(client, world, role) == before


def test_no_page_costs_more_than_20_queries(client, world, django_assert_max_num_queries):
    add_activities(world, 55)
    client.force_login(world.focal)
    for url in pages(world):
        with django_assert_max_num_queries(20):
            assert client.get(url).status_code == 200, url
