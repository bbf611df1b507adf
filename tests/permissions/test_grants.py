"""Where roles come from: memberships in force (dates, active users), superusers, the
rules a membership must follow, and the cost of asking (one query per user object)."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accord.accounts import permissions as P
from accord.accounts.models import Membership
from accord.accounts.users import grant
from accord.cooperation.models import Activity
from accord.core.errors import AccordError


def test_a_superuser_counts_as_an_administrator(world):
    olga = world.fresh_user("olga")
    olga.is_superuser = True
    olga.save()
    olga = world.fresh_user("olga")
    assert P.can_edit(olga, world.act_au) and P.can_delete(olga, world.framework)


def test_an_ended_membership_gives_nothing(world):
    Membership.objects.filter(user__username="dan").update(end_on=datetime.date(2020, 1, 1))
    assert not P.can_view(world.fresh_user("dan"), world.act_other)


def test_a_membership_not_started_yet_gives_nothing(world):
    Membership.objects.filter(user__username="carol").update(start_on=datetime.date(2999, 1, 1))
    assert not P.can_edit(world.fresh_user("carol"), world.act_ohchr)


def test_an_inactive_user_is_refused_everything(world):
    bob = world.fresh_user("bob")
    bob.is_active = False
    assert not P.can_edit(bob, world.act_other)
    assert not P.can_use_admin(bob)


def test_a_revoked_membership_gives_nothing(world):
    Membership.objects.get(user__username="uma").soft_delete()
    assert not P.can_edit(world.fresh_user("uma"), world.act_other)


def test_memberships_are_read_once_per_user_and_lists_cost_one_query(world):
    carol = world.fresh_user("carol")
    activities = list(Activity.objects.prefetch_related("participants"))
    with CaptureQueriesContext(connection) as first:
        P.can_edit(carol, activities[0])
    with CaptureQueriesContext(connection) as rest:
        answers = [P.can_edit(carol, a) for a in activities]
        rows = list(P.editable(carol, Activity.objects.all()))
    assert len(first) == 1  # the memberships
    assert len(rest) == 1  # the editable list; the per-row checks ask nothing
    assert {a.code for a, ok in zip(activities, answers, strict=True) if ok} == {
        a.code for a in rows
    }


def test_a_coordinator_must_name_a_side_of_the_framework(world):
    m = Membership(
        user=world.users["olga"],
        role="coordinator",
        framework=world.framework,
        organization=world.au,
    )
    with pytest.raises(ValidationError, match="one of the two sides"):
        m.full_clean()


def test_a_focal_point_must_name_an_entity_and_an_administrator_no_framework(world):
    with pytest.raises(ValidationError, match="needs an entity"):
        Membership(
            user=world.users["olga"], role="focal_point", framework=world.framework
        ).full_clean()
    with pytest.raises(ValidationError, match="not limited"):
        Membership(
            user=world.users["olga"], role="administrator", framework=world.framework
        ).full_clean()


def test_granting_a_role_that_lacks_its_side_is_refused_as_an_accord_error(world):
    """The service raises the one error type of the services, with the field's message."""
    olga = world.users["olga"]
    with pytest.raises(AccordError, match="one of the two sides") as refused:
        grant(olga, "coordinator", framework=world.framework, organization=world.au)
    assert list(refused.value.message_dict) == ["organization"]
    assert not Membership.objects.filter(user=olga, role="coordinator").exists()


def test_the_admin_is_for_administrators_only(world):
    people = ("alice", "bob", "uma", "carol", "dan", "olga", "eve")
    assert [p for p in people if P.can_use_admin(world.fresh_user(p))] == ["alice"]
    # coordinators still protect their sign-in with a second factor
    assert [p for p in people if P.can_use_second_factor(world.fresh_user(p))] == [
        "alice",
        "bob",
        "uma",
    ]


def test_a_grant_is_written_by_the_services_with_one_history_record(world):
    """grant() writes through core.services.object_create: one history record naming the
    granter, none named for the system actor (the command line without --user), and the
    same role granted again is not added twice."""
    from accord.core.actors import SYSTEM

    olga, alice = world.users["olga"], world.users["alice"]
    viewer, created = grant(olga, "viewer", framework=world.framework, by=alice)
    assert created
    assert [(r.history_type, r.history_user) for r in viewer.history.all()] == [("+", alice)]
    assert grant(olga, "viewer", framework=world.framework, by=alice) == (viewer, False)
    coordinator, created = grant(
        olga, "coordinator", framework=world.framework_au, organization=world.au, by=SYSTEM
    )
    assert created
    assert [(r.history_type, r.history_user) for r in coordinator.history.all()] == [("+", None)]
