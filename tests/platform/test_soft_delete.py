"""Deletion is soft and reversible."""

from __future__ import annotations

import pytest

from accord.cooperation.models import Activity, ProgressUpdate
from accord.core.errors import AlreadyDeleted, NotDeleted
from accord.core.services import object_restore, object_soft_delete
from accord.registry.models import Entity

pytestmark = pytest.mark.django_db


def test_soft_delete_hides_the_row_and_keeps_it(activity, bob):
    object_soft_delete(obj=activity, user=bob)
    assert not Activity.objects.filter(pk=activity.pk).exists()
    kept = Activity.all_objects.get(pk=activity.pk)
    assert kept.deleted_at is not None
    assert kept.deleted_by == bob
    assert kept.history.order_by("-history_date").first().history_user == bob


def test_restore_brings_the_row_back(activity, alice, bob):
    deleted = object_soft_delete(obj=activity, user=bob)
    object_restore(obj=deleted, user=alice)
    back = Activity.objects.get(pk=activity.pk)
    assert back.deleted_at is None and back.deleted_by is None
    assert back.version == 3


def test_deleting_twice_or_restoring_a_live_row_is_refused(activity, bob):
    with pytest.raises(NotDeleted):
        activity.restore(bob)
    activity.soft_delete(bob)
    with pytest.raises(AlreadyDeleted):
        activity.soft_delete(bob)


def test_related_lists_hide_deleted_rows_but_foreign_keys_still_resolve(activity, bob, world):
    update = ProgressUpdate.objects.create(
        activity=activity, date="2019-01-10", text="Held in Jeddah"
    )
    update.soft_delete(bob)
    assert list(activity.progress_updates.all()) == []
    world.ohchr.soft_delete(bob)
    assert not Entity.objects.filter(pk=world.ohchr.pk).exists()
    assert Activity.objects.get(pk=activity.pk).un_lead == world.ohchr


def test_a_deleted_code_can_be_reused_in_the_framework(activity, bob, world):
    activity.soft_delete(bob)
    again = Activity.objects.create(
        biennium=world.biennium, code=activity.code, title="New", priority_area=world.peace
    )
    assert again.pk != activity.pk
