"""The admin refuses what the permissions module refuses, through the test client on the
real admin URLs (the admin classes ask accord.accounts.permissions)."""

from __future__ import annotations

import pytest

from accord.registry.models import Organization


def admin_client(client, world, persona):
    client.force_login(world.users[persona])
    return client


def url(obj, action="change"):
    meta = obj._meta
    return f"/admin/{meta.app_label}/{meta.model_name}/{obj.pk}/{action}/"


@pytest.mark.parametrize("persona", ["bob", "uma", "carol", "dan", "olga"])
def test_everyone_but_administrators_is_sent_to_the_pages(client, world, persona):
    c = admin_client(client, world, persona)
    response = c.get("/admin/cooperation/activity/", follow=True)
    assert ("/", 302) in response.redirect_chain
    assert "The administration pages are for administrators" in response.content.decode()


@pytest.mark.parametrize("persona", ["bob", "uma"])
def test_a_coordinator_cannot_write_through_the_admin(client, world, persona):
    c = admin_client(client, world, persona)
    response = c.post(url(world.iphrc), {"name_en": "Renamed"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    world.iphrc.refresh_from_db()
    assert world.iphrc.name_en == "Independent Permanent Human Rights Commission"
    assert c.post(
        "/admin/registry/organization/add/", {"code": "xyz", "name_en": "X", "kind": "regional"}
    ).status_code in (302, 403)
    assert not Organization.objects.filter(code="xyz").exists()
    assert c.post(url(world.fp_iphrc, "delete"), {"post": "yes"}).status_code in (302, 403)
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


def test_the_parsers_record_is_shown_read_only_and_the_rows_are_edited(client, world):
    """One source of truth: a resolution's paragraphs are edited as rows; the parse as
    JSON (and the Akoma Ntoso made from it) is the parser's record, not a form field."""
    page = admin_client(client, world, "alice").get(url(world.resolution))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="symbol"' in html and 'name="paragraphs-0-text"' in html
    assert "field-parsed" in html and "field-akn" in html
    assert 'name="parsed"' not in html and 'name="akn"' not in html
