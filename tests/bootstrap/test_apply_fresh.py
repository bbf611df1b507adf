"""Bootstrapping the founding resolution into an empty database: what waits for review
without --yes, what --yes confirms, and a soft-deleted entity on the second run (the
other tests of the bootstrap start from it done once, test_apply.py)."""

from __future__ import annotations

import datetime

from accord.cooperation.models import Meeting
from accord.documents.review import ReviewItem
from accord.documents.services import resolution_import
from accord.registry.models import Agreement, Entity, Organization


def test_unsure_proposals_go_to_the_review_list_without_yes(db, demo_path, coordinator):
    result = resolution_import(source=demo_path, user=coordinator)
    queued = {(i.kind, i.key) for i in result.queued}
    assert ("meeting", "conference/2017-11-21") in queued
    assert ("organization", "osce") in queued
    assert not Meeting.objects.filter(kind="conference").exists()
    assert not Organization.objects.filter(code="osce").exists()
    assert Meeting.objects.filter(kind="general").count() == 3  # sure ones are written
    assert all(i.confidence < 0.7 and i.reason for i in result.queued)
    # a second run does not queue them twice
    again = resolution_import(source=demo_path, user=coordinator)
    assert again.queued == []
    assert ReviewItem.objects.count() == len(queued)


def test_yes_confirms_the_pending_review_items(db, demo_path, coordinator):
    first = resolution_import(source=demo_path, user=coordinator)
    second = resolution_import(source=demo_path, user=coordinator, confirm_all=True)
    assert second.confirmed == len(first.queued)
    assert not ReviewItem.objects.filter(status=ReviewItem.Status.PENDING).exists()
    assert Meeting.objects.filter(kind="conference", start_on=datetime.date(2017, 11, 21)).exists()


def test_a_soft_deleted_entity_stays_deleted_and_is_not_linked_again(db, demo_path, coordinator):
    first = resolution_import(source=demo_path, user=coordinator, confirm_all=True)
    oct_ = Entity.objects.get(gazetteer_id="un.oct")
    agreement = Agreement.objects.get(
        framework=first.framework, signed_on=datetime.date(2018, 9, 25)
    )
    agreement.parties.remove(oct_)
    oct_.soft_delete(coordinator)
    again = resolution_import(source=demo_path, user=coordinator, confirm_all=True)
    assert Entity.all_objects.get(gazetteer_id="un.oct").is_deleted
    assert again.counts["entity"]["deleted"] == 1
    assert [e.gazetteer_id for e in agreement.parties.all()] == ["oic.gs"]
