"""Who reads what: members read everything of their framework, the public (anonymous or
signed in without a role) reads reference data and what is published; ``viewable``
gives the same answers as ``can_view``."""

from __future__ import annotations

import pytest

from accord.accounts import permissions as P
from tests.world import PERSONAS

EVERYONE = set(PERSONAS)
ADMIN = {"alice"}
MEMBERS = {"alice", "bob", "uma", "carol", "dan"}

READS = [
    ("act_ohchr", EVERYONE),  # published
    ("act_other", MEMBERS),  # not published
    ("act_au", ADMIN),  # another framework, not published
    ("ind_ohchr", EVERYONE),  # of a published activity
    ("ind_other", MEMBERS),
    ("pu_ohchr", EVERYONE),
    ("pu_participant", MEMBERS),
    ("pu_au", ADMIN),
    ("meeting", EVERYONE),  # published
    ("meeting_au", ADMIN),
    ("decision", EVERYONE),  # of a published meeting
    ("ai_ohchr", EVERYONE),  # of a decision of a published meeting
    ("ai_au", ADMIN),
    ("agreement", MEMBERS),  # not published
    ("agreement_au", ADMIN),
    ("resolution", EVERYONE),  # General Assembly resolutions are public
    ("paragraph", EVERYONE),
    ("mandate", EVERYONE),
    ("framework", EVERYONE),
    ("area", EVERYONE),
    ("biennium", EVERYONE),
    ("ohchr", EVERYONE),
    ("oic", EVERYONE),
    ("fp_ohchr", MEMBERS),  # people and e-mail addresses: members only
]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("name", "allowed"), READS, ids=[r[0] for r in READS])
def test_who_may_read(world, persona, name, allowed):
    user, obj = world.fresh_user(persona), world.objects[name]
    assert P.can_view(user, obj) is (persona in allowed)
    rows = type(obj)._default_manager.filter(pk=obj.pk)
    assert P.viewable(user, rows).exists() is (persona in allowed)


def test_anonymous_lists_only_published_activities(world):
    from accord.cooperation.models import Activity

    codes = set(P.viewable(world.eve, Activity.objects.all()).values_list("code", flat=True))
    assert codes == {"HR-01"}


def test_a_viewer_lists_every_activity_of_the_framework_and_none_of_another(world):
    from accord.cooperation.models import Activity

    codes = set(
        P.viewable(world.fresh_user("dan"), Activity.objects.all()).values_list("code", flat=True)
    )
    assert codes == {"HR-01", "HR-02", "HR-03"}


def test_a_user_reads_their_own_memberships_only(world):
    from accord.accounts.models import Membership

    bob = world.fresh_user("bob")
    assert set(
        P.viewable(bob, Membership.objects.all()).values_list("user__username", flat=True)
    ) == {"bob"}
    assert P.viewable(world.fresh_user("alice"), Membership.objects.all()).count() == 5
