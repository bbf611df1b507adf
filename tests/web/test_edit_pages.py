"""The edit pages of issue 8: each form is submitted and the row is checked, and the
focal point, the viewer and the public are refused the writes they may not make."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from accord.cooperation.models import ActionItem, Activity, Meeting, PriorityArea
from accord.registry.models import Agreement, EntityFormerName, FocalPoint


def _url(name, world, *args):
    return reverse(name, args=[world.framework.slug, *args])


def test_a_coordinator_creates_an_activity_with_every_field(client, world):
    client.force_login(world.coordinator)
    a0 = world.activities[0]
    response = client.post(
        _url("activity-new", world),
        {
            "biennium": a0.biennium_id,
            "code": "NEW-1",
            "title": "Training on treaty bodies",
            "priority_area": a0.priority_area_id,
            "un_lead": a0.un_lead_id or "",
            "status": "planned",
            "funding_source": "Trust fund",
            "participants": [a0.partner_lead_id] if a0.partner_lead_id else [],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    new = Activity.objects.get(code="NEW-1")
    assert new.funding_source == "Trust fund" and new.history.count() == 1


def test_the_full_edit_form_changes_funding_and_refuses_a_stale_version(client, world):
    a = world.activities[0]
    client.force_login(world.coordinator)
    url = _url("activity-edit", world, a.pk)
    data = {
        "code": a.code,
        "title": a.title,
        "priority_area": a.priority_area_id,
        "un_lead": a.un_lead_id or "",
        "partner_lead": a.partner_lead_id or "",
        "status": a.status,
        "funding_source": "Regular budget",
        "version": a.version,
    }
    assert client.post(url, data).status_code == 302
    assert Activity.objects.get(pk=a.pk).funding_source == "Regular budget"
    stale = client.post(url, {**data, "funding_source": "Other"})
    assert 'class="error conflict"' in stale.content.decode()
    assert Activity.objects.get(pk=a.pk).funding_source == "Regular budget"


def test_delete_and_restore_an_activity(client, world):
    a = world.activities[0]
    client.force_login(world.coordinator)
    client.post(_url("activity-delete", world, a.pk), {"version": a.version})
    assert not Activity.objects.filter(pk=a.pk).exists()
    assert a.code in client.get(_url("activities-deleted", world)).content.decode()
    client.post(_url("activity-restore", world, a.pk))
    assert Activity.objects.filter(pk=a.pk).exists()


def test_a_meeting_is_created_and_an_action_item_cannot_be_due_before_it(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        _url("meeting-new", world),
        {"kind": "general", "title": "General meeting 2027", "start_on": "2027-05-10"},
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get(title="General meeting 2027")
    item = ActionItem.objects.filter(decision__isnull=False).select_related("decision").first()
    item.decision.meeting = meeting
    item.decision.save()
    url = _url("action-item-edit", world, item.pk)
    early = client.post(
        url,
        {"title": item.title, "due_on": "2027-05-01", "status": "open", "version": item.version},
    )
    assert "comes before the meeting" in early.content.decode()
    ok = client.post(
        url,
        {
            "title": "Reassigned",
            "owner": world.ohchr.pk,
            "due_on": "2027-06-01",
            "status": "open",
            "version": item.version,
        },
    )
    assert ok.status_code == 302
    item.refresh_from_db()
    assert item.due_on == datetime.date(2027, 6, 1) and item.owner_id == world.ohchr.pk


def test_an_agreement_needs_the_dates_of_its_lifecycle(client, world):
    client.force_login(world.coordinator)
    url = _url("agreement-new", world)
    refused = client.post(url, {"kind": "mou", "title": "MoU on data", "status": "renewed"})
    assert "renewal date" in refused.content.decode()
    client.post(
        url,
        {"kind": "mou", "title": "MoU on data", "status": "renewed", "renewed_on": "2026-01-01"},
    )
    assert Agreement.objects.get(title="MoU on data").renewed_on == datetime.date(2026, 1, 1)


def test_an_agreement_refused_on_a_french_page_says_why_in_french(client, world):
    client.force_login(world.coordinator)
    with translation.override("fr"):
        url = _url("agreement-new", world)
    assert url.startswith("/fr/")
    refused = client.post(url, {"kind": "mou", "title": "MoU en français", "status": "signed"})
    assert "Un accord signé doit avoir sa date de signature." in refused.content.decode()
    assert not Agreement.objects.filter(title="MoU en français").exists()


def test_focal_point_priority_area_and_rename(client, world):
    client.force_login(world.coordinator)
    area = PriorityArea.objects.filter(framework=world.framework).first()
    client.post(
        _url("focal-point-new", world),
        {"person_name": "Zara Quinn-Test", "entity": world.ohchr.pk, "priority_areas": [area.pk]},
    )
    point = FocalPoint.objects.get(person_name="Zara Quinn-Test")
    assert list(point.priority_areas.all()) == [area]
    client.post(
        _url("focal-point-end", world, point.pk), {"end_on": "2026-12-31", "version": point.version}
    )
    assert FocalPoint.objects.get(pk=point.pk).end_on == datetime.date(2026, 12, 31)
    client.post(
        _url("priority-area-new", world),
        {"code": "water", "name_en": "Water", "name_fr": "Eau", "name_ar": "المياه", "order": 9},
    )
    assert PriorityArea.objects.get(code="water").name_ar == "المياه"
    old = world.ohchr.name_en
    client.post(
        _url("entity-rename", world, world.ohchr.pk),
        {"name_en": "Human Rights Office", "on": "2026-01-01", "version": world.ohchr.version},
    )
    assert EntityFormerName.objects.filter(entity=world.ohchr, name=old).exists()


def test_the_entity_page_lists_what_it_leads(client, world):
    a = world.activities[0]
    lead = a.un_lead or a.partner_lead
    body = client.get(_url("entity", world, lead.pk)).content.decode()
    if a.is_published:
        assert a.title in body
    assert lead.name in body
    registry = client.get(_url("registry", world)).content.decode()
    assert _url("entity", world, lead.pk) in registry


@pytest.mark.parametrize("who", ["focal", "viewer", None])
def test_others_are_refused_the_coordinators_writes(client, world, who):
    if who:
        client.force_login(getattr(world, who))
    a = world.activities[0]
    writes = [
        ("activity-new", ()),
        ("meeting-new", ()),
        ("agreement-new", ()),
        ("priority-area-new", ()),
        ("activity-delete", (a.pk,)),
        ("entity-rename", (world.ohchr.pk,)),
    ]
    for name, args in writes:
        response = client.post(_url(name, world, *args), {"title": "x", "version": 1})
        assert response.status_code in (302, 403), name
        if response.status_code == 302:
            assert "/accounts/login/" in response["Location"], name
    assert not Activity.objects.filter(title="x").exists()
    assert Activity.objects.filter(pk=a.pk).exists()


def test_a_focal_point_role_puts_the_person_in_the_registry(client, world):
    """The registry said "No focal point recorded" for every area: the directory reads
    the registry's FocalPoint rows and granting the role made none."""
    from django.contrib.auth import get_user_model

    from accord.accounts.users import grant

    person = get_user_model().objects.create_user("zed", first_name="Zed", last_name="Okoro")
    grant(person, "focal-point", framework=world.framework, entity=world.ohchr)
    point = FocalPoint.objects.get(user=person, entity=world.ohchr)
    assert point.person_name == "Zed Okoro"
    client.force_login(world.coordinator)
    assert "Zed Okoro" in client.get(_url("registry", world)).content.decode()


def test_linking_an_account_to_a_focal_point_gives_its_role_to_whom_the_side_allows(client, world):
    """The coordinator of the UN side links a user account to a new focal point of
    OHCHR: the person may then record progress on OHCHR's activities. The same
    coordinator linking an account to an IPHRC (partner side) focal point is refused,
    and nothing is written."""
    from django.contrib.auth import get_user_model

    from accord.accounts.models import Membership
    from accord.accounts.permissions import can_edit

    person = get_user_model().objects.create_user("yusuf-test", first_name="Yusuf")
    client.force_login(world.coordinator)
    data = {"person_name": "Yusuf Test", "entity": world.ohchr.pk, "user": person.pk}
    client.post(_url("focal-point-new", world), data)
    role = Membership.objects.get(user=person)
    assert (role.role, role.entity, role.framework) == ("focal_point", world.ohchr, world.framework)
    ohchr_activity = next(a for a in world.activities if a.un_lead_id == world.ohchr.pk)
    assert can_edit(get_user_model().objects.get(pk=person.pk), ohchr_activity)

    other = get_user_model().objects.create_user("zeina-test")
    data = {"person_name": "Zeina Test", "entity": world.iphrc.pk, "user": other.pk}
    assert client.post(_url("focal-point-new", world), data).status_code == 403
    assert not Membership.objects.filter(user=other).exists()
    assert not FocalPoint.objects.filter(person_name="Zeina Test").exists()
