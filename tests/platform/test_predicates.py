"""The domain's predicates, written once on the querysets and asked by every page and
report: open and overdue action items, late activities, participants of activities, the
session year and the status palette."""

from __future__ import annotations

import base64
import datetime
import hashlib
import re

from accord.cooperation.models import ActionItem, Activity
from accord.cooperation.palette import STATUS_COLOURS, status_colour, status_css_properties
from accord.cooperation.selectors import participants_by_activity
from resolutions.sessions import session_opening_in, session_year

DAY = datetime.date(2019, 6, 1)


def _item(framework, title, status, due_on):
    return ActionItem.objects.create(framework=framework, title=title, status=status, due_on=due_on)


def test_open_closed_and_overdue_action_items(world):
    S = ActionItem.Status
    late = _item(world.framework, "late", S.OPEN, DAY - datetime.timedelta(days=1))
    busy = _item(world.framework, "busy", S.IN_PROGRESS, DAY + datetime.timedelta(days=1))
    done = _item(world.framework, "done", S.DONE, DAY - datetime.timedelta(days=9))
    dropped = _item(world.framework, "dropped", S.CANCELLED, None)
    undated = _item(world.framework, "undated", S.OPEN, None)
    items = ActionItem.objects.all()
    assert set(items.open()) == {late, busy, undated}
    assert set(items.closed()) == {done, dropped}
    assert list(items.overdue(DAY)) == [late]
    # due on the day itself is not overdue yet
    assert list(items.overdue(DAY - datetime.timedelta(days=1))) == []
    assert late.is_open and not done.is_open


def test_soft_deleted_items_stay_hidden_from_the_predicates(world, alice):
    item = _item(world.framework, "late", ActionItem.Status.OPEN, DAY - datetime.timedelta(days=1))
    item.soft_delete(alice)
    assert list(ActionItem.objects.overdue(DAY)) == []
    assert list(ActionItem.all_objects.overdue(DAY)) == [item]


def test_late_activities_are_past_their_end_and_not_completed(activity):
    activity.end_on = DAY - datetime.timedelta(days=1)
    activity.save()
    assert list(Activity.objects.late(DAY)) == [activity]
    assert list(Activity.objects.late(activity.end_on)) == []
    for status in (Activity.Status.COMPLETED, Activity.Status.CANCELLED):
        Activity.objects.filter(pk=activity.pk).update(status=status)
        assert list(Activity.objects.late(DAY)) == []


def test_unfinished_activities_are_neither_completed_nor_cancelled(activity):
    for status in Activity.Status.values:
        Activity.objects.filter(pk=activity.pk).update(status=status)
        unfinished = list(Activity.objects.unfinished()) == [activity]
        assert unfinished == (status not in ("completed", "cancelled")), status


def test_pending_mandates_are_those_not_carried_out_superseded_or_inapplicable(db):
    from accord.documents.models import Mandate, Paragraph, Resolution

    resolution = Resolution.objects.create(symbol="A/RES/73/135", session=73, number="135")
    paragraph = Paragraph.objects.create(
        resolution=resolution, pid="op-25", kind="operative", number=25, text="Requests ..."
    )
    mandate = Mandate.objects.create(resolution=resolution, paragraph=paragraph, verb="Requests")
    pending = {
        status: (
            Mandate.objects.filter(pk=mandate.pk).update(status=status),
            Mandate.objects.pending().filter(pk=mandate.pk).exists(),
        )[1]
        for status in Mandate.Status.values
    }
    assert pending == {
        "not_started": True,
        "in_progress": True,
        "implemented": False,
        "superseded": False,
        "no_longer_applicable": False,
    }


def test_participants_by_activity_in_one_query(activity, world, django_assert_num_queries):
    activity.participants.set([world.ohchr, world.iphrc])
    with django_assert_num_queries(1):
        by_id = participants_by_activity([activity.pk, 999_999])
    assert by_id == {activity.pk: {world.ohchr.pk, world.iphrc.pk}, 999_999: set()}
    acronyms = participants_by_activity([activity.pk], value="entity__acronym")
    assert acronyms == {activity.pk: {"OHCHR", "IPHRC"}}


def test_session_year_and_its_inverse():
    assert session_year(75) == 2020
    assert session_opening_in(2020) == 75
    assert all(session_opening_in(session_year(n)) == n for n in range(1, 90))


def test_one_status_palette_for_every_status_and_the_stylesheet(client, db):
    assert set(STATUS_COLOURS) == set(Activity.Status.values)
    assert status_colour("nonsense") != status_colour("planned")
    response = client.get("/accounts/login/")
    html = response.content.decode()
    assert status_css_properties() in html
    for value in Activity.Status.values:
        assert f"--status-{value}: {STATUS_COLOURS[value]};" in html
    # a browser applies an inline <style> only if the policy names the hash of its text
    # (the browser tests fail on any refusal: tests/browser/conftest.py)
    (style,) = re.findall(r"<style>(.*?)</style>", html, re.S)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    style_src = response["Content-Security-Policy"].split("style-src")[1].split(";")[0]
    assert style_src.split() == ["'self'", f"'sha256-{digest}'"]


def test_the_stylesheet_colours_statuses_from_the_palette():
    from django.conf import settings

    css = (settings.BASE_DIR / "accord" / "static" / "accord" / "accord.css").read_text()
    for value in Activity.Status.values:
        assert f".status-{value} {{ color: var(--status-{value}); }}" in css


def test_an_item_no_longer_applicable_is_closed_and_cannot_be_closed_again(world, alice):
    import pytest

    from accord.cooperation.services import action_item_close
    from accord.core.errors import AccordError

    gone = _item(world.framework, "superseded", ActionItem.Status.NO_LONGER_APPLICABLE, None)
    assert not gone.is_open
    assert gone in ActionItem.objects.closed()
    with pytest.raises(AccordError, match="already closed"):
        action_item_close(item=gone, user=alice, evidence="done anyway")
