"""The services that write several rows at once: all or nothing, recorded, version-checked."""

from __future__ import annotations

import datetime

import pytest

from accord.cooperation.models import ActionItem, Activity, Biennium, Decision, Meeting
from accord.cooperation.services import (
    action_item_close,
    activity_add_progress,
    activity_carry_over,
    decision_to_action_items,
)
from accord.core.errors import AccordError, StaleEdit
from accord.registry.services import entity_rename

pytestmark = pytest.mark.django_db


def test_a_progress_update_with_a_status_moves_the_activity_in_the_same_write(activity, bob):
    update = activity_add_progress(
        activity=activity,
        user=bob,
        text="First session held in Jeddah",
        date=datetime.date(2019, 3, 1),
        status_after="ongoing",
    )
    fresh = Activity.objects.get(pk=activity.pk)
    assert fresh.status == "ongoing" and fresh.version == 2
    assert update.author == bob
    assert fresh.history.order_by("-history_date").first().history_user == bob


def test_a_progress_update_on_a_stale_activity_saves_nothing(activity, alice, bob):
    activity_add_progress(activity=activity, user=bob, text="Postponed", status_after="postponed")
    with pytest.raises(StaleEdit):
        activity_add_progress(
            activity=activity,
            user=alice,
            text="Going on",
            status_after="ongoing",
            expected_version=1,
        )
    assert [u.text for u in activity.progress_updates.all()] == ["Postponed"]
    assert Activity.objects.get(pk=activity.pk).status == "postponed"


@pytest.fixture
def meeting(world):
    return Meeting.objects.create(
        framework=world.framework,
        kind="general",
        title="General meeting, Rabat",
        start_on=datetime.date(2018, 7, 3),
        end_on=datetime.date(2018, 7, 5),
        place="Rabat",
    )


def test_a_decision_becomes_action_items_once(meeting, world, bob):
    decision = Decision.objects.create(
        meeting=meeting,
        number="1",
        kind="recommendation",
        text="Hold a joint workshop on mediation",
    )
    specs = [
        {
            "title": "Organize the mediation workshop",
            "owner": world.ohchr,
            "due_on": datetime.date(2019, 6, 30),
        }
    ]
    first = decision_to_action_items(decision=decision, user=bob, items=specs)
    again = decision_to_action_items(decision=decision, user=bob, items=specs)
    assert [i.pk for i in first] == [i.pk for i in again]
    item = ActionItem.objects.get()
    assert (
        item.framework == meeting.framework and item.owner == world.ohchr and item.status == "open"
    )
    assert item.history.get().history_user == bob


def test_closing_an_action_item_needs_evidence_and_records_who(meeting, world, bob):
    item = ActionItem.objects.create(
        framework=meeting.framework, title="Send the report", owner=world.ohchr
    )
    with pytest.raises(AccordError):
        action_item_close(item=item, user=bob, evidence="  ")
    closed = action_item_close(
        item=item, user=bob, evidence="Report A/73/328 issued", closed_on=datetime.date(2018, 8, 1)
    )
    assert (closed.status, closed.closed_by, closed.closed_on) == (
        "done",
        bob,
        datetime.date(2018, 8, 1),
    )
    with pytest.raises(AccordError):
        action_item_close(item=closed, user=bob, evidence="again")


def test_carrying_an_activity_over_keeps_its_links(activity, world, bob):
    activity.participants.add(world.ohchr, world.iphrc)
    later = Biennium.objects.create(framework=world.framework, start_year=2020, end_year=2021)
    copy = activity_carry_over(activity=activity, biennium=later, user=bob)
    assert copy.carried_over_from == activity and copy.code == "PS-01-2020"
    assert set(copy.participants.all()) == {world.ohchr, world.iphrc}
    record = copy.history.get()
    assert record.history_user == bob
    assert {row.entity_id for row in record.participants.all()} == {world.ohchr.pk, world.iphrc.pk}
    with pytest.raises(AccordError):
        activity_carry_over(activity=copy, biennium=activity.biennium, user=bob)


def test_renaming_an_entity_keeps_its_former_name(world, bob):
    renamed = entity_rename(
        entity=world.iphrc,
        user=bob,
        expected_version=1,
        name_en="OIC Independent Permanent Human Rights Commission",
        on=datetime.date(2011, 6, 28),
    )
    former = renamed.former_names.get()
    assert former.name == "Independent Permanent Human Rights Commission"
    assert former.until == datetime.date(2011, 6, 27)
    assert renamed.version == 2 and renamed.pk == world.iphrc.pk


def test_unknown_fields_and_managed_fields_are_refused(activity, bob):
    from accord.cooperation.services import activity_update

    with pytest.raises(AccordError):
        activity_update(activity=activity, user=bob, expected_version=1, colour="blue")
    with pytest.raises(AccordError):
        activity_update(activity=activity, user=bob, expected_version=1, version=9)
    assert Activity.objects.get(pk=activity.pk).version == 1
