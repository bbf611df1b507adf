"""A coordinator confirms, corrects or rejects what the parser was unsure of."""

from __future__ import annotations

import copy
import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied

from accord.accounts.models import Membership
from accord.cooperation.models import Meeting
from accord.documents.review import ReviewItem
from accord.documents.services import (
    BootstrapError,
    bootstrap_confirm,
    bootstrap_confirm_all,
    bootstrap_reject,
    resolution_import,
)
from accord.registry.models import Organization
from tests.bootstrap.conftest import DEMO, make_coordinator
from tests.bootstrap.shared import written_in_media


def _queue():
    """Nadia, and the demo imported under her without --yes (its proposals pending), she
    made a coordinator of the framework it set up."""
    user = make_coordinator()
    result = resolution_import(source=DEMO, user=user)
    Membership.objects.create(
        user=user,
        role=Membership.Role.COORDINATOR,
        framework=result.framework,
        organization=result.framework.partner,
    )
    return user, {(i.kind, i.key): i for i in ReviewItem.objects.all()}


@pytest.fixture(scope="module")
def queued_once(django_db_setup, django_db_blocker, tmp_path_factory):
    """The queue written once for the module (every test starts from it; what a test
    writes is rolled back with its savepoint), the source file in the module's media."""
    yield from written_in_media(django_db_blocker, tmp_path_factory, _queue)


@pytest.fixture
def coordinator(queued_once, db):
    return copy.deepcopy(queued_once[0])


@pytest.fixture
def queued(queued_once, db):
    """The pending proposals by (kind, key), copies for this test."""
    return copy.deepcopy(queued_once[1])


def test_only_a_coordinator_of_the_framework_decides(queued):
    outsider = get_user_model().objects.create_user("olga")
    item = queued[("meeting", "conference/2017-11-21")]
    with pytest.raises(PermissionDenied):
        bootstrap_confirm(item=item, user=outsider)
    with pytest.raises(PermissionDenied):
        bootstrap_reject(item=item, user=outsider)
    item.refresh_from_db()
    assert item.status == ReviewItem.Status.PENDING
    assert not Meeting.objects.filter(kind="conference").exists()


def test_confirming_writes_the_proposal_as_it_was(queued, coordinator):
    item = queued[("meeting", "conference/2017-11-21")]
    meeting = bootstrap_confirm(item=item, user=coordinator)
    assert meeting.start_on == datetime.date(2017, 11, 21) and meeting.kind == "conference"
    item.refresh_from_db()
    assert item.status == ReviewItem.Status.CONFIRMED and item.decided_by == coordinator
    assert meeting.history.first().history_user == coordinator


def test_correcting_writes_the_corrected_proposal(queued, coordinator):
    item = queued[("meeting", "other/2016-04-14")]
    corrected = {"title": "Islamic Summit Conference, 13th session"}  # only what changes
    meeting = bootstrap_confirm(item=item, user=coordinator, data=corrected)
    assert meeting.title == "Islamic Summit Conference, 13th session"
    assert meeting.place.startswith("Istanbul")
    item.refresh_from_db()
    assert item.status == ReviewItem.Status.CORRECTED and item.data["title"] == corrected["title"]
    assert item.data["start_on"] == "2016-04-14"


def test_rejecting_writes_nothing_but_the_decision(queued, coordinator):
    item = queued[("meeting", "conference/2016-11-01")]
    bootstrap_reject(item=item, user=coordinator)
    assert not Meeting.objects.filter(
        kind="conference", start_on=datetime.date(2016, 11, 1)
    ).exists()
    item.refresh_from_db()
    assert item.status == ReviewItem.Status.REJECTED


def test_a_decided_item_cannot_be_decided_again(queued, coordinator):
    item = queued[("organization", "osce")]
    bootstrap_confirm(item=item, user=coordinator)
    item.refresh_from_db()
    with pytest.raises(BootstrapError, match="already"):
        bootstrap_reject(item=item, user=coordinator)
    item.refresh_from_db()
    assert item.status == ReviewItem.Status.CONFIRMED  # the first decision stands
    assert Organization.objects.filter(code="osce").exists()


def test_a_rejected_proposal_is_not_queued_again(queued, demo_path, coordinator):
    item = queued[("meeting", "conference/2016-11-01")]
    bootstrap_reject(item=item, user=coordinator)
    again = resolution_import(source=demo_path, user=coordinator)
    assert again.queued == []
    assert not Meeting.objects.filter(
        kind="conference", start_on=datetime.date(2016, 11, 1)
    ).exists()


def test_a_correction_that_cannot_be_written_is_refused_and_the_item_stays_pending(
    queued, coordinator
):
    item = queued[("meeting", "conference/2017-11-21")]
    with pytest.raises(BootstrapError, match="cannot be written"):
        bootstrap_confirm(
            item=item, user=coordinator, data={**item.data, "start_on": "21 November 2017"}
        )
    item.refresh_from_db()
    assert item.status == ReviewItem.Status.PENDING
    assert not Meeting.objects.filter(kind="conference").exists()


def _statuses() -> dict[tuple[str, str], str]:
    return {(i.kind, i.key): i.status for i in ReviewItem.objects.all()}


def test_confirming_all_writes_every_pending_proposal_parents_first(queued, coordinator):
    rejected = queued[("meeting", "conference/2016-11-01")]
    bootstrap_reject(item=rejected, user=coordinator)
    pending = [key for key, status in _statuses().items() if status == "pending"]
    assert len(pending) > 3 and any(kind == "organization" for kind, _ in pending)

    assert bootstrap_confirm_all(resolution=rejected.resolution, user=coordinator) == len(pending)

    after = _statuses()
    assert {after[key] for key in pending} == {ReviewItem.Status.CONFIRMED}
    assert after[("meeting", "conference/2016-11-01")] == ReviewItem.Status.REJECTED
    assert Organization.objects.filter(code="osce").exists()
    assert Meeting.objects.filter(kind="conference", start_on=datetime.date(2017, 11, 21)).exists()
    assert not Meeting.objects.filter(kind="conference", start_on=datetime.date(2016, 11, 1))
    assert bootstrap_confirm_all(resolution=rejected.resolution, user=coordinator) == 0


def test_confirming_all_is_all_or_none(queued, coordinator):
    broken = queued[("meeting", "conference/2017-11-21")]
    ReviewItem.objects.filter(pk=broken.pk).update(data={**broken.data, "start_on": "21 Nov"})
    before = _statuses()
    with pytest.raises(BootstrapError, match="cannot be confirmed, so none was") as refused:
        bootstrap_confirm_all(resolution=broken.resolution, user=coordinator)
    assert (broken.label or broken.key) in str(refused.value)
    assert _statuses() == before
    assert not Organization.objects.filter(code="osce").exists()
    assert not Meeting.objects.filter(kind="conference").exists()


def test_only_a_coordinator_confirms_all(queued):
    outsider = get_user_model().objects.create_user("olga")
    before = _statuses()
    resolution = queued[("organization", "osce")].resolution
    with pytest.raises(PermissionDenied):
        bootstrap_confirm_all(resolution=resolution, user=outsider)
    assert _statuses() == before and not Organization.objects.filter(code="osce").exists()
