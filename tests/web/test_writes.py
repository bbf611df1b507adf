"""The writes of the pages: inline status and progress (htmx and plain form), the edit
form with a stale-edit conflict, decisions into action items, closing with evidence."""

import pytest
from django.urls import reverse

from accord.cooperation.models import ActionItem, Activity, Decision

pytestmark = pytest.mark.django_db


def test_an_inline_status_change_with_htmx_answers_with_the_row(client, world):
    a = world.activities[0]
    client.force_login(world.focal)
    response = client.post(
        reverse("activity-status", args=[world.framework.slug, a.pk]),
        {"status": "completed", "version": a.version},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith(f'<tr id="row-{a.pk}"') and "<html" not in body
    a.refresh_from_db()
    assert a.status == "completed"


def test_a_plain_form_status_change_redirects_back(client, world):
    a = world.activities[0]
    client.force_login(world.focal)
    back = reverse("matrix", args=[world.framework.slug]) + "?status=planned"
    response = client.post(
        reverse("activity-status", args=[world.framework.slug, a.pk]),
        {"status": "ongoing", "version": a.version, "next": back},
    )
    assert response.status_code == 302 and response["Location"] == back
    a.refresh_from_db()
    assert a.status == "ongoing" and a.history.first().history_user == world.focal


def test_a_stale_inline_edit_names_who_changed_what_and_saves_nothing(client, world):
    a = world.activities[0]
    seen = a.version
    client.force_login(world.coordinator)
    client.post(
        reverse("activity-status", args=[world.framework.slug, a.pk]),
        {"status": "ongoing", "version": seen},
    )
    client.force_login(world.focal)
    response = client.post(
        reverse("activity-status", args=[world.framework.slug, a.pk]),
        {"status": "cancelled", "version": seen},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert 'role="alert"' in body and "Coordinator" in body and "status" in body
    a.refresh_from_db()
    assert a.status == "ongoing"


def test_a_stale_edit_form_shows_the_conflict(client, world):
    a = world.activities[0]
    url = reverse("activity", args=[world.framework.slug, a.pk])
    client.force_login(world.coordinator)
    client.post(
        url, {"title": "Renamed by the coordinator", "status": a.status, "version": a.version}
    )
    client.force_login(world.focal)
    response = client.post(
        url, {"title": "Renamed by the focal point", "status": a.status, "version": a.version}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert 'class="error conflict"' in body and "Coordinator" in body
    a.refresh_from_db()
    assert a.title == "Renamed by the coordinator"


def test_the_history_shows_the_differences(client, world):
    a = world.activities[0]
    client.force_login(world.focal)
    client.post(
        reverse("activity", args=[world.framework.slug, a.pk]),
        {"title": "A better title", "status": a.status, "version": a.version},
    )
    body = client.get(reverse("activity", args=[world.framework.slug, a.pk])).content.decode()
    assert "<del>Joint activity number 0</del>" in body and "<ins>A better title</ins>" in body


def test_adding_progress_records_it(client, world):
    a = world.activities[0]
    client.force_login(world.focal)
    client.post(
        reverse("activity-progress", args=[world.framework.slug, a.pk]),
        {"text": "Workshop held in Geneva", "version": a.version, "status_after": "ongoing"},
    )
    assert a.progress_updates.filter(text="Workshop held in Geneva").exists()
    assert Activity.objects.get(pk=a.pk).status == "ongoing"


def test_a_coordinator_records_a_decision_and_turns_it_into_an_action_item(client, world):
    client.force_login(world.coordinator)
    slug = world.framework.slug
    client.post(
        reverse("decision-add", args=[slug, world.meeting.pk]),
        {"text": "Organize a training of mediators.", "kind": "decision", "number": "2"},
    )
    decision = Decision.objects.get(text="Organize a training of mediators.")
    client.post(
        reverse("decision-action-item", args=[slug, world.meeting.pk, decision.pk]),
        {"title": "Draft the training plan", "owner": world.dppa.pk, "due_on": "2030-01-31"},
    )
    item = ActionItem.objects.get(decision=decision)
    assert item.owner == world.dppa and str(item.due_on) == "2030-01-31"


def test_a_focal_point_may_not_record_a_decision(client, world):
    client.force_login(world.focal)
    response = client.post(
        reverse("decision-add", args=[world.framework.slug, world.meeting.pk]),
        {"text": "Not allowed", "kind": "decision"},
    )
    assert response.status_code == 403
    assert not Decision.objects.filter(text="Not allowed").exists()


def test_closing_an_action_item_needs_evidence(client, world):
    item = world.items[0]
    client.force_login(world.focal)
    url = reverse("action-item-close", args=[world.framework.slug, item.pk])
    client.post(url, {"evidence": "", "version": item.version})
    item.refresh_from_db()
    assert item.status == "open"
    client.post(url, {"evidence": "Report sent on 3 May", "version": item.version})
    item.refresh_from_db()
    assert item.status == "done" and item.evidence == "Report sent on 3 May"


def test_the_action_item_tabs_filter(client, world):
    client.force_login(world.viewer)
    url = reverse("action-items", args=[world.framework.slug])
    assert "Follow-up 1" in client.get(url, {"tab": "overdue"}).content.decode()
    assert (
        "Follow-up 1" not in client.get(url, {"tab": "mine"}).content.decode()
    )  # a viewer owns nothing
    client.force_login(world.focal)
    assert "Follow-up 1" in client.get(url, {"tab": "mine"}).content.decode()
