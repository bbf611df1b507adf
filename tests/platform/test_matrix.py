"""The matrix query: filters, order, the latest progress of each row, one SQL query."""

from __future__ import annotations

import datetime

import pytest

from accord.cooperation.models import Activity, PriorityArea, ProgressUpdate
from accord.cooperation.selectors import matrix_rows, matrix_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def matrix(activity, world):
    health = PriorityArea.objects.create(
        framework=world.framework, code="health", name_en="Health", order=2
    )
    other = Activity.objects.create(
        biennium=world.biennium,
        code="HE-01",
        title="Polio vaccination campaign",
        description="With the Islamic Development Bank",
        priority_area=health,
        status="ongoing",
    )
    other.participants.add(world.ohchr)
    third = Activity.objects.create(
        biennium=world.biennium,
        code="HE-02",
        title="Mediation training",
        priority_area=health,
        partner_lead=world.iphrc,
        status="completed",
    )
    ProgressUpdate.objects.create(activity=other, date=datetime.date(2019, 1, 5), text="Planned")
    ProgressUpdate.objects.create(
        activity=other, date=datetime.date(2019, 5, 1), text="Launched", status_after="ongoing"
    )
    late = ProgressUpdate.objects.create(
        activity=other, date=datetime.date(2019, 9, 1), text="Withdrawn note"
    )
    late.soft_delete(None)
    return {"first": activity, "other": other, "third": third, "health": health}


def codes(rows):
    return [r.code for r in rows]


def test_each_row_carries_its_latest_live_progress_update(matrix, world):
    rows = {r.code: r for r in matrix_rows(biennium=world.biennium)}
    assert rows["HE-01"].last_progress_text == "Launched"
    assert rows["HE-01"].last_progress_date == datetime.date(2019, 5, 1)
    assert rows["PS-01"].last_progress_text is None


def test_the_filters_narrow_the_rows(matrix, world):
    assert codes(matrix_rows(biennium=world.biennium, priority_area=matrix["health"])) == [
        "HE-01",
        "HE-02",
    ]
    assert codes(matrix_rows(biennium=world.biennium, entity=world.ohchr, order="code")) == [
        "HE-01",
        "PS-01",
    ]
    assert codes(
        matrix_rows(biennium=world.biennium, entity=world.ohchr, include_participants=False)
    ) == ["PS-01"]
    assert codes(matrix_rows(biennium=world.biennium, entity=world.iphrc, order="code")) == [
        "HE-02",
        "PS-01",
    ]
    assert codes(
        matrix_rows(biennium=world.biennium, status=["ongoing", "completed"], order="code")
    ) == [
        "HE-01",
        "HE-02",
    ]
    assert codes(matrix_rows(biennium=world.biennium, text="islamic BANK")) == ["HE-01"]
    assert codes(matrix_rows(biennium=world.biennium, text="mediation", order="-code")) == ["HE-02"]


def test_deleted_activities_are_not_in_the_matrix(matrix, world):
    matrix["third"].soft_delete(None)
    assert "HE-02" not in codes(matrix_rows(biennium=world.biennium))


def test_the_matrix_is_one_query_whatever_its_size(matrix, world, django_assert_num_queries):
    with django_assert_num_queries(1):
        shown = [
            (
                r.priority_area.code,
                r.un_lead and r.un_lead.acronym,
                r.partner_lead and r.partner_lead.acronym,
                r.last_progress_text,
            )
            for r in matrix_rows(biennium=world.biennium)
        ]
    assert len(shown) == 3


def test_values_give_the_same_rows(matrix, world):
    assert [v["code"] for v in matrix_values(biennium=world.biennium)] == codes(
        matrix_rows(biennium=world.biennium)
    )


def test_an_unknown_order_or_status_is_a_clear_error(world):
    with pytest.raises(ValueError, match="unknown order"):
        matrix_rows(biennium=world.biennium, order="colour")
    with pytest.raises(ValueError, match="unknown status"):
        matrix_rows(biennium=world.biennium, status="finished")
