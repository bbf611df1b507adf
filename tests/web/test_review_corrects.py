"""The review list shows each proposal as a form of its fields; a coordinator corrects
values and confirms in one step, and the row written has the corrected values."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from accord.cooperation.models import Meeting
from accord.documents.review import ReviewItem
from accord.documents.services import resolution_import
from tests.world import DEMO

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    result = resolution_import(source=DEMO, user=world.admin, framework=world.framework.slug)
    return result


def _item(key):
    return ReviewItem.objects.get(kind="meeting", key=key)


def _post(client, item, **fields):
    url = reverse(
        "resolution-review-decide", args=[item.framework.slug, item.resolution_id, item.pk]
    )
    prefix = f"item-{item.pk}-"
    return client.post(url, {"decision": "confirm", **{prefix + k: v for k, v in fields.items()}})


def _meeting_fields(item, **changes):
    data = item.data
    values = {
        "kind": data["kind"],
        "title": data["title"],
        "start_on": data["start_on"] or "",
        "end_on": data["end_on"] or "",
        "year_planned": data["year_planned"] or "",
        "place": data["place"],
        "host_organization": data["host_organization"] or "",
    }
    return {**values, **changes}


def test_the_list_shows_fields_not_json(client, world, queued):
    client.force_login(world.coordinator)
    item = _item("conference/2017-11-21")
    page = client.get(reverse("resolution-review", args=[world.framework.slug, item.resolution_id]))
    html = page.content.decode()
    assert f'name="item-{item.pk}-place"' in html and f'name="item-{item.pk}-start_on"' in html
    assert 'value="2017-11-21"' in html
    assert "Proposed data" not in html and "&quot;start_on&quot;" not in html
    assert "Unsure" in html or "Very unsure" in html or "Fairly sure" in html


def test_a_corrected_meeting_is_written_with_the_corrected_values(client, world, queued):
    client.force_login(world.coordinator)
    item = _item("conference/2017-11-21")
    fields = _meeting_fields(item, place="Jeddah", start_on="2017-11-22", end_on="2017-11-23")
    response = _post(client, item, **fields)
    assert response.status_code == 302
    meeting = Meeting.objects.get(kind="conference", framework=world.framework)
    assert meeting.place == "Jeddah" and meeting.start_on == datetime.date(2017, 11, 22)
    item.refresh_from_db()
    assert item.status == ReviewItem.Status.CORRECTED and item.data["place"] == "Jeddah"
    assert "Confirmed as corrected" in client.get(response["Location"]).content.decode()


def test_confirming_unchanged_values_confirms_as_proposed(client, world, queued):
    client.force_login(world.coordinator)
    item = _item("conference/2017-11-21")
    _post(client, item, **_meeting_fields(item))
    item.refresh_from_db()
    assert item.status == ReviewItem.Status.CONFIRMED
    assert Meeting.objects.filter(kind="conference", start_on="2017-11-21").exists()


def test_an_invalid_correction_is_refused_with_a_message_and_nothing_written(client, world, queued):
    client.force_login(world.coordinator)
    item = _item("conference/2017-11-21")
    with translation.override("fr"):
        response = _post(
            client, item, **_meeting_fields(item, start_on="2017-11-22", end_on="2017-11-01")
        )
    assert response.status_code == 400
    assert "Une réunion ne peut pas se terminer avant de commencer." in response.content.decode()
    item.refresh_from_db()
    assert item.status == ReviewItem.Status.PENDING
    assert not Meeting.objects.filter(kind="conference").exists()


def test_the_form_is_in_french_and_arabic(client, world, queued):
    client.force_login(world.coordinator)
    item = _item("conference/2017-11-21")
    url = reverse("resolution-review", args=[world.framework.slug, item.resolution_id])
    fr = client.get(f"/fr{url}").content.decode()
    assert "Lieu" in fr and "Valeurs proposées" in fr
    ar = client.get(f"/ar{url}").content.decode()
    assert "المكان" in ar and "القيم المقترحة" in ar


def test_no_proposal_for_a_meeting_already_recorded(world, settings, tmp_path):
    from accord.core.services import object_create

    settings.MEDIA_ROOT = tmp_path / "media"
    object_create(
        model=Meeting,
        by=world.coordinator,
        framework=world.framework,
        kind="conference",
        title="Conference recorded by hand",
        start_on=datetime.date(2017, 11, 21),
    )
    resolution_import(source=DEMO, user=world.admin, framework=world.framework.slug)
    keys = set(ReviewItem.objects.filter(kind="meeting").values_list("key", flat=True))
    assert "conference/2017-11-21" not in keys
    assert "conference/2016-11-01" in keys  # the others are still proposed


def test_a_proposal_whose_row_was_recorded_since_says_so(client, world, queued):
    from accord.core.services import object_create

    item = _item("conference/2017-11-21")
    other = _item("conference/2016-11-01")
    object_create(
        model=Meeting,
        by=world.coordinator,
        framework=world.framework,
        kind="conference",
        title="Recorded by hand after the upload",
        start_on=datetime.date(2017, 11, 21),
    )
    client.force_login(world.coordinator)
    html = client.get(
        reverse("resolution-review", args=[world.framework.slug, item.resolution_id])
    ).content.decode()
    card = html[html.index(f'id="item-{item.pk}"') :].split("</article>")[0]
    other_card = html[html.index(f'id="item-{other.pk}"') :].split("</article>")[0]
    assert "Already recorded:" in card and "Already recorded:" not in other_card


def test_confirm_all_confirms_every_pending_proposal_from_the_list(client, world, queued):
    client.force_login(world.coordinator)
    resolution = queued.resolution
    url = reverse("resolution-review", args=[world.framework.slug, resolution.pk])
    pending = ReviewItem.objects.filter(resolution=resolution, status="pending").count()
    html = client.get(url).content.decode()
    assert f"Confirm all {pending} proposals as proposed" in html
    action = reverse("resolution-review-confirm-all", args=[world.framework.slug, resolution.pk])
    assert f'action="{action}"' in html
    arabic = client.get(f"/ar{url}").content.decode()
    assert f"تأكيد المقترحات الـ{pending} كما اقتُرحت" in arabic

    done = client.post(action, follow=True)
    assert done.redirect_chain[-1][0] == url
    assert f"Confirmed {pending} proposals as proposed." in done.content.decode()
    statuses = set(
        ReviewItem.objects.filter(resolution=resolution).values_list("status", flat=True)
    )
    assert statuses == {ReviewItem.Status.CONFIRMED}
    assert Meeting.objects.filter(start_on=datetime.date(2017, 11, 21)).exists()
    assert "Confirm all" not in done.content.decode()  # nothing left to confirm
    assert client.get(action).status_code == 405  # a POST only


def test_confirm_all_is_refused_to_a_viewer(client, world, queued):
    client.force_login(world.viewer)
    resolution = queued.resolution
    action = reverse("resolution-review-confirm-all", args=[world.framework.slug, resolution.pk])
    assert client.post(action).status_code == 403
    assert not ReviewItem.objects.filter(resolution=resolution).exclude(status="pending").exists()
