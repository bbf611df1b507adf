"""The admin saves only what the rules allow (issue 12, item 4): each forbidden save is
POSTed to the real admin change form, as the administrator (the admin is for
administrators only: coordinators are turned away, last test), and the test checks that
the page answers with a form error and the row is unchanged. Administrators hold every
right, so what refuses these saves is the models' rules, not the permissions.

The admin writes through the services (``object_create``/``object_update``), so the
models' ``clean()`` rules, the version claim and the authorship rules hold there too.
"""

from __future__ import annotations

import datetime
import html
from html.parser import HTMLParser

import pytest

from accord.cooperation.models import ActionItem, Activity, Meeting, ProgressUpdate
from accord.core.services import object_update


class _Form(HTMLParser):
    """The values a browser would send for the admin's change form."""

    def __init__(self):
        super().__init__()
        self.data: list[tuple[str, str]] = []
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("submit", "file"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.data.append((name, a.get("value") or ""))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self.data.append((self._select, a.get("value") or ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self.data.append((name, ""))

    def handle_data(self, data):
        if self._textarea:
            name, text = self.data[-1]
            self.data[-1] = (name, text + data)

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def change_url(obj) -> str:
    meta = obj._meta
    return f"/admin/{meta.app_label}/{meta.model_name}/{obj.pk}/change/"


def form_data(client, url: str, **changes) -> dict:
    """GET the admin page and return what its form posts, with ``changes`` applied
    (a value of None leaves the field out)."""
    page = client.get(url)
    assert page.status_code == 200, url
    parser = _Form()
    parser.feed(page.content.decode())
    data: dict = {}
    for name, value in parser.data:
        if name in ("csrfmiddlewaretoken", "q"):
            continue
        data.setdefault(name, []).append(value)
    data = {k: v if len(v) > 1 else v[0] for k, v in data.items()}
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    data["_save"] = "Save"
    return data


def post_change(client, world, persona: str, obj, **changes):
    client.force_login(world.users[persona])
    url = change_url(obj)
    return client.post(url, form_data(client, url, **changes))


def refused(response) -> str:
    """The page shows the form again with an error (not a redirect, not a 500)."""
    assert response.status_code == 200, response.status_code
    body = html.unescape(response.content.decode())
    assert "errornote" in body or "errorlist" in body
    return body


def fresh(obj):
    return type(obj).all_objects.get(pk=obj.pk)


def test_the_admin_cannot_make_an_oic_entity_the_un_lead(client, world):
    activity = fresh(world.act_other)
    body = refused(post_change(client, world, "alice", activity, un_lead=str(world.isdb.pk)))
    assert "The UN lead must be an entity of the United Nations side." in body
    after = fresh(activity)
    assert after.un_lead_id == world.unesco.pk and after.version == activity.version


def test_the_admin_cannot_move_an_activity_to_another_frameworks_biennium(client, world):
    activity = fresh(world.act_other)
    body = refused(
        post_change(client, world, "alice", activity, biennium=str(world.biennium_au.pk))
    )
    assert "An activity cannot move to a biennium of another framework." in body
    after = fresh(activity)
    assert after.biennium_id == world.biennium.pk and after.framework_id == world.framework.pk


def test_the_admin_cannot_give_an_activity_another_frameworks_priority_area(client, world):
    activity = fresh(world.act_other)
    body = refused(
        post_change(client, world, "alice", activity, priority_area=str(world.area_au.pk))
    )
    assert "The priority area is not one of this framework." in body
    assert fresh(activity).priority_area_id == world.area.pk


def test_the_admin_saves_an_allowed_change_through_the_service(client, world):
    activity = fresh(world.act_other)
    response = post_change(client, world, "alice", activity, title="Renamed by Bob")
    assert response.status_code == 302
    after = fresh(activity)
    assert after.title == "Renamed by Bob" and after.version == activity.version + 1
    record = after.history.latest("history_date")
    assert record.history_user == world.alice and record.version == after.version


def test_a_change_form_without_expected_version_is_refused(client, world):
    activity = fresh(world.act_other)
    body = refused(
        post_change(client, world, "alice", activity, title="No version", expected_version=None)
    )
    assert "did not say which version you edited" in body
    assert fresh(activity).title == activity.title


def test_a_stale_version_in_the_admin_is_a_form_error_not_a_500(client, world):
    activity = fresh(world.act_other)
    client.force_login(world.alice)
    url = change_url(activity)
    data = form_data(client, url, title="Bob's title")
    object_update(obj=activity, by=world.uma, expected_version=activity.version, title="Uma's")
    body = refused(client.post(url, data))
    assert "was changed since you opened it" in body
    assert fresh(activity).title == "Uma's"


def test_a_forged_author_of_a_progress_update_is_ignored(client, world):
    update = fresh(world.pu_other)
    response = post_change(
        client, world, "alice", update, text="Bob's note", author=str(world.bob.pk)
    )
    assert response.status_code == 302
    after = fresh(update)
    assert after.text == "Bob's note" and after.author_id == update.author_id


def test_a_new_progress_update_is_by_the_one_who_writes_it(client, world):
    client.force_login(world.alice)
    url = "/admin/cooperation/progressupdate/add/"
    data = form_data(
        client,
        url,
        activity=str(world.act_other.pk),
        date="2019-05-01",
        text="Written in the admin",
        author=str(world.bob.pk),
    )
    assert client.post(url, data).status_code == 302
    update = ProgressUpdate.objects.get(text="Written in the admin")
    assert update.author == world.alice
    assert update.history.get().history_user == world.alice


def test_a_forged_closed_by_is_ignored_the_closer_is_recorded(client, world):
    item = fresh(world.ai_isdb)
    response = post_change(
        client,
        world,
        "alice",
        item,
        status="done",
        closed_on="2019-06-01",
        closed_by=str(world.bob.pk),
    )
    assert response.status_code == 302
    after = fresh(item)
    assert after.status == "done" and after.closed_by == world.alice


def test_an_action_item_cannot_be_due_before_its_meeting_in_the_admin(client, world):
    item = fresh(world.ai_isdb)
    body = refused(post_change(client, world, "alice", item, due_on="2018-01-01"))
    assert "The due date comes before the meeting" in body
    assert fresh(item).due_on == datetime.date(2019, 6, 30)


def test_an_action_item_cannot_be_owned_by_an_entity_of_neither_side(client, world):
    item = fresh(world.ai_isdb)
    body = refused(post_change(client, world, "alice", item, owner=str(world.auc.pk)))
    assert "The owner must be an entity of one of the framework's sides." in body
    assert fresh(item).owner_id == world.isdb.pk


def test_a_meeting_host_must_be_of_one_of_the_frameworks_sides(client, world):
    meeting = Meeting.objects.get(pk=world.meeting.pk)
    body = refused(post_change(client, world, "alice", meeting, host=str(world.auc.pk)))
    assert "The host must be an entity of one of the framework's sides." in body
    assert Meeting.objects.get(pk=meeting.pk).host_id is None


@pytest.mark.parametrize("persona", ["bob", "uma"])
def test_a_coordinator_of_another_framework_cannot_post_to_its_rows(client, world, persona):
    activity = Activity.all_objects.get(pk=world.act_au.pk)
    client.force_login(world.users[persona])
    response = client.post(change_url(activity), {"title": "Taken over", "_save": "Save"})
    assert response.status_code in (302, 403)  # "no such row" or refused
    assert fresh(activity).title == activity.title
    item = ActionItem.all_objects.get(pk=world.ai_au.pk)
    response = client.post(change_url(item), {"title": "Taken over", "_save": "Save"})
    assert response.status_code in (302, 403) and fresh(item).title == item.title
