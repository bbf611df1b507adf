"""The admin refuses what the permissions module refuses, through the test client on the
real admin URLs (the admin classes ask accord.accounts.permissions)."""

from __future__ import annotations

import pytest

from accord.registry.models import Entity, Organization
from tests.world.base import form_values


def admin_client(client, world, persona):
    client.force_login(world.users[persona])
    return client


def url(obj, action="change"):
    meta = obj._meta
    return f"/admin/{meta.app_label}/{meta.model_name}/{obj.pk}/{action}/"


@pytest.mark.parametrize("persona", ["carol", "dan", "olga"])
def test_focal_points_viewers_and_outsiders_do_not_enter_the_admin(client, world, persona):
    response = admin_client(client, world, persona).get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_coordinator_opens_the_admin_and_lists_only_what_they_may_read(client, world):
    response = admin_client(client, world, "bob").get("/admin/cooperation/activity/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "HR-02" in body and "AU-01" not in body


def test_a_coordinator_cannot_open_a_row_of_another_framework(client, world):
    response = admin_client(client, world, "bob").get(url(world.act_au))
    assert response.status_code == 302  # "does not exist": the row is not in their list


def test_a_coordinator_sees_the_other_sides_entity_read_only_and_cannot_post_to_it(client, world):
    c = admin_client(client, world, "uma")
    page = c.get(url(world.iphrc))
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert c.post(url(world.iphrc), {"name_en": "Renamed"}).status_code == 403
    world.iphrc.refresh_from_db()
    assert world.iphrc.name_en == "IPHRC"


def test_a_coordinator_may_save_their_own_sides_entity(client, world):
    c = admin_client(client, world, "bob")
    page = c.get(url(world.iphrc))
    assert page.status_code == 200 and 'name="_save"' in page.content.decode()
    data = form_values(page, "entity_form")
    data["name_en"] = ["Independent Permanent Human Rights Commission"]
    response = c.post(url(world.iphrc), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    saved = Entity.objects.get(pk=world.iphrc.pk)
    assert saved.name_en == "Independent Permanent Human Rights Commission"
    assert saved.history.first().history_user == world.users["bob"]


def test_a_coordinator_cannot_create_an_organization_through_the_admin(client, world):
    c = admin_client(client, world, "bob")
    response = c.post(
        "/admin/registry/organization/add/", {"code": "xyz", "name_en": "X", "kind": "regional"}
    )
    assert response.status_code == 403
    assert not Organization.objects.filter(code="xyz").exists()


def test_a_coordinator_cannot_delete_a_row_they_may_not_delete(client, world):
    c = admin_client(client, world, "uma")
    assert c.post(url(world.fp_iphrc, "delete"), {"post": "yes"}).status_code == 403
    world.fp_iphrc.refresh_from_db()
    assert world.fp_iphrc.deleted_at is None


def test_the_administrator_may_open_everything(client, world):
    c = admin_client(client, world, "alice")
    assert c.get(url(world.act_au)).status_code == 200
    assert c.get("/admin/accounts/membership/").status_code == 200


def test_a_coordinator_cannot_move_a_meeting_out_of_their_framework_through_the_admin(rf, world):
    """The admin asks the module again of the row as it will be saved, not only as it was."""
    from django.contrib import admin as django_admin
    from django.core.exceptions import PermissionDenied

    from accord.cooperation.models import Meeting

    meeting = Meeting.objects.get(framework=world.framework, title="General meeting, Rabat")
    model_admin = django_admin.site._registry[Meeting]
    request = rf.post("/admin/")
    request.user = world.users["bob"]
    meeting.framework = world.framework_au
    with pytest.raises(PermissionDenied):
        model_admin.save_model(request, meeting, form=None, change=True)
    meeting.refresh_from_db()
    assert meeting.framework == world.framework
