"""Writes (PATCH, PUT, DELETE, POST): through the services, with If-Match (428 without it, 412 with a stale version and
the pages' message), a read-write token (401 without, 403 read-only), and refused (403) to
each role the pages refuse, 404 to whoever may not read the row."""

from __future__ import annotations

import pytest

from accord.cooperation.models import ActionItem, Activity, ProgressUpdate
from accord.cooperation.services import activity_update
from accord.core.services import stale_edit

pytestmark = pytest.mark.django_db


def etag(obj) -> str:
    return f'"{obj.version}"'


def test_a_focal_point_patches_an_activity_of_theirs(world, as_):
    a = Activity.objects.get(pk=world.act_ohchr.pk)
    answer = as_("carol").send(
        "PATCH",
        f"/activities/{a.pk}",
        {"status": "ongoing", "title": "Workshops on rights", "sdg_targets": ["16.7"]},
        **{"If-Match": etag(a)},
    )
    assert answer.status_code == 200, answer.content
    fresh = Activity.objects.get(pk=a.pk)
    assert (fresh.status, fresh.title) == ("ongoing", "Workshops on rights")
    assert [t.code for t in fresh.sdg_targets.all()] == ["16.7"]
    assert answer["ETag"] == etag(fresh) == f'"{a.version + 1}"'
    assert answer.json()["status"] == "ongoing"
    record = fresh.history.latest()
    assert record.history_user == world.carol  # one history record naming the writer


def test_a_patch_without_if_match_is_428_and_a_stale_one_412_with_the_pages_message(world, as_):
    a = Activity.objects.get(pk=world.act_ohchr.pk)
    missing = as_("carol").send("PATCH", f"/activities/{a.pk}", {"status": "ongoing"})
    assert missing.status_code == 428
    assert missing.json()["error"]["code"] == "precondition_required"
    seen = a.version
    activity_update(activity=a, user=world.uma, expected_version=seen, title="Changed by Uma")
    stale = as_("carol").send(
        "PATCH", f"/activities/{a.pk}", {"status": "ongoing"}, **{"If-Match": f'"{seen}"'}
    )
    assert stale.status_code == 412
    fresh = Activity.objects.get(pk=a.pk)
    assert stale.json()["error"]["message"] == str(stale_edit(fresh, seen))
    assert "uma" in stale.json()["error"]["message"]
    assert fresh.status == "planned"  # nothing saved
    junk = as_("carol").send("PATCH", f"/activities/{a.pk}", {}, **{"If-Match": "yesterday"})
    assert junk.status_code == 412


def test_a_value_the_edit_form_refuses_is_400_with_its_field(world, as_):
    a = Activity.objects.get(pk=world.act_ohchr.pk)
    answer = as_("carol").send(
        "PATCH",
        f"/activities/{a.pk}",
        {"un_lead": world.iphrc.pk, "start_on": "2019-05-01", "end_on": "2019-01-01"},
        **{"If-Match": etag(a)},
    )
    assert answer.status_code == 400, answer.content
    fields = answer.json()["error"]["fields"]
    assert {"un_lead", "end_on"} <= set(fields)
    assert Activity.objects.get(pk=a.pk).version == a.version


def test_a_progress_update_and_the_status_after_it(world, as_):
    a = Activity.objects.get(pk=world.act_participant.pk)  # OHCHR takes part
    plain = as_("carol").send("POST", f"/activities/{a.pk}/progress", {"text": "Held one"})
    assert plain.status_code == 201, plain.content
    assert ProgressUpdate.objects.get(pk=plain.json()["id"]).author == world.carol
    no_version = as_("carol").send(
        "POST", f"/activities/{a.pk}/progress", {"text": "Done", "status_after": "completed"}
    )
    assert no_version.status_code == 428
    done = as_("carol").send(
        "POST",
        f"/activities/{a.pk}/progress",
        {"text": "Done", "status_after": "completed"},
        **{"If-Match": etag(a)},
    )
    assert done.status_code == 201
    assert Activity.objects.get(pk=a.pk).status == "completed"


def test_an_action_item_is_edited_then_closed_and_not_closed_twice(world, as_):
    item = ActionItem.objects.get(pk=world.ai_ohchr.pk)
    edited = as_("carol").send(
        "PATCH",
        f"/action-items/{item.pk}",
        {"status": "in_progress", "due_on": "2019-07-31"},
        **{"If-Match": etag(item)},
    )
    assert edited.status_code == 200, edited.content
    item.refresh_from_db()
    assert (item.status, str(item.due_on)) == ("in_progress", "2019-07-31")
    early = as_("carol").send(
        "PATCH", f"/action-items/{item.pk}", {"due_on": "2018-01-01"}, **{"If-Match": etag(item)}
    )
    assert early.status_code == 400  # before its meeting, as the page says
    assert "due_on" in early.json()["error"]["fields"]
    closed = as_("carol").send(
        "POST",
        f"/action-items/{item.pk}/close",
        {"evidence": "Report of the workshop", "evidence_url": "https://example.org/r"},
        **{"If-Match": etag(item)},
    )
    assert closed.status_code == 200, closed.content
    item.refresh_from_db()
    assert (item.status, item.closed_by) == ("done", world.carol)
    again = as_("carol").send(
        "POST", f"/action-items/{item.pk}/close", {"evidence": "x"}, **{"If-Match": etag(item)}
    )
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "conflict"


def full(activity) -> dict:
    """The fields a PUT must send (the others are emptied)."""
    return {
        "code": activity.code,
        "title": activity.title,
        "priority_area": activity.priority_area_id,
        "un_lead": activity.un_lead_id,
        "partner_lead": activity.partner_lead_id,
        "status": "ongoing",
    }


def test_a_put_replaces_every_field_and_empties_those_not_sent(world, as_):
    a = Activity.objects.get(pk=world.act_ohchr.pk)
    activity_update(
        activity=a, user=world.uma, expected_version=a.version, description="To be emptied"
    )
    a = Activity.objects.get(pk=a.pk)
    missing = as_("carol").send("PUT", f"/activities/{a.pk}", full(a))
    assert missing.status_code == 428
    partial = as_("carol").send(
        "PUT", f"/activities/{a.pk}", {"status": "ongoing"}, **{"If-Match": etag(a)}
    )
    assert partial.status_code == 400 and "code" in partial.json()["error"]["fields"]
    answer = as_("carol").send("PUT", f"/activities/{a.pk}", full(a), **{"If-Match": etag(a)})
    assert answer.status_code == 200, answer.content
    fresh = Activity.objects.get(pk=a.pk)
    assert (fresh.status, fresh.description, fresh.version) == ("ongoing", "", a.version + 1)
    assert answer["ETag"] == etag(fresh)
    stale = as_("carol").send("PUT", f"/activities/{a.pk}", full(a), **{"If-Match": etag(a)})
    assert stale.status_code == 412
    assert stale.json()["error"]["message"] == str(stale_edit(fresh, a.version))


def test_a_put_of_an_action_item_clears_its_due_date(world, as_):
    item = ActionItem.objects.get(pk=world.ai_ohchr.pk)
    body = {"title": "Run the workshop", "status": "in_progress"}
    answer = as_("carol").send("PUT", f"/action-items/{item.pk}", body, **{"If-Match": etag(item)})
    assert answer.status_code == 200, answer.content
    item.refresh_from_db()
    assert (item.title, item.status, item.due_on, item.owner_id) == (
        "Run the workshop",
        "in_progress",
        None,
        None,
    )


def test_a_delete_takes_the_activity_out_as_the_page_does(world, as_):
    a = Activity.objects.get(pk=world.act_other.pk)
    url = f"/activities/{a.pk}"
    assert as_("bob").send("DELETE", url, {}).status_code == 428
    assert as_("bob").send("DELETE", url, {}, **{"If-Match": '"999"'}).status_code == 412
    answer = as_("bob").send("DELETE", url, {}, **{"If-Match": etag(a)})
    assert answer.status_code == 204 and answer.content == b""
    assert not Activity.objects.filter(pk=a.pk).exists()
    assert Activity.all_objects.get(pk=a.pk).is_deleted  # restorable from the pages
    assert as_("bob").get(url).status_code == 404
    again = as_("bob").send("DELETE", url, {}, **{"If-Match": etag(a)})
    assert again.status_code == 404


def test_writes_need_a_read_write_token(world, as_):
    a = Activity.objects.get(pk=world.act_ohchr.pk)
    header = {"If-Match": etag(a)}
    public = as_("eve").send("PATCH", f"/activities/{a.pk}", {"status": "ongoing"}, **header)
    assert public.status_code == 401
    read_only = as_("carol", scope="read").send(
        "PATCH", f"/activities/{a.pk}", {"status": "ongoing"}, **header
    )
    assert read_only.status_code == 403
    assert read_only.json()["error"]["code"] == "forbidden"
    # a signed-in session reads, but does not write (no CSRF hole: writes need a token)
    from django.test import Client

    session = Client()
    session.force_login(world.users["carol"])
    assert session.get(f"/api/v1/activities/{world.act_other.pk}").status_code == 200
    written = session.patch(
        f"/api/v1/activities/{a.pk}",
        {"status": "ongoing"},
        content_type="application/json",
        HTTP_IF_MATCH=etag(a),
    )
    assert written.status_code == 401
    assert Activity.objects.get(pk=a.pk).status == "planned"


# Each write and who the pages let do it (tests/permissions/test_writes.py has the table).
WRITES = [
    (
        "PATCH",
        "activities/{act_other}",
        {"status": "ongoing"},
        "act_other",
        {"alice", "bob", "uma"},
    ),
    (
        "PATCH",
        "activities/{act_ohchr}",
        {"status": "ongoing"},
        "act_ohchr",
        {"alice", "bob", "uma", "carol"},
    ),
    ("PATCH", "activities/{act_au}", {"status": "ongoing"}, "act_au", {"alice"}),
    (
        "POST",
        "activities/{act_other}/progress",
        {"text": "Note"},
        "act_other",
        {"alice", "bob", "uma"},
    ),
    (
        "POST",
        "activities/{act_participant}/progress",
        {"text": "Note"},
        "act_participant",
        {"alice", "bob", "uma", "carol"},
    ),
    ("PATCH", "action-items/{ai_isdb}", {"title": "Fund it"}, "ai_isdb", {"alice", "bob", "uma"}),
    (
        "PATCH",
        "action-items/{ai_ohchr}",
        {"title": "Run it"},
        "ai_ohchr",
        {"alice", "bob", "uma", "carol"},
    ),
    (
        "POST",
        "action-items/{ai_isdb}/close",
        {"evidence": "Paid"},
        "ai_isdb",
        {"alice", "bob", "uma"},
    ),
    ("POST", "action-items/{ai_au}/close", {"evidence": "Done"}, "ai_au", {"alice"}),
    ("PUT", "activities/{act_other}", full, "act_other", {"alice", "bob", "uma"}),
    ("PUT", "activities/{act_ohchr}", full, "act_ohchr", {"alice", "bob", "uma", "carol"}),
    ("PUT", "activities/{act_au}", full, "act_au", {"alice"}),
    (
        "PUT",
        "action-items/{ai_ohchr}",
        {"title": "Run it", "status": "open"},
        "ai_ohchr",
        {"alice", "bob", "uma", "carol"},
    ),
    ("PUT", "action-items/{ai_au}", {"title": "Do it", "status": "open"}, "ai_au", {"alice"}),
    # a focal point edits their activity but does not delete it (the pages' rule)
    ("DELETE", "activities/{act_ohchr}", {}, "act_ohchr", {"alice", "bob", "uma"}),
    ("DELETE", "activities/{act_au}", {}, "act_au", {"alice"}),
]


@pytest.mark.parametrize(
    "method,path,body,target,allowed", WRITES, ids=[f"{w[0]} {w[1]}" for w in WRITES]
)
def test_every_write_is_refused_to_each_role_the_pages_refuse(
    world, as_, method, path, body, target, allowed
):
    from django.db import transaction

    from accord.accounts.permissions import can_view

    url = "/" + path.format(
        **{
            k: getattr(world, k).pk
            for k in (
                "act_other",
                "act_ohchr",
                "act_au",
                "act_participant",
                "ai_isdb",
                "ai_ohchr",
                "ai_au",
            )
        }
    )
    for persona in ("alice", "bob", "uma", "carol", "dan", "olga", "eve"):
        obj = type(world.objects[target]).objects.get(pk=world.objects[target].pk)
        with transaction.atomic():
            sent = body(obj) if callable(body) else body
            answer = as_(persona).send(method, url, sent, **{"If-Match": etag(obj)})
            transaction.set_rollback(True)
        if persona in allowed:
            assert answer.status_code in (200, 201, 204), (persona, answer.content)
        elif persona == "eve":
            assert answer.status_code == 401, persona
        else:
            reads = can_view(world.fresh_user(persona), obj)
            assert answer.status_code == (403 if reads else 404), (persona, answer.content)
