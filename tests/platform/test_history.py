"""Every change is recorded (who, when, what) and can be undone."""

from __future__ import annotations

import pytest

from accord.cooperation.models import Activity
from accord.cooperation.services import activity_update
from accord.core.services import history_revert, object_soft_delete

pytestmark = pytest.mark.django_db


def test_history_records_who_changed_what_and_when(activity, alice, bob):
    activity_update(
        activity=activity, user=bob, expected_version=1, title="Regional workshop", status="ongoing"
    )
    records = list(activity.history.order_by("history_date"))
    assert [r.history_type for r in records] == ["+", "~"]
    assert records[0].history_user == alice
    assert records[1].history_user == bob
    assert records[1].history_date >= records[0].history_date
    delta = records[1].diff_against(records[0])
    assert sorted(delta.changed_fields) == ["status", "title"]
    change = {c.field: (c.old, c.new) for c in delta.changes}
    assert change["title"] == ("Workshop on human rights mechanisms", "Regional workshop")


def test_many_to_many_changes_are_recorded_in_one_record(activity, bob, world):
    activity_update(
        activity=activity, user=bob, expected_version=1, participants=[world.ohchr, world.iphrc]
    )
    latest = activity.history.order_by("-history_date").first()
    assert activity.history.count() == 2
    assert sorted(row.entity_id for row in latest.participants.all()) == sorted(
        [world.ohchr.pk, world.iphrc.pk]
    )


def test_undo_restores_the_state_before_a_change(activity, alice, bob, world):
    activity_update(activity=activity, user=alice, expected_version=1, participants=[world.ohchr])
    updated = activity_update(
        activity=activity,
        user=bob,
        expected_version=2,
        title="Wrong title",
        status="cancelled",
        participants=[world.iphrc],
    )
    bad = updated.history.order_by("-history_date").first()
    reverted = history_revert(record=bad, user=alice)
    fresh = Activity.objects.get(pk=activity.pk)
    assert fresh.title == "Workshop on human rights mechanisms"
    assert fresh.status == "planned"
    assert list(fresh.participants.all()) == [world.ohchr]
    assert fresh.version == reverted.version == 4
    undo_record = fresh.history.order_by("-history_date").first()
    assert undo_record.history_user == alice
    assert "Undo" in undo_record.history_change_reason


def test_undo_brings_back_a_soft_deleted_row(activity, alice, bob):
    deleted = object_soft_delete(obj=activity, user=bob)
    assert not Activity.objects.filter(pk=activity.pk).exists()
    record = deleted.history.order_by("-history_date").first()
    history_revert(record=record, user=alice)
    back = Activity.objects.get(pk=activity.pk)
    assert back.deleted_at is None and back.deleted_by is None


def test_undo_of_a_creation_soft_deletes_the_row(activity, bob):
    creation = activity.history.get(history_type="+")
    history_revert(record=creation, user=bob)
    assert Activity.all_objects.get(pk=activity.pk).deleted_by == bob
    assert not Activity.objects.filter(pk=activity.pk).exists()


def test_an_undo_can_itself_be_undone(activity, alice, bob):
    activity_update(activity=activity, user=bob, expected_version=1, title="Second title")
    change = activity.history.order_by("-history_date").first()
    history_revert(record=change, user=alice)
    undo = activity.history.order_by("-history_date").first()
    history_revert(record=undo, user=alice)
    assert Activity.objects.get(pk=activity.pk).title == "Second title"


def test_every_model_with_history_makes_its_manager_class_once(activity, world):
    """Each model's ``history`` (and the links' history on HistoricalActivity) is Accord's
    descriptor (accord/core/history.py), not the library's that builds a class at every
    access; what it gives is still the library's manager, bound as the library binds it."""
    from django.apps import apps
    from simple_history.manager import HistoryDescriptor, HistoryManager

    from accord.core.history import OnceHistoryDescriptor

    tracked = [m for m in apps.get_models() if hasattr(m._meta, "simple_history_manager_attribute")]
    assert len(tracked) > 20
    library = [m.__name__ for m in tracked if type(m.__dict__["history"]) is HistoryDescriptor]
    assert library == [], "import HistoricalRecords from accord.core.history"
    links = Activity.history.model.__dict__["participants"]
    assert isinstance(links, OnceHistoryDescriptor)

    assert type(Activity.history) is type(activity.history)  # one class, made once
    assert Activity.history is not Activity.history  # a manager per access, as before
    assert isinstance(activity.history, HistoryManager)
    assert [r.code for r in activity.history.all()] == ["PS-01"]  # bound to its row
    ohchr, iphrc = world.ohchr.history.all(), world.iphrc.history.all()
    assert {r.acronym for r in ohchr} == {"OHCHR"} and {r.acronym for r in iphrc} == {"IPHRC"}
    entities = type(world.ohchr).history.latest_of_each()  # the library's queryset methods
    assert {"OHCHR", "IPHRC"} <= {r.acronym for r in entities}
